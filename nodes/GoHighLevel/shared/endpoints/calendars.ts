import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.calendarsAndConversations;

/**
 * Endpoints of calendars.json (FACTS.md 2.3, Version 2021-04-15): calendars, groups, free slots, appointments, blocked
 * slots, appointment notes. Keys are unique across all app modules (see index.ts). The appointments of one contact
 * (`get-appointments-for-contact`) are in contacts.json, so in contacts.ts.
 */
export const CALENDARS_ENDPOINTS = {
	/** Calendars of the location, optional `groupId`; not paged (FACTS.md 2.14). */
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
	/** One calendar by id → `calendar` (its `slotDuration` + `slotDurationUnit` give an appointment's default length). */
	getCalendar: {
		spec: 'calendars',
		operationId: 'get-calendar',
		method: 'GET',
		path: '/calendars/{calendarId}',
		version: VERSION,
		root: 'calendar',
		scope: 'calendars.readonly',
	},
	/** Body `CalendarCreateDTO` (`locationId`, `name` required) → `calendar`. */
	createCalendar: {
		spec: 'calendars',
		operationId: 'create-calendar',
		method: 'POST',
		path: '/calendars/',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		root: 'calendar',
		scope: 'calendars.write',
	},
	/** Body `CalendarUpdateDTO` (partial) → `calendar`. */
	updateCalendar: {
		spec: 'calendars',
		operationId: 'update-calendar',
		method: 'PUT',
		path: '/calendars/{calendarId}',
		version: VERSION,
		root: 'calendar',
		scope: 'calendars.write',
	},
	/** → `{ success: true }`. */
	deleteCalendar: {
		spec: 'calendars',
		operationId: 'delete-calendar',
		method: 'DELETE',
		path: '/calendars/{calendarId}',
		version: VERSION,
		scope: 'calendars.write',
	},
	/**
	 * Free slots: `startDate` / `endDate` epoch ms **numbers**, at most 31 days apart ("Date range cannot be more than
	 * 31 days", spec parameter description; shared/time.ts `MAX_FREE_SLOTS_SPAN_MS`), `timezone` (IANA), `userId`.
	 * Answer: an object keyed by date `YYYY-MM-DD` → `{ slots: [ISO with offset, …] }`, plus `traceId` (no root).
	 */
	getFreeSlots: {
		spec: 'calendars',
		operationId: 'get-slots',
		method: 'GET',
		path: '/calendars/{calendarId}/free-slots',
		version: VERSION,
		scope: 'calendars.readonly',
	},
	/** Calendar groups of the location → `groups[]`; not paged. */
	getCalendarGroups: {
		spec: 'calendars',
		operationId: 'get-groups',
		method: 'GET',
		path: '/calendars/groups',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'groups',
		scope: 'calendars/groups.readonly',
	},
	/**
	 * Time window `startTime`/`endTime` (epoch ms as strings) on the events' start, plus one of calendarId/userId/groupId.
	 * No cursor and no documented maximum window (FACTS.md 2.3, 2.14); the node splits long windows
	 * (resources/appointment/getAll.ts `MAX_EVENTS_SPAN_MS`).
	 */
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
	/** One appointment by id: the trigger's Include Full Record, and Appointment → Get. */
	getAppointment: {
		spec: 'calendars',
		operationId: 'get-appointment',
		method: 'GET',
		path: '/calendars/events/appointments/{eventId}',
		version: VERSION,
		root: 'event',
		scope: 'calendars/events.readonly',
	},
	/**
	 * Body `AppointmentCreateSchema` (`calendarId`, `locationId`, `contactId`, `startTime` required; times ISO 8601 with
	 * offset) → the flat appointment, no wrapper key (FACTS.md 2.3). A write: never re-sent after an ambiguous failure.
	 */
	createAppointment: {
		spec: 'calendars',
		operationId: 'create-appointment',
		method: 'POST',
		path: '/calendars/events/appointments',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		scope: 'calendars/events.write',
	},
	/** Body `AppointmentEditSchema` (partial, no locationId) → the flat appointment. */
	updateAppointment: {
		spec: 'calendars',
		operationId: 'edit-appointment',
		method: 'PUT',
		path: '/calendars/events/appointments/{eventId}',
		version: VERSION,
		scope: 'calendars/events.write',
	},
	/**
	 * Deletes an appointment or a blocked slot → 201 `{ succeeded: true }`. The spec marks a body required whose schema
	 * (`DeleteAppointmentSchema`) is `{}`; none is sent (n8n's HTTP helper drops an empty object).
	 */
	deleteEvent: {
		spec: 'calendars',
		operationId: 'delete-event',
		method: 'DELETE',
		path: '/calendars/events/{eventId}',
		version: VERSION,
		scope: 'calendars/events.write',
	},
	/** Blocked slots, same window and filters as {@link CALENDARS_ENDPOINTS.getCalendarEvents} → `events[]`. */
	getBlockedSlots: {
		spec: 'calendars',
		operationId: 'get-blocked-slots',
		method: 'GET',
		path: '/calendars/blocked-slots',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'events',
		scope: 'calendars/events.readonly',
	},
	/** Body `BlockSlotCreateRequestDTO` (`calendarId`, `locationId` required; ISO times) → 201, the flat blocked slot. */
	createBlockedSlot: {
		spec: 'calendars',
		operationId: 'create-block-slot',
		method: 'POST',
		path: '/calendars/events/block-slots',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		scope: 'calendars/events.write',
	},
	/** Body `BlockSlotEditRequestDTO` (`calendarId`, `locationId` required) → 201, the flat blocked slot. */
	updateBlockedSlot: {
		spec: 'calendars',
		operationId: 'edit-block-slot',
		method: 'PUT',
		path: '/calendars/events/block-slots/{eventId}',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		scope: 'calendars/events.write',
	},
	/**
	 * Notes of an appointment → `notes[]`, `hasMore`; `limit` (required, max 20) and `offset` (required) in the query
	 * (FACTS.md 2.3).
	 */
	getAppointmentNotes: {
		spec: 'calendars',
		operationId: 'get-appointment-notes',
		method: 'GET',
		path: '/calendars/appointments/{appointmentId}/notes',
		version: VERSION,
		root: 'notes',
		scope: 'calendars/events.readonly',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'offset', maxPageSize: 20, moreFlag: 'hasMore' },
	},
	/** Body `NotesDTO` (`body` required, `userId`) → 201 `note`. */
	createAppointmentNote: {
		spec: 'calendars',
		operationId: 'create-appointment-note',
		method: 'POST',
		path: '/calendars/appointments/{appointmentId}/notes',
		version: VERSION,
		root: 'note',
		scope: 'calendars/events.write',
	},
	/** Body `NotesDTO` → `note`. */
	updateAppointmentNote: {
		spec: 'calendars',
		operationId: 'update-appointment-note',
		method: 'PUT',
		path: '/calendars/appointments/{appointmentId}/notes/{noteId}',
		version: VERSION,
		root: 'note',
		scope: 'calendars/events.write',
	},
	/** → `{ success: true }`. */
	deleteAppointmentNote: {
		spec: 'calendars',
		operationId: 'delete-appointment-note',
		method: 'DELETE',
		path: '/calendars/appointments/{appointmentId}/notes/{noteId}',
		version: VERSION,
		scope: 'calendars/events.write',
	},
} satisfies Record<string, Endpoint>;
