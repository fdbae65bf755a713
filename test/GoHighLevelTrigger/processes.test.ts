/**
 * The trigger's `webhookId` memory across n8n processes (queue mode: several `n8n webhook` processes), as n8n 2.8
 * handles workflow static data for a production webhook (cli `LiveWebhooks.executeWebhook`): every request reads
 * the workflow with its static data from the database, runs the node's `webhook()` on that copy, and after the
 * answer writes the whole static data object back (`WorkflowStaticDataService.saveStaticData`: an UPDATE of the
 * workflow row, no merge, no lock). Each process is a separate copy of the node's modules (its own memory).
 */
import { randomUUID } from 'node:crypto';
import type { IDataObject, IWebhookResponseData } from 'n8n-workflow';

import type { GoHighLevelTrigger as TriggerClass } from '../../nodes/GoHighLevelTrigger/GoHighLevelTrigger.node';
import { signPayload, TEST_ED25519_PUBLIC_KEY } from './fixtures/keys';
import { LOCATION_ID, webhookContext, type FakeRequest, type FakeSetup } from './helpers';

const WORKFLOW_ID = 'workflow-queue-mode';

/** One n8n process: its own load of the node (module state = the process's memory). */
function process(): TriggerClass {
	let node: TriggerClass | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const loaded = require('../../nodes/GoHighLevelTrigger/GoHighLevelTrigger.node') as {
			GoHighLevelTrigger: new () => TriggerClass;
		};
		node = new loaded.GoHighLevelTrigger();
	});
	return node!;
}

/** The workflow row's static data column, as JSON text. */
class Database {
	text = '{}';
	read(): IDataObject {
		return JSON.parse(this.text) as IDataObject;
	}
	save(staticData: IDataObject): void {
		this.text = JSON.stringify(staticData);
	}
}

function setup(staticData: IDataObject): FakeSetup {
	return {
		parameters: {
			authentication: 'privateIntegrationToken',
			source: 'marketplace',
			events: ['ContactCreate'],
			location: 'credential',
			options: { additionalEd25519PublicKey: TEST_ED25519_PUBLIC_KEY },
		},
		staticData,
		workflowId: WORKFLOW_ID,
	};
}

function event(): FakeRequest {
	const payload = {
		type: 'ContactCreate',
		locationId: LOCATION_ID,
		id: 'nmFmQEsNgz6AVpgLVUJ0',
		timestamp: new Date().toISOString(),
		webhookId: randomUUID(),
	};
	const rawBody = Buffer.from(JSON.stringify(payload), 'utf8');
	return { rawBody, headers: { 'x-ghl-signature': signPayload(rawBody)['x-ghl-signature'] } };
}

/** A delivery in n8n's three steps, which the test interleaves: read, run the node, save. */
function delivery(db: Database, node: TriggerClass, request: FakeRequest) {
	const staticData = db.read();
	return {
		async run(): Promise<boolean> {
			const fake = webhookContext(setup(staticData), request);
			const result: IWebhookResponseData = await node.webhook.call(fake.ctx);
			return result.workflowData !== undefined;
		},
		save: () => db.save(staticData),
	};
}

/** A whole delivery, read to save: true when it started an execution. */
async function deliver(db: Database, node: TriggerClass, request: FakeRequest): Promise<boolean> {
	const d = delivery(db, node, request);
	const started = await d.run();
	d.save();
	return started;
}

describe('webhookId de-duplication across webhook processes sharing one database', () => {
	it('a replay to the other process after the first was saved: caught', async () => {
		const db = new Database();
		const [a, b] = [process(), process()];
		const x = event();
		expect(await deliver(db, a, x)).toBe(true);
		expect(await deliver(db, b, x)).toBe(false);
		// …and after a restart of both (new processes, only the database left).
		expect(await deliver(db, process(), x)).toBe(false);
	});

	it('the documented window: two deliveries read before either saved — the later save drops the other id until its process saves again', async () => {
		const db = new Database();
		const [a, b] = [process(), process()];
		const x = event();
		const y = event();
		// x reaches A and y reaches B at the same moment: both read the same static data.
		const dx = delivery(db, a, x);
		const dy = delivery(db, b, y);
		expect(await dx.run()).toBe(true);
		expect(await dy.run()).toBe(true);
		dx.save();
		dy.save(); // B's copy never had x: x is no longer in the database.

		// A replay of x to A itself is caught (A's process memory)…
		expect(await deliver(db, a, x)).toBe(false);
		// …and that delivery saved A's memory, x included: from now on B catches it too.
		expect(await deliver(db, b, x)).toBe(false);
		// y was never lost: B saved last.
		expect(await deliver(db, a, y)).toBe(false);
	});

	it('inside the window a replay of the dropped id to the other process starts a second execution (what the window costs)', async () => {
		const db = new Database();
		const [a, b] = [process(), process()];
		const x = event();
		const y = event();
		const dx = delivery(db, a, x);
		const dy = delivery(db, b, y);
		await dx.run();
		await dy.run();
		dx.save();
		dy.save();
		// No delivery reached A since: x is missing from the database, and B never saw it.
		expect(await deliver(db, b, x)).toBe(true);
	});

	it('any later delivery to the accepting process closes the window, whatever it carries (a new event, a duplicate, a refused request)', async () => {
		for (const next of ['new', 'refused'] as const) {
			const db = new Database();
			const [a, b] = [process(), process()];
			const x = event();
			const dx = delivery(db, a, x);
			const dy = delivery(db, b, event());
			await dx.run();
			await dy.run();
			dx.save();
			dy.save();
			const request = next === 'new' ? event() : { ...event(), headers: { 'x-ghl-signature': 'bad' } };
			await deliver(db, a, request);
			expect(await deliver(db, b, x)).toBe(false);
		}
	});

	it('100 events spread over 2 processes, all read before any save, then every one replayed to the other process', async () => {
		const db = new Database();
		const nodes = [process(), process()];
		const events = Array.from({ length: 100 }, () => event());
		const first = events.map((request, i) => delivery(db, nodes[i % 2], request));
		for (const d of first) expect(await d.run()).toBe(true);
		// Saves in arrival order: the last one (process B's) decides what the database holds.
		for (const d of first) d.save();
		// Worst case, nothing reached either process since: A's 50 ids are missing from the database.
		const replays = await Promise.all(events.map(async (request, i) => await deliver(db, nodes[(i + 1) % 2], request)));
		expect(replays.filter(Boolean)).toHaveLength(50);
		expect(replays.every((started, i) => started === (i % 2 === 0))).toBe(true);

		// The same with one more delivery to each process before the replays: none slips through.
		const db2 = new Database();
		const nodes2 = [process(), process()];
		const events2 = Array.from({ length: 100 }, () => event());
		const first2 = events2.map((request, i) => delivery(db2, nodes2[i % 2], request));
		for (const d of first2) await d.run();
		for (const d of first2) d.save();
		await deliver(db2, nodes2[0], event());
		await deliver(db2, nodes2[1], event());
		const replays2 = await Promise.all(
			events2.map(async (request, i) => await deliver(db2, nodes2[(i + 1) % 2], request)),
		);
		expect(replays2.filter(Boolean)).toHaveLength(0);
	});
});
