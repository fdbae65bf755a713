import { activityOf, defaultCalendarGroupId, defaultCalendarId } from '../../sandbox/activity';
import {
	DAY_MS,
	operationCounts,
	operationsSince,
	SANDBOX_ZONE,
	useEngineSandbox,
} from './helpers';

/** Calendar, Calendar Group and Get Free Slots, end to end through n8n-core and the sandbox. */
describe('Calendar operations', () => {
	const { sandbox, proxy, run, last } = useEngineSandbox();
	let calendarId: string;
	beforeAll(async () => {
		calendarId = defaultCalendarId(sandbox.locationId);
	});

	const calendars = () => activityOf(sandbox.store.location()).calendars;

	it('Create: sends name and the chosen fields (Version 2021-04-15), stores the calendar, outputs it', async () => {
		const result = await run({
			resource: 'calendar',
			operation: 'create',
			name: 'Demo Calls',
			additionalFields: { slotDuration: 45, slotDurationUnit: 'mins', groupId: defaultCalendarGroupId(sandbox.locationId), description: '' },
		});
		expect(result.status).toBe('success');
		expect(last('POST', '/calendars/').body).toEqual({
			name: 'Demo Calls',
			slotDuration: 45,
			slotDurationUnit: 'mins',
			groupId: defaultCalendarGroupId(sandbox.locationId),
			locationId: sandbox.locationId,
		});
		const [out] = result.output('HighLevel');
		expect(out).toMatchObject({ name: 'Demo Calls', slotDuration: 45, locationId: sandbox.locationId });
		expect(calendars().get(String(out.id))).toMatchObject({ name: 'Demo Calls', slotDuration: 45 });
	});

	it('Get Many: every calendar of the location, optionally of a group; Get: one by id', async () => {
		const all = await run({ resource: 'calendar', operation: 'getAll', returnAll: true });
		expect(all.output('HighLevel').map((c) => c.name)).toEqual(['Demo Calls', 'Sales Calls']);
		const limited = await run({ resource: 'calendar', operation: 'getAll', returnAll: false, limit: 1 });
		expect(limited.output('HighLevel')).toHaveLength(1);
		const group = await run({
			resource: 'calendar',
			operation: 'getAll',
			returnAll: true,
			filters: { groupId: defaultCalendarGroupId(sandbox.locationId) },
		});
		expect(last('GET', '/calendars/').query).toMatchObject({ groupId: defaultCalendarGroupId(sandbox.locationId) });
		expect(group.output('HighLevel')).toHaveLength(2);
		const one = await run({ resource: 'calendar', operation: 'get', calendarId });
		expect(one.output('HighLevel')).toEqual([expect.objectContaining({ id: calendarId, name: 'Sales Calls', slotDuration: 30 })]);
	});

	it('Update: sends only the changed fields; refuses an empty update before any request', async () => {
		const created = [...calendars().values()].find((c) => c.name === 'Demo Calls')!;
		const result = await run({ resource: 'calendar', operation: 'update', calendarId: created.id, updateFields: { name: 'Demo Calls (new)' } });
		expect(result.status).toBe('success');
		expect(last('PUT', `/calendars/${created.id}`).body).toEqual({ name: 'Demo Calls (new)' });
		expect(calendars().get(created.id)).toMatchObject({ name: 'Demo Calls (new)', slotDuration: 45 });
		expect(result.output('HighLevel')[0]).toMatchObject({ name: 'Demo Calls (new)' });
		const before = operationCounts(sandbox);
		const empty = await run({ resource: 'calendar', operation: 'update', calendarId: created.id, updateFields: {} });
		expect(empty.errors('HighLevel')[0].message).toBe('Nothing to update');
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('Delete: removes the calendar', async () => {
		const created = [...calendars().values()].find((c) => c.name === 'Demo Calls (new)')!;
		const result = await run({ resource: 'calendar', operation: 'delete', calendarId: created.id });
		expect(result.output('HighLevel')).toEqual([expect.objectContaining({ success: true })]);
		expect(calendars().has(created.id)).toBe(false);
	});

	it('Calendar Group → Get Many: the groups of the location', async () => {
		const result = await run({ resource: 'calendarGroup', operation: 'getAll', returnAll: true });
		expect(result.output('HighLevel')).toEqual([
			expect.objectContaining({ id: defaultCalendarGroupId(sandbox.locationId), name: 'Sales Team' }),
		]);
		expect(proxy.to('GET', '/calendars/groups').at(-1)?.query).toEqual({ locationId: sandbox.locationId });
	});

	describe('Get Free Slots', () => {
		// Monday 2027-03-01 00:00 to Wednesday 2027-03-03 00:00 in the location's zone: two open days.
		const twoDays = { startDate: '2027-03-01T00:00:00', endDate: '2027-03-03T00:00:00' };
		/** Get Free Slots of the seeded calendar over `range` (`startDate`, `endDate`), one item per slot. */
		const slotsOver = async (range: Record<string, unknown>, options: Record<string, unknown> = { timeZone: SANDBOX_ZONE }) =>
			await run({ resource: 'calendar', operation: 'getFreeSlots', calendarId, ...range, outputPer: 'slot', options });

		it('one item per slot: epoch ms numbers in the query, the time zone sent, slots in that zone, in order', async () => {
			const result = await slotsOver(twoDays);
			expect(result.status).toBe('success');
			const request = last('GET', `/calendars/${calendarId}/free-slots`);
			expect(request.query).toEqual({
				startDate: String(Date.parse('2027-03-01T06:00:00Z')),
				endDate: String(Date.parse('2027-03-03T06:00:00Z')),
				timezone: SANDBOX_ZONE,
			});
			const items = result.output('HighLevel');
			expect(items).toHaveLength(32);
			expect(items[0]).toEqual({ date: '2027-03-01', startTime: '2027-03-01T09:00:00-06:00', calendarId, timeZone: SANDBOX_ZONE });
			expect(items[31]).toEqual({ date: '2027-03-02', startTime: '2027-03-02T16:30:00-06:00', calendarId, timeZone: SANDBOX_ZONE });
		});

		it('one item per day: the slots of each day, listed in another time zone', async () => {
			const result = await run({
				resource: 'calendar',
				operation: 'getFreeSlots',
				calendarId,
				startDate: '2027-03-01T00:00:00-06:00',
				endDate: '2027-03-03T00:00:00-06:00',
				outputPer: 'day',
				options: { timeZone: 'Europe/Berlin' },
			});
			const days = result.output('HighLevel');
			expect(days.map((d) => [d.date, (d.slots as string[]).length])).toEqual([
				['2027-03-01', 16],
				['2027-03-02', 16],
			]);
			expect((days[0].slots as string[])[0]).toBe('2027-03-01T16:00:00+01:00');
			expect(days[0]).toMatchObject({ calendarId, timeZone: 'Europe/Berlin' });
		});

		it('a range over 31 days: asked in 31-day parts (3 requests for 70 days), merged, each slot once', async () => {
			const before = operationCounts(sandbox);
			const from = Date.parse('2027-03-01T06:00:00Z');
			const to = from + 70 * DAY_MS;
			const result = await run({
				resource: 'calendar',
				operation: 'getFreeSlots',
				calendarId,
				startDate: from,
				endDate: to,
				outputPer: 'day',
				options: { timeZone: SANDBOX_ZONE },
			});
			expect(result.status).toBe('success');
			expect(operationsSince(sandbox, before)).toEqual({ 'get-slots': 3 });
			const spans = proxy
				.to('GET', `/calendars/${calendarId}/free-slots`)
				.slice(-3)
				.map((r) => [Number(r.query.startDate), Number(r.query.endDate)]);
			expect(spans).toEqual([
				[from, from + 31 * DAY_MS],
				[from + 31 * DAY_MS, from + 62 * DAY_MS],
				[from + 62 * DAY_MS, to],
			]);
			const days = result.output('HighLevel');
			// 10 full weeks Mon–Fri (the end, Monday 2027-05-10 00:00, opens no slot).
			expect(days).toHaveLength(50);
			const dates = days.map((d) => d.date as string);
			expect([...dates].sort()).toEqual(dates);
			expect(new Set(dates).size).toBe(dates.length);
			for (const day of days) {
				expect(day.slots).toHaveLength(16);
				expect(new Set(day.slots as string[]).size).toBe(16);
			}
		});

		it('a booked appointment takes its slot', async () => {
			const data = activityOf(sandbox.store.location());
			const contactId = [...sandbox.store.location().contacts.keys()][0];
			data.appointments.set('appt-free-test', {
				id: 'appt-free-test',
				locationId: sandbox.locationId,
				calendarId,
				contactId,
				title: 'Booked',
				appointmentStatus: 'confirmed',
				startTime: '2027-03-01T16:00:00.000Z',
				endTime: '2027-03-01T16:30:00.000Z',
				dateAdded: '2027-01-01T00:00:00.000Z',
				dateUpdated: '2027-01-01T00:00:00.000Z',
			});
			const result = await slotsOver(twoDays);
			const slots = result.output('HighLevel').map((s) => s.startTime);
			expect(slots).toHaveLength(31);
			expect(slots).not.toContain('2027-03-01T10:00:00-06:00');
			data.appointments.delete('appt-free-test');
		});

		it('End Date before Start Date, or a bad date: a local error naming the fields, no request', async () => {
			const before = operationCounts(sandbox);
			const firstError = async (range: Record<string, unknown>, options = {}) =>
				(await slotsOver(range, options)).errors('HighLevel')[0].message;
			expect(await firstError({ startDate: '2027-03-03T00:00:00', endDate: '2027-03-01T00:00:00' })).toBe(
				'End Date must be after Start Date',
			);
			expect(await firstError({ startDate: '2027-03-01T00:00:00', endDate: '2027-03-01T00:00:00' })).toBe(
				'End Date must be after Start Date',
			);
			expect(await firstError(twoDays, { timeZone: 'Mars/Olympus' })).toBe('Time Zone "Mars/Olympus" is not an IANA time zone');
			expect(operationsSince(sandbox, before)).toEqual({});
		});
	});
});
