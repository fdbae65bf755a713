/**
 * Calendars, groups, free slots, appointments, blocked slots and appointment notes (calendars.json, Version
 * 2021-04-15; FACTS.md 2.3) and a contact's appointments (contacts.json `get-appointments-for-contact`).
 *
 * Plain records come from the generic record store (records.ts): calendars (create/get/update/list), calendar groups
 * (list), blocked slots (create/update/list, flat answers), appointment notes (create/update/delete). Hand-written,
 * where HighLevel behaves:
 * - **free slots** (`get-slots`): the calendar's open hours (wall-clock, the location's time zone) cut into
 *   `slotDuration` slots every `slotInterval`, minus booked appointments (not cancelled) and blocked slots of the
 *   calendar; keyed by date and written with the offset of the `timezone` asked for (default: the location's); a
 *   window over 31 days → 400 `Date range cannot be more than 31 days` (the spec's parameter description);
 * - **booking conflicts**: creating (or moving) an appointment whose start is not a free slot → 400
 *   {@link SLOT_TAKEN_MESSAGE}, unless `ignoreFreeSlotValidation: true`. HighLevel's exact wording is not
 *   documented; the status and the `{statusCode, message}` shape follow FACTS.md 6;
 * - appointments live in a tracked map, so create/edit/delete send AppointmentCreate/Update/Delete (webhooks.ts);
 * - events and blocked slots are listed by a window on their start (epoch ms, both ends inclusive), filtered by
 *   calendarId, userId (assigned user) or groupId (the calendar's group); one of the three is required (422);
 * - appointment notes are paged with `limit` (≤ 20) + `offset`, `hasMore` telling whether more follow.
 */
import { activityOf, type AppointmentRecord, type CalendarRecord } from './activity';
import { badRequest, iso, notFound, ownedRecord, unprocessable, type OperationContext, type OperationHandler } from './context';
import { recordResource, recordsOf, type PlainRecord } from './records';
import type { LocationData } from './store';

/** Default appointment length when `endTime` is not given, ms (the calendar's slot duration when it has one). */
const DEFAULT_APPOINTMENT_MS = 30 * 60_000;
/** Longest free-slots window (calendars.json `get-slots` startDate/endDate description). */
export const MAX_FREE_SLOTS_SPAN_MS = 31 * 86_400_000;
/** The sandbox's answer to a booking in a taken slot (400). */
export const SLOT_TAKEN_MESSAGE = 'The slot you have selected is no longer available';

/** A blocked slot (calendars.json `BlockedSlotSuccessfulResponseDto`). */
export interface BlockedSlotRecord extends PlainRecord {
	locationId: string;
	title: string;
	calendarId?: string;
	assignedUserId?: string;
	/** ISO 8601. */
	startTime: string;
	endTime: string;
}

function toMs(value: unknown, name: string): number {
	const text = String(value ?? '').trim();
	const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
	if (!Number.isFinite(ms)) throw unprocessable([`${name} must be a date (ISO 8601) or epoch milliseconds`]);
	return ms;
}

// --- time zones (wall clock ↔ instant), independent of the node's code -------------------------------------------

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function wallOf(zone: string, ms: number): { y: number; m: number; d: number; h: number; min: number; s: number; weekday: number } {
	let f = zoneFormats.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		zoneFormats.set(zone, f);
	}
	const p: Record<string, number> = {};
	for (const part of f.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
	const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
	return { y: p.year, m: p.month, d: p.day, h: p.hour, min: p.minute, s: p.second, weekday };
}

