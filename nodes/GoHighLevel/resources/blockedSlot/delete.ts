import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { blockedSlotIdField } from './fields';

const show = { resource: ['blockedSlot'], operation: ['delete'] };

/** Delete: `DELETE /calendars/events/{eventId}` (calendars.json `delete-event`, which deletes any event) → `{ succeeded: true }`. */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a blocked slot',
	description: 'Free the time of a blocked slot again',
	routing: routeTo({ endpoint: ENDPOINTS.deleteEvent, pathParameters: { eventId: 'blockedSlotId' } }),
};

export const description: INodeProperties[] = [blockedSlotIdField(show)];
