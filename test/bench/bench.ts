/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- benchmark code runs in Node, not inside n8n */
/**
 * `npm run bench` — throughput, pagination and memory figures of the GoHighLevel node. Prints figures, asserts
 * nothing (see README.md beside this file for what each figure means).
 *
 * The node runs in-process through the engine harness (test/engine/harness: n8n-core's real `WorkflowExecute`
 * executing the real node from this repository's sources, real HTTP), against the local HighLevel sandbox in the
 * same process, with HighLevel's real burst limit (100 requests / 10 s per app and location, FACTS.md 4) and
 * 150 ms added latency per request.
 *
 * - (a) one node run creating 1,000 contacts (`POST /contacts/`, contacts.json `create-contact`);
 * - (b) Get Many with Return All over 5,000 contacts (`POST /contacts/search`, `search-contacts-advanced`);
 * - (c) peak memory of the whole process (engine, node and sandbox);
 * - (e) 300 creates with a trial account's limit, 25 requests / 10 s (Private Integration Tokens of sandbox and
 *   trial accounts), starting with nothing learned: failures, 429 answers, and the achieved rate against the
 *   2.5 requests/s ceiling.
 *
 * - (f) 1,000 SMS sends (`POST /conversations/messages`, conversations.json `send-a-new-message`) under the same
 *   limit and latency: wall time as a ratio to the ceiling, failed items, duplicated messages (test/bench/messages.ts).
 *
 * `--quick`: burst limits scaled to 1 s windows (100 / 1 s, 25 / 1 s) and 300 creates / sends, for a fast sanity run.
 * `--trial`: only (e). `--sms`: only (f).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';

import { type RateLimitConfig, type Sandbox } from '../sandbox';
import { freshSandbox, runNode } from '../engine/GoHighLevel/helpers';
import { benchSmsSends, SMS_FULL, SMS_QUICK, type SmsBenchConfig, type SmsFigures } from './messages';
import { runTriggerBench } from './trigger';

/** Settings of one benchmark run. */
export interface BenchConfig {
	/** Sandbox burst limit (FACTS.md 4: 100 / 10 s; `--quick`: 100 / 1 s). */
	rateLimit: RateLimitConfig;
	/** Added latency per HighLevel request, ms. */
	latencyMs: number;
	/** Contacts created in one node run. */
	creates: number;
	/** Contacts listed by Return All. */
	listed: number;
}

/** The full run: HighLevel's real limit. */
export const FULL: BenchConfig = {
	rateLimit: { max: 100, intervalMs: 10_000, daily: 200_000 },
	latencyMs: 150,
	creates: 1000,
	listed: 5000,
};

/** `--quick`: the limit scaled to one second, fewer creates. */
export const QUICK: BenchConfig = {
	...FULL,
	rateLimit: { max: 100, intervalMs: 1000, daily: 200_000 },
	creates: 300,
};

/** (e) A trial account's limit (25 requests / 10 s, 10,000 a day) and 300 creates. */
export const TRIAL: BenchConfig = {
	rateLimit: { max: 25, intervalMs: 10_000, daily: 10_000 },
	latencyMs: 150,
	creates: 300,
	listed: 0,
};

/** `--quick` (e): the trial limit scaled to one second. */
export const TRIAL_QUICK: BenchConfig = { ...TRIAL, rateLimit: { ...TRIAL.rateLimit, intervalMs: 1000 } };

/** Samples process memory every 50 ms; `peak()` returns the highest RSS and heap used seen (bytes). */
function memorySampler() {
	let rss = 0;
	let heapUsed = 0;
	const sample = () => {
		const m = process.memoryUsage();
		rss = Math.max(rss, m.rss);
		heapUsed = Math.max(heapUsed, m.heapUsed);
	};
	sample();
	const timer = setInterval(sample, 50);
	timer.unref();
	return {
		peak: () => {
			sample();
			// resourceUsage().maxRSS is in kilobytes and catches peaks between samples.
			return { rss: Math.max(rss, process.resourceUsage().maxRSS * 1024), heapUsed };
		},
		stop: () => clearInterval(timer),
	};
}

function collectGarbage(): void {
	const gc = (global as { gc?: () => void }).gc;
	if (gc) gc();
}