function offsetMs(zone: string, ms: number): number {
	const w = wallOf(zone, ms);
	return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The instant the wall clock of `zone` shows `wallMs` (a wall-clock time written as if UTC). */
function instantOf(zone: string, wallMs: number): number {
	const guess = wallMs - offsetMs(zone, wallMs);
	return wallMs - offsetMs(zone, guess);
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** `YYYY-MM-DD` and ISO 8601 with the zone's offset, e.g. `2026-03-09T09:00:00-05:00`. */
function zoned(zone: string, ms: number): { date: string; iso: string } {
	const w = wallOf(zone, ms);
	const off = Math.round(offsetMs(zone, ms) / 60_000);
	const date = `${pad(w.y, 4)}-${pad(w.m)}-${pad(w.d)}`;
	const sign = off < 0 ? '-' : '+';
	return { date, iso: `${date}T${pad(w.h)}:${pad(w.min)}:${pad(w.s)}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}` };
}

function zoneOrFail(zone: string): string {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return zone;
	} catch {
		throw badRequest(`Invalid timezone ${zone}`);
	}
}

// --- calendars -------------------------------------------------------------------------------------------------------

function unitMs(value: unknown, unit: unknown, fallback: number): number {
	const n = typeof value === 'number' && value > 0 ? value : undefined;
	if (n === undefined) return fallback;
	return n * (unit === 'hours' ? 3_600_000 : 60_000);
}

/** The calendar's appointment length, ms. */
export function slotDurationMs(calendar: CalendarRecord): number {
	return unitMs(calendar.slotDuration, calendar.slotDurationUnit, DEFAULT_APPOINTMENT_MS);
}

function calendarOf(ctx: OperationContext, id: unknown): CalendarRecord {
	const calendar = activityOf(ctx.location).calendars.get(String(id));
	if (!calendar) throw badRequest(`Calendar ${String(id)} not found`);
	return calendar;
}

/** Seeds the location's calendar and group (activity.ts) before a generic record-store handler reads them. */
function seeded(handlers: Record<string, OperationHandler>): Record<string, OperationHandler> {
	return Object.fromEntries(
		Object.entries(handlers).map(([id, handler]) => [id, (ctx: OperationContext) => (activityOf(ctx.location), handler(ctx))]),
	);
}

/** Calendars as plain records: get-calendars (`groupId` filter, by name), get/create/update-calendar → `calendar`. */
const calendarRecordHandlers = seeded(
	recordResource({
		spec: 'calendars',
		collection: 'calendars',
		record: 'Calendar',
		create: 'create-calendar',
		get: 'get-calendar',
		update: 'update-calendar',
		list: 'get-calendars',
		idParam: 'calendarId',
		root: 'calendar',
		listRoot: 'calendars',
		created: (ctx) => ({
			isActive: ctx.body.isActive ?? true,
			calendarType: ctx.body.calendarType ?? 'event',
			slotDuration: ctx.body.slotDuration ?? 30,
			slotDurationUnit: ctx.body.slotDurationUnit ?? 'mins',
		}),
		filter: (record, ctx) => !ctx.query.groupId || record.groupId === ctx.query.groupId,
		sort: (a, b) => String(a.name).localeCompare(String(b.name)) || (a.id < b.id ? -1 : 1),
	}),
);

/** DELETE /calendars/{calendarId} → `{ success: true }` (CalendarDeleteSuccessfulResponseDTO); 404 `Calendar not found`. */
const deleteCalendar: OperationHandler = (ctx) => {
	const calendars = activityOf(ctx.location).calendars;
	if (!calendars.has(ctx.params.calendarId)) throw notFound('Calendar not found');
	calendars.delete(ctx.params.calendarId);
	return { status: 200, body: { success: true } };
};

/** GET /calendars/groups?locationId → `{groups}` (plain records, by name). */
const groupHandlers = seeded(
	recordResource({
		spec: 'calendars',
		collection: 'calendarGroups',
		record: 'Group',
		list: 'get-groups',
		idParam: 'groupId',
		root: 'group',
		listRoot: 'groups',
		sort: (a, b) => String(a.name).localeCompare(String(b.name)),
	}),
);

// --- free slots ------------------------------------------------------------------------------------------------------

function overlaps(startMs: number, endMs: number, other: { startTime: string; endTime: string }): boolean {
	return startMs < Date.parse(other.endTime) && Date.parse(other.startTime) < endMs;
}

/**
 * Free slot starts (epoch ms) of a calendar in `[fromMs, toMs]`: open hours in the location's time zone, minus
 * appointments (not cancelled; `exceptId` left out) and blocked slots of the calendar that overlap a slot.
 */
export function freeSlots(location: LocationData, calendar: CalendarRecord, fromMs: number, toMs: number, exceptId?: string): number[] {
	const zone = location.location.timezone || 'UTC';
	const duration = slotDurationMs(calendar);
	const interval = unitMs(calendar.slotInterval, calendar.slotIntervalUnit, duration);
	const busy = [
		...[...activityOf(location).appointments.values()].filter(
			(a) => a.calendarId === calendar.id && a.appointmentStatus !== 'cancelled' && a.id !== exceptId,
		),
		...[...recordsOf<BlockedSlotRecord>(location, 'blockedSlots').values()].filter((b) => b.calendarId === calendar.id),
	];
	const slots: number[] = [];
	const first = wallOf(zone, fromMs);
	const last = wallOf(zone, toMs);
	for (let day = Date.UTC(first.y, first.m - 1, first.d); day <= Date.UTC(last.y, last.m - 1, last.d); day += 86_400_000) {
		const weekday = new Date(day).getUTCDay();
		for (const open of calendar.openHours ?? []) {
			if (!open.daysOfTheWeek.includes(weekday)) continue;
			for (const h of open.hours) {
				const close = day + (h.closeHour * 60 + h.closeMinute) * 60_000;
				for (let wall = day + (h.openHour * 60 + h.openMinute) * 60_000; wall + duration <= close; wall += interval) {
					const start = instantOf(zone, wall);
					if (start < fromMs || start > toMs) continue;
					if (busy.some((b) => overlaps(start, start + duration, b))) continue;
					slots.push(start);
				}
			}
		}
	}
	return [...new Set(slots)].sort((a, b) => a - b);
}

/**
 * GET /calendars/{calendarId}/free-slots?startDate&endDate(&timezone&userId) → `{ "YYYY-MM-DD": { slots: [ISO] } }`,
 * dates and offsets in `timezone` (default the location's). More than 31 days → 400; end before start → 400.
 */
export const getFreeSlots: OperationHandler = (ctx) => {
	const calendar = calendarOf(ctx, ctx.params.calendarId);
	const from = toMs(ctx.query.startDate, 'startDate');
	const to = toMs(ctx.query.endDate, 'endDate');
	if (to < from) throw badRequest('endDate must be after startDate');
	if (to - from > MAX_FREE_SLOTS_SPAN_MS) throw badRequest('Date range cannot be more than 31 days');
	const zone = zoneOrFail(String(ctx.query.timezone || ctx.location.location.timezone || 'UTC'));
	const body: Record<string, { slots: string[] }> = {};
	for (const start of freeSlots(ctx.location, calendar, from, to)) {
		const { date, iso: text } = zoned(zone, start);
		(body[date] ??= { slots: [] }).slots.push(text);
	}
	return { status: 200, body };
};

// --- appointments ----------------------------------------------------------------------------------------------------

/** Throws 400 {@link SLOT_TAKEN_MESSAGE} unless `startMs` is a free slot of the calendar. */
function assertFree(ctx: OperationContext, calendar: CalendarRecord, startMs: number, exceptId?: string): void {
	if (!freeSlots(ctx.location, calendar, startMs, startMs, exceptId).includes(startMs)) {
		throw badRequest(SLOT_TAKEN_MESSAGE);
	}
}

const APPOINTMENT_FIELDS = ['title', 'appointmentStatus', 'assignedUserId', 'address', 'meetingLocationType', 'description'] as const;

/**
 * POST /calendars/events/appointments → 200, the flat appointment (FACTS.md 2.3). The calendar must be one of the
 * location's, the contact one of its contacts, the assigned user one of its users (400 otherwise); the start must be
 * a free slot unless `ignoreFreeSlotValidation` (400 {@link SLOT_TAKEN_MESSAGE}). No `endTime`: start + the
 * calendar's slot duration.
 */
export const createAppointment: OperationHandler = (ctx) => {
	const data = activityOf(ctx.location);
	const body = ctx.body as Record<string, unknown>;
	const calendar = calendarOf(ctx, body.calendarId);
	if (!ctx.location.contacts.has(String(body.contactId))) throw badRequest(`Contact ${String(body.contactId)} not found in this location`);
	if (body.assignedUserId !== undefined && !ctx.location.users.some((u) => u.id === body.assignedUserId)) {
		throw badRequest(`User ${String(body.assignedUserId)} not found in this location`);
	}
	const start = toMs(body.startTime, 'startTime');
	const end = body.endTime === undefined ? start + slotDurationMs(calendar) : toMs(body.endTime, 'endTime');
	if (end <= start) throw badRequest('endTime must be after startTime');
	if (body.ignoreFreeSlotValidation !== true) assertFree(ctx, calendar, start);
	const now = iso(ctx.now());
	const appointment: AppointmentRecord = {
		id: ctx.store.ids.id(),
		locationId: ctx.location.id,
		calendarId: calendar.id,
		contactId: String(body.contactId),
		title: 'Appointment',
		appointmentStatus: 'confirmed',
		startTime: iso(start),
		endTime: iso(end),
		dateAdded: now,
		dateUpdated: now,
	};
	for (const key of APPOINTMENT_FIELDS) if (typeof body[key] === 'string') (appointment as unknown as Record<string, unknown>)[key] = body[key];
	data.appointments.set(appointment.id, appointment);
	return { status: 200, body: { ...structuredClone(appointment) } };
};

function appointmentOf(ctx: OperationContext, id: string): AppointmentRecord {
	return ownedRecord(
		ctx,
		id,
		(d) => activityOf(d).appointments.get(id),
		(store) => [...store.locations.values()].find((other) => activityOf(other).appointments.has(id)),
		'Appointment not found',
	);
}

/** GET /calendars/events/appointments/{eventId} → `{event}`; 404 `Appointment not found`. */
export const getAppointment: OperationHandler = (ctx) => ({
	status: 200,
	body: { event: structuredClone(appointmentOf(ctx, ctx.params.eventId)) },
});

/**
 * PUT /calendars/events/appointments/{eventId} → 200, the flat appointment. A new start (or calendar) must be a free
 * slot (the appointment's own time does not count as taken) unless `ignoreFreeSlotValidation`; a new start without
 * `endTime` keeps the length.
 */
export const editAppointment: OperationHandler = (ctx) => {
	const before = appointmentOf(ctx, ctx.params.eventId);
	const body = ctx.body as Record<string, unknown>;
	const calendar = calendarOf(ctx, body.calendarId ?? before.calendarId);
	if (body.assignedUserId !== undefined && !ctx.location.users.some((u) => u.id === body.assignedUserId)) {
		throw badRequest(`User ${String(body.assignedUserId)} not found in this location`);
	}
	const oldStart = Date.parse(before.startTime);
	const start = body.startTime === undefined ? oldStart : toMs(body.startTime, 'startTime');
	const end = body.endTime === undefined ? start + (Date.parse(before.endTime) - oldStart) : toMs(body.endTime, 'endTime');
	if (end <= start) throw badRequest('endTime must be after startTime');
	const moved = start !== oldStart || calendar.id !== before.calendarId;
	if (moved && body.ignoreFreeSlotValidation !== true) assertFree(ctx, calendar, start, before.id);
	const after: AppointmentRecord = {
		...before,
		calendarId: calendar.id,
		startTime: iso(start),
		endTime: iso(end),
		dateUpdated: iso(ctx.now()),
	};
	for (const key of APPOINTMENT_FIELDS) if (typeof body[key] === 'string') (after as unknown as Record<string, unknown>)[key] = body[key];
	activityOf(ctx.location).appointments.set(after.id, after);
	return { status: 200, body: { ...structuredClone(after) } };
};

/** DELETE /calendars/events/{eventId}: an appointment or a blocked slot → 201 `{succeeded: true}`; 404 otherwise. */
export const deleteEvent: OperationHandler = (ctx) => {
	const id = ctx.params.eventId;
	const appointments = activityOf(ctx.location).appointments;
	const blocked = recordsOf<BlockedSlotRecord>(ctx.location, 'blockedSlots');
	if (appointments.has(id)) appointments.delete(id);
	else if (blocked.has(id)) blocked.delete(id);
	else appointmentOf(ctx, id);
	return { status: 201, body: { succeeded: true } };
};

/** The window and filter of get-calendar-events / get-blocked-slots (422 without calendarId, userId or groupId). */
function eventFilter(ctx: OperationContext): (e: { calendarId?: string; assignedUserId?: string; startTime: string }) => boolean {
	const q = ctx.query;
	if (!q.calendarId && !q.userId && !q.groupId) {
		throw unprocessable(['Either of calendarId, userId or groupId is required']);
	}
	const from = toMs(q.startTime, 'startTime');
	const to = toMs(q.endTime, 'endTime');
	const calendars = activityOf(ctx.location).calendars;
	return (e) => {
		if (q.calendarId && e.calendarId !== q.calendarId) return false;
		if (q.userId && e.assignedUserId !== q.userId) return false;
		if (q.groupId && calendars.get(String(e.calendarId))?.groupId !== q.groupId) return false;
		const start = Date.parse(e.startTime);
		return start >= from && start <= to;
	};
}

const byStart = (a: { startTime: string; id: string }, b: { startTime: string; id: string }) =>
	Date.parse(a.startTime) - Date.parse(b.startTime) || (a.id < b.id ? -1 : 1);

/** GET /calendars/events → `{events}`: appointments starting in [startTime, endTime] (epoch ms), by start. */
export const getCalendarEvents: OperationHandler = (ctx) => {
	const keep = eventFilter(ctx);
	const events = [...activityOf(ctx.location).appointments.values()].filter(keep).sort(byStart).map((a) => structuredClone(a));
	return { status: 200, body: { events } };
};

/** GET /contacts/{contactId}/appointments → `{events}`: the contact's appointments, by start. */
export const getContactAppointments: OperationHandler = (ctx) => {
	const id = ctx.params.contactId;
	ownedRecord(ctx, id, (d) => d.contacts.get(id), (s) => s.contactOwner(id), 'Contact not found');
	const events = [...activityOf(ctx.location).appointments.values()]
		.filter((a) => a.contactId === id)
		.sort(byStart)
		.map((a) => structuredClone(a));
	return { status: 200, body: { events } };
};

// --- blocked slots ---------------------------------------------------------------------------------------------------

/** Checks a blocked slot body's calendar, user and times (400), before the record store writes it. */
function checkBlockedSlot(ctx: OperationContext): void {
	const body = ctx.body as Record<string, unknown>;
	if (body.calendarId !== undefined) calendarOf(ctx, body.calendarId);
	if (body.assignedUserId !== undefined && !ctx.location.users.some((u) => u.id === body.assignedUserId)) {
		throw badRequest(`User ${String(body.assignedUserId)} not found in this location`);
	}
	const before = ctx.params.eventId ? recordsOf<BlockedSlotRecord>(ctx.location, 'blockedSlots').get(ctx.params.eventId) : undefined;
	if (ctx.params.eventId && !before) return; // the record store answers 403 / 404
	const start = body.startTime ?? before?.startTime;
	const end = body.endTime ?? before?.endTime;
	if (start === undefined || end === undefined) throw badRequest('startTime and endTime are required');
	if (toMs(end, 'endTime') <= toMs(start, 'startTime')) throw badRequest('endTime must be after startTime');
}

/**
 * Blocked slots as plain records (flat answers, `BlockedSlotSuccessfulResponseDto`): create-block-slot and
 * edit-block-slot → 201 with the record (times as sent), get-blocked-slots → `{events}` by the window of
 * {@link eventFilter}, by start. Unknown id → 404 `Event not found`.
 */
const blockedSlotRecords = recordResource({
	spec: 'calendars',
	collection: 'blockedSlots',
	record: 'Event',
	create: 'create-block-slot',
	update: 'edit-block-slot',
	list: 'get-blocked-slots',
	idParam: 'eventId',
	root: 'event',
	flat: true,
	listRoot: 'events',
	withLocationId: true,
	created: (ctx) => ({ title: ctx.body.title ?? 'Blocked' }),
	filter: (record, ctx) => eventFilter(ctx)(record as unknown as BlockedSlotRecord),
	sort: (a, b) => byStart(a as unknown as BlockedSlotRecord, b as unknown as BlockedSlotRecord),
});

const blockedSlotHandlers: Record<string, OperationHandler> = {
	'create-block-slot': (ctx) => (checkBlockedSlot(ctx), blockedSlotRecords['create-block-slot'](ctx)),
	'edit-block-slot': (ctx) => (checkBlockedSlot(ctx), blockedSlotRecords['edit-block-slot'](ctx)),
	// The window is checked (422 without calendarId, userId or groupId) even when there is nothing to list.
	'get-blocked-slots': (ctx) => (eventFilter(ctx), blockedSlotRecords['get-blocked-slots'](ctx)),
};

// --- appointment notes -----------------------------------------------------------------------------------------------

const appointmentNoteParent = {
	param: 'appointmentId',
	field: 'appointmentId',
	resolve: (ctx: OperationContext, id: string) => appointmentOf(ctx, id).id,
};

/** create-appointment-note → 201 `{note}`, update-appointment-note → `{note}`, delete → `{success: true}`. */
const appointmentNoteHandlers = recordResource({
	spec: 'calendars',
	collection: 'appointmentNotes',
	record: 'Note',
	create: 'create-appointment-note',
	update: 'update-appointment-note',
	delete: 'delete-appointment-note',
	idParam: 'noteId',
	root: 'note',
	parent: appointmentNoteParent,
});

/**
 * GET /calendars/appointments/{appointmentId}/notes?limit&offset → `{notes, hasMore}`, newest first; `limit` ≤ 20
 * (checked by the spec validation).
 */
export const getAppointmentNotes: OperationHandler = (ctx) => {
	const appointmentId = appointmentNoteParent.resolve(ctx, ctx.params.appointmentId);
	const limit = Number(ctx.query.limit);
	const offset = Number(ctx.query.offset);
	const notes = [...recordsOf(ctx.location, 'appointmentNotes').values()]
		.filter((n) => n.appointmentId === appointmentId)
		.sort((a, b) => Date.parse(String(b.dateAdded)) - Date.parse(String(a.dateAdded)) || (a.id < b.id ? 1 : -1));
	return {
		status: 200,
		body: { notes: notes.slice(offset, offset + limit).map((n) => structuredClone(n)), hasMore: offset + limit < notes.length },
	};
};

/** Handlers by operationId. */
export const calendarHandlers: Record<string, OperationHandler> = {
	...calendarRecordHandlers,
	'delete-calendar': deleteCalendar,
	...groupHandlers,
	'get-slots': getFreeSlots,
	'create-appointment': createAppointment,
	'get-appointment': getAppointment,
	'edit-appointment': editAppointment,
	'delete-event': deleteEvent,
	'get-calendar-events': getCalendarEvents,
	'get-appointments-for-contact': getContactAppointments,
	...blockedSlotHandlers,
	...appointmentNoteHandlers,
	'get-appointment-notes': getAppointmentNotes,
};
