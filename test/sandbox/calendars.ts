/**
 * Calendar and appointment operations (calendars.json, Version 2021-04-15; FACTS.md 2.3): get-calendars,
 * create-appointment, get-appointment, get-calendar-events. Events are listed by a window on their start time.
 */
import { activityOf, type AppointmentRecord } from './activity';
import { badRequest, iso, notFound, unprocessable, type OperationHandler } from './context';

/** Default appointment length when `endTime` is not given, ms. */
const DEFAULT_APPOINTMENT_MS = 30 * 60_000;

function toMs(value: unknown, name: string): number {
	const text = String(value ?? '').trim();
	const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
	if (!Number.isFinite(ms)) throw unprocessable([`${name} must be a date (ISO 8601) or epoch milliseconds`]);
	return ms;
}

/** GET /calendars/?locationId → `{calendars}`. */
export const getCalendars: OperationHandler = (ctx) => ({
	status: 200,
	body: { calendars: structuredClone(activityOf(ctx.location).calendars) },
});

/**
 * POST /calendars/events/appointments → 200, the flat appointment (FACTS.md 2.3). The calendar must be one of
 * the location's, the contact one of its contacts (400 otherwise). `dateAdded` = now.
 */
export const createAppointment: OperationHandler = (ctx) => {
	const data = activityOf(ctx.location);
	const body = ctx.body as Record<string, unknown>;
	if (!data.calendars.some((c) => c.id === body.calendarId)) throw badRequest(`Calendar ${String(body.calendarId)} not found`);
	if (!ctx.location.contacts.has(String(body.contactId))) throw badRequest(`Contact ${String(body.contactId)} not found in this location`);
	const start = toMs(body.startTime, 'startTime');
	const end = body.endTime === undefined ? start + DEFAULT_APPOINTMENT_MS : toMs(body.endTime, 'endTime');
	const now = iso(ctx.now());
	const appointment: AppointmentRecord = {
		id: ctx.store.ids.id(),
		locationId: ctx.location.id,
		calendarId: String(body.calendarId),
		contactId: String(body.contactId),
		title: typeof body.title === 'string' ? body.title : 'Appointment',
		appointmentStatus: typeof body.appointmentStatus === 'string' ? body.appointmentStatus : 'confirmed',
		assignedUserId: typeof body.assignedUserId === 'string' ? body.assignedUserId : undefined,
		address: typeof body.address === 'string' ? body.address : undefined,
		startTime: iso(start),
		endTime: iso(end),
		dateAdded: now,
		dateUpdated: now,
	};
	if (appointment.assignedUserId === undefined) delete appointment.assignedUserId;
	if (appointment.address === undefined) delete appointment.address;
	data.appointments.set(appointment.id, appointment);
	return { status: 200, body: { ...structuredClone(appointment) } };
};

/** GET /calendars/events/appointments/{eventId} → `{event}`; 404 `Appointment not found`. */
export const getAppointment: OperationHandler = (ctx) => {
	const appointment = activityOf(ctx.location).appointments.get(ctx.params.eventId);
	if (!appointment) throw notFound('Appointment not found');
	return { status: 200, body: { event: structuredClone(appointment) } };
};

/**
 * GET /calendars/events?locationId&startTime&endTime&(calendarId|userId|groupId) → `{events}`: appointments whose
 * start lies in [startTime, endTime] (epoch ms), ordered by start. Without calendarId, userId or groupId → 422
 * (the spec: "Either of calendarId, userId or groupId is required").
 */
export const getCalendarEvents: OperationHandler = (ctx) => {
	const q = ctx.query;
	if (!q.calendarId && !q.userId && !q.groupId) {
		throw unprocessable(['Either of calendarId, userId or groupId is required']);
	}
	const from = toMs(q.startTime, 'startTime');
	const to = toMs(q.endTime, 'endTime');
	const events = [...activityOf(ctx.location).appointments.values()]
		.filter((a) => {
			if (q.calendarId && a.calendarId !== q.calendarId) return false;
			if (q.userId && a.assignedUserId !== q.userId) return false;
			if (q.groupId) return false;
			const start = Date.parse(a.startTime);
			return start >= from && start <= to;
		})
		.sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime) || (a.id < b.id ? -1 : 1))
		.map((a) => structuredClone(a));
	return { status: 200, body: { events } };
};

/** Handlers by operationId. */
export const calendarHandlers: Record<string, OperationHandler> = {
	'get-calendars': getCalendars,
	'create-appointment': createAppointment,
	'get-appointment': getAppointment,
	'get-calendar-events': getCalendarEvents,
};