/** Figures of (a). Times in ms. */
export interface CreateFigures {
	requested: number;
	/** Contacts the sandbox created (create-contact answered 201). */
	created: number;
	wallMs: number;
	/** create-contact requests received by the sandbox (429-refused ones included). */
	createRequests: number;
	/** All HighLevel requests of the run (custom field / tag lookups included). */
	requests: number;
	rateLimited: number;
	/** Items the node returned with an error (continue on fail). */
	failures: number;
	/** Contacts stored more than once for the same input (same email). */
	duplicates: number;
	maxConcurrent: number;
	invalidRequests: number;
}

/**
 * (a) Creates `config.creates` contacts in one run of the node (one input item each), with "continue on fail" so
 * that failures are counted instead of stopping the run. The location allows duplicate contacts, so a request
 * sent twice would store a second contact instead of failing: `duplicates` counts those.
 */
export async function benchCreates(config: BenchConfig): Promise<CreateFigures> {
	const sandbox = await freshSandbox({
		rateLimit: config.rateLimit,
		latencyMs: config.latencyMs,
		seed: { allowDuplicateContact: true },
	});
	try {
		const items: IDataObject[] = Array.from({ length: config.creates }, (_, i) => ({
			firstName: 'Bench',
			lastName: `Contact ${i + 1}`,
			email: `bench.contact.${i + 1}@example.com`,
		}));
		const started = Date.now();
		const result = await runNode(
			sandbox,
			{
				resource: 'contact',
				operation: 'create',
				email: '={{ $json.email }}',
				additionalFields: {
					firstName: '={{ $json.firstName }}',
					lastName: '={{ $json.lastName }}',
					tags: ['bench'],
				},
			},
			{ items, continueOnFail: true },
		);
		const wallMs = Date.now() - started;
		const stored = [...sandbox.store.location(sandbox.locationId).contacts.values()].filter((c) =>
			c.tags.includes('bench'),
		);
		const distinctEmails = new Set(stored.map((c) => c.email)).size;
		return {
			requested: config.creates,
			created: sandbox.stats.creates.contact,
			wallMs,
			createRequests: sandbox.stats.byOperation['create-contact'] ?? 0,
			requests: sandbox.stats.requests,
			rateLimited: sandbox.stats.rateLimited,
			failures: result.status === 'success' ? result.errors('HighLevel').length : config.creates,
			duplicates: stored.length - distinctEmails,
			maxConcurrent: sandbox.stats.maxConcurrent,
			invalidRequests: sandbox.stats.invalidRequests.length,
		};
	} finally {
		await sandbox.close();
	}
}

/** Figures of (b). Times in ms. */
export interface ListFigures {
	inSandbox: number;
	returned: number;
	distinct: number;
	wallMs: number;
	requests: number;
	/** search-contacts-advanced requests. */
	pages: number;
	rateLimited: number;
	invalidRequests: number;
}

/** (b) Get Many, Return All, filtered by a tag that `config.listed` generated contacts carry. */
export async function benchReturnAll(config: BenchConfig): Promise<ListFigures> {
	const sandbox: Sandbox = await freshSandbox({
		rateLimit: config.rateLimit,
		latencyMs: config.latencyMs,
	});
	try {
		sandbox.seedContacts(config.listed, { tags: ['bench-list'] });
		const started = Date.now();
		const result = await runNode(sandbox, {
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { tags: ['bench-list'] },
			simplify: true,
		});
		const wallMs = Date.now() - started;
		const output = result.status === 'success' ? result.output('HighLevel') : [];
		return {
			inSandbox: config.listed,
			returned: output.length,
			distinct: new Set(output.map((c) => c.id)).size,
			wallMs,
			requests: sandbox.stats.requests,
			pages: sandbox.stats.byOperation['search-contacts-advanced'] ?? 0,
			rateLimited: sandbox.stats.rateLimited,
			invalidRequests: sandbox.stats.invalidRequests.length,
		};
	} finally {
		await sandbox.close();
	}
}

/**
 * Shortest time (ms) in which `requests` requests can start under a burst limit of `max` per `intervalMs`: the
 * first `max` at once, then `max` per interval, i.e. `(ceil(requests / max) - 1) * intervalMs`. Latency not included.
 */
