/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- benchmark code runs in Node, not inside n8n */
/**
 * Webhook trigger benchmark: signed HighLevel events per second accepted by the GoHighLevel Trigger inside a real
 * n8n (the packed package in the pinned n8n host, see test/e2e/README.md), and the latency that signature
 * verification and filtering add. Prints figures, asserts nothing.
 *
 * - HTTP, real n8n: `events` signed ContactCreate events (Ed25519 `x-ghl-signature` with the TEST key, accepted via
 *   Options → Additional Ed25519 Public Key) are POSTed to a Marketplace-source trigger's Production URL with
 *   `concurrency` requests in flight; the same number of unsigned bodies go to a second trigger with the HighLevel
 *   Workflow Webhook Action source and Skip Verification on (no signature, no time window, no `webhookId` memory,
 *   no event filter) as the baseline, and to a third workflow whose trigger is n8n's own Webhook node (no code of
 *   this package: n8n's own ceiling on the machine). Reported per workflow: 200 answers per second of wall time,
 *   request latency p50/p99 (ms, client side, includes n8n's routing and static-data save), and executions stored afterwards.
 * - In-process: the trigger's request check (`checkWebhook`, nodes/GoHighLevelTrigger/shared/request.ts, the code
 *   `webhook()` runs before answering) timed directly for both settings; the difference of the medians is the
 *   verification + filtering cost without HTTP noise.
 *
 * Run: `npm run build && node --require ts-node/register/transpile-only test/bench/trigger.ts [--events N]
 * [--concurrency N] [--queue]`, or call {@link runTriggerBench} from another benchmark. `--queue`: the same through
 * the `n8n webhook` process of a queue-mode n8n (test/e2e/queue.ts).
 */
import { createPrivateKey, randomUUID, sign } from 'crypto';
import { performance } from 'perf_hooks';
import type { IDataObject } from 'n8n-workflow';

import { checkWebhook } from '../../nodes/GoHighLevelTrigger/shared/request';
import type { TriggerSettings } from '../../nodes/GoHighLevelTrigger/shared/settings';
import { createWebhookIdMemory } from '../../nodes/GoHighLevelTrigger/shared/dedup';
import {
	TEST_ED25519_PRIVATE_KEY,
	TEST_ED25519_PUBLIC_KEY,
} from '../GoHighLevelTrigger/fixtures/keys';
import { cleanupAll, N8nInstance, packPackage, triggerThenNoOp, type WorkflowJson } from '../e2e/n8n';
import { QueueCluster } from '../e2e/queue';
import { startSandbox, type Sandbox } from '../sandbox';

/** Options of {@link runTriggerBench}. */
export interface TriggerBenchOptions {
	/** Events sent to each workflow (after 20 warm-up events); default 300. */
	events?: number;
	/** Requests in flight at once; default 8. */
	concurrency?: number;
	/** Iterations of the in-process timing per setting; default 3000. */
	iterations?: number;
	/** Print the report (default true). */
	print?: boolean;
	/**
	 * `queue`: n8n in queue mode (test/e2e/queue.ts: Postgres, Redis, main, 2 workers, 1 `n8n webhook` process) and
	 * the events POSTed to the webhook process; default `regular` (one `n8n start`, SQLite).
	 */
	mode?: 'regular' | 'queue';
}

/** Figures of one HTTP run. */
export interface HttpRun {
	sent: number;
	/** Answers by status code. */
	byStatus: Record<string, number>;
	/** 200 answers per second of wall time. */
	acceptedPerSecond: number;
	/** Request latency, ms (client side). */
	p50Ms: number;
	p99Ms: number;
	/** Executions of the workflow stored after the run (warm-up excluded). */
	executions: number;
}

/** Result of {@link runTriggerBench}. */
export interface TriggerBenchResult {
	mode: 'regular' | 'queue';
	events: number;
	concurrency: number;
	/** Marketplace source, signed events, Events = ContactCreate. */
	signed: HttpRun;
	/** Workflow source with Skip Verification: the baseline without verification and filtering. */
	unsigned: HttpRun;
	/** n8n's own Webhook node (`n8n-nodes-base.webhook`, Respond Immediately) with the unsigned bodies: n8n's ceiling. */
	n8nWebhook: HttpRun;
	/** `checkWebhook` alone, µs per request. */
	inProcess: {
		signedP50Us: number;
		signedP99Us: number;
		unsignedP50Us: number;
		unsignedP99Us: number;
		/** signedP50Us − unsignedP50Us: what verification + filtering add per event. */
		addedP50Us: number;
	};
}

