import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	APPOINTMENT_STATUS_OPTIONS,
	appointmentIdParameter,
	calendarField,
	readEventInput,
	timeZoneOption,
	ZONED_TIME_HINT,
} from '../../shared/calendarFields';
import { locatorValue, userLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { assertRange, toEpochMs, toZonedIso } from '../../shared/time';
import { apiRequest } from '../../shared/transport';

/** The Appointment ID field (an appointment's `id`, e.g. from Create, Get Many or an AppointmentCreate event). */
export function appointmentIdField(show: Record<string, string[]>): INodeProperties {
	return appointmentIdParameter(
		show,
		'ID of the appointment, e.g. from Appointment → Get Many or an AppointmentCreate trigger event',
	);
}

/** Meeting location types (calendars.json `AppointmentCreateSchema.meetingLocationType`). */
const MEETING_LOCATION_TYPES = [
	{ name: 'Address', value: 'address' },
	{ name: 'Custom', value: 'custom' },
	{ name: 'Google (Calendar)', value: 'google' },
	{ name: 'Google Meet', value: 'gmeet' },
	{ name: 'Microsoft Teams', value: 'ms_teams' },
	{ name: 'Phone', value: 'phone' },
	{ name: 'Zoom', value: 'zoom' },
];

/**
 * Appointment fields of Create (Additional Fields) and Update (Update Fields); sent by {@link appointmentBody}.
 * Update adds Start / End Time and Calendar (a reschedule).
 */
export function appointmentFieldOptions(mode: 'create' | 'update'): INodeProperties[] {
	const options: INodeProperties[] = [
		{ displayName: 'Address', name: 'address', type: 'string', default: '', description: 'Where the meeting takes place: a street address, a phone number or a meeting URL' },
		userLocator({ displayName: 'Assigned User', name: 'assignedUserId', required: false, description: 'The team member who owns the appointment' }),
		{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
		{ displayName: 'Ignore Date Range', name: 'ignoreDateRange', type: 'boolean', default: false, description: "Whether to ignore the calendar's minimum scheduling notice and booking window" },
		{ displayName: 'Meeting Location Type', name: 'meetingLocationType', type: 'options', options: MEETING_LOCATION_TYPES, default: 'custom' },
		{
			displayName: 'Run Automations',
			name: 'toNotify',
			type: 'boolean',
			default: true,
			description: "Whether HighLevel's automations (workflows, notifications) run for this change",
		},
		{
			displayName: 'Skip Free Slot Check',
			name: 'ignoreFreeSlotValidation',
			type: 'boolean',
			default: false,
			description: 'Whether to book even when the time is not a free slot of the calendar (HighLevel refuses such a booking otherwise)',
		},
		{ displayName: 'Status', name: 'appointmentStatus', type: 'options', options: APPOINTMENT_STATUS_OPTIONS, default: 'confirmed' },
		{ ...timeZoneOption },
		{ displayName: 'Title', name: 'title', type: 'string', default: '' },
	];
	if (mode === 'update') {
		options.push(
			calendarField('calendarId', undefined, { required: false, description: 'Move the appointment to this calendar. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' }),
			{ displayName: 'Start Time', name: 'startTime', type: 'dateTime', default: '', description: 'New start (reschedule)', hint: ZONED_TIME_HINT },
			{ displayName: 'End Time', name: 'endTime', type: 'dateTime', default: '', description: 'New end (needs Start Time). Left empty: not sent.', hint: ZONED_TIME_HINT },
		);
		options.sort((a, b) => a.displayName.localeCompare(b.displayName));
	}
	return options;
}

const PLAIN_FIELDS = ['address', 'description', 'meetingLocationType', 'appointmentStatus', 'title', 'ignoreDateRange', 'toNotify', 'ignoreFreeSlotValidation', 'calendarId'];

/** Length of an appointment of `calendar` (calendars.json `CalendarDTO.slotDuration` in `slotDurationUnit`), ms. */
export function slotDurationMs(calendar: IDataObject): number | undefined {
	const duration = Number(calendar.slotDuration);
	if (!Number.isFinite(duration) || duration <= 0) return undefined;
	return duration * (calendar.slotDurationUnit === 'hours' ? 3_600_000 : 60_000);
}

/**
 * `preSend` of Create and Update: the appointment body (calendars.json `AppointmentCreateSchema` /
 * `AppointmentEditSchema`) from the collection `fields` (and, on Create, Calendar, Contact, Start / End Time). Times go
 * as ISO 8601 with the offset of the Time Zone (default: the workflow's). Create without End Time: start + the
 * calendar's slot duration, read with `get-calendar`.
 * @throws NodeOperationError for a bad date-time, End Time not after Start Time, or a calendar without slot duration
 */
export function appointmentBody(mode: 'create' | 'update') {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const { node, itemIndex, fields, start, end, time, body } = readEventInput(this, mode, requestOptions);
		for (const key of PLAIN_FIELDS) {
			const value = fields[key];
			if (value !== undefined && value !== '' && value !== null) body[key] = value;
		}
		const user = locatorValue(fields.assignedUserId);
		if (user) body.assignedUserId = user;
		if (mode === 'create') {
			body.calendarId = String(this.getNodeParameter('calendarId', '')).trim();
			body.contactId = String(this.getNodeParameter('contactId', '', { extractValue: true }) ?? '').trim();
		}
		if (start !== undefined && start !== '') body.startTime = toZonedIso(start, time('Start Time'));
		if (end !== undefined && end !== '') {
			if (body.startTime === undefined) {
				throw new NodeOperationError(node, 'End Time needs a Start Time', {
					itemIndex,
					description: 'Set Start Time too when changing End Time (HighLevel reads both together).',
				});
			}
			body.endTime = toZonedIso(end, time('End Time'));
			assertRange(
				{ startMs: toEpochMs(body.startTime, time('Start Time')), endMs: toEpochMs(body.endTime, time('End Time')) },
				{ node, startParameter: 'Start Time', endParameter: 'End Time', itemIndex },
			);
		} else if (mode === 'create') {
			const calendar = (
				await apiRequest<IDataObject>(this, ENDPOINTS.getCalendar, { path: { calendarId: String(body.calendarId) } })
			).calendar as IDataObject | undefined;
			const duration = slotDurationMs(calendar ?? {});
			if (!duration) {
				throw new NodeOperationError(node, 'The calendar has no slot duration: set End Time', {
					itemIndex,
					description: `Calendar ${String(body.calendarId)} states no slotDuration, so the end of the appointment cannot be derived.`,
				});
			}
			body.endTime = toZonedIso(toEpochMs(body.startTime, time('Start Time')) + duration, time('End Time'));
		}
		return { ...requestOptions, body };
	};
}

/** HighLevel's body names → the node's fields, for 400/422 messages. */
export const APPOINTMENT_FIELD_NAMES = {
	calendarId: 'Calendar Name or ID',
	contactId: 'Contact',
	startTime: 'Start Time',
	endTime: 'End Time',
	assignedUserId: 'Assigned User',
	appointmentStatus: 'Status',
	meetingLocationType: 'Meeting Location Type',
};
