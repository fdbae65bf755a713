import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { eventWindowFields, eventWindowQuery, mergeEvents, splitEventWindow } from '../../shared/calendarFields';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['appointment'], operation: ['getAll'] };

/**
 * Get Many: `GET /calendars/events` (calendars.json `get-calendar-events`) of a calendar, user or group, starting in a
 * window (epoch ms). No cursor; windows over `MAX_EVENTS_SPAN_MS` (31 days; the API documents no maximum) are asked in
 * parts and merged, each appointment once, by start time.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many appointments',
	description: 'List the appointments of a calendar, user or calendar group starting between two times',
	routing: routeTo({
		endpoint: ENDPOINTS.getCalendarEvents,
		preSend: [eventWindowQuery],
		split: splitEventWindow,
		output: mergeEvents,
		fieldNames: { startTime: 'Start Time', endTime: 'End Time', calendarId: 'Calendar Name or ID', userId: 'User', groupId: 'Calendar Group Name or ID' },
	}),
};

export const description: INodeProperties[] = eventWindowFields(show, 'Appointments');