export function minimumMs(requests: number, limit: RateLimitConfig): number {
	return Math.max(0, Math.ceil(requests / limit.max) - 1) * limit.intervalMs;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

function version(pkg: string): string {
	const file = path.join(__dirname, '..', '..', 'node_modules', pkg, 'package.json');
	return fs.existsSync(file) ? String(JSON.parse(fs.readFileSync(file, 'utf8')).version) : '?';
}

/** Table rows of (e), the trial-account limit. */
function trialRows(e: CreateFigures, limit: RateLimitConfig): Array<[string, string]> {
	const ceiling = (limit.max * 1000) / limit.intervalMs;
	// Useful throughput: contacts created per second (429-refused requests do not count).
	const rate = e.created / (e.wallMs / 1000);
	return [
		[
			`(e) ${fmt(e.requested)} creates at ${limit.max} / ${limit.intervalMs / 1000} s (nothing learned before): wall time`,
			`${secs(e.wallMs)} (the limit allows ≥ ${secs(minimumMs(e.requested, limit))})`,
		],
		['(e) contacts created / failed items', `${fmt(e.created)} / ${fmt(e.failures)}`],
		['(e) 429 answers / create requests sent', `${fmt(e.rateLimited)} / ${fmt(e.createRequests)}`],
		[
			'(e) contacts created per second / ceiling',
			`${rate.toFixed(2)} / ${ceiling.toFixed(2)} requests/s = ${((rate / ceiling) * 100).toFixed(0)} %`,
		],
		['(e) duplicate contacts / invalid requests', `${fmt(e.duplicates)} / ${fmt(e.invalidRequests)}`],
	];
}

/** Table rows of (f), bulk SMS sends. */
function smsRows(f: SmsFigures, config: SmsBenchConfig): Array<[string, string]> {
	// The ceiling: the shortest time the limit allows for one request per item (latency not included).
	const ceilingMs = minimumMs(f.requested, config.rateLimit);
	return [
		[
			`(f) ${fmt(f.requested)} SMS sends at ${config.rateLimit.max} / ${config.rateLimit.intervalMs / 1000} s, ${config.latencyMs} ms latency: wall time`,
			`${secs(f.wallMs)} = ${(f.wallMs / ceilingMs).toFixed(3)} × the ceiling (${secs(ceilingMs)})`,
		],
		['(f) messages sent / failed items', `${fmt(f.sent)} / ${fmt(f.failures)}`],
		['(f) duplicated messages', fmt(f.duplicates)],
		['(f) requests sent (all / send-a-new-message)', `${fmt(f.requests)} / ${fmt(f.sendRequests)}`],
		['(f) 429 answers / invalid requests', `${fmt(f.rateLimited)} / ${fmt(f.invalidRequests)}`],
	];
}

function printTable(out: (line?: string) => void, rows: Array<[string, string]>): void {
	const width = Math.max(...rows.map(([label]) => label.length));
	const valueWidth = Math.max(...rows.map(([, value]) => value.length));
	out(`| ${'Figure'.padEnd(width)} | ${'Value'.padEnd(valueWidth)} |`);
	out(`| ${'-'.repeat(width)} | ${'-'.repeat(valueWidth)} |`);
	for (const [label, value] of rows) out(`| ${label.padEnd(width)} | ${value.padEnd(valueWidth)} |`);
}

async function main(): Promise<void> {
	const quick = process.argv.includes('--quick');
	const config = quick ? QUICK : FULL;
	const trial = quick ? TRIAL_QUICK : TRIAL;
	const out = (line = '') => process.stdout.write(`${line}\n`);
	const sms = quick ? SMS_QUICK : SMS_FULL;
	if (process.argv.includes('--sms')) {
		process.stderr.write(`(f) sending ${fmt(sms.sends)} SMS at ${sms.rateLimit.max} / ${sms.rateLimit.intervalMs / 1000} s…\n`);
		printTable(out, smsRows(await benchSmsSends(sms), sms));
		return;
	}
	if (process.argv.includes('--trial')) {
		process.stderr.write(`(e) creating ${fmt(trial.creates)} contacts at ${trial.rateLimit.max} / ${trial.rateLimit.intervalMs / 1000} s…\n`);
		printTable(out, trialRows(await benchCreates(trial), trial.rateLimit));
		return;
	}
	const limit = config.rateLimit;
	const ceiling = (limit.max * 1000) / limit.intervalMs;
	out(`GoHighLevel node benchmark${quick ? ' (--quick)' : ''}`);
	out(
		`Engine: n8n-core ${version('n8n-core')} WorkflowExecute in-process (engine harness) running the real ` +
			`GoHighLevel node from this repository; n8n-workflow ${version('n8n-workflow')}.`,
	);
	out(
		`Sandbox: local HighLevel API in the same process, rate limit ${limit.max} requests / ${limit.intervalMs / 1000} s ` +
			`per location, ${config.latencyMs} ms latency per request.`,
	);
	out(
		`Machine: Node ${process.versions.node}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs.`,
	);
	if (!(global as { gc?: unknown }).gc) out('(run with --expose-gc for a clean memory baseline)');
	out();

	collectGarbage();
	const baseline = process.memoryUsage();
	const memory = memorySampler();
	process.stderr.write(
		`(a) creating ${fmt(config.creates)} contacts (the limit allows no less than ${secs(minimumMs(config.creates, limit))})…\n`,
	);
	const a = await benchCreates(config);
	collectGarbage();
	process.stderr.write(`(b) Return All over ${fmt(config.listed)} contacts…\n`);
	const b = await benchReturnAll(config);
	collectGarbage();
	process.stderr.write(
		`(e) creating ${fmt(trial.creates)} contacts at a trial account's ${trial.rateLimit.max} / ${trial.rateLimit.intervalMs / 1000} s…\n`,
	);
	const e = await benchCreates(trial);
	collectGarbage();
	process.stderr.write(
		`(f) sending ${fmt(sms.sends)} SMS (the limit allows no less than ${secs(minimumMs(sms.sends, sms.rateLimit))})…\n`,
	);
	const f = await benchSmsSends(sms);
	const peak = memory.peak();
	memory.stop();

	const rows: Array<[string, string]> = [
		[
			`(a) ${fmt(a.requested)} contact creates, one node run: wall time`,
			`${secs(a.wallMs)} (the limit allows ≥ ${secs(minimumMs(a.createRequests, limit))})`,
		],
		[
			'(a) achieved rate (create requests / wall time)',
			`${(a.createRequests / (a.wallMs / 1000)).toFixed(2)} requests/s (sustained limit ${ceiling.toFixed(2)})`,
		],
		['(a) contacts created', `${fmt(a.created)} of ${fmt(a.requested)}`],
		['(a) requests sent (all / create-contact)', `${fmt(a.requests)} / ${fmt(a.createRequests)}`],
		['(a) 429 answers', fmt(a.rateLimited)],
		['(a) failed items', fmt(a.failures)],
		['(a) duplicate contacts', fmt(a.duplicates)],
		['(a) invalid requests (422)', fmt(a.invalidRequests)],
		['(a) most requests in flight at once', fmt(a.maxConcurrent)],
		[
			`(b) Return All of ${fmt(b.inSandbox)} contacts: contacts returned`,
			`${fmt(b.returned)} (${fmt(b.distinct)} distinct)`,
		],
		['(b) requests sent / pages of search', `${fmt(b.requests)} / ${fmt(b.pages)}`],
		['(b) wall time', secs(b.wallMs)],
		['(b) 429 answers / invalid requests', `${fmt(b.rateLimited)} / ${fmt(b.invalidRequests)}`],
		['(c) peak RSS of the process', mib(peak.rss)],
		[
			'(c) peak JS heap used (baseline before (a))',
			`${mib(peak.heapUsed)} (${mib(baseline.heapUsed)})`,
		],
		...trialRows(e, trial.rateLimit),
		...smsRows(f, sms),
	];
	printTable(out, rows);

	out();
	out('(d) GoHighLevel Trigger inside a real n8n 2.8.4 (packed package, sandbox-signed events):');
	process.stderr.write('(d) trigger: signed events per second and verification cost…\n');
	await runTriggerBench(quick ? { events: 100, iterations: 1000 } : {});
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(
			`bench failed: ${error instanceof Error ? error.message : String(error)}\n`,
		);
		process.exitCode = 1;
	});
}
