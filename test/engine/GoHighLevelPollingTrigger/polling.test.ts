import { sleep, type IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { ContactRecord, OpportunityRecord } from '../../sandbox/store';
import { call } from '../../sandbox/testClient';
import { createCredentialStore, runWorkflow, type CredentialStore } from '../harness';
import { freshSandbox, pitCredential } from '../GoHighLevel/helpers';
import { ENDPOINTS } from '../../../nodes/GoHighLevel/shared/endpoints';
import { MANUAL_SAMPLE_SIZE } from '../../../nodes/GoHighLevelPollingTrigger/shared/sources';
import { STATE_KEY } from '../../../nodes/GoHighLevelPollingTrigger/shared/poll';
import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { activityOf, defaultCalendarId } from '../../sandbox/activity';
import { setDateRangeReading, type DateRangeReading } from '../../sandbox/search';
import { activeTrigger, NODE_NAME, pollingNode } from './helpers';

/** Adds `count` contacts straight into the store, stamped now (as if created in HighLevel's UI). */
function insertContacts(sandbox: Sandbox, count: number, prefix: string): string[] {
	const data = sandbox.store.location();
	const now = new Date().toISOString();
	const ids: string[] = [];
	for (let i = 0; i < count; i++) {
		const contact: ContactRecord = {
			id: `${prefix}${String(i).padStart(6, '0')}`,
			locationId: data.id,
			firstName: `Poll${i}`,
			lastName: prefix,
			dnd: false,
			tags: [],
			type: 'lead',
			dateAdded: now,
			dateUpdated: now,
			customFields: {},
		};
		data.putContact(contact);
		ids.push(contact.id);
	}
	return ids;
}

/** Adds `count` opportunities straight into the store, created now, each for its own new contact. */
function insertOpportunities(sandbox: Sandbox, count: number, prefix: string): string[] {
	const data = sandbox.store.location();
	const contacts = insertContacts(sandbox, count, `${prefix}c`);
	const pipeline = data.pipelines[0];
	const now = new Date().toISOString();
	return contacts.map((contactId, i) => {
		const o: OpportunityRecord = {
			id: `${prefix}${String(i).padStart(6, '0')}`,
			locationId: data.id,
			name: `Deal ${i}`,
			monetaryValue: i,
			pipelineId: pipeline.id,
			pipelineStageId: pipeline.stages[0].id,
			status: 'open',
			contactId,
			followers: [],
			customFields: {},
			createdAt: now,
			updatedAt: now,
			lastStatusChangeAt: now,
			lastStageChangeAt: now,
		};
		data.opportunities.set(o.id, o);
		return o.id;
	});
}

const ops = (sandbox: Sandbox, id: string) => sandbox.stats.byOperation[id] ?? 0;
const ids = (items: IDataObject[]) => items.map((i) => String(i.id));
const tick = () => sleep(5);

describe('GoHighLevel Polling Trigger over the sandbox (n8n-core PollContext, trigger mode)', () => {
	let sandbox: Sandbox;
	let credentials: CredentialStore;
	beforeAll(async () => {
		sandbox = await freshSandbox({ rateLimit: false });
	});
	beforeEach(() => {
		// The node paces itself at HighLevel's burst limit (100 requests / 10 s) process-wide; each test starts fresh.
		rateLimiter.reset();
		sandbox.reset();
		credentials = createCredentialStore([pitCredential(sandbox)]);
	});
	afterEach(() => expect(sandbox.stats.invalidRequests).toEqual([]));
	afterAll(async () => await sandbox.close());

	describe('New Contact', () => {
		it('emits nothing on activation, then every new contact once across ≥3 pages, nothing repeated, nothing missed', async () => {
			const trigger = activeTrigger({ event: 'contactCreated' }, credentials);
			expect(await trigger.poll()).toEqual([]);
			expect(trigger.staticData()[STATE_KEY]).toBeDefined();

			const count = ENDPOINTS.searchContacts.pagination.maxPageSize * 2 + 100;
			const created = insertContacts(sandbox, count, 'pc');
			const before = ops(sandbox, 'search-contacts-advanced');
			const first = await trigger.poll();
			expect(ops(sandbox, 'search-contacts-advanced') - before).toBeGreaterThanOrEqual(3);
			expect(first).toHaveLength(count);
			expect(new Set(ids(first))).toEqual(new Set(created));
			expect(first[0]).toMatchObject({ type: 'ContactCreate', locationId: sandbox.locationId, attachments: [], contactType: 'lead' });
			expect(first[0]).not.toHaveProperty('searchAfter');

			expect(await trigger.poll()).toEqual([]);

			await tick();
			const res = await call(sandbox, 'POST', '/contacts/', {
				body: { locationId: sandbox.locationId, firstName: 'Between', lastName: 'Polls', email: 'between@example.com' },
			});
			expect(res.status).toBe(201);
			const later = insertContacts(sandbox, 3, 'late');
			const next = await trigger.poll();
			expect(new Set(ids(next))).toEqual(new Set([res.body.contact.id, ...later]));
			expect(await trigger.poll()).toEqual([]);
		});

		it('a manual run (WorkflowExecute, manual mode) returns the newest few contacts; the active trigger still gets them all', async () => {
			const trigger = activeTrigger({ event: 'contactCreated' }, credentials);
			await trigger.poll();
			const created = insertContacts(sandbox, 8, 'man');
			const workflow = { nodes: [pollingNode({ event: 'contactCreated' })], connections: {} };
			const result = await runWorkflow({ workflow, credentials, startNode: NODE_NAME });
			expect(result.errors(NODE_NAME)).toEqual([]);
			const items = result.output(NODE_NAME);
			expect(items).toHaveLength(MANUAL_SAMPLE_SIZE);
			expect(items.every((i) => i.type === 'ContactCreate' && created.includes(String(i.id)))).toBe(true);
			// The activated trigger still emits all eight.
			expect(new Set(ids(await trigger.poll()))).toEqual(new Set(created));
		});
	});

	describe('contact events do not depend on the format of date range bounds', () => {
		// HighLevel documents neither ISO 8601 nor epoch ms for `range` bounds: make the sandbox read epoch ms only.
		let previous: DateRangeReading;
		beforeEach(() => {
			previous = setDateRangeReading('epoch-ms-only');
		});
		afterEach(() => setDateRangeReading(previous));

		it('the switch makes ISO range bounds match nothing (what a client relying on them would get)', async () => {
			insertContacts(sandbox, 3, 'rng');
			const search = async (gte: string | number) =>
				await call(sandbox, 'POST', '/contacts/search', {
					body: { locationId: sandbox.locationId, pageLimit: 10, filters: [{ field: 'dateAdded', operator: 'range', value: { gte } }] },
				});
			const since = Date.now() - 60_000;
			expect((await search(new Date(since).toISOString())).body.total).toBe(0);
			expect((await search(since)).body.total).toBeGreaterThanOrEqual(3);
		});

		it('New Contact, Contact Updated and New Note still fire', async () => {
			const created = activeTrigger({ event: 'contactCreated' }, credentials);
			const updated = activeTrigger({ event: 'contactUpdated' }, createCredentialStore([pitCredential(sandbox)]));
			const notes = activeTrigger({ event: 'noteCreated' }, createCredentialStore([pitCredential(sandbox)]));
			for (const trigger of [created, updated, notes]) expect(await trigger.poll()).toEqual([]);
			await tick();
			const fresh = insertContacts(sandbox, 3, 'fmt');
			const edited = [...sandbox.store.location().contacts.keys()][0];
			const note = await call(sandbox, 'POST', `/contacts/${edited}/notes`, { body: { body: 'format' } });
			expect(note.status).toBe(201);
			expect((await call(sandbox, 'PUT', `/contacts/${edited}`, { body: { city: 'York' } })).status).toBe(200);
			expect(new Set(ids(await created.poll()))).toEqual(new Set(fresh));
			expect(ids(await updated.poll())).toEqual([edited]);
			expect(ids(await notes.poll())).toEqual([note.body.note.id]);
			for (const trigger of [created, updated, notes]) expect(await trigger.poll()).toEqual([]);
		});
	});

	describe('New Opportunity', () => {
		it('reads ≥3 pages of new opportunities (100 per page) and stops paging at older ones', async () => {
			const trigger = activeTrigger({ event: 'opportunityCreated' }, credentials);
			expect(await trigger.poll()).toEqual([]);
			await tick();
			const created = insertOpportunities(sandbox, ENDPOINTS.searchOpportunities.pagination.maxPageSize * 2 + 50, 'po');
			const before = ops(sandbox, 'search-opportunity');
			const items = await trigger.poll();
			expect(ops(sandbox, 'search-opportunity') - before).toBe(3);
			expect(new Set(ids(items))).toEqual(new Set(created));
			expect(items).toHaveLength(created.length);
			expect(items[0]).toMatchObject({ type: 'OpportunityCreate', status: 'open', dateAdded: expect.any(String) });
			expect(await trigger.poll()).toEqual([]);
		});
	});

	describe('Opportunity Stage Changed', () => {
		/**
		 * Detection uses `lastStageChangeAt` (see sources.ts): two moves of one opportunity between polls are one
		 * item with the current stage (HighLevel keeps no stage history, so the middle stage cannot be reported);
		 * moves of different opportunities are one item each.
		 */
		it('two stage changes between polls: one item per moved opportunity, with its current stage; nothing repeated', async () => {
			const data = sandbox.store.location();
			const trigger = activeTrigger({ event: 'opportunityStageChanged' }, credentials);
			expect(await trigger.poll()).toEqual([]);

			const [first, second] = [...data.opportunities.values()];
			const stagesOf = (o: OpportunityRecord) => data.pipelines.find((p) => p.id === o.pipelineId)!.stages;
			const move = async (id: string, stageId: string) => {
				await tick();
				const res = await call(sandbox, 'PUT', `/opportunities/${id}`, { body: { pipelineStageId: stageId } });
				expect(res.status).toBe(200);
			};
			const firstStages = stagesOf(first).filter((s) => s.id !== first.pipelineStageId);
			await move(first.id, firstStages[0].id);
			await move(first.id, firstStages[1].id);
			const secondTarget = stagesOf(second).find((s) => s.id !== second.pipelineStageId)!;
			await move(second.id, secondTarget.id);

			const items = await trigger.poll();
			expect(items.map((i) => [i.id, i.pipelineStageId, i.type])).toEqual([
				[first.id, firstStages[1].id, 'OpportunityStageUpdate'],
				[second.id, secondTarget.id, 'OpportunityStageUpdate'],
			]);
			expect(await trigger.poll()).toEqual([]);

			// A later move of the same opportunity is a new event.
			await move(first.id, firstStages[0].id);
			expect((await trigger.poll()).map((i) => [i.id, i.pipelineStageId])).toEqual([[first.id, firstStages[0].id]]);
		});

		it('a status change alone is not a stage change, and Opportunity Status Changed reports it', async () => {
			const data = sandbox.store.location();
			const stage = activeTrigger({ event: 'opportunityStageChanged' }, credentials);
			const status = activeTrigger({ event: 'opportunityStatusChanged' }, createCredentialStore([pitCredential(sandbox)]));
			await stage.poll();
			await status.poll();
			const [o] = [...data.opportunities.values()].filter((x) => x.status === 'open');
			await tick();
			const res = await call(sandbox, 'PUT', `/opportunities/${o.id}/status`, { body: { status: 'won' } });
			expect(res.status).toBe(200);
			expect(await stage.poll()).toEqual([]);
			expect((await status.poll()).map((i) => [i.id, i.status, i.type])).toEqual([[o.id, 'won', 'OpportunityStatusUpdate']]);
		});
	});
	describe('appointments, tasks, notes, inbound messages', () => {
		const V15 = { version: '2021-04-15' };
		const contactId = () => [...sandbox.store.location().contacts.keys()][0];

		it('New Appointment: each booking once, shaped like AppointmentCreate', async () => {
			const trigger = activeTrigger({ event: 'appointmentCreated' }, credentials);
			const book = async (days: number) => {
				await tick();
				const res = await call(sandbox, 'POST', '/calendars/events/appointments', {
					...V15,
					body: {
						calendarId: defaultCalendarId(sandbox.locationId),
						locationId: sandbox.locationId,
						contactId: contactId(),
						startTime: new Date(Date.now() + days * 86_400_000).toISOString(),
						ignoreFreeSlotValidation: true,
					},
				});
				expect(res.status).toBe(200);
				return res.body.id as string;
			};
			await book(2);
			expect(await trigger.poll()).toEqual([]);
			const a = await book(5);
			const b = await book(30);
			const items = await trigger.poll();
			expect(items.map((i) => (i.appointment as IDataObject).id)).toEqual([a, b]);
			expect(items[0]).toMatchObject({ type: 'AppointmentCreate', locationId: sandbox.locationId });
			expect(await trigger.poll()).toEqual([]);
		});

		it('New Task: tasks created between polls, across several offset pages', async () => {
			const trigger = activeTrigger({ event: 'taskCreated' }, credentials);
			const task = async (title: string) => {
				const res = await call(sandbox, 'POST', `/contacts/${contactId()}/tasks`, {
					body: { title, dueDate: '2026-03-01T10:00:00Z', completed: false },
				});
				expect(res.status).toBe(201);
				return res.body.task.id as string;
			};
			await task('existing');
			expect(await trigger.poll()).toEqual([]);
			const created: string[] = [];
			for (let i = 0; i < ENDPOINTS.searchLocationTasks.pagination.maxPageSize + 20; i++) created.push(await task(`t${i}`));
			const items = await trigger.poll();
			expect(new Set(ids(items))).toEqual(new Set(created));
			expect(items[0]).toMatchObject({ type: 'TaskCreate', title: expect.any(String), contactId: contactId() });
			expect(await trigger.poll()).toEqual([]);
		});

		it('New Note: notes of recently updated contacts, or of all contacts', async () => {
			const updated = activeTrigger({ event: 'noteCreated' }, credentials);
			const all = activeTrigger({ event: 'noteCreated', options: { noteContacts: 'all' } }, createCredentialStore([pitCredential(sandbox)]));
			expect(await updated.poll()).toEqual([]);
			expect(await all.poll()).toEqual([]);
			await tick();
			const [quiet, touched] = [...sandbox.store.location().contacts.keys()];
			const note = async (id: string) => (await call(sandbox, 'POST', `/contacts/${id}/notes`, { body: { body: 'hello' } })).body.note.id as string;
			const onQuiet = await note(quiet);
			const onTouched = await note(touched);
			expect((await call(sandbox, 'PUT', `/contacts/${touched}`, { body: { city: 'Leeds' } })).status).toBe(200);
			// The sandbox, like HighLevel's documentation, does not update a contact when a note is added: the
			// cheap mode only sees the note on the contact that was also edited.
			expect(ids(await updated.poll())).toEqual([onTouched]);
			const everything = await all.poll();
			expect(new Set(ids(everything))).toEqual(new Set([onQuiet, onTouched]));
			expect(everything[0]).toMatchObject({ type: 'NoteCreate', body: 'hello', locationId: sandbox.locationId });
			expect(await all.poll()).toEqual([]);
		});

		it('Inbound Message: inbound SMS and email once each, not outbound ones, late messages within the lookback', async () => {
			const trigger = activeTrigger({ event: 'inboundMessage' }, credentials);
			const conv = await call(sandbox, 'POST', '/conversations/', { ...V15, body: { locationId: sandbox.locationId, contactId: contactId() } });
			const send = async (type: string, extra: IDataObject = {}) => {
				await tick();
				const res = await call(sandbox, 'POST', '/conversations/messages/inbound', {
					...V15,
					body: { type, conversationId: conv.body.conversation.id, contactId: contactId(), conversationProviderId: 'p1', message: type, ...extra },
				});
				expect(res.status).toBe(200);
				return res.body.messageId as string;
			};
			await send('SMS');
			expect(await trigger.poll()).toEqual([]);
			const sms = await send('SMS');
			const email = await send('Email');
			// An outbound reply (stored directly: the spec types `direction` of the inbound endpoint as an object).
			activityOf(sandbox.store.location()).messages.set('outbound1', {
				id: 'outbound1',
				type: 1,
				messageType: 'TYPE_SMS',
				locationId: sandbox.locationId,
				contactId: contactId(),
				conversationId: conv.body.conversation.id,
				dateAdded: new Date().toISOString(),
				direction: 'outbound',
				contentType: 'text/plain',
				attachments: [],
			});
			const items = await trigger.poll();
			expect(items.map((i) => [i.messageId, i.messageType, i.type])).toEqual(
				expect.arrayContaining([
					[sms, 'SMS', 'InboundMessage'],
					[email, 'Email', 'InboundMessage'],
				]),
			);
			expect(items).toHaveLength(2);
			// Stamped 30 s ago (inside the 120 s lookback) but only arriving now: still emitted, once.
			const late = await send('SMS', { date: new Date(Date.now() - 30_000).toISOString() });
			expect((await trigger.poll()).map((i) => i.messageId)).toEqual([late]);
			expect(await trigger.poll()).toEqual([]);
		});
	});
});
