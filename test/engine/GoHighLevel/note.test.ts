import { activityOf } from '../../sandbox/activity';
import { byId, operationCounts, operationsSince, useEngineSandbox } from './helpers';

/** Every operation of the Note resource (notes of a contact, contacts.json), through n8n-core and the sandbox. */
describe('Note operations', () => {
	const { sandbox, run, lastBody, errorText } = useEngineSandbox();
	let contactId: string;
	let userId: string;
	beforeAll(async () => {
		contactId = [...sandbox.store.location().contacts.keys()][0];
		userId = sandbox.store.location().users[0].id;
	});

	const notes = () => activityOf(sandbox.store.location()).notes;

	it('Create: sends the body and the fields set, stores the note on the contact, outputs it', async () => {
		const result = await run({
			resource: 'note',
			operation: 'create',
			contactId: byId(contactId),
			body: 'Called about the boiler; wants a quote',
			additionalFields: { title: 'Call summary', pinned: true, userId: byId(userId), color: '' },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		const [note] = result.output('HighLevel');
		expect(note).toMatchObject({ body: 'Called about the boiler; wants a quote', title: 'Call summary', contactId });
		expect(lastBody('POST', `/contacts/${contactId}/notes`)).toEqual({
			body: 'Called about the boiler; wants a quote',
			title: 'Call summary',
			pinned: true,
			userId,
		});
		expect(notes().get(String(note.id))).toMatchObject({ contactId, pinned: true, userId });
	});

	it('Get, Update, Get Many with Limit / Return All, Delete', async () => {
		const created = await Promise.all(
			['first', 'second', 'third'].map(async (text) => (await run({ resource: 'note', operation: 'create', contactId: byId(contactId), body: text })).output('HighLevel')[0]),
		);
		const id = String(created[0].id);

		const got = await run({ resource: 'note', operation: 'get', contactId: byId(contactId), noteId: byId(id) });
		expect(got.output('HighLevel')).toEqual([expect.objectContaining({ id, body: 'first' })]);

		const updated = await run({
			resource: 'note',
			operation: 'update',
			contactId: byId(contactId),
			noteId: byId(id),
			body: '',
			updateFields: { title: 'Renamed' },
		});
		expect(updated.errors('HighLevel')).toEqual([]);
		expect(lastBody('PUT', `/contacts/${contactId}/notes/${id}`)).toEqual({ title: 'Renamed' });
		expect(notes().get(id)).toMatchObject({ body: 'first', title: 'Renamed' });

		const total = [...notes().values()].filter((n) => n.contactId === contactId).length;
		expect(total).toBeGreaterThanOrEqual(4);
		const limited = await run({ resource: 'note', operation: 'getAll', contactId: byId(contactId), limit: 2 });
		expect(limited.output('HighLevel')).toHaveLength(2);
		const all = await run({ resource: 'note', operation: 'getAll', contactId: byId(contactId), returnAll: true });
		expect(all.output('HighLevel')).toHaveLength(total);

		const deleted = await run({ resource: 'note', operation: 'delete', contactId: byId(contactId), noteId: byId(id) });
		expect(deleted.output('HighLevel')).toEqual([{ id, contactId, deleted: true }]);
		expect(notes().has(id)).toBe(false);
	});

	it('Update with nothing to change fails before any request', async () => {
		const id = [...notes().values()].find((n) => n.contactId === contactId)!.id;
		const before = operationCounts(sandbox);
		const result = await run({ resource: 'note', operation: 'update', contactId: byId(contactId), noteId: byId(id), updateFields: {} });
		expect(errorText(result)).toMatch(/Nothing to update/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('a note of another contact is not found (404)', async () => {
		const id = [...notes().values()].find((n) => n.contactId === contactId)!.id;
		const other = [...sandbox.store.location().contacts.keys()][1];
		const result = await run({ resource: 'note', operation: 'get', contactId: byId(other), noteId: byId(id) });
		expect(errorText(result)).toMatch(/not found/i);
	});
});