const WARM_UP = 20;
const CREDENTIAL = { id: 'ghlTrigBenchCred', name: 'HighLevel Sandbox (trigger bench)' };
const SIGNED = { id: 'ghlTrigBenchSig1', webhookId: 'b1e5c0de-0000-4000-8000-00000000a001' };
const UNSIGNED = { id: 'ghlTrigBenchUns1', webhookId: 'b1e5c0de-0000-4000-8000-00000000a002' };
/** n8n's own Webhook node → No Operation: n8n's webhook path with no code of this package. */
const N8N_WEBHOOK = { id: 'ghlTrigBenchN8n1', webhookId: 'b1e5c0de-0000-4000-8000-00000000a003' };
const ED25519 = createPrivateKey(TEST_ED25519_PRIVATE_KEY);

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function round(value: number, digits = 1): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

/** A workflow: the trigger with `parameters` → No Operation. */
function workflow(id: string, webhookId: string, parameters: IDataObject): WorkflowJson {
	return triggerThenNoOp({
		id,
		name: `Trigger bench ${id}`,
		trigger: {
			id: randomUUID(),
			name: 'GoHighLevel Trigger',
			type: 'n8n-nodes-gohighlevel.goHighLevelTrigger',
			webhookId,
			parameters: { authentication: 'privateIntegrationToken', ...parameters },
			credentials: { goHighLevelPrivateIntegrationTokenApi: CREDENTIAL },
		},
	});
}

/** The same workflow with n8n's own Webhook node (POST, path = `webhookId`, Respond Immediately) as its trigger. */
function n8nWebhookWorkflow(): WorkflowJson {
	return triggerThenNoOp({
		id: N8N_WEBHOOK.id,
		name: 'Trigger bench: n8n Webhook node',
		trigger: {
			id: randomUUID(),
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: N8N_WEBHOOK.webhookId,
			parameters: { httpMethod: 'POST', path: N8N_WEBHOOK.webhookId, responseMode: 'onReceived', options: {} },
		},
	});
}

/** `count` request bodies (and headers): signed ContactCreate events, or unsigned workflow-action bodies. */
function bodies(
	count: number,
	locationId: string,
	signed: boolean,
): Array<{ body: string; headers: Record<string, string> }> {
	return Array.from({ length: count }, (_, i) => {
		const payload = signed
			? {
					type: 'ContactCreate',
					locationId,
					id: `benchContact${i}`,
					email: `bench.${i}@example.com`,
					timestamp: new Date().toISOString(),
					webhookId: randomUUID(),
				}
			: {
					contact_id: `benchContact${i}`,
					email: `bench.${i}@example.com`,
					location: { id: locationId },
				};
		const body = JSON.stringify(payload);
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (signed)
			headers['x-ghl-signature'] = sign(null, Buffer.from(body), ED25519).toString('base64');
		return { body, headers };
	});
}

/** POSTs every body to `url` with `concurrency` in flight; latency per request in ms. */
async function send(
	url: string,
	requests: Array<{ body: string; headers: Record<string, string> }>,
	concurrency: number,
): Promise<{ byStatus: Record<string, number>; latencies: number[]; wallMs: number }> {
	const byStatus: Record<string, number> = {};
	const latencies: number[] = [];
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: Math.min(concurrency, requests.length) }, async () => {
			while (next < requests.length) {
				const request = requests[next++];
				const t0 = performance.now();
				let status = 'error';
				try {
					const response = await fetch(url, {
						method: 'POST',
						headers: request.headers,
						body: request.body,
					});
					await response.arrayBuffer();
					status = String(response.status);
				} finally {
					latencies.push(performance.now() - t0);
					byStatus[status] = (byStatus[status] ?? 0) + 1;
				}
			}
		}),
	);
	return {
		byStatus,
		latencies: latencies.sort((a, b) => a - b),
		wallMs: performance.now() - started,
	};
}

