import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { validateBody } from '../../shared/validation';
import { appointmentIdField, noteBodyFields } from './fields';

const show = { resource: ['appointmentNote'], operation: ['create'] };

/** Create: `POST /calendars/appointments/{appointmentId}/notes` (calendars.json `create-appointment-note`) → 201 `note`. */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Add a note to an appointment',
	description: 'Add a note to an appointment',
	routing: routeTo({
		endpoint: ENDPOINTS.createAppointmentNote,
		pathParameters: { appointmentId: 'appointmentId' },
		preSend: [validateBody([], { anyOf: ['body'], message: 'Enter the Body of the note' })],
	}),
};

export const description: INodeProperties[] = [appointmentIdField(show), ...noteBodyFields(show)];
