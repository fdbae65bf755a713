/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject } from 'n8n-workflow';

import { activityOf, type TaskRecord } from '../../sandbox/activity';
import { byId, operationCounts, operationsSince, useEngineSandbox } from './helpers';

/** Every operation of the Task resource (contacts.json tasks, locations.json task search), through n8n-core and the sandbox. */
describe('Task operations', () => {
	const { sandbox, proxy, run, lastBody, errorText } = useEngineSandbox();
	let contactId: string;
	let otherContactId: string;
	let userId: string;
	beforeAll(async () => {
		[contactId, otherContactId] = [...sandbox.store.location().contacts.keys()];
		userId = sandbox.store.location().users[0].id;
	});

	const tasks = () => activityOf(sandbox.store.location()).tasks;

	const create = async (title: string, extra: IDataObject = {}) => {
		const result = await run({
			resource: 'task',
			operation: 'create',
			contactId: byId(contactId),
			title,
			dueDate: '2026-03-10T09:30:00+01:00',
			...extra,
		});
		expect(result.errors('HighLevel')).toEqual([]);
		return result.output('HighLevel')[0];
	};

	it('Create: due date in UTC without milliseconds, completed false by default, assigned user; outputs the task', async () => {
		const task = await create('Send the quote', {
			additionalFields: { body: 'Boiler replacement, 2 options', assignedTo: byId(userId) },
		});
		expect(lastBody('POST', `/contacts/${contactId}/tasks`)).toEqual({
			title: 'Send the quote',
			dueDate: '2026-03-10T08:30:00Z',
			completed: false,
			body: 'Boiler replacement, 2 options',
			assignedTo: userId,
		});
		expect(task).toMatchObject({ title: 'Send the quote', contactId, completed: false, assignedTo: userId });
		expect(tasks().get(String(task.id))).toMatchObject({ dueDate: '2026-03-10T08:30:00Z', completed: false });
	});

	it('Create: a due date that is not a date fails before any request, naming Due Date', async () => {
		const before = operationCounts(sandbox);
		const result = await run({
			resource: 'task',
			operation: 'create',
			contactId: byId(contactId),
			title: 'Bad date',
			dueDate: 'next tuesday',
		});
		expect(errorText(result)).toMatch(/Due Date/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('Get, Get Many with Limit / Return All, Delete', async () => {
		const a = await create('Task A');
		await create('Task B');
		const id = String(a.id);
		const got = await run({ resource: 'task', operation: 'get', contactId: byId(contactId), taskId: byId(id) });
		expect(got.output('HighLevel')).toEqual([expect.objectContaining({ id, title: 'Task A' })]);

		const total = [...tasks().values()].filter((t) => t.contactId === contactId).length;
		expect(total).toBeGreaterThanOrEqual(3);
		const limited = await run({ resource: 'task', operation: 'getAll', contactId: byId(contactId), limit: 2 });
		expect(limited.output('HighLevel')).toHaveLength(2);
		const all = await run({ resource: 'task', operation: 'getAll', contactId: byId(contactId), returnAll: true });
		expect(all.output('HighLevel').map((t) => t.contactId)).toEqual(Array(total).fill(contactId));

		const deleted = await run({ resource: 'task', operation: 'delete', contactId: byId(contactId), taskId: byId(id) });
		expect(deleted.output('HighLevel')).toEqual([{ id, contactId, deleted: true }]);
		expect(tasks().has(id)).toBe(false);
	});

	it('Update: sends the fields changed plus the task\'s title and due date, read first (HighLevel needs both)', async () => {
		const task = await create('Call back');
		const id = String(task.id);
		const before = operationCounts(sandbox);
		const result = await run({
			resource: 'task',
			operation: 'update',
			contactId: byId(contactId),
			taskId: byId(id),
			updateFields: { body: 'Asked for Thursday' },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(operationsSince(sandbox, before)).toEqual({ 'get-task': 1, 'update-task': 1 });
		expect(lastBody('PUT', `/contacts/${contactId}/tasks/${id}`)).toEqual({
			body: 'Asked for Thursday',
			title: 'Call back',
			dueDate: '2026-03-10T08:30:00Z',
		});
		expect(result.output('HighLevel')[0]).toMatchObject({ id, body: 'Asked for Thursday', title: 'Call back' });

		const both = operationCounts(sandbox);
		await run({
			resource: 'task',
			operation: 'update',
			contactId: byId(contactId),
			taskId: byId(id),
			updateFields: { title: 'Call back Thursday', dueDate: '2026-03-12T15:00:00Z' },
		});
		expect(operationsSince(sandbox, both)).toEqual({ 'update-task': 1 });
		expect(tasks().get(id)).toMatchObject({ title: 'Call back Thursday', dueDate: '2026-03-12T15:00:00Z' });

		const nothing = operationCounts(sandbox);
		const empty = await run({ resource: 'task', operation: 'update', contactId: byId(contactId), taskId: byId(id), updateFields: {} });
		expect(errorText(empty)).toMatch(/Nothing to update/);
		expect(operationsSince(sandbox, nothing)).toEqual({});
	});

	it('Mark Completed / Mark Not Completed: sends `completed` and the sandbox task follows', async () => {
		const task = await create('Follow up');
		const id = String(task.id);
		const done = await run({ resource: 'task', operation: 'markCompleted', contactId: byId(contactId), taskId: byId(id) });
		expect(lastBody('PUT', `/contacts/${contactId}/tasks/${id}/completed`)).toEqual({ completed: true });
		expect(done.output('HighLevel')).toEqual([expect.objectContaining({ id, completed: true })]);
		expect(tasks().get(id)?.completed).toBe(true);

		const reopened = await run({ resource: 'task', operation: 'markNotCompleted', contactId: byId(contactId), taskId: byId(id) });
		expect(lastBody('PUT', `/contacts/${contactId}/tasks/${id}/completed`)).toEqual({ completed: false });
		expect(reopened.output('HighLevel')).toEqual([expect.objectContaining({ id, completed: false })]);
		expect(tasks().get(id)?.completed).toBe(false);
	});

	it('the writes emit HighLevel\'s task events: TaskCreate, TaskComplete once (not on re-completing), TaskDelete', async () => {
		const receiver = http.createServer((req, res) => {
			req.resume();
			req.on('end', () => res.writeHead(200).end('{}'));
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		sandbox.setWebhookUrl(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`);
		try {
			const seen = sandbox.webhooks.deliveries.length;
			const task = await create('Event check');
			const ids = { contactId: byId(contactId), taskId: byId(String(task.id)) };
			await run({ resource: 'task', operation: 'markCompleted', ...ids });
			await run({ resource: 'task', operation: 'markCompleted', ...ids });
			await run({ resource: 'task', operation: 'delete', ...ids });
			await sandbox.webhooks.idle();
			const events = sandbox.webhooks.deliveries.slice(seen);
			expect(events.map((d) => d.type)).toEqual(['TaskCreate', 'TaskComplete', 'TaskDelete']);
			expect(events[0].payload).toMatchObject({ type: 'TaskCreate', id: task.id, contactId, title: 'Event check' });
		} finally {
			sandbox.setWebhookUrl(null);
			await new Promise<void>((resolve) => receiver.close(() => resolve()));
		}
	});

	it('Search: Return All reads the location\'s tasks across 3+ pages of limit/skip with the filters in every page', async () => {
		const map = tasks();
		for (let i = 0; i < 500; i++) {
			const record: TaskRecord = {
				id: sandbox.store.ids.id(),
				locationId: sandbox.locationId,
				contactId: otherContactId,
				title: `Seeded ${i}`,
				dueDate: '2026-04-01T10:00:00Z',
				completed: i % 2 === 0,
				dateAdded: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
				...(i % 5 === 0 ? {} : { assignedTo: userId }),
			};
			map.set(record.id, record);
		}
		const expected = [...map.values()].filter((t) => t.contactId === otherContactId && t.completed);
		const requestsBefore = proxy.requests.length;
		const result = await run({
			resource: 'task',
			operation: 'search',
			returnAll: true,
			filters: { contactId: byId(otherContactId), status: 'completed' },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		const output = result.output('HighLevel');
		expect(output).toHaveLength(expected.length);
		expect(new Set(output.map((t) => t.id))).toEqual(new Set(expected.map((t) => t.id)));
		const pages = proxy.requests.slice(requestsBefore).filter((r) => r.path === `/locations/${sandbox.locationId}/tasks/search`);
		expect(pages.length).toBeGreaterThanOrEqual(3);
		// 250 matching tasks: pages of 100, 100 and 50, then the empty page that ends an offset list (FACTS.md 2.14).
		expect(expected).toHaveLength(250);
		expect(pages.map((p) => (p.body as IDataObject).skip ?? 0)).toEqual([0, 100, 200, 250]);
		for (const page of pages) {
			expect(page.body).toMatchObject({ contactId: [otherContactId], completed: true, limit: 100 });
		}

		const limited = await run({
			resource: 'task',
			operation: 'search',
			limit: 7,
			filters: { assignedTo: byId(userId), query: 'seeded' },
		});
		expect(limited.output('HighLevel')).toHaveLength(7);
		expect(limited.output('HighLevel').every((t) => t.assignedTo === userId)).toBe(true);
		expect(proxy.requests.at(-1)?.body).toEqual({ assignedTo: [userId], query: 'seeded', limit: 7 });
	});
});
