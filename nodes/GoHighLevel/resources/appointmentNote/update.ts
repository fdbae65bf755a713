import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { validateBody } from '../../shared/validation';
import { appointmentIdField, noteBodyFields, noteIdField } from './fields';

const show = { resource: ['appointmentNote'], operation: ['update'] };

/** Update: `PUT /calendars/appointments/{appointmentId}/notes/{noteId}` (calendars.json `update-appointment-note`) → `note`. */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an appointment note',
	description: 'Replace the text of a note of an appointment',
	routing: routeTo({
		endpoint: ENDPOINTS.updateAppointmentNote,
		pathParameters: { appointmentId: 'appointmentId', noteId: 'noteId' },
		preSend: [validateBody([], { anyOf: ['body'], message: 'Enter the new Body of the note' })],
	}),
};

export const description: INodeProperties[] = [appointmentIdField(show), noteIdField(show), ...noteBodyFields(show)];
