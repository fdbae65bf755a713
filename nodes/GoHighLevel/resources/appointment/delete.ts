import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { appointmentIdField } from './fields';

const show = { resource: ['appointment'], operation: ['delete'] };

/** Delete: `DELETE /calendars/events/{eventId}` (calendars.json `delete-event`, body `{}`) → `{ succeeded: true }`. */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an appointment',
	description: 'Delete an appointment (to keep it on record, set its status to Cancelled with Update instead)',
	routing: routeTo({ endpoint: ENDPOINTS.deleteEvent, pathParameters: { eventId: 'appointmentId' } }),
};

export const description: INodeProperties[] = [appointmentIdField(show)];
