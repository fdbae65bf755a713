/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code runs in Node and Jest, not inside n8n */
import type { IDataObject } from 'n8n-workflow';

import { activityOf, defaultCalendarGroupId, defaultCalendarId } from '../../sandbox/activity';
import { SLOT_TAKEN_MESSAGE } from '../../sandbox/calendars';
import { recordsOf } from '../../sandbox/records';
import {
	byId,
	DAY_MS,
	operationCounts,
	operationsSince,
	SANDBOX_ZONE,
	useEngineSandbox,
} from './helpers';

/** Appointment, Blocked Slot and Appointment Note, end to end through n8n-core and the sandbox. */
describe('Appointment operations', () => {
	const { sandbox, proxy, run, last } = useEngineSandbox({ webhooks: {} });
	let calendarId: string;
	let contactId: string;
	let userId: string;
	beforeAll(async () => {
		calendarId = defaultCalendarId(sandbox.locationId);
		contactId = [...sandbox.store.location().contacts.keys()][0];
		userId = sandbox.store.location().users[1].id;
	});

	const appointments = () => activityOf(sandbox.store.location()).appointments;
	/** Appointment → Create on the seeded calendar for the first seeded contact, with `parameters` on top. */
	const create = async (parameters: IDataObject) =>
		await run({ resource: 'appointment', operation: 'create', calendarId, contactId: byId(contactId), ...parameters });
	/** {@link create} at `startTime` in the location's zone, with `extra` additional fields. */
	const book = async (startTime: string, extra: IDataObject = {}) =>
		await create({ startTime, additionalFields: { timeZone: SANDBOX_ZONE, ...extra } });

	describe('Create', () => {
		it("without End Time: reads the calendar's slot duration, sends ISO times with the zone's offset, books", async () => {
			const before = operationCounts(sandbox);
			const result = await book('2027-03-01T10:00:00', {
				title: 'Intro call',
				appointmentStatus: 'confirmed',
				assignedUserId: byId(userId),
				address: 'https://meet.example.com/abc',
				meetingLocationType: 'custom',
				description: '',
			});
			expect(result.status).toBe('success');
			expect(operationsSince(sandbox, before)).toEqual({ 'get-calendar': 1, 'create-appointment': 1 });
			expect(last('POST', '/calendars/events/appointments').body).toEqual({
				calendarId,
				contactId,
				locationId: sandbox.locationId,
				startTime: '2027-03-01T10:00:00-06:00',
				endTime: '2027-03-01T10:30:00-06:00',
				title: 'Intro call',
				appointmentStatus: 'confirmed',
				assignedUserId: userId,
				address: 'https://meet.example.com/abc',
				meetingLocationType: 'custom',
			});
			const [out] = result.output('HighLevel');
			expect(out).toMatchObject({ calendarId, contactId, title: 'Intro call', startTime: '2027-03-01T16:00:00.000Z' });
			expect(appointments().get(String(out.id))).toMatchObject({ endTime: '2027-03-01T16:30:00.000Z', assignedUserId: userId });
		});

		it('with End Time: sends it, no calendar read; End Time before Start Time fails before any request', async () => {
			const before = operationCounts(sandbox);
			const result = await create({
				startTime: '2027-03-01T11:00:00-06:00',
				endTime: '2027-03-01T12:00:00-06:00',
				additionalFields: { timeZone: SANDBOX_ZONE },
			});
			expect(result.status).toBe('success');
			expect(operationsSince(sandbox, before)).toEqual({ 'create-appointment': 1 });
			expect(last('POST', '/calendars/events/appointments').body).toMatchObject({ endTime: '2027-03-01T12:00:00-06:00' });
			const reversed = await create({
				startTime: '2027-03-01T14:00:00-06:00',
				endTime: '2027-03-01T13:00:00-06:00',
				additionalFields: {},
			});
			expect(reversed.errors('HighLevel')[0].message).toBe('End Time must be after Start Time');
			expect(operationsSince(sandbox, before)).toEqual({ 'create-appointment': 1 });
		});

		it("a taken slot: HighLevel's refusal, sent once; Skip Free Slot Check books it anyway", async () => {
			const before = operationCounts(sandbox);
			const taken = await book('2027-03-01T10:00:00');
			expect(taken.status).toBe('error');
			expect(taken.errors('HighLevel')[0].message).toContain(SLOT_TAKEN_MESSAGE);
			expect(operationsSince(sandbox, before)).toEqual({ 'get-calendar': 1, 'create-appointment': 1 });
			const count = appointments().size;
			const forced = await book('2027-03-01T10:00:00', { ignoreFreeSlotValidation: true });
			expect(forced.status).toBe('success');
			expect(last('POST', '/calendars/events/appointments').body).toMatchObject({ ignoreFreeSlotValidation: true });
			expect(appointments().size).toBe(count + 1);
			// Outside open hours (Sunday) is not a free slot either.
			const sunday = await book('2027-03-07T10:00:00');
			expect(sunday.errors('HighLevel')[0].message).toContain(SLOT_TAKEN_MESSAGE);
		});

		it("without Time Zone: a time without offset is read, and sent, in the workflow's time zone", async () => {
			// n8n's default workflow time zone (GENERIC_TIMEZONE, default America/New_York); no workflow setting here.
			const zone = process.env.GENERIC_TIMEZONE || 'America/New_York';
			const result = await create({
				startTime: '2027-03-02T11:30:00',
				endTime: '2027-03-02T12:00:00',
				additionalFields: { ignoreFreeSlotValidation: true },
			});
			expect(result.status).toBe('success');
			const offset = (ms: number) => {
				const wall = new Date(new Date(ms).toLocaleString('en-US', { timeZone: zone, hour12: false }) + ' UTC').getTime();
				const minutes = Math.round((wall - ms) / 60_000);
				const abs = Math.abs(minutes);
				return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
			};
			const body = last('POST', '/calendars/events/appointments').body as IDataObject;
			expect(String(body.startTime).slice(0, 19)).toBe('2027-03-02T11:30:00');
			const sent = Date.parse(String(body.startTime));
			expect(String(body.startTime).slice(19)).toBe(offset(sent));
			appointments().delete(String(result.output('HighLevel')[0].id));
		});

		it('sends AppointmentCreate to the app webhook', async () => {
			const url = sandbox.url;
			sandbox.setWebhookUrl(`${url}/__nowhere`);
			const result = await book('2027-03-02T09:00:00');
			await sandbox.webhooks.idle();
			const types = sandbox.webhooks.deliveries.map((d) => (d.payload as IDataObject).type);
			expect(types).toContain('AppointmentCreate');
			const event = sandbox.webhooks.deliveries.find((d) => (d.payload as IDataObject).type === 'AppointmentCreate')!;
			expect(((event.payload as IDataObject).appointment as IDataObject).id).toBe(result.output('HighLevel')[0].id);
		});
	});

	it('Get: the appointment by id', async () => {
		const id = [...appointments().keys()][0];
		const result = await run({ resource: 'appointment', operation: 'get', appointmentId: id });
		expect(result.output('HighLevel')).toEqual([expect.objectContaining({ id, calendarId, contactId })]);
	});

	describe('Update', () => {
		it('reschedules to a free slot (keeps the length) and changes the status', async () => {
			const id = [...appointments().values()].find((a) => a.title === 'Intro call')!.id;
			const result = await run({
				resource: 'appointment',
				operation: 'update',
				appointmentId: id,
				updateFields: { startTime: '2027-03-03T15:00:00', appointmentStatus: 'showed', timeZone: SANDBOX_ZONE },
			});
			expect(result.status).toBe('success');
			expect(last('PUT', `/calendars/events/appointments/${id}`).body).toEqual({
				startTime: '2027-03-03T15:00:00-06:00',
				appointmentStatus: 'showed',
			});
			expect(appointments().get(id)).toMatchObject({
				startTime: '2027-03-03T21:00:00.000Z',
				endTime: '2027-03-03T21:30:00.000Z',
				appointmentStatus: 'showed',
			});
			expect(result.output('HighLevel')[0]).toMatchObject({ id, appointmentStatus: 'showed' });
			await sandbox.webhooks.idle();
			const update = sandbox.webhooks.deliveries
				.map((d) => d.payload as IDataObject)
				.filter((p) => p.type === 'AppointmentUpdate' && (p.appointment as IDataObject).id === id);
			expect(update.at(-1)?.appointment).toMatchObject({ appointmentStatus: 'showed', startTime: '2027-03-03T21:00:00.000Z' });
		});

		it.each(['cancelled', 'noshow', 'confirmed'])('sets the status %s', async (status) => {
			const id = [...appointments().values()].find((a) => a.title === 'Intro call')!.id;
			await run({ resource: 'appointment', operation: 'update', appointmentId: id, updateFields: { appointmentStatus: status } });
			expect(appointments().get(id)?.appointmentStatus).toBe(status);
		});

		it('nothing to change, or End Time without Start Time: local errors, no request', async () => {
			const id = [...appointments().keys()][0];
			const before = operationCounts(sandbox);
			const empty = await run({ resource: 'appointment', operation: 'update', appointmentId: id, updateFields: { ignoreFreeSlotValidation: true } });
			expect(empty.errors('HighLevel')[0].message).toBe('Nothing to update');
			const endOnly = await run({ resource: 'appointment', operation: 'update', appointmentId: id, updateFields: { endTime: '2027-03-03T16:00:00Z' } });
			expect(endOnly.errors('HighLevel')[0].message).toBe('End Time needs a Start Time');
			expect(operationsSince(sandbox, before)).toEqual({});
		});
	});

	describe('Get Many (calendar events)', () => {
		/** Appointment → Get Many of the seeded calendar with `window` (`startTime`, `endTime`, `returnAll`, `limit`). */
		const eventsOfCalendar = async (window: IDataObject) =>
			await run({ resource: 'appointment', operation: 'getAll', eventsOf: 'calendar', calendarId, ...window });

		it('by calendar over 70 days: 3 requests of ≤ 31 days, merged by start, an event on a shared boundary once', async () => {
			const from = Date.parse('2027-03-01T06:00:00Z');
			// Exactly on the boundary of the first two parts: both answer it (HighLevel's window end is inclusive).
			const boundary = new Date(from + 31 * DAY_MS).toISOString();
			appointments().set('appt-boundary', {
				id: 'appt-boundary',
				locationId: sandbox.locationId,
				calendarId,
				contactId,
				title: 'On the boundary',
				appointmentStatus: 'confirmed',
				startTime: boundary,
				endTime: new Date(from + 31 * DAY_MS + 1_800_000).toISOString(),
				dateAdded: boundary,
				dateUpdated: boundary,
			});
			const before = operationCounts(sandbox);
			const result = await eventsOfCalendar({
				startTime: from,
				endTime: from + 70 * DAY_MS,
				returnAll: true,
			});
			expect(result.status).toBe('success');
			expect(operationsSince(sandbox, before)).toEqual({ 'get-calendar-events': 3 });
			const queries = proxy.to('GET', '/calendars/events').slice(-3).map((r) => r.query);
			expect(queries.map((q) => [Number(q.startTime), Number(q.endTime)])).toEqual([
				[from, from + 31 * DAY_MS],
				[from + 31 * DAY_MS, from + 62 * DAY_MS],
				[from + 62 * DAY_MS, from + 70 * DAY_MS],
			]);
			expect(queries[0]).toMatchObject({ calendarId, locationId: sandbox.locationId });
			const ids = result.output('HighLevel').map((e) => e.id);
			const expected = [...appointments().values()]
				.filter((a) => a.calendarId === calendarId)
				.sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime))
				.map((a) => a.id);
			expect(ids).toHaveLength(expected.length);
			expect(new Set(ids).size).toBe(ids.length);
			expect(ids).toContain('appt-boundary');
			const starts = result.output('HighLevel').map((e) => Date.parse(String(e.startTime)));
			expect([...starts].sort((a, b) => a - b)).toEqual(starts);
			const limited = await eventsOfCalendar({
				startTime: from,
				endTime: from + 70 * DAY_MS,
				returnAll: false,
				limit: 2,
			});
			expect(limited.output('HighLevel').map((e) => e.id)).toEqual(ids.slice(0, 2));
			appointments().delete('appt-boundary');
		});

		it('by user and by group: the query names it', async () => {
			const window = { startTime: '2027-03-01T00:00:00Z', endTime: '2027-03-10T00:00:00Z', returnAll: true };
			const byUser = await run({ resource: 'appointment', operation: 'getAll', eventsOf: 'user', userId: byId(userId), ...window });
			expect(last('GET', '/calendars/events').query).toMatchObject({ userId });
			expect(last('GET', '/calendars/events').query.calendarId).toBeUndefined();
			expect(byUser.output('HighLevel').map((e) => e.title)).toEqual(['Intro call']);
			const groupId = defaultCalendarGroupId(sandbox.locationId);
			const byGroup = await run({ resource: 'appointment', operation: 'getAll', eventsOf: 'group', groupId, ...window });
			expect(last('GET', '/calendars/events').query).toMatchObject({ groupId });
			expect(byGroup.output('HighLevel').length).toBeGreaterThan(1);
		});

		it('an empty or reversed window fails before any request', async () => {
			const before = operationCounts(sandbox);
			const result = await eventsOfCalendar({
				startTime: '2027-03-10T00:00:00Z',
				endTime: '2027-03-10T00:00:00Z',
				returnAll: true,
			});
			expect(result.errors('HighLevel')[0].message).toBe('End Time must be after Start Time');
			expect(operationsSince(sandbox, before)).toEqual({});
		});
	});

	it("Get Many for a Contact: the contact's appointments", async () => {
		const result = await run({ resource: 'appointment', operation: 'getForContact', contactId: byId(contactId), returnAll: true });
		const expected = [...appointments().values()].filter((a) => a.contactId === contactId).map((a) => a.id).sort();
		expect(result.output('HighLevel').map((e) => e.id).sort()).toEqual(expected);
		expect(proxy.to('GET', `/contacts/${contactId}/appointments`)).toHaveLength(1);
	});

	describe('Blocked Slot', () => {
		let blockedId: string;

		it('Create: ISO times with offset, calendar and title; the time is no longer free', async () => {
			const result = await run({
				resource: 'blockedSlot',
				operation: 'create',
				calendarId,
				startTime: '2027-03-04T09:00:00',
				endTime: '2027-03-04T12:00:00',
				additionalFields: { title: 'Team offsite', timeZone: SANDBOX_ZONE },
			});
			expect(result.status).toBe('success');
			expect(last('POST', '/calendars/events/block-slots').body).toEqual({
				calendarId,
				title: 'Team offsite',
				startTime: '2027-03-04T09:00:00-06:00',
				endTime: '2027-03-04T12:00:00-06:00',
				locationId: sandbox.locationId,
			});
			blockedId = String(result.output('HighLevel')[0].id);
			expect(recordsOf(sandbox.store.location(), 'blockedSlots').get(blockedId)).toMatchObject({ title: 'Team offsite' });
			const slots = await run({
				resource: 'calendar',
				operation: 'getFreeSlots',
				calendarId,
				startDate: '2027-03-04T00:00:00',
				endDate: '2027-03-05T00:00:00',
				outputPer: 'slot',
				options: { timeZone: SANDBOX_ZONE },
			});
			expect(slots.output('HighLevel')[0].startTime).toBe('2027-03-04T12:00:00-06:00');
			expect(slots.output('HighLevel')).toHaveLength(10);
			const booked = await book('2027-03-04T10:00:00');
			expect(booked.errors('HighLevel')[0].message).toContain(SLOT_TAKEN_MESSAGE);
		});

		it('Update: moves it (both times together); only one of the two fails before any request', async () => {
			const result = await run({
				resource: 'blockedSlot',
				operation: 'update',
				blockedSlotId: blockedId,
				calendarId,
				updateFields: { startTime: '2027-03-04T13:00:00-06:00', endTime: '2027-03-04T14:00:00-06:00', title: 'Moved', timeZone: SANDBOX_ZONE },
			});
			expect(result.status).toBe('success');
			expect(last('PUT', `/calendars/events/block-slots/${blockedId}`).body).toEqual({
				calendarId,
				title: 'Moved',
				startTime: '2027-03-04T13:00:00-06:00',
				endTime: '2027-03-04T14:00:00-06:00',
				locationId: sandbox.locationId,
			});
			expect(recordsOf(sandbox.store.location(), 'blockedSlots').get(blockedId)).toMatchObject({
				title: 'Moved',
				startTime: '2027-03-04T13:00:00-06:00',
			});
			const before = operationCounts(sandbox);
			const half = await run({
				resource: 'blockedSlot',
				operation: 'update',
				blockedSlotId: blockedId,
				calendarId,
				updateFields: { startTime: '2027-03-04T13:00:00-06:00' },
			});
			expect(half.errors('HighLevel')[0].message).toBe('Set both Start Time and End Time');
			expect(operationsSince(sandbox, before)).toEqual({});
		});

		it('Get Many: the blocked slots of the calendar in a window', async () => {
			const result = await run({
				resource: 'blockedSlot',
				operation: 'getAll',
				eventsOf: 'calendar',
				calendarId,
				startTime: '2027-03-01T00:00:00Z',
				endTime: '2027-03-31T00:00:00Z',
				returnAll: true,
			});
			expect(result.output('HighLevel')).toEqual([expect.objectContaining({ id: blockedId, title: 'Moved' })]);
			expect(last('GET', '/calendars/blocked-slots').query).toMatchObject({ calendarId });
		});

		it('Delete: removes it (delete-event, no body)', async () => {
			const result = await run({ resource: 'blockedSlot', operation: 'delete', blockedSlotId: blockedId });
			expect(result.output('HighLevel')).toEqual([expect.objectContaining({ succeeded: true })]);
			expect(last('DELETE', `/calendars/events/${blockedId}`).body).toBeUndefined();
			expect(recordsOf(sandbox.store.location(), 'blockedSlots').has(blockedId)).toBe(false);
		});
	});

	describe('Appointment Note', () => {
		let appointmentId: string;
		let noteId: string;
		beforeAll(() => {
			appointmentId = [...appointments().values()].find((a) => a.title === 'Intro call')!.id;
		});
		const notes = () => recordsOf(sandbox.store.location(), 'appointmentNotes');

		it('Create: body and author', async () => {
			const result = await run({
				resource: 'appointmentNote',
				operation: 'create',
				appointmentId,
				body: 'Wants a quote',
				additionalFields: { userId: byId(userId) },
			});
			expect(last('POST', `/calendars/appointments/${appointmentId}/notes`).body).toEqual({ body: 'Wants a quote', userId });
			noteId = String(result.output('HighLevel')[0].id);
			expect(notes().get(noteId)).toMatchObject({ body: 'Wants a quote', userId, appointmentId });
		});

		it('Get Many: pages of at most 20 from offset 0 until hasMore is false (Return All over 3 pages)', async () => {
			for (let i = 0; i < 44; i++) {
				notes().set(`note-${i}`, { id: `note-${i}`, appointmentId, body: `n${i}`, dateAdded: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() });
			}
			const before = operationCounts(sandbox);
			const all = await run({ resource: 'appointmentNote', operation: 'getAll', appointmentId, returnAll: true });
			expect(all.output('HighLevel')).toHaveLength(45);
			expect(new Set(all.output('HighLevel').map((n) => n.id)).size).toBe(45);
			expect(operationsSince(sandbox, before)).toEqual({ 'get-appointment-notes': 3 });
			const pages = proxy.to('GET', `/calendars/appointments/${appointmentId}/notes`).slice(-3).map((r) => r.query);
			expect(pages).toEqual([
				{ limit: '20', offset: '0' },
				{ limit: '20', offset: '20' },
				{ limit: '20', offset: '40' },
			]);
			const five = await run({ resource: 'appointmentNote', operation: 'getAll', appointmentId, returnAll: false, limit: 5 });
			expect(five.output('HighLevel')).toHaveLength(5);
			expect(proxy.to('GET', `/calendars/appointments/${appointmentId}/notes`).at(-1)?.query).toEqual({ limit: '5', offset: '0' });
			for (let i = 0; i < 44; i++) notes().delete(`note-${i}`);
		});

		it('Update: the new body; an empty body fails before any request', async () => {
			const result = await run({ resource: 'appointmentNote', operation: 'update', appointmentId, noteId, body: 'Wants two quotes', additionalFields: {} });
			expect(last('PUT', `/calendars/appointments/${appointmentId}/notes/${noteId}`).body).toEqual({ body: 'Wants two quotes' });
			expect(result.output('HighLevel')[0]).toMatchObject({ id: noteId, body: 'Wants two quotes' });
			expect(notes().get(noteId)).toMatchObject({ body: 'Wants two quotes' });
			const before = operationCounts(sandbox);
			const empty = await run({ resource: 'appointmentNote', operation: 'update', appointmentId, noteId, body: ' ', additionalFields: {} });
			expect(empty.errors('HighLevel')[0].message).toBe('Enter the new Body of the note');
			expect(operationsSince(sandbox, before)).toEqual({});
		});

		it('Delete: removes the note', async () => {
			const result = await run({ resource: 'appointmentNote', operation: 'delete', appointmentId, noteId });
			expect(result.output('HighLevel')).toEqual([expect.objectContaining({ success: true })]);
			expect(notes().has(noteId)).toBe(false);
		});
	});

	it('Delete: removes the appointment (delete-event, no body) and sends AppointmentDelete', async () => {
		const id = [...appointments().values()].find((a) => a.title === 'Intro call')!.id;
		const result = await run({ resource: 'appointment', operation: 'delete', appointmentId: id });
		expect(result.output('HighLevel')).toEqual([expect.objectContaining({ succeeded: true })]);
		expect(last('DELETE', `/calendars/events/${id}`).body).toBeUndefined();
		expect(appointments().has(id)).toBe(false);
		await sandbox.webhooks.idle();
		expect(
			sandbox.webhooks.deliveries.some(
				(d) => (d.payload as IDataObject).type === 'AppointmentDelete' && ((d.payload as IDataObject).appointment as IDataObject).id === id,
			),
		).toBe(true);
	});
});
