import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { appointmentIdField, noteIdField } from './fields';

const show = { resource: ['appointmentNote'], operation: ['delete'] };

/** Delete: `DELETE /calendars/appointments/{appointmentId}/notes/{noteId}` (calendars.json `delete-appointment-note`). */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an appointment note',
	description: 'Delete a note of an appointment',
	routing: routeTo({
		endpoint: ENDPOINTS.deleteAppointmentNote,
		pathParameters: { appointmentId: 'appointmentId', noteId: 'noteId' },
	}),
};

export const description: INodeProperties[] = [appointmentIdField(show), noteIdField(show)];
