import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/descriptions';
import { requireChanges } from '../../shared/body';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { APPOINTMENT_FIELD_NAMES, appointmentBody, appointmentFieldOptions, appointmentIdField } from './fields';

const show = { resource: ['appointment'], operation: ['update'] };

/** Update: `PUT /calendars/events/appointments/{eventId}` (calendars.json `edit-appointment`) → the flat appointment. */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an appointment',
	description: 'Reschedule an appointment or change its status (confirmed, cancelled, showed, no show) or details',
	routing: routeTo({
		endpoint: ENDPOINTS.updateAppointment,
		pathParameters: { eventId: 'appointmentId' },
		preSend: [appointmentBody('update'), requireChanges('Update Fields', ['ignoreFreeSlotValidation', 'ignoreDateRange', 'toNotify'])],
		fieldNames: APPOINTMENT_FIELD_NAMES,
	}),
};

export const description: INodeProperties[] = [
	appointmentIdField(show),
	collectionField('updateFields', show, appointmentFieldOptions('update')),
];
