/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmark code runs in Node, not inside n8n */
/**
 * `npm run bench:scale` — the figures at scale (issue "Scale-out"), printed, not asserted:
 *
 * - (g) Return All of 50,000 contacts (`POST /contacts/search`, contacts.json `search-contacts-advanced`,
 *   searchAfter pages of up to 500, FACTS.md 2.14) in one node run through the engine harness, with HighLevel's real
 *   limit and 150 ms latency: requests sent against ⌈N / 500⌉, wall time, and the peak RSS of this process over its
 *   idle RSS measured just before the run (after the sandbox was seeded and garbage collected; the sandbox runs in
 *   the same process, so the figure also holds its page serialisation — an upper bound for the node);
 * - (h) the trigger's signed events per second through the `n8n webhook` process of a queue-mode n8n (Postgres,
 *   Redis, main, 2 workers, 1 webhook process; test/e2e/queue.ts), p50/p99 request latency, and the in-process
 *   cost of verification and filtering (test/bench/trigger.ts).
 *
 * The queue-mode pacing and de-duplication figures come from `npm run test:e2e:queue` (test/e2e/queue.e2e.test.ts),
 * which prints them. Options: `--contacts N` (default 50,000), `--events N` (default 1,000), `--no-trigger`.
 */
import { freshSandbox, runNode } from '../engine/GoHighLevel/helpers';
import { type Sandbox } from '../sandbox';
import { runTriggerBench } from './trigger';

const PAGE_SIZE = 500;
const LIMIT = { max: 100, intervalMs: 10_000, daily: 200_000 };

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const out = (line = '') => process.stdout.write(`${line}\n`);

function collectGarbage(): void {
	const gc = (global as { gc?: () => void }).gc;
	if (gc) {
		gc();
		gc();
	}
}

/** Figures of (g). */
export interface ReturnAllFigures {
	contacts: number;
	returned: number;
	distinct: number;
	/** All HighLevel requests / search pages. */
	requests: number;
	pages: number;
	/** ⌈contacts / 500⌉ */
	minimumPages: number;
	wallMs: number;
	rateLimited: number;
	idleRss: number;
	peakRss: number;
}

/** (g) Return All over `contacts` tagged contacts, with the process's RSS sampled every 20 ms. */
export async function benchReturnAllAtScale(contacts: number): Promise<ReturnAllFigures> {
	const sandbox: Sandbox = await freshSandbox({ rateLimit: LIMIT, latencyMs: 150 });
	try {
		sandbox.seedContacts(contacts, { tags: ['bench-scale'] });
		collectGarbage();
		const idleRss = process.memoryUsage().rss;
		let peakRss = idleRss;
		const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
		const started = Date.now();
		let output: Array<Record<string, unknown>> = [];
		try {
			const result = await runNode(sandbox, {
				resource: 'contact',
				operation: 'getAll',
				returnAll: true,
				filters: { tags: ['bench-scale'] },
				simplify: true,
			});
			output = result.status === 'success' ? result.output('HighLevel') : [];
		} finally {
			clearInterval(timer);
		}
		const wallMs = Date.now() - started;
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
		return {
			contacts,
			returned: output.length,
			distinct: new Set(output.map((c) => c.id)).size,
			requests: sandbox.stats.requests,
			pages: sandbox.stats.byOperation['search-contacts-advanced'] ?? 0,
			minimumPages: Math.ceil(contacts / PAGE_SIZE),
			wallMs,
			rateLimited: sandbox.stats.rateLimited,
			idleRss,
			peakRss,
		};
	} finally {
		await sandbox.close();
	}
}

function option(name: string, fallback: number): number {
	const index = process.argv.indexOf(name);
	if (index < 0) return fallback;
	const value = Number(process.argv[index + 1]);
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
	return value;
}

async function main(): Promise<void> {
	const contacts = option('--contacts', 50_000);
	const events = option('--events', 1000);
	if (!(global as { gc?: unknown }).gc) out('(run with --expose-gc for a clean idle baseline)');
	process.stderr.write(`(g) Return All of ${contacts.toLocaleString('en-US')} contacts…\n`);
	const g = await benchReturnAllAtScale(contacts);
	out(`(g) Return All of ${g.contacts.toLocaleString('en-US')} contacts at 100 / 10 s, 150 ms latency:`);
	out(`    returned ${g.returned} (${g.distinct} distinct); requests ${g.requests}, search pages ${g.pages} (⌈N / 500⌉ = ${g.minimumPages}); 429 answers ${g.rateLimited}`);
	out(`    wall time ${(g.wallMs / 1000).toFixed(1)} s; peak RSS ${mib(g.peakRss)} over idle ${mib(g.idleRss)} = +${mib(g.peakRss - g.idleRss)}`);
	if (process.argv.includes('--no-trigger')) return;
	process.stderr.write(`(h) trigger through the n8n webhook process (queue mode), ${events} events…\n`);
	await runTriggerBench({ mode: 'queue', events, concurrency: 16 });
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	});
}