/** Counts a workflow's finished executions through the public API (all pages), waiting until `expected` or 120 s. */
async function countExecutions(
	n8n: N8nInstance,
	workflowId: string,
	expected: number,
): Promise<number> {
	const deadline = Date.now() + 120_000;
	for (;;) {
		let count = 0;
		let cursor: string | undefined;
		do {
			const page = await n8n.api<{ data: Array<{ status: string }>; nextCursor?: string | null }>(
				'GET',
				`/executions?workflowId=${workflowId}&includeData=false&limit=250${cursor ? `&cursor=${cursor}` : ''}`,
			);
			count += page.data.filter((e) => !['new', 'running', 'waiting'].includes(e.status)).length;
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		if (count >= expected || Date.now() > deadline) return count;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** Times `checkWebhook` for `settings` over `requests`; µs per call, sorted. */
async function timeCheck(
	settings: TriggerSettings,
	requests: Array<{ body: string; headers: Record<string, string> }>,
	locationId: string,
): Promise<number[]> {
	const memory = createWebhookIdMemory();
	const times: number[] = [];
	for (const request of requests) {
		const rawBody = Buffer.from(request.body);
		const t0 = performance.now();
		const outcome = await checkWebhook(
			{ rawBody, parsedBody: undefined, headers: request.headers },
			settings,
			{
				nowMs: Date.now(),
				memory,
				credentialLocationId: async () => locationId,
			},
		);
		times.push((performance.now() - t0) * 1000);
		if (outcome.kind !== 'emit')
			throw new Error(`in-process check refused a bench request: ${JSON.stringify(outcome)}`);
	}
	return times.sort((a, b) => a - b);
}

function baseSettings(): TriggerSettings {
	return {
		source: 'marketplace',
		events: ['ContactCreate'],
		location: 'credential',
		timestampWindowMs: 5 * 60_000,
		ed25519PublicKeys: [TEST_ED25519_PUBLIC_KEY],
		rsaPublicKeys: [],
		includeFullRecord: false,
		sharedSecret: '',
		secretHeaderName: 'x-webhook-secret',
		skipVerification: false,
	};
}

/**
 * Runs the trigger benchmark (see the file comment) and returns its figures; prints them unless `print: false`.
 * Needs the built package (`npm run build`) and the n8n host (installed on first use, 3–4 minutes).
 * @throws Error when n8n, the package install or the workflow activation fails
 */
export async function runTriggerBench(
	options: TriggerBenchOptions = {},
): Promise<TriggerBenchResult> {
	const events = options.events ?? 300;
	const concurrency = options.concurrency ?? 8;
	const iterations = options.iterations ?? 3000;
	const mode = options.mode ?? 'regular';
	let sandbox: Sandbox | undefined;
	let n8n: N8nInstance | undefined;
	let cluster: QueueCluster | undefined;
	try {
		sandbox = await startSandbox({ rateLimit: false });
		const locationId = sandbox.locationId;

		// In-process first, while nothing else runs.
		const signedTimes = await timeCheck(
			baseSettings(),
			bodies(iterations, locationId, true),
			locationId,
		);
		const unsignedTimes = await timeCheck(
			{
				...baseSettings(),
				source: 'workflow',
				events: [],
				timestampWindowMs: 0,
				ed25519PublicKeys: [],
				skipVerification: true,
			},
			bodies(iterations, locationId, false),
			locationId,
		);

		if (mode === 'queue') {
			cluster = await QueueCluster.create({ workers: 2, webhooks: 1 });
			n8n = cluster.n8n;
		} else {
			n8n = await N8nInstance.create();
		}
		await n8n.installPackage(await packPackage());
		await n8n.importCredential({
			...CREDENTIAL,
			type: 'goHighLevelPrivateIntegrationTokenApi',
			data: { token: sandbox.privateIntegrationToken, locationId, baseUrl: sandbox.url },
		});
		await n8n.importWorkflow(
			workflow(SIGNED.id, SIGNED.webhookId, {
				source: 'marketplace',
				events: ['ContactCreate'],
				location: 'credential',
				options: { additionalEd25519PublicKey: TEST_ED25519_PUBLIC_KEY },
			}),
		);
		await n8n.importWorkflow(
			workflow(UNSIGNED.id, UNSIGNED.webhookId, {
				source: 'workflow',
				location: 'credential',
				options: { skipVerification: true },
			}),
		);
		await n8n.importWorkflow(n8nWebhookWorkflow());
		if (cluster) await cluster.startProcesses();
		else await n8n.start();
		await n8n.setupOwnerAndApiKey();
		// Production webhooks: the webhook process in queue mode, the server itself otherwise.
		const webhookBase = cluster ? cluster.webhooks[0].baseUrl : n8n.baseUrl;
		const runs = {} as Record<'signed' | 'unsigned' | 'n8nWebhook', HttpRun>;
		for (const [key, target, signed, urlPath] of [
			['signed', SIGNED, true, `${SIGNED.webhookId}/webhook`],
			['unsigned', UNSIGNED, false, `${UNSIGNED.webhookId}/webhook`],
			['n8nWebhook', N8N_WEBHOOK, false, N8N_WEBHOOK.webhookId],
		] as const) {
			await n8n.api('POST', `/workflows/${target.id}/activate`);
			const url = `${webhookBase}/webhook/${urlPath}`;
			await send(url, bodies(WARM_UP, locationId, signed), concurrency);
			await countExecutions(n8n, target.id, WARM_UP);
			const result = await send(url, bodies(events, locationId, signed), concurrency);
			const executions = (await countExecutions(n8n, target.id, WARM_UP + events)) - WARM_UP;
			runs[key] = {
				sent: events,
				byStatus: result.byStatus,
				acceptedPerSecond: round(((result.byStatus['200'] ?? 0) * 1000) / result.wallMs),
				p50Ms: round(percentile(result.latencies, 50)),
				p99Ms: round(percentile(result.latencies, 99)),
				executions,
			};
			await n8n.api('POST', `/workflows/${target.id}/deactivate`);
		}

		const report: TriggerBenchResult = {
			mode,
			events,
			concurrency,
			signed: runs.signed,
			unsigned: runs.unsigned,
			n8nWebhook: runs.n8nWebhook,
			inProcess: {
				signedP50Us: round(percentile(signedTimes, 50)),
				signedP99Us: round(percentile(signedTimes, 99)),
				unsignedP50Us: round(percentile(unsignedTimes, 50)),
				unsignedP99Us: round(percentile(unsignedTimes, 99)),
				addedP50Us: round(percentile(signedTimes, 50) - percentile(unsignedTimes, 50)),
			},
		};
		if (options.print !== false) printReport(report);
		return report;
	} finally {
		await sandbox?.close();
		if (cluster) await cluster.stop();
		else await n8n?.dispose();
		cleanupAll();
	}
}

function printReport(r: TriggerBenchResult): void {
	const line = (name: string, run: HttpRun) =>
		console.log(
			`  ${name.padEnd(38)} ${String(run.acceptedPerSecond).padStart(8)} /s   p50 ${String(run.p50Ms).padStart(6)} ms   p99 ${String(run.p99Ms).padStart(6)} ms   answers ${JSON.stringify(run.byStatus)}   executions ${run.executions}/${run.sent}`,
		);
	console.log(
		`\nGoHighLevel Trigger in real n8n${r.mode === 'queue' ? ' (queue mode, through the n8n webhook process)' : ''} — ${r.events} events per workflow, ${r.concurrency} in flight`,
	);
	line('signed (Marketplace, verify + filter)', r.signed);
	line('unsigned (Workflow source, skip verif.)', r.unsigned);
	line("n8n's own Webhook node (no package code)", r.n8nWebhook);
	console.log(
		'\nIn-process checkWebhook (µs per request; the verification + filtering cost without HTTP):',
	);
	console.log(`  signed   p50 ${r.inProcess.signedP50Us}  p99 ${r.inProcess.signedP99Us}`);
	console.log(`  unsigned p50 ${r.inProcess.unsignedP50Us}  p99 ${r.inProcess.unsignedP99Us}`);
	console.log(`  added by verification + filtering (p50): ${r.inProcess.addedP50Us} µs\n`);
}

/** `--events N`, `--concurrency N`, `--queue`. @throws Error for an unknown flag or a bad number */
function parseArgs(argv: string[]): TriggerBenchOptions {
	const options: TriggerBenchOptions = {};
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--queue') {
			options.mode = 'queue';
			continue;
		}
		const [flag, inline] = argv[i].split('=', 2);
		const value = Number(inline ?? argv[++i]);
		if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive integer`);
		if (flag === '--events') options.events = value;
		else if (flag === '--concurrency') options.concurrency = value;
		else throw new Error(`Unknown flag ${flag}`);
	}
	return options;
}

if (require.main === module) {
	runTriggerBench(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
		console.error(error);
		process.exitCode = 1;
	});
}
