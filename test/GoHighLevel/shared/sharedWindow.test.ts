/**
 * Several n8n processes (queue-mode workers) pacing the same location, each with its own {@link RateLimiter}
 * and nothing shared but HighLevel's answers: the sandbox's sliding-window limiter stands for HighLevel.
 * Virtual time (FakeClock), seeded randomness: the figures are deterministic. (A limiter that bursts each window
 * and counts a request from its grant drew 37–53 % 429s here with 2–3 processes, and 11 429s in the last case.)
 */
import { DEFAULT_BURST, RateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { RateLimiter as HighLevelWindow } from '../../sandbox/rateLimit';
import { FakeClock } from '../helpers';

const KEY = 'https://services.leadconnectorhq.com|loc-a';
const MAX_RESENDS = 6;
const LIMIT = { max: DEFAULT_BURST.max, intervalMs: DEFAULT_BURST.intervalMs, daily: 200_000 };

/** A small seeded generator (mulberry32), uniform in [0, 1). */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Process {
	/** Items this process executes, all started at once (as RoutingNode does). */
	items: number;
	/** Virtual ms after the start at which the process starts its items. */
	startAt?: number;
	/** Virtual ms between a request's grant and its arrival at HighLevel (item preparation, busy event loop). */
	delay?: (random: () => number) => number;
}

interface Outcome {
	accepted: number;
	refused: number;
	failed: number;
	/** Per process: virtual ms from the start to its last item's success. */
	finishedAt: number[];
	/** Virtual ms from the first to the last accepted request. */
	elapsedMs: number;
	/** Accepted requests per second over the run, as a fraction of the ceiling (`max` per interval). */
	ratio: number;
}

/** Runs `processes` against one HighLevel window until every item succeeded or failed after 6 re-sends. */
async function simulate(processes: Process[], latencyMs = 40, seed = 7): Promise<Outcome> {
	const clock = new FakeClock(1_700_000_000_000, false);
	const t0 = clock.now();
	const highLevel = new HighLevelWindow(LIMIT, () => clock.now());
	const random = seeded(seed);
	const limiters = processes.map((_, i) => new RateLimiter(clock, undefined, 0, seeded(seed * 31 + i)));
	let accepted = 0;
	let refused = 0;
	let failed = 0;
	let first = Infinity;
	let last = 0;
	const finishedAt: number[] = processes.map(() => 0);
	const item = async (p: number) => {
		const limiter = limiters[p];
		for (let attempt = 0; ; attempt++) {
			await limiter.acquire(KEY);
			const delay = processes[p].delay?.(random) ?? 0;
			await clock.sleep(delay + latencyMs);
			const decision = highLevel.take(KEY);
			await clock.sleep(latencyMs);
			limiter.observe(KEY, decision.headers);
			if (decision.allowed) {
				accepted++;
				first = Math.min(first, clock.now());
				last = Math.max(last, clock.now());
				finishedAt[p] = Math.max(finishedAt[p], clock.now() - t0);
				return;
			}
			refused++;
			if (attempt >= MAX_RESENDS) {
				failed++;
				return;
			}
			limiter.backOff(KEY, LIMIT.intervalMs, attempt + 1);
		}
	};
	let done = 0;
	const all = processes.map(async (process, p) => {
		if (process.startAt) await clock.sleep(process.startAt);
		await Promise.all(Array.from({ length: process.items }, async () => await item(p)));
		done++;
	});
	while (done < processes.length) await clock.advance(100);
	await Promise.all(all);
	const elapsedMs = last - first;
	return {
		accepted,
		refused,
		failed,
		finishedAt,
		elapsedMs,
		ratio: (accepted / elapsedMs) * (LIMIT.intervalMs / LIMIT.max),
	};
}

describe('several processes pacing one location by its headers only', () => {
	it.each([2, 3])('%i processes × 300 items started at once: 0 failed, 429s under 5 %%, ≥ 0.9 of the ceiling', async (n) => {
		const outcome = await simulate(Array.from({ length: n }, () => ({ items: 300 })));
		expect(outcome.failed).toBe(0);
		expect(outcome.accepted).toBe(n * 300);
		expect(outcome.refused / (outcome.accepted + outcome.refused)).toBeLessThan(0.05);
		expect(outcome.ratio).toBeGreaterThanOrEqual(0.9);
	});

	it('3 executions on 2 workers (2 + 1 × 300 items)', async () => {
		const outcome = await simulate([{ items: 600 }, { items: 300 }]);
		expect(outcome.failed).toBe(0);
		expect(outcome.refused / (outcome.accepted + outcome.refused)).toBeLessThan(0.05);
		expect(outcome.ratio).toBeGreaterThanOrEqual(0.9);
		// Equal parts while both run: the smaller batch is done well before the larger one.
		expect(outcome.finishedAt[1]).toBeLessThan(outcome.finishedAt[0] * 0.8);
	});

	it('a process joining a busy window 20 s later', async () => {
		const outcome = await simulate([{ items: 600 }, { items: 300, startAt: 20_000 }]);
		expect(outcome.failed).toBe(0);
		expect(outcome.refused / (outcome.accepted + outcome.refused)).toBeLessThan(0.05);
	});

	it('one process whose requests reach HighLevel up to 9 s after their grant: no 429', async () => {
		const outcome = await simulate([{ items: 600, delay: (r) => (r() < 0.1 ? 9000 * r() : 0) }]);
		expect(outcome.failed).toBe(0);
		expect(outcome.refused).toBe(0);
	});
});
