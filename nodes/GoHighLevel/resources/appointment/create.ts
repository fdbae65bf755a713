import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { calendarField, ZONED_TIME_HINT } from '../../shared/calendarFields';
import { collectionField, contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { APPOINTMENT_FIELD_NAMES, appointmentBody, appointmentFieldOptions } from './fields';

const show = { resource: ['appointment'], operation: ['create'] };

/**
 * Create: `POST /calendars/events/appointments` (calendars.json `create-appointment`) → the flat appointment. A POST:
 * never re-sent after an ambiguous failure (shared/transport.ts).
 */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Book an appointment',
	description: 'Book an appointment for a contact in a calendar, by default only in a free slot',
	routing: routeTo({ endpoint: ENDPOINTS.createAppointment, preSend: [appointmentBody('create')], fieldNames: APPOINTMENT_FIELD_NAMES }),
};

export const description: INodeProperties[] = [
	calendarField('calendarId', show),
	contactLocator('contactId', show),
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show },
		description: 'Start of the appointment; use Calendar → Get Free Slots to find a free one',
		hint: ZONED_TIME_HINT,
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		displayOptions: { show },
		description: "End of the appointment. Left empty: Start Time plus the calendar's slot duration (read from the calendar).",
		hint: ZONED_TIME_HINT,
	},
	collectionField('additionalFields', show, appointmentFieldOptions('create')),
];
