import { startSandbox, type Sandbox } from './index';
import { recordResource, recordsOf } from './records';
import { call, fakeClock } from './testClient';

/** The generic record store (records.ts), through the notes of a contact registered with it (tasks.ts). */
describe('sandbox record store', () => {
	const clock = fakeClock();
	let sandbox: Sandbox;
	let contactId: string;
	let otherContactId: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: false, now: clock.now });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.reset();
		[contactId, otherContactId] = [...sandbox.store.location().contacts.keys()];
	});
	afterEach(() => expect(sandbox.stats.invalidRequests).toEqual([]));

	const notes = (id = contactId) => `/contacts/${id}/notes`;

	it('creates (201 {note}), gets, updates (200 {note}), lists and deletes (200 {succeded: true}) as the spec says', async () => {
		const created = await call(sandbox, 'POST', notes(), { body: { body: 'Called', title: 'Call', pinned: false } });
		expect(created.status).toBe(201);
		const id = created.body.note.id as string;
		expect(created.body.note).toEqual({
			id,
			contactId,
			body: 'Called',
			title: 'Call',
			pinned: false,
			dateAdded: new Date(clock.now()).toISOString(),
		});
		expect(recordsOf(sandbox.store.location(), 'notes').get(id)).toMatchObject({ body: 'Called' });

		const got = await call(sandbox, 'GET', `${notes()}/${id}`);
		expect(got.status).toBe(200);
		expect(got.body.note).toEqual(created.body.note);

		const updated = await call(sandbox, 'PUT', `${notes()}/${id}`, { body: { body: 'Called back', color: '#FFAA00' } });
		expect(updated.status).toBe(200);
		expect(updated.body.note).toEqual({ ...created.body.note, body: 'Called back', color: '#FFAA00' });

		clock.advance(1000);
		const second = await call(sandbox, 'POST', notes(), { body: { body: 'Later' } });
		await call(sandbox, 'POST', notes(otherContactId), { body: { body: 'Someone else' } });
		const list = await call(sandbox, 'GET', notes());
		expect(list.status).toBe(200);
		expect(list.body.notes.map((n: { id: string }) => n.id)).toEqual([second.body.note.id, id]);

		const deleted = await call(sandbox, 'DELETE', `${notes()}/${id}`);
		expect(deleted.status).toBe(200);
		expect(deleted.body).toMatchObject({ succeded: true });
		expect(recordsOf(sandbox.store.location(), 'notes').has(id)).toBe(false);
		const gone = await call(sandbox, 'GET', `${notes()}/${id}`);
		expect(gone.status).toBe(404);
		expect(gone.body).toMatchObject({ statusCode: 404, message: 'Note not found' });
	});

	it('answers 404 for a note under another contact or an unknown contact, 403 for another location\'s note', async () => {
		const created = await call(sandbox, 'POST', notes(), { body: { body: 'Mine' } });
		const id = created.body.note.id as string;
		expect((await call(sandbox, 'GET', `${notes(otherContactId)}/${id}`)).body).toMatchObject({ statusCode: 404, message: 'Note not found' });
		expect((await call(sandbox, 'GET', `/contacts/nope12345/notes/${id}`)).body).toMatchObject({ statusCode: 404, message: 'Contact not found' });

		const second = sandbox.secondLocationId as string;
		const token = sandbox.createPrivateIntegrationToken({ locationId: second });
		const theirContact = [...sandbox.store.location(second).contacts.keys()][0];
		const res = await call(sandbox, 'GET', `/contacts/${theirContact}/notes/${id}`, { token });
		expect(res.status).toBe(403);
		expect(res.body.message).toBe('The token does not have access to this location.');
	});

	it('ids come from the store generator: the same after a reset', async () => {
		const first = (await call(sandbox, 'POST', notes(), { body: { body: 'x' } })).body.note.id;
		sandbox.reset();
		contactId = [...sandbox.store.location().contacts.keys()][0];
		const again = (await call(sandbox, 'POST', notes(), { body: { body: 'x' } })).body.note.id;
		expect(again).toBe(first);
	});

	it('refuses a registration whose root is not in the spec response or whose operationId is not in the spec', () => {
		const base = { spec: 'contacts' as const, collection: 'x', record: 'X', idParam: 'id', root: 'note' };
		expect(() => recordResource({ ...base, get: 'get-note', root: 'nota' })).toThrow(/get-note answers no "nota"/);
		expect(() => recordResource({ ...base, list: 'get-all-notes', listRoot: 'items' })).toThrow(/"items"/);
		expect(() => recordResource({ ...base, get: 'get-notes-typo' })).toThrow(/not an operation of contacts.json/);
		expect(Object.keys(recordResource({ ...base, get: 'get-note', delete: 'delete-note' }))).toEqual(['get-note', 'delete-note']);
	});
});
