/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- benchmark code runs in Node, not inside n8n */
/**
 * `npm run bench:scale` — the figures at scale (issue "Scale-out"), printed, not asserted:
 *
 * - (g) Return All of 50,000 contacts (`POST /contacts/search`, contacts.json `search-contacts-advanced`,
 *   searchAfter pages of up to 500, FACTS.md 2.14) in one node run through the engine harness, with HighLevel's real
 *   limit and 150 ms latency: requests sent against ⌈N / 500⌉, wall time, and the peak RSS and V8 heap of this
 *   process — the one executing the node, compiled, as n8n loads it — over idle (see {@link benchReturnAllAtScale});
 * - (h) the trigger's signed events per second through the `n8n webhook` process of a queue-mode n8n (Postgres,
 *   Redis, main, 2 workers, 1 webhook process; test/e2e/queue.ts), p50/p99 request latency, and the in-process
 *   cost of verification and filtering (test/bench/trigger.ts).
 *
 * The queue-mode pacing and de-duplication figures come from `npm run test:e2e:queue` (test/e2e/queue.e2e.test.ts),
 * which prints them. Options: `--contacts N` (default 50,000), `--events N` (default 1,000), `--no-trigger`.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { INodeParameters, INodeType } from 'n8n-workflow';

import { GHL_TYPE, pitCredential, singleNodeWorkflow } from '../engine/GoHighLevel/helpers';
import { createCredentialStore, runWorkflow } from '../engine/harness';
import { startSandboxProcess } from './sandbox-process';
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
	/** Simplify on (the node's default is off: full contact records). */
	simplify: boolean;
	returned: number;
	distinct: number;
	/** All HighLevel requests / search pages. */
	requests: number;
	pages: number;
	/** ⌈contacts / 500⌉ */
	minimumPages: number;
	wallMs: number;
	rateLimited: number;
	/** RSS, bytes: just before the run (after a full GC), and the highest sampled during it. */
	idleRss: number;
	peakRss: number;
	/** V8 heap in use, bytes: just before the run, the highest sampled, and after a full GC with the output still held. */
	idleHeap: number;
	peakHeap: number;
	liveHeap: number;
}

/** The GoHighLevel node as n8n loads it: the compiled class from `dist/` (`npm run bench:scale` builds first). */
function compiledNode(): INodeType {
	const file = path.join(__dirname, '..', '..', 'dist', 'nodes', 'GoHighLevel', 'GoHighLevel.node.js');
	if (!fs.existsSync(file)) throw new Error('dist/ is missing: run `npm run build` first');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { GoHighLevel } = require(file) as { GoHighLevel: new () => INodeType };
	return new GoHighLevel();
}

/**
 * (g) Return All over `contacts` tagged contacts, measured in the process executing the node, as in n8n:
 * - the sandbox runs in a child process (sandbox-process.ts), so its store and pages are not counted;
 * - the node is the compiled class from `dist/`, as n8n loads it (the engine tests run it from the TypeScript
 *   sources, whose on-the-fly compilation would be counted otherwise);
 * - a first one-record run (not counted) loads the credential types and compiles the code paths, as an n8n process
 *   has done before; then a full GC, and "idle" is read.
 * RSS and V8 heap are sampled every 20 ms until the output has been read.
 */
export async function benchReturnAllAtScale(contacts: number, simplify: boolean): Promise<ReturnAllFigures> {
	const sandbox = await startSandboxProcess({ rateLimit: LIMIT, latencyMs: 150 }, contacts, ['bench-scale']);
	const nodeTypes = { [GHL_TYPE]: compiledNode() };
	const credentials = createCredentialStore([pitCredential(sandbox)]);
	const run = async (parameters: INodeParameters) =>
		await runWorkflow({ workflow: singleNodeWorkflow(parameters), credentials, nodeTypes });
	try {
		await run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 1, simplify });
		const before = await sandbox.stats();
		collectGarbage();
		const idle = process.memoryUsage();
		let peakRss = idle.rss;
		let peakHeap = idle.heapUsed;
		const sample = () => {
			const now = process.memoryUsage();
			peakRss = Math.max(peakRss, now.rss);
			peakHeap = Math.max(peakHeap, now.heapUsed);
		};
		const timer = setInterval(sample, 20);
		const started = Date.now();
		let output: Array<Record<string, unknown>> = [];
		try {
			const result = await run({
				resource: 'contact',
				operation: 'getAll',
				returnAll: true,
				filters: { tags: ['bench-scale'] },
				simplify,
			});
			output = result.status === 'success' ? result.output('HighLevel') : [];
		} finally {
			clearInterval(timer);
		}
		const wallMs = Date.now() - started;
		sample();
		collectGarbage();
		const liveHeap = process.memoryUsage().heapUsed;
		const stats = await sandbox.stats();
		const pagesBefore = before.byOperation['search-contacts-advanced'] ?? 0;
		return {
			contacts,
			simplify,
			returned: output.length,
			distinct: new Set(output.map((c) => c.id)).size,
			requests: stats.requests - before.requests,
			pages: (stats.byOperation['search-contacts-advanced'] ?? 0) - pagesBefore,
			minimumPages: Math.ceil(contacts / PAGE_SIZE),
			wallMs,
			rateLimited: stats.rateLimited - before.rateLimited,
			idleRss: idle.rss,
			peakRss,
			idleHeap: idle.heapUsed,
			peakHeap,
			liveHeap,
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
	for (const simplify of [false, true]) {
		process.stderr.write(`(g) Return All of ${contacts.toLocaleString('en-US')} contacts, Simplify ${simplify ? 'on' : 'off'}…\n`);
		const g = await benchReturnAllAtScale(contacts, simplify);
		out(`(g) Return All of ${g.contacts.toLocaleString('en-US')} contacts, Simplify ${g.simplify ? 'on' : 'off (default: full records)'}, at 100 / 10 s, 150 ms latency:`);
		out(`    returned ${g.returned} (${g.distinct} distinct); requests ${g.requests}, search pages ${g.pages} (⌈N / 500⌉ = ${g.minimumPages}); 429 answers ${g.rateLimited}`);
		out(`    wall time ${(g.wallMs / 1000).toFixed(1)} s; peak RSS ${mib(g.peakRss)} over idle ${mib(g.idleRss)} = +${mib(g.peakRss - g.idleRss)}`);
		out(`    V8 heap: peak +${mib(g.peakHeap - g.idleHeap)} over idle; live after a full GC with the ${g.returned} items held: +${mib(g.liveHeap - g.idleHeap)}`);
	}
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
