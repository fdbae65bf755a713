/**
 * The package in n8n's queue mode (test/e2e/queue.ts): Postgres, Redis, `n8n start` (main), two `n8n worker`
 * processes and two `n8n webhook` processes, the HighLevel sandbox with HighLevel's real limit (100 requests per
 * 10 s per location). What is checked:
 * - pacing across workers from HighLevel's headers alone: 3 executions × 1,000 creates for one location started at
 *   once on 2 workers — no failed item, no duplicate, 429s under 5 % of the requests; 2 locations in parallel;
 * - webhook de-duplication across webhook processes: 200 distinct events spread over both at once, then each
 *   replayed to the other process (the window documented in nodes/GoHighLevelTrigger/shared/state.ts);
 * - trigger activation on the main (scope check) while production webhooks go to the webhook processes;
 * - the polling trigger polls once per interval (not once per worker) and its watermark survives a main restart.
 *
 * Part of `npm run test:e2e` (so of `.ci/run`); about 9.5 minutes, most of it the 3,000 creates at the real limit.
 * Alone: `npm run test:e2e:queue`. Needs the Debian packages `postgresql` and `redis-server` (`.ci/run` installs
 * them when missing). Build first.
 */
import { randomUUID } from 'crypto';

import { sleep, type IDataObject } from 'n8n-workflow';

import { webhookIdKey } from '../../nodes/GoHighLevelTrigger/shared/dedup';
import { signPayload, TEST_ED25519_PUBLIC_KEY } from '../GoHighLevelTrigger/fixtures/keys';
import { startSandbox, type Sandbox } from '../sandbox';
import { call, callOk } from '../sandbox/testClient';
import { cleanupAll, log, nodeOutput, packPackage, triggerThenNoOp, type ExecutionJson, type WorkflowJson } from './n8n';
import { QueueCluster } from './queue';

const CREDENTIAL = { id: 'queuePitCred0001', name: 'HighLevel Sandbox (queue)' };
const CREDENTIAL_2 = { id: 'queuePitCred0002', name: 'HighLevel Sandbox (queue, second location)' };
const BULK = { id: 'queueBulkCreate1', path: 'queue-bulk-create' };
const BULK_2 = { id: 'queueBulkCreate2', path: 'queue-bulk-create-2' };
const TRIGGER = { id: 'queueTrigger0001', webhookId: '9d1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', node: 'GoHighLevel Trigger' };
const POLLING = { id: 'queuePolling0001', node: 'GoHighLevel Polling Trigger' };
const CREATES = 1000;
const LIMIT = { max: 100, intervalMs: 10_000 };

function pitCredential(sandbox: Sandbox, reference: { id: string; name: string }, locationId: string, token: string) {
	return {
		...reference,
		type: 'goHighLevelPrivateIntegrationTokenApi',
		data: { token, locationId, baseUrl: sandbox.url },
	};
}

