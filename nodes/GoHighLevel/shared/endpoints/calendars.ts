import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.calendarsAndConversations;

/** Endpoints of calendars.json (FACTS.md 2.3, Version 2021-04-15): calendars, groups, free slots, appointments, blocked slots, appointment notes. Keys are unique across all app modules (see index.ts). */
export const CALENDARS_ENDPOINTS = {
	getCalendars: {
		spec: 'calendars',
		operationId: 'get-calendars',
		method: 'GET',
		path: '/calendars/',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'calendars',
		scope: 'calendars.readonly',
	},
	/** Time window `startTime`/`endTime` (epoch ms as strings) on the events' start, plus one of calendarId/userId/groupId. */
	getCalendarEvents: {
		spec: 'calendars',
		operationId: 'get-calendar-events',
		method: 'GET',
		path: '/calendars/events',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'events',
		scope: 'calendars/events.readonly',
	},
	/** One appointment by id: the trigger's Include Full Record. */
	getAppointment: {
		spec: 'calendars',
		operationId: 'get-appointment',
		method: 'GET',
		path: '/calendars/events/appointments/{eventId}',
		version: VERSION,
		root: 'event',
		scope: 'calendars/events.readonly',
	},
} satisfies Record<string, Endpoint>;
