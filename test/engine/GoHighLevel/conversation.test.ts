import { activityOf } from '../../sandbox/activity';
import { addConversation } from '../../sandbox/conversations';
import { byId, operationCounts, operationsSince, useEngineSandbox } from './helpers';

/** Every operation of the Conversation resource, end to end through n8n-core and the sandbox. */
describe('Conversation operations', () => {
	const { sandbox, proxy, run } = useEngineSandbox();

	const contact = (email: string) => [...sandbox.store.location().contacts.values()].find((c) => c.email === email)!;
	const conversations = () => activityOf(sandbox.store.location()).conversations;

	it('Create: sends the contact and the location; outputs the new conversation, which the sandbox holds', async () => {
		const ada = contact('ada@example.com');
		const result = await run({ resource: 'conversation', operation: 'create', contactId: byId(ada.id) });
		expect(result.status).toBe('success');
		const [out] = result.output('HighLevel');
		expect(out).toMatchObject({ contactId: ada.id, locationId: sandbox.locationId });
		expect(proxy.to('POST', '/conversations/').pop()?.body).toEqual({ contactId: ada.id, locationId: sandbox.locationId });
		expect(conversations().get(String(out.id))?.contactId).toBe(ada.id);
	});

	it('Get, Update (star, mark as read) and Delete one conversation', async () => {
		const grace = contact('grace@example.com');
		const c = addConversation(sandbox.store.location(), 'convGrace000001', grace.id, Date.UTC(2025, 0, 1), { unreadCount: 3 });
		const got = await run({ resource: 'conversation', operation: 'get', conversationId: byId(c.id) });
		expect(got.output('HighLevel')).toEqual([expect.objectContaining({ id: c.id, contactId: grace.id, unreadCount: 3 })]);

		const updated = await run({
			resource: 'conversation',
			operation: 'update',
			conversationId: byId(c.id),
			updateFields: { starred: true, markAsRead: true },
		});
		expect(updated.status).toBe('success');
		expect(proxy.to('PUT', `/conversations/${c.id}`).pop()?.body).toEqual({
			starred: true,
			unreadCount: 0,
			locationId: sandbox.locationId,
		});
		expect(conversations().get(c.id)).toMatchObject({ starred: true, unreadCount: 0 });
		expect(updated.output('HighLevel')[0]).toMatchObject({ id: c.id, starred: true, unreadCount: 0 });

		const before = operationCounts(sandbox);
		const empty = await run({ resource: 'conversation', operation: 'update', conversationId: byId(c.id), updateFields: {} });
		expect(empty.errors('HighLevel')[0].message).toBe('Nothing to update');
		expect(operationsSince(sandbox, before)).toEqual({});

		const deleted = await run({ resource: 'conversation', operation: 'delete', conversationId: byId(c.id) });
		expect(deleted.output('HighLevel')).toEqual([{ id: c.id, deleted: true }]);
		expect(conversations().has(c.id)).toBe(false);
	});

	it('Get Many with Return All reads 250 conversations over 3 pages with startAfterDate, each once, newest first', async () => {
		sandbox.seedContacts(250, { tags: ['conv-paging'] });
		const seeded = [...sandbox.store.location().contacts.values()].filter((c) => c.tags.includes('conv-paging'));
		seeded.forEach((c, i) => addConversation(sandbox.store.location(), `convPage${String(i).padStart(6, '0')}`, c.id, Date.UTC(2024, 5, 1) + i * 60_000, { assignedTo: 'pagingUser01' }));
		const before = operationCounts(sandbox);
		const result = await run({
			resource: 'conversation',
			operation: 'getAll',
			returnAll: true,
			filters: { assignedTo: byId('pagingUser01') },
		});
		expect(result.status).toBe('success');
		const out = result.output('HighLevel');
		expect(out).toHaveLength(250);
		expect(new Set(out.map((c) => c.id)).size).toBe(250);
		expect(out[0].id).toBe('convPage000249');
		expect(operationsSince(sandbox, before)).toEqual({ 'search-conversation': 3 });
		const pages = proxy.to('GET', '/conversations/search').slice(-3);
		expect(pages.map((p) => p.query.startAfterDate)).toEqual([
			undefined,
			String(Date.UTC(2024, 5, 1) + 150 * 60_000),
			String(Date.UTC(2024, 5, 1) + 50 * 60_000),
		]);
		expect(pages.every((p) => p.query.assignedTo === 'pagingUser01' && p.query.limit === '100')).toBe(true);
	});

	it('Get Many with a limit, contact filter, status and sort: sends them as query parameters', async () => {
		const katherine = contact('katherine@example.com');
		addConversation(sandbox.store.location(), 'convKath000001', katherine.id, Date.UTC(2025, 1, 1), { unreadCount: 2 });
		const result = await run({
			resource: 'conversation',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			query: 'katherine',
			filters: { contactId: byId(katherine.id), status: 'unread' },
			sort: { sortBy: 'last_manual_message_date', direction: 'asc' },
		});
		expect(result.output('HighLevel').map((c) => c.id)).toEqual(['convKath000001']);
		expect(proxy.to('GET', '/conversations/search').pop()?.query).toEqual({
			locationId: sandbox.locationId,
			query: 'katherine',
			contactId: katherine.id,
			status: 'unread',
			sortBy: 'last_manual_message_date',
			sort: 'asc',
			limit: '5',
		});
	});
});
