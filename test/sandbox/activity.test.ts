import { defaultCalendarId } from './activity';
import { startSandbox, type Sandbox } from './index';
import { call, fakeClock } from './testClient';

const V15 = { version: '2021-04-15' };

describe('sandbox calendars, tasks, notes and messages', () => {
	const clock = fakeClock();
	let sandbox: Sandbox;
	let loc: string;
	let contactId: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: false, now: clock.now });
		loc = sandbox.locationId;
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.reset();
		contactId = [...sandbox.store.location().contacts.keys()][0];
	});
	afterEach(() => expect(sandbox.stats.invalidRequests).toEqual([]));

	describe('calendars and appointments', () => {
		it('lists the seeded calendar with a stable id', async () => {
			const res = await call(sandbox, 'GET', `/calendars/?locationId=${loc}`, V15);
			expect(res.status).toBe(200);
			expect(res.body.calendars).toEqual([expect.objectContaining({ id: defaultCalendarId(loc), name: 'Sales Calls' })]);
		});

		it('books an appointment and lists it by a window on its start time', async () => {
			const calendarId = defaultCalendarId(loc);
			const start = clock.now() + 3 * 86_400_000;
			const created = await call(sandbox, 'POST', '/calendars/events/appointments', {
				...V15,
				body: { calendarId, locationId: loc, contactId, startTime: new Date(start).toISOString(), title: 'Demo', ignoreFreeSlotValidation: true },
			});
			expect(created.status).toBe(200);
			expect(created.body).toMatchObject({ calendarId, contactId, title: 'Demo', dateAdded: new Date(clock.now()).toISOString() });
			const window = (from: number, to: number) =>
				call(sandbox, 'GET', `/calendars/events?locationId=${loc}&calendarId=${calendarId}&startTime=${from}&endTime=${to}`, V15);
			expect((await window(start - 1000, start + 1000)).body.events.map((e: { id: string }) => e.id)).toEqual([created.body.id]);
			expect((await window(start + 1, start + 86_400_000)).body.events).toEqual([]);
			const one = await call(sandbox, 'GET', `/calendars/events/appointments/${created.body.id}`, V15);
			expect(one.body.event.id).toBe(created.body.id);
		});

		it('refuses an events query without calendarId, userId or groupId (422)', async () => {
			const res = await call(sandbox, 'GET', `/calendars/events?locationId=${loc}&startTime=0&endTime=1`, V15);
			expect(res.status).toBe(422);
			sandbox.stats.invalidRequests.length = 0;
		});

		it('refuses an unknown calendar (400)', async () => {
			const res = await call(sandbox, 'POST', '/calendars/events/appointments', {
				...V15,
				body: { calendarId: 'nope', locationId: loc, contactId, startTime: '2026-02-01T10:00:00Z' },
			});
			expect(res.status).toBe(400);
		});
	});

	describe('tasks and notes', () => {
		it('creates tasks on a contact and pages them with the location task search (limit + skip)', async () => {
			const ids: string[] = [];
			for (let i = 0; i < 5; i++) {
				clock.advance(1000);
				const res = await call(sandbox, 'POST', `/contacts/${contactId}/tasks`, {
					body: { title: `Task ${i}`, dueDate: '2026-02-01T10:00:00Z', completed: false },
				});
				expect(res.status).toBe(201);
				expect(res.body.task).toMatchObject({ title: `Task ${i}`, contactId, completed: false });
				ids.push(res.body.task.id);
			}
			const page = (skip: number) => call(sandbox, 'POST', `/locations/${loc}/tasks/search`, { body: { limit: 2, skip } });
			const read = [...(await page(0)).body.tasks, ...(await page(2)).body.tasks, ...(await page(4)).body.tasks];
			expect(read.map((t: { id: string }) => t.id)).toEqual([...ids].reverse());
			expect((await page(6)).body.tasks).toEqual([]);
			const list = await call(sandbox, 'GET', `/contacts/${contactId}/tasks`);
			expect(list.body.tasks).toHaveLength(5);
		});

		it('adds notes without touching the contact and lists them newest first', async () => {
			const before = sandbox.store.location().contacts.get(contactId)!.dateUpdated;
			const first = await call(sandbox, 'POST', `/contacts/${contactId}/notes`, { body: { body: 'one' } });
			clock.advance(1000);
			const second = await call(sandbox, 'POST', `/contacts/${contactId}/notes`, { body: { body: 'two' } });
			expect(first.status).toBe(201);
			const list = await call(sandbox, 'GET', `/contacts/${contactId}/notes`);
			expect(list.body.notes.map((n: { id: string }) => n.id)).toEqual([second.body.note.id, first.body.note.id]);
			expect(sandbox.store.location().contacts.get(contactId)!.dateUpdated).toBe(before);
		});

		it('answers 404 for the notes of an unknown contact', async () => {
			expect((await call(sandbox, 'GET', '/contacts/nope/notes')).status).toBe(404);
		});
	});

	describe('conversations and the message export', () => {
		async function conversation(): Promise<string> {
			const res = await call(sandbox, 'POST', '/conversations/', { ...V15, body: { locationId: loc, contactId } });
			expect(res.status).toBe(200);
			return res.body.conversation.id;
		}
		async function inbound(conversationId: string, type: string, date?: string) {
			const res = await call(sandbox, 'POST', '/conversations/messages/inbound', {
				...V15,
				body: { type, conversationId, contactId, conversationProviderId: 'prov1', message: `hi ${type}`, ...(date ? { date } : {}) },
			});
			expect(res.status).toBe(200);
			return res.body.messageId as string;
		}

		it('stores inbound messages and exports them with a cursor, emails only with channel=Email', async () => {
			const conv = await conversation();
			const sms: string[] = [];
			for (let i = 0; i < 25; i++) {
				clock.advance(1000);
				sms.push(await inbound(conv, 'SMS'));
			}
			const email = await inbound(conv, 'Email');
			const read: string[] = [];
			let cursor: string | null = null;
			do {
				const qs: string = `locationId=${loc}&limit=10&sortBy=createdAt&sortOrder=asc${cursor ? `&cursor=${cursor}` : ''}`;
				const res = await call(sandbox, 'GET', `/conversations/messages/export?${qs}`, V15);
				expect(res.body.total).toBe(25);
				read.push(...res.body.messages.map((m: { id: string }) => m.id));
				cursor = res.body.nextCursor;
			} while (cursor);
			expect(read).toEqual(sms);
			const emails = await call(sandbox, 'GET', `/conversations/messages/export?locationId=${loc}&channel=Email`, V15);
			expect(emails.body.messages).toEqual([
				expect.objectContaining({ id: email, messageType: 'TYPE_EMAIL', direction: 'inbound', conversationId: conv }),
			]);
			expect(emails.body.nextCursor).toBeNull();
		});

		it('filters the export by startDate (ISO) and honours a back-dated inbound message', async () => {
			const conv = await conversation();
			const old = await inbound(conv, 'SMS', '2020-01-01T00:00:00.000Z');
			const now = await inbound(conv, 'SMS');
			const since = new Date(clock.now() - 60_000).toISOString();
			const res = await call(sandbox, 'GET', `/conversations/messages/export?locationId=${loc}&startDate=${since}`, V15);
			expect(res.body.messages.map((m: { id: string }) => m.id)).toEqual([now]);
			const all = await call(sandbox, 'GET', `/conversations/messages/export?locationId=${loc}&sortOrder=asc`, V15);
			expect(all.body.messages.map((m: { id: string }) => m.id)).toEqual([old, now]);
		});

		it('refuses an export limit above 500 (spec maximum)', async () => {
			const res = await call(sandbox, 'GET', `/conversations/messages/export?locationId=${loc}&limit=501`, V15);
			expect(res.status).toBe(422);
			sandbox.stats.invalidRequests.length = 0;
		});
	});
});
