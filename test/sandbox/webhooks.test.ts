/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { verifySignature } from '../../nodes/GoHighLevelTrigger/shared/verify';
import { TEST_ED25519_PUBLIC_KEY, TEST_RSA_PUBLIC_KEY } from '../GoHighLevelTrigger/fixtures/keys';
import { defaultCalendarId } from './activity';
import { eventsOfChange, startSandbox, type Sandbox } from './index';
import { call, fakeClock } from './testClient';

/** One request the receiver got. */
interface Received {
	headers: IncomingHttpHeaders;
	body: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	json: any;
}

type Answer = (request: Received, index: number) => Promise<number> | number;

/** A tiny webhook receiver on 127.0.0.1:0 answering `answer(request)` (status, JSON body `{ok}`). */
async function startReceiver(): Promise<{
	url: string;
	received: Received[];
	maxConcurrent: () => number;
	setAnswer(answer: Answer): void;
	close(): Promise<void>;
}> {
	const received: Received[] = [];
	let answer: Answer = () => 200;
	let inFlight = 0;
	let maxConcurrent = 0;
	const server: Server = createServer((req, res) => {
		inFlight++;
		maxConcurrent = Math.max(maxConcurrent, inFlight);
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			let json: unknown;
			try {
				json = JSON.parse(body);
			} catch {
				json = undefined;
			}
			const request: Received = { headers: req.headers, body, json };
			received.push(request);
			void Promise.resolve(answer(request, received.length - 1)).then((status) => {
				inFlight--;
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ ok: status < 300, n: received.length }));
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
		received,
		maxConcurrent: () => maxConcurrent,
		setAnswer(next) {
			answer = next;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

/** Verifies a received request like the trigger does, with the TEST public keys as extra keys. */
function verified(request: Received, header?: 'x-ghl-signature' | 'x-wh-signature'): boolean {
	const headers = { ...request.headers };
	if (header === 'x-wh-signature') delete headers['x-ghl-signature'];
	return verifySignature({
		rawBody: Buffer.from(request.body, 'utf8'),
		headers: headers as Record<string, string>,
		ed25519PublicKeys: [TEST_ED25519_PUBLIC_KEY],
		rsaPublicKeys: [TEST_RSA_PUBLIC_KEY],
	}).ok;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('sandbox webhook events', () => {
	const clock = fakeClock();
	let sandbox: Sandbox;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	let loc: string;

	beforeAll(async () => {
		receiver = await startReceiver();
		sandbox = await startSandbox({
			rateLimit: false,
			now: clock.now,
			webhooks: { retryDelayMs: 5, maxRetries: 3 },
		});
		loc = sandbox.locationId;
	});
	afterAll(async () => {
		await sandbox.close();
		await receiver.close();
	});
	beforeEach(async () => {
		await sandbox.webhooks.idle();
		sandbox.setWebhookUrl(receiver.url);
		sandbox.reset();
		receiver.received.length = 0;
		receiver.setAnswer(() => 200);
	});

	const sales = () => sandbox.store.location().pipelines.find((p) => p.name === 'Sales Pipeline')!;
	const anyOpportunity = () => [...sandbox.store.location().opportunities.values()][0];
	const anyContact = () => [...sandbox.store.location().contacts.values()][0];
	const types = () => receiver.received.map((r) => r.json.type);

	async function createContact(email: string): Promise<string> {
		const res = await call(sandbox, 'POST', '/contacts/', {
			body: { locationId: loc, firstName: 'Ada', lastName: 'Lovelace', email, tags: ['Vip'] },
		});
		expect(res.status).toBe(201);
		return res.body.contact.id;
	}

	it('sends nothing while no webhook URL is set', async () => {
		sandbox.setWebhookUrl(undefined);
		await createContact('nobody@example.com');
		await sandbox.webhooks.idle();
		expect(receiver.received).toHaveLength(0);
		expect(sandbox.webhooks.deliveries).toHaveLength(0);
		expect(sandbox.stats.webhooks.sent).toBe(0);
	});

	it('refuses a webhook URL that is not http(s)', () => {
		expect(() => sandbox.setWebhookUrl('ftp://127.0.0.1/x')).toThrow(/http or https/);
		expect(() => sandbox.setWebhookUrl('not a url')).toThrow(/Not a URL/);
		expect(sandbox.webhooks.url).toBe(receiver.url);
	});

	it('sends a signed ContactCreate with the contact, locationId, timestamp and webhookId', async () => {
		const id = await createContact('countess@example.com');
		await sandbox.webhooks.idle();
		expect(types()).toEqual(['ContactCreate']);
		const [request] = receiver.received;
		expect(request.json).toMatchObject({
			type: 'ContactCreate',
			locationId: loc,
			id,
			email: 'countess@example.com',
			firstName: 'Ada',
			lastName: 'Lovelace',
			name: 'Ada Lovelace',
			tags: ['vip'],
			dnd: false,
			attachments: [],
			customFields: [],
			timestamp: new Date(clock.now()).toISOString(),
		});
		expect(request.json.webhookId).toMatch(UUID);
		expect(request.headers['content-type']).toBe('application/json');
		expect(verified(request)).toBe(true);
		expect(verified(request, 'x-wh-signature')).toBe(true);
		// Without the TEST key (HighLevel's keys only) the signature does not verify.
		expect(
			verifySignature({
				rawBody: request.body,
				headers: request.headers as Record<string, string>,
			}).ok,
		).toBe(false);
		expect(sandbox.webhooks.deliveries).toHaveLength(1);
		expect(sandbox.webhooks.deliveries[0]).toMatchObject({
			source: 'event',
			type: 'ContactCreate',
			locationId: loc,
			webhookId: request.json.webhookId,
			outcome: 'delivered',
			status: 200,
			body: request.body,
			responseJson: { ok: true, n: 1 },
		});
		expect(sandbox.stats.webhooks).toEqual({
			sent: 1,
			byStatus: { '200': 1 },
			retries: 0,
			failures: 0,
		});
	});

	it('sends AppointmentCreate and NoteCreate for appointments and notes made through the API', async () => {
		const contactId = anyContact().id;
		const booked = await call(sandbox, 'POST', '/calendars/events/appointments', {
			version: '2021-04-15',
			body: {
				calendarId: defaultCalendarId(loc),
				locationId: loc,
				contactId,
				startTime: new Date(clock.now() + 86_400_000).toISOString(),
				title: 'Kickoff',
				ignoreFreeSlotValidation: true,
			},
		});
		expect(booked.status).toBe(200);
		const noted = await call(sandbox, 'POST', `/contacts/${contactId}/notes`, { body: { body: 'Called back' } });
		expect(noted.status).toBeLessThan(300);
		await sandbox.webhooks.idle();
		expect(types()).toEqual(['AppointmentCreate', 'NoteCreate']);
		const [appointment, note] = receiver.received;
		expect(appointment.json).toMatchObject({
			type: 'AppointmentCreate',
			locationId: loc,
			appointment: { id: booked.body.id, contactId, title: 'Kickoff' },
		});
		expect(note.json).toMatchObject({ type: 'NoteCreate', locationId: loc, contactId, body: 'Called back' });
		expect(receiver.received.every((r) => verified(r))).toBe(true);
	});

	it('answers the API request before the webhook is answered', async () => {
		let release: () => void = () => undefined;
		const held = new Promise<void>((resolve) => (release = resolve));
		receiver.setAnswer(async () => {
			await held;
			return 200;
		});
		const id = await createContact('held@example.com');
		expect(sandbox.store.location().contacts.has(id)).toBe(true);
		expect(sandbox.webhooks.deliveries[0].outcome).toBe('pending');
		release();
		await sandbox.webhooks.idle();
		expect(sandbox.webhooks.deliveries[0].outcome).toBe('delivered');
	});

	it('sends ContactUpdate, ContactTagUpdate and ContactDelete for the matching changes', async () => {
		const contact = anyContact();
		await call(sandbox, 'PUT', `/contacts/${contact.id}`, { body: { city: 'Springfield' } });
		await call(sandbox, 'POST', `/contacts/${contact.id}/tags`, { body: { tags: ['brand-new'] } });
		await call(sandbox, 'PUT', `/contacts/${contact.id}`, {
			body: { firstName: 'Renamed', tags: ['only'] },
		});
		await call(sandbox, 'DELETE', `/contacts/${contact.id}`);
		await sandbox.webhooks.idle();
		const contactTypes = receiver.received
			.filter((r) => r.json.type.startsWith('Contact'))
			.map((r) => r.json.type);
		expect(contactTypes).toEqual([
			'ContactUpdate',
			'ContactTagUpdate',
			'ContactUpdate',
			'ContactTagUpdate',
			'ContactDelete',
		]);
		expect(receiver.received[0].json).toMatchObject({ id: contact.id, city: 'Springfield' });
		expect(receiver.received[1].json.tags).toContain('brand-new');
		expect(receiver.received[3].json.tags).toEqual(['only']);
		expect(receiver.received[4].json).toMatchObject({ id: contact.id, firstName: 'Renamed' });
		// Deleting a contact deletes its opportunities: each sends OpportunityDelete.
		const deletedOpportunities = receiver.received.filter(
			(r) => r.json.type === 'OpportunityDelete',
		);
		for (const r of deletedOpportunities) expect(r.json.contactId).toBe(contact.id);
	});

	it('sends OpportunityStageUpdate and the duplicate OpportunityUpdate for a stage change', async () => {
		const opportunity = anyOpportunity();
		const pipeline = sandbox.store
			.location()
			.pipelines.find((p) => p.id === opportunity.pipelineId)!;
		const next = pipeline.stages.find((s) => s.id !== opportunity.pipelineStageId)!;
		const res = await call(sandbox, 'PUT', `/opportunities/${opportunity.id}`, {
			body: { pipelineStageId: next.id },
		});
		expect(res.status).toBe(200);
		await sandbox.webhooks.idle();
		expect(types()).toEqual(['OpportunityStageUpdate', 'OpportunityUpdate']);
		for (const request of receiver.received) {
			expect(request.json).toMatchObject({
				locationId: loc,
				id: opportunity.id,
				pipelineId: pipeline.id,
				pipelineStageId: next.id,
				contactId: opportunity.contactId,
				monetaryValue: opportunity.monetaryValue,
				status: opportunity.status,
				dateAdded: opportunity.createdAt,
			});
			expect(verified(request)).toBe(true);
		}
		const [stage, update] = receiver.received.map((r) => r.json.webhookId);
		expect(stage).not.toBe(update);
	});

	it('sends one specific event per changed opportunity field, and create/delete events', async () => {
		const opportunity = anyOpportunity();
		const users = sandbox.store.location().users;
		const other = users.find((u) => u.id !== opportunity.assignedTo)!;
		await call(sandbox, 'PUT', `/opportunities/${opportunity.id}/status`, {
			body: { status: 'won' },
		});
		await call(sandbox, 'PUT', `/opportunities/${opportunity.id}`, {
			body: { monetaryValue: opportunity.monetaryValue + 100 },
		});
		await call(sandbox, 'PUT', `/opportunities/${opportunity.id}`, {
			body: { assignedTo: other.id },
		});
		await call(sandbox, 'PUT', `/opportunities/${opportunity.id}`, {
			body: { name: 'Renamed deal' },
		});
		await call(sandbox, 'DELETE', `/opportunities/${opportunity.id}`);
		const contact = await createContact('deal@example.com');
		const created = await call(sandbox, 'POST', '/opportunities/', {
			body: {
				locationId: loc,
				pipelineId: sales().id,
				name: 'New deal',
				status: 'open',
				contactId: contact,
			},
		});
		expect(created.status).toBe(201);
		await sandbox.webhooks.idle();
		expect(types()).toEqual([
			'OpportunityStatusUpdate',
			'OpportunityMonetaryValueUpdate',
			'OpportunityAssignedToUpdate',
			'OpportunityUpdate',
			'OpportunityDelete',
			'ContactCreate',
			'OpportunityCreate',
		]);
		expect(receiver.received[0].json.status).toBe('won');
		expect(receiver.received[2].json.assignedTo).toBe(other.id);
		expect(receiver.received[3].json.name).toBe('Renamed deal');
		expect(receiver.received[6].json).toMatchObject({
			id: created.body.opportunity.id,
			pipelineStageId: sales().stages[0].id,
		});
	});

	it('sends nothing for refused requests, reads, or changes made outside the API', async () => {
		const bad = await call(sandbox, 'POST', '/contacts/', {
			body: { locationId: loc, email: 'not-an-email' },
		});
		expect(bad.status).toBe(422);
		await call(sandbox, 'GET', `/contacts/${anyContact().id}`);
		sandbox.seedContacts(3);
		await sandbox.webhooks.idle();
		expect(receiver.received).toHaveLength(0);
	});

	it('delivers the events of one location one at a time, in order', async () => {
		receiver.setAnswer(async () => {
			await new Promise((resolve) => setTimeout(resolve, 5));
			return 200;
		});
		const ids: string[] = [];
		await Promise.all(
			Array.from({ length: 6 }, async (_, i) =>
				ids.push(await createContact(`order${i}@example.com`)),
			),
		);
		await sandbox.webhooks.idle();
		expect(types()).toEqual(Array(6).fill('ContactCreate'));
		expect(receiver.received.map((r) => r.json.id)).toEqual(
			sandbox.webhooks.deliveries.map((d) => (d.payload as { id: string }).id),
		);
		expect(new Set(receiver.received.map((r) => r.json.id))).toEqual(new Set(ids));
		expect(receiver.maxConcurrent()).toBe(1);
	});

	it('re-sends the same payload after a 429 and only after a 429', async () => {
		receiver.setAnswer((_, index) => (index < 2 ? 429 : 200));
		await createContact('retry@example.com');
		await sandbox.webhooks.idle();
		expect(receiver.received).toHaveLength(3);
		expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
		expect(sandbox.webhooks.deliveries[0]).toMatchObject({ outcome: 'delivered', status: 200 });
		expect(sandbox.webhooks.deliveries[0].attempts.map((a) => a.status)).toEqual([429, 429, 200]);
		expect(sandbox.stats.webhooks).toEqual({
			sent: 3,
			byStatus: { '429': 2, '200': 1 },
			retries: 2,
			failures: 0,
		});

		receiver.received.length = 0;
		receiver.setAnswer(() => 500);
		await createContact('error@example.com');
		await sandbox.webhooks.idle();
		expect(receiver.received).toHaveLength(1);
		expect(sandbox.webhooks.deliveries[1]).toMatchObject({ outcome: 'failed', status: 500 });

		receiver.received.length = 0;
		receiver.setAnswer(() => 429);
		await createContact('limited@example.com');
		await sandbox.webhooks.idle();
		// maxRetries: 3 → the first attempt and three re-sends.
		expect(receiver.received).toHaveLength(4);
		expect(sandbox.webhooks.deliveries[2]).toMatchObject({ outcome: 'failed', status: 429 });
		expect(sandbox.stats.webhooks.failures).toBe(2);
	});

	it('records a delivery that got no answer as failed without retrying', async () => {
		sandbox.setWebhookUrl('http://127.0.0.1:1/nothing-listens-here');
		await createContact('lost@example.com');
		await sandbox.webhooks.idle();
		const [delivery] = sandbox.webhooks.deliveries;
		expect(delivery.outcome).toBe('failed');
		expect(delivery.attempts).toHaveLength(1);
		expect(delivery.attempts[0].error).toBeDefined();
		expect(delivery.status).toBeUndefined();
		expect(sandbox.stats.webhooks.failures).toBe(1);
	});

	describe('deliver()', () => {
		it('sends a signed payload with timestamp and webhookId added, and keeps given ones', async () => {
			const sent = await sandbox.deliver({ type: 'ContactCreate', locationId: loc, id: 'x1' });
			expect(sent).toMatchObject({ source: 'manual', outcome: 'delivered', status: 200 });
			expect(receiver.received[0].json.webhookId).toMatch(UUID);
			expect(receiver.received[0].json.timestamp).toBe(new Date(clock.now()).toISOString());
			expect(verified(receiver.received[0])).toBe(true);

			await sandbox.deliver({
				type: 'X',
				timestamp: '2020-01-01T00:00:00.000Z',
				webhookId: 'same',
			});
			expect(receiver.received[1].json).toEqual({
				type: 'X',
				timestamp: '2020-01-01T00:00:00.000Z',
				webhookId: 'same',
			});
			expect(verified(receiver.received[1])).toBe(true);
		});

		it('forges: a foreign key, no signature, a tampered body, custom headers, a raw string', async () => {
			const ed = generateKeyPairSync('ed25519');
			const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
			await sandbox.deliver(
				{ type: 'ContactCreate' },
				{
					sign: {
						ed25519PrivateKey: ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
						rsaPrivateKey: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
					},
				},
			);
			await sandbox.deliver({ type: 'ContactCreate' }, { sign: false });
			await sandbox.deliver({ type: 'ContactCreate' }, { tamper: true });
			await sandbox.deliver(
				{ type: 'ContactCreate' },
				{ headers: { 'x-ghl-signature': '', 'X-Extra': 'yes' } },
			);
			await sandbox.deliver('{"raw": true}', { sign: false });
			const [foreign, unsigned, tampered, rsaOnly, raw] = receiver.received;
			expect(foreign.headers['x-ghl-signature']).toBeDefined();
			expect(verified(foreign)).toBe(false);
			expect(unsigned.headers['x-ghl-signature']).toBeUndefined();
			expect(unsigned.headers['x-wh-signature']).toBeUndefined();
			expect(tampered.json.tampered).toBe(true);
			expect(verified(tampered)).toBe(false);
			expect(rsaOnly.headers['x-ghl-signature']).toBeUndefined();
			expect(rsaOnly.headers['x-extra']).toBe('yes');
			expect(verified(rsaOnly)).toBe(true);
			expect(raw.body).toBe('{"raw": true}');
		});

		it('rejects without a URL and sends to options.url when given', async () => {
			sandbox.setWebhookUrl(undefined);
			await expect(sandbox.deliver({ type: 'X' })).rejects.toThrow(/No webhook URL/);
			const sent = await sandbox.deliver({ type: 'X' }, { url: receiver.url });
			expect(sent.status).toBe(200);
		});
	});

	describe('admin endpoints', () => {
		const admin = async (method: string, path: string, body?: unknown) => {
			const res = await fetch(`${sandbox.url}${path}`, {
				method,
				headers: { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			return { status: res.status, body: (await res.json()) as any };
		};

		it('sets, reads and clears the app webhook URL', async () => {
			expect(await admin('DELETE', '/__sandbox/app/webhook')).toEqual({
				status: 200,
				body: { url: null },
			});
			await createContact('silent@example.com');
			expect(await admin('PUT', '/__sandbox/app/webhook', { url: receiver.url })).toEqual({
				status: 200,
				body: { url: receiver.url },
			});
			expect((await admin('GET', '/__sandbox/app/webhook')).body.url).toBe(receiver.url);
			expect((await admin('PUT', '/__sandbox/app/webhook', { url: 'mailto:x@y.z' })).status).toBe(
				400,
			);
			await createContact('loud@example.com');
			expect((await admin('POST', '/__sandbox/webhooks/idle')).body.stats.sent).toBe(1);
			const list = await admin('GET', '/__sandbox/webhooks');
			expect(
				list.body.deliveries.map((d: { payload: { email: string } }) => d.payload.email),
			).toEqual(['loud@example.com']);
			expect(list.body.stats).toEqual(sandbox.stats.webhooks);
		});

		it('delivers an arbitrary payload', async () => {
			const res = await admin('POST', '/__sandbox/webhooks/deliver', {
				payload: { type: 'OpportunityStageUpdate', id: 'o1' },
				tamper: true,
			});
			expect(res.status).toBe(200);
			expect(res.body).toMatchObject({
				source: 'manual',
				status: 200,
				type: 'OpportunityStageUpdate',
			});
			expect(verified(receiver.received[0])).toBe(false);
			expect((await admin('POST', '/__sandbox/webhooks/deliver', { payload: 3 })).status).toBe(400);
		});
	});

	it('stats.reset() zeroes the webhook counters; reset() forgets deliveries and keeps the URL', async () => {
		await createContact('count@example.com');
		await sandbox.webhooks.idle();
		expect(sandbox.stats.webhooks.sent).toBe(1);
		sandbox.stats.reset();
		expect(sandbox.stats.webhooks).toEqual({ sent: 0, byStatus: {}, retries: 0, failures: 0 });
		sandbox.reset();
		expect(sandbox.webhooks.deliveries).toHaveLength(0);
		expect(sandbox.webhooks.url).toBe(receiver.url);
	});
});

describe('event rules of the other collections (EVENT_RULES)', () => {
	const change = (collection: string, before: unknown, after: unknown) => ({
		collection,
		locationId: 'loc1',
		id: 'r1',
		before,
		after,
	});
	const typesOf = (c: ReturnType<typeof change>) => eventsOfChange(c).map((e) => e.type);

	it('notes: NoteCreate, NoteUpdate, NoteDelete with the record fields', () => {
		const note = {
			id: 'r1',
			contactId: 'c1',
			body: 'hello',
			dateAdded: '2026-01-01T00:00:00.000Z',
		};
		expect(eventsOfChange(change('notes', undefined, note))).toEqual([
			{ type: 'NoteCreate', fields: note },
		]);
		expect(typesOf(change('notes', note, { ...note, body: 'edited' }))).toEqual(['NoteUpdate']);
		expect(typesOf(change('notes', note, undefined))).toEqual(['NoteDelete']);
	});

	it('tasks: TaskCreate, TaskComplete only when completed turns true, TaskDelete', () => {
		const task = { id: 'r1', locationId: 'loc1', title: 't', completed: false };
		expect(eventsOfChange(change('tasks', undefined, task))).toEqual([
			{ type: 'TaskCreate', fields: { id: 'r1', title: 't', completed: false } },
		]);
		expect(typesOf(change('tasks', task, { ...task, completed: true }))).toEqual(['TaskComplete']);
		expect(typesOf(change('tasks', task, { ...task, title: 'x' }))).toEqual([]);
		expect(typesOf(change('tasks', task, undefined))).toEqual(['TaskDelete']);
	});

	it('appointments: the record nested under appointment', () => {
		const appointment = { id: 'r1', locationId: 'loc1', calendarId: 'cal', title: 'Call' };
		expect(eventsOfChange(change('appointments', undefined, appointment))).toEqual([
			{
				type: 'AppointmentCreate',
				fields: { appointment: { id: 'r1', calendarId: 'cal', title: 'Call' } },
			},
		]);
		expect(typesOf(change('appointments', appointment, appointment))).toEqual([
			'AppointmentUpdate',
		]);
		expect(typesOf(change('appointments', appointment, undefined))).toEqual(['AppointmentDelete']);
	});

	it('messages: InboundMessage/OutboundMessage by direction on create, with messageId and HighLevel\'s messageType', () => {
		const message = {
			id: 'r1',
			type: 1,
			messageType: 'TYPE_SMS',
			direction: 'inbound',
			body: 'hi',
		};
		expect(eventsOfChange(change('messages', undefined, message))).toEqual([
			{
				type: 'InboundMessage',
				fields: { messageId: 'r1', messageType: 'SMS', direction: 'inbound', body: 'hi' },
			},
		]);
		expect(typesOf(change('messages', undefined, { ...message, direction: 'outbound' }))).toEqual([
			'OutboundMessage',
		]);
		expect(typesOf(change('messages', message, undefined))).toEqual([]);
		expect(typesOf(change('unknown', undefined, message))).toEqual([]);
	});
});