/** Webhook (POST `{ prefix, count }`) → `count` items → GoHighLevel Contact → Create per item (errors as output). */
function bulkWorkflow(target: { id: string; path: string }, credential: { id: string; name: string }): WorkflowJson {
	return {
		id: target.id,
		name: `Queue: bulk create (${target.path})`,
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: target.path, responseMode: 'onReceived', options: {} },
			},
			{
				id: randomUUID(),
				name: 'Items',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: {
					assignments: {
						assignments: [
							{
								id: randomUUID(),
								name: 'contacts',
								type: 'array',
								value:
									"={{ Array.from({ length: $json.body.count }, (_, i) => ({ email: $json.body.prefix + '.' + i + '@example.com', firstName: 'Q' + i })) }}",
							},
						],
					},
					options: {},
				},
			},
			{
				id: randomUUID(),
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [440, 0],
				parameters: { fieldToSplitOut: 'contacts', include: 'noOtherFields', options: {} },
			},
			{
				id: randomUUID(),
				name: 'Create Contact',
				type: 'n8n-nodes-gohighlevel.goHighLevel',
				typeVersion: 1,
				position: [660, 0],
				onError: 'continueRegularOutput',
				parameters: {
					resource: 'contact',
					operation: 'create',
					email: '={{ $json.email }}',
					additionalFields: { firstName: '={{ $json.firstName }}' },
				},
				credentials: { goHighLevelPrivateIntegrationTokenApi: credential },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: 'Create Contact', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

function triggerWorkflow(): WorkflowJson {
	return triggerThenNoOp({
		id: TRIGGER.id,
		name: 'Queue: GoHighLevel Trigger',
		trigger: {
			id: randomUUID(),
			name: TRIGGER.node,
			type: 'n8n-nodes-gohighlevel.goHighLevelTrigger',
			webhookId: TRIGGER.webhookId,
			parameters: {
				authentication: 'privateIntegrationToken',
				source: 'marketplace',
				events: ['ContactCreate'],
				location: 'credential',
				options: { additionalEd25519PublicKey: TEST_ED25519_PUBLIC_KEY },
			},
			credentials: { goHighLevelPrivateIntegrationTokenApi: CREDENTIAL },
		},
	});
}

function pollingWorkflow(): WorkflowJson {
	return triggerThenNoOp({
		id: POLLING.id,
		name: 'Queue: GoHighLevel Polling Trigger',
		trigger: {
			id: randomUUID(),
			name: POLLING.node,
			type: 'n8n-nodes-gohighlevel.goHighLevelPollingTrigger',
			parameters: {
				authentication: 'privateIntegrationToken',
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				event: 'contactCreated',
				options: {},
			},
			credentials: { goHighLevelPrivateIntegrationTokenApi: CREDENTIAL_2 },
		},
	});
}

describe('queue mode: main, 2 workers, 2 webhook processes, Postgres and Redis', () => {
	let sandbox: Sandbox;
	let cluster: QueueCluster;
	/** A Private Integration Token of the second location. */
	let secondToken: string;
	const figures: Record<string, string> = {};
	const logged = (fn: () => Promise<void>) => () => cluster.n8n.withLogsOnFailure(fn);

	/** Every finished execution of a workflow (all pages of the public API), oldest first. */
	async function executions(workflowId: string, includeData = false): Promise<ExecutionJson[]> {
		const all: ExecutionJson[] = [];
		let cursor: string | undefined;
		do {
			const params = new URLSearchParams({ workflowId, limit: '100', includeData: String(includeData) });
			if (cursor) params.set('cursor', cursor);
			const page = await cluster.n8n.api<{ data: ExecutionJson[]; nextCursor?: string | null }>(
				'GET',
				`/executions?${params}`,
			);
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all.filter((e) => !['new', 'running', 'waiting'].includes(e.status)).reverse();
	}

	/** Waits until `workflowId` has `count` finished executions and none running; returns them. */
	async function settle(workflowId: string, count: number, timeoutMs: number, includeData = false) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const finished = await executions(workflowId, includeData);
			if (finished.length >= count) {
				// Nothing else should follow (a duplicate execution would show up late).
				await sleep(3000);
				return await executions(workflowId, includeData);
			}
			if (Date.now() > deadline) throw new Error(`${workflowId}: ${finished.length}/${count} executions after ${timeoutMs} ms`);
			await sleep(1000);
		}
	}

	/** POSTs to a production webhook of a webhook process. */
	async function post(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}) {
		return await fetch(`${baseUrl}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: typeof body === 'string' ? body : JSON.stringify(body),
		});
	}

	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: { ...LIMIT, daily: 200_000 }, webhooks: { retryDelayMs: 50 } });
		cluster = await QueueCluster.create({ workers: 2, webhooks: 2 });
		const n8n = cluster.n8n;
		await n8n.installPackage(await packPackage());
		const second = sandbox.secondLocationId!;
		secondToken = sandbox.createPrivateIntegrationToken({ locationId: second });
		await n8n.importCredential([
			pitCredential(sandbox, CREDENTIAL, sandbox.locationId, sandbox.privateIntegrationToken),
			pitCredential(sandbox, CREDENTIAL_2, second, secondToken),
		]);
		for (const workflow of [
			bulkWorkflow(BULK, CREDENTIAL),
			bulkWorkflow(BULK_2, CREDENTIAL_2),
			triggerWorkflow(),
			pollingWorkflow(),
		]) {
			await n8n.importWorkflow(workflow);
		}
		for (const id of [BULK.id, BULK_2.id, POLLING.id]) await n8n.publishWorkflow(id);
		await cluster.startProcesses();
		await n8n.setupOwnerAndApiKey();
		figures['set-up (services + n8n processes ready)'] =
			`${((cluster.services.startupMs + (cluster.startupMs ?? 0)) / 1000).toFixed(1)} s`;
	}, 10 * 60_000);

	afterAll(async () => {
		log(`queue-mode figures:\n${Object.entries(figures).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
		await cluster?.stop();
		await sandbox?.close();
		cleanupAll();
	});

	test(
		'3 executions × 1,000 creates for one location, started at once on 2 workers: 0 failed, 0 duplicates, 429s under 5 %',
		logged(async () => {
			sandbox.stats.reset();
			const before = sandbox.store.location().contacts.size;
			const runsBefore = (await executions(BULK.id)).length;
			const started = Date.now();
			const answers = await Promise.all(
				['q1', 'q2', 'q3'].map(async (prefix, i) =>
					await post(cluster.webhooks[i % cluster.webhooks.length].baseUrl, BULK.path, { prefix, count: CREATES }),
				),
			);
			expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
			const runs = (await settle(BULK.id, runsBefore + 3, 15 * 60_000, true)).slice(runsBefore);
			const wallMs = Date.now() - started;
			expect(runs).toHaveLength(3);
			const outputs = runs.map((run) => nodeOutput(run, 'Create Contact'));
			const failed = outputs.flat().filter((item) => item.error !== undefined).length;
			const contacts = [...sandbox.store.location().contacts.values()].filter((c) => /^q[123]\./.test(String(c.email)));
			const emails = new Set(contacts.map((c) => c.email));
			const requests = sandbox.stats.byOperation['create-contact'] ?? 0;
			const refused = sandbox.stats.rateLimited;
			const times = contacts.map((c) => Date.parse(String(c.dateAdded))).sort((a, b) => a - b);
			const spanS = (times[times.length - 1] - times[0]) / 1000;
			const ratio = contacts.length / spanS / (LIMIT.max / (LIMIT.intervalMs / 1000));
			const perRun = runs.map((run) => ((Date.parse(String(run.stoppedAt)) - Date.parse(String(run.startedAt))) / 1000).toFixed(0));
			figures['3 × 1,000 creates, one location, 2 workers'] =
				`${contacts.length} created, ${failed} failed, ${contacts.length - emails.size} duplicates, ` +
				`${refused} of ${requests + refused} requests were 429 (${((refused / (requests + refused)) * 100).toFixed(1)} %), ` +
				`${spanS.toFixed(0)} s first to last create = ${ratio.toFixed(2)} of the 10 req/s ceiling; executions ${perRun.join(' / ')} s; wall ${(wallMs / 1000).toFixed(0)} s`;
			log(figures['3 × 1,000 creates, one location, 2 workers']);
			expect(sandbox.store.location().contacts.size - before).toBe(3 * CREATES);
			expect(failed).toBe(0);
			expect(emails.size).toBe(3 * CREATES);
			expect(outputs.map((o) => o.length)).toEqual([CREATES, CREATES, CREATES]);
			expect(refused / (requests + refused)).toBeLessThan(0.05);
			expect(sandbox.stats.invalidRequests).toEqual([]);
		}),
		20 * 60_000,
	);

	test(
		'2 locations in parallel (2 × 300 creates each): each location paced at its own ceiling',
		logged(async () => {
			sandbox.stats.reset();
			const second = sandbox.secondLocationId!;
			const [beforeA, beforeB] = [(await executions(BULK.id)).length, (await executions(BULK_2.id)).length];
			const started = Date.now();
			const answers = await Promise.all([
				post(cluster.webhooks[0].baseUrl, BULK.path, { prefix: 'la1', count: 300 }),
				post(cluster.webhooks[1].baseUrl, BULK.path, { prefix: 'la2', count: 300 }),
				post(cluster.webhooks[0].baseUrl, BULK_2.path, { prefix: 'lb1', count: 300 }),
				post(cluster.webhooks[1].baseUrl, BULK_2.path, { prefix: 'lb2', count: 300 }),
			]);
			expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
			await settle(BULK.id, beforeA + 2, 10 * 60_000);
			await settle(BULK_2.id, beforeB + 2, 10 * 60_000);
			const wallMs = Date.now() - started;
			const rate = (locationId: string, pattern: RegExp) => {
				const created = [...sandbox.store.location(locationId).contacts.values()].filter((c) => pattern.test(String(c.email)));
				const times = created.map((c) => Date.parse(String(c.dateAdded))).sort((a, b) => a - b);
				const spanS = (times[times.length - 1] - times[0]) / 1000;
				return { count: created.length, distinct: new Set(created.map((c) => c.email)).size, ratio: created.length / spanS / 10 };
			};
			const a = rate(sandbox.locationId, /^la[12]\./);
			const b = rate(second, /^lb[12]\./);
			const requests = sandbox.stats.byOperation['create-contact'] ?? 0;
			figures['2 locations in parallel, 2 × 300 creates each'] =
				`location A ${a.count} created at ${a.ratio.toFixed(2)} of its ceiling, location B ${b.count} at ${b.ratio.toFixed(2)}; ` +
				`${sandbox.stats.rateLimited} of ${requests + sandbox.stats.rateLimited} requests were 429; wall ${(wallMs / 1000).toFixed(0)} s`;
			log(figures['2 locations in parallel, 2 × 300 creates each']);
			expect([a.count, a.distinct, b.count, b.distinct]).toEqual([600, 600, 600, 600]);
			expect(sandbox.stats.rateLimited / (requests + sandbox.stats.rateLimited)).toBeLessThan(0.05);
			// Each location had its own window: together well above one location's ceiling.
			expect(a.ratio + b.ratio).toBeGreaterThan(1.5);
		}),
		20 * 60_000,
	);

	test(
		'trigger activation on the main (scope check against the sandbox); a sandbox event to a webhook process starts one execution',
		logged(async () => {
			sandbox.stats.reset();
			await cluster.n8n.api('POST', `/workflows/${TRIGGER.id}/activate`);
			expect(sandbox.stats.byOperation['search-contacts-advanced']).toBe(1);
			// Give the webhook processes a moment to see the new registration.
			const url = `${cluster.webhooks[0].baseUrl}/webhook/${TRIGGER.webhookId}/webhook`;
			sandbox.setWebhookUrl(url);
			await callOk(sandbox, 'POST', '/contacts/', { locationId: sandbox.locationId, email: 'queue.trigger@example.com' });
			await sandbox.webhooks.idle();
			const runs = await settle(TRIGGER.id, 1, 60_000, true);
			expect(runs).toHaveLength(1);
			expect(nodeOutput(runs[0], TRIGGER.node)[0]).toMatchObject({ event: 'ContactCreate' });
			sandbox.setWebhookUrl(null);
		}),
		5 * 60_000,
	);

	test(
		'200 distinct events over 2 webhook processes at once, each replayed to the other: only the documented window lets a duplicate through',
		logged(async () => {
			const before = (await executions(TRIGGER.id)).length;
			const event = () => {
				const payload = {
					type: 'ContactCreate',
					locationId: sandbox.locationId,
					id: `c${randomUUID().replace(/-/g, '').slice(0, 19)}`,
					email: 'queue.dedup@example.com',
					timestamp: new Date().toISOString(),
					webhookId: randomUUID(),
				};
				const raw = JSON.stringify(payload);
				return { raw, webhookId: payload.webhookId, signature: signPayload(raw)['x-ghl-signature'] };
			};
			const path = `${TRIGGER.webhookId}/webhook`;
			const send = async (process: number, e: ReturnType<typeof event>) => {
				const answer = await post(cluster.webhooks[process].baseUrl, path, e.raw, { 'x-ghl-signature': e.signature });
				return ((await answer.json()) as IDataObject).status as string;
			};
			const round = async (count: number) => {
				const events = Array.from({ length: count }, () => event());
				const first = await Promise.all(events.map(async (e, i) => await send(i % 2, e)));
				expect(first.every((s) => s === 'received')).toBe(true);
				const replays = await Promise.all(events.map(async (e, i) => await send((i + 1) % 2, e)));
				return replays.filter((s) => s === 'received').length;
			};
			// Worst case: nothing reaches the accepting process between the burst and the replays.
			const slipped = await round(200);
			// Any later delivery to a process saves its whole memory (n8n saves just after answering). A save of the
			// burst still in flight on the other process can land after it (on a loaded machine), so the process gets
			// one more delivery until the database holds every id it has seen: the window closes at the first of its
			// deliveries whose save lands last.
			const storedIds = async () => {
				const workflow = await cluster.n8n.api<{ staticData?: IDataObject }>('GET', `/workflows/${TRIGGER.id}`);
				const state = workflow.staticData?.[`node:${TRIGGER.node}`] as { webhookIds?: { ids?: string } } | undefined;
				return state?.webhookIds?.ids ?? '';
			};
			const savedWithin = async (ids: string[], ms: number) => {
				for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
					const text = await storedIds();
					if (ids.every((id) => text.includes(webhookIdKey(id)))) return true;
				}
				return false;
			};
			const heal: Array<ReturnType<typeof event>> = [];
			const healOn = async (process: number, ids: string[]) => {
				for (let attempt = 0; attempt < 10; attempt++) {
					const e = event();
					heal.push(e);
					await send(process, e);
					if (await savedWithin([...ids, e.webhookId], 3000)) return;
				}
				throw new Error(`webhook process ${process} did not save its memory after 10 deliveries`);
			};
			const events = Array.from({ length: 200 }, () => event());
			await Promise.all(events.map(async (e, i) => await send(i % 2, e)));
			await healOn(0, events.filter((_, i) => i % 2 === 0).map((e) => e.webhookId));
			const healedFirst = heal.length;
			await healOn(1, [...heal, ...events].map((e) => e.webhookId));
			const replays = await Promise.all(events.map(async (e, i) => await send((i + 1) % 2, e)));
			const slippedAfterHeal = replays.filter((s) => s === 'received').length;
			const expected = 200 + slipped + 200 + heal.length + slippedAfterHeal;
			const runs = await settle(TRIGGER.id, before + expected, 5 * 60_000);
			figures['webhook de-duplication, 200 events over 2 webhook processes, replayed to the other'] =
				`${slipped} of 200 replays started a second execution right after the burst; ${slippedAfterHeal} of 200 once a later delivery to each process was saved last (deliveries needed: ${healedFirst} and ${heal.length - healedFirst})`;
			log(figures['webhook de-duplication, 200 events over 2 webhook processes, replayed to the other']);
			expect(runs.length - before).toBe(expected);
			// The window needs overlapping read-to-save spans on both processes: at most the events of one side.
			expect(slipped).toBeLessThanOrEqual(100);
			expect(slippedAfterHeal).toBe(0);
		}),
		10 * 60_000,
	);

	test(
		'the polling trigger polls once per interval on the main, not per worker, and its watermark survives a main restart',
		logged(async () => {
			const second = sandbox.secondLocationId!;
			const pollState = async () => {
				const workflow = await cluster.n8n.api<{ staticData?: IDataObject }>('GET', `/workflows/${POLLING.id}`);
				return (workflow.staticData?.[`node:${POLLING.node}`] as IDataObject | undefined)?.pollState as IDataObject | undefined;
			};
			// The first poll (within a minute of activation) records the watermark and emits nothing.
			const deadline = Date.now() + 150_000;
			while (!(await pollState())?.watermark) {
				if (Date.now() > deadline) throw new Error('no first poll within 150 s');
				await sleep(2000);
			}
			const create = async (email: string) => {
				const answer = await call(sandbox, 'POST', '/contacts/', { body: { locationId: second, email }, token: secondToken });
				expect([200, 201]).toContain(answer.status);
				return answer.body as IDataObject;
			};
			/** The contact ids each polling execution emitted, oldest execution first. */
			const emitted = async () =>
				(await executions(POLLING.id, true)).map((run) => nodeOutput(run, POLLING.node).map((item) => String(item.id)));
			/** Waits for the execution that emits `id` (and a few seconds for any further one); all emitted ids. */
			const emittedWith = async (id: string) => {
				const until = Date.now() + 150_000;
				for (;;) {
					if ((await emitted()).some((ids) => ids.includes(id))) {
						await sleep(5000);
						return await emitted();
					}
					if (Date.now() > until) throw new Error(`no polling execution emitted ${id} within 150 s`);
					await sleep(2000);
				}
			};
			const times = (runs: string[][], id: string) => runs.filter((ids) => ids.includes(id)).length;
			// Earlier tests created contacts in this location too: each is emitted once, whatever the poll.
			const c1 = String(((await create('queue.poll.1@example.com')).contact as IDataObject).id);
			const afterFirst = await emittedWith(c1);
			expect(times(afterFirst, c1)).toBe(1);
			const flat1 = afterFirst.flat();
			expect(new Set(flat1).size).toBe(flat1.length);

			await cluster.n8n.stop();
			await cluster.n8n.start();
			const c2 = String(((await create('queue.poll.2@example.com')).contact as IDataObject).id);
			const afterRestart = await emittedWith(c2);
			expect(times(afterRestart, c2)).toBe(1);
			// The watermark survived the restart: nothing emitted before it came again.
			expect(times(afterRestart, c1)).toBe(1);
			const flat2 = afterRestart.flat();
			expect(new Set(flat2).size).toBe(flat2.length);
			figures['polling trigger (main restarted in between)'] =
				`${afterRestart.length} executions, ${flat2.length} contacts emitted, each once`;
		}),
		10 * 60_000,
	);
});
