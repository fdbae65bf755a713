import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { eventWindowFields, eventWindowRouting } from '../../shared/calendarFields';
import { ENDPOINTS } from '../../shared/endpoints';

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
	routing: eventWindowRouting(ENDPOINTS.getCalendarEvents),
};

export const description: INodeProperties[] = eventWindowFields(show, 'Appointments');
