import {
	DAILY_RECHECK_MS,
	DailyLimitExhaustedError,
	DEFAULT_BURST,
	headerNumber,
	PROBE_TIMEOUT_MS,
	RATE_LIMIT_HEADERS,
	RateLimiter,
} from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { FakeClock, flush } from '../helpers';

const KEY = 'https://services.leadconnectorhq.com|loc-a';
/** Probe timeout 0: the key's limit counts as known from the start (the pacing tests below), see 'first request'. */
const NO_PROBE = 0;
const OTHER_KEY = 'https://services.leadconnectorhq.com|loc-b';

/** Starts `count` acquires at once; resolves with their start times (virtual ms) in call order and the finish order. */
async function burst(limiter: RateLimiter, clock: FakeClock, count: number, key = KEY) {
	const starts: number[] = new Array(count);
	const order: number[] = [];
	await Promise.all(
		Array.from({ length: count }, async (_, i) => {
			await limiter.acquire(key);
			starts[i] = clock.now();
			order.push(i);
		}),
	);
	return { starts, order };
}

/** Largest number of starts falling in any half-open window [t, t + windowMs). */
function maxInWindow(starts: number[], windowMs: number): number {
	const sorted = [...starts].sort((a, b) => a - b);
	let best = 0;
	for (let i = 0, j = 0; i < sorted.length; i++) {
		while (sorted[i] - sorted[j] >= windowMs) j++;
		best = Math.max(best, i - j + 1);
	}
	return best;
}

describe('RateLimiter', () => {
	it('paces 250 concurrent acquires at the default 100 per 10 s: never more than max in any window, FIFO', async () => {
		const clock = new FakeClock();
		const t0 = clock.now();
		const limiter = new RateLimiter(clock, 250, NO_PROBE);
		const { starts, order } = await burst(limiter, clock, 250);
		expect(maxInWindow(starts, DEFAULT_BURST.intervalMs)).toBe(DEFAULT_BURST.max);
		expect(order).toEqual(Array.from({ length: 250 }, (_, i) => i));
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
		// Not slower than needed: the first 100 at once, then one window (plus the margin) per further 100.
		expect(starts[99]).toBe(t0);
		expect(starts[100]).toBeGreaterThanOrEqual(t0 + DEFAULT_BURST.intervalMs);
		expect(starts[249]).toBeLessThanOrEqual(t0 + 2 * (DEFAULT_BURST.intervalMs + 250));
	});

	it('starts the request after a full window exactly at the window end when no margin is set', async () => {
		const clock = new FakeClock();
		const t0 = clock.now();
		const limiter = new RateLimiter(clock, 0, NO_PROBE);
		const { starts } = await burst(limiter, clock, 201);
		expect(starts[100]).toBe(t0 + DEFAULT_BURST.intervalMs);
		expect(starts[200]).toBe(t0 + 2 * DEFAULT_BURST.intervalMs);
		expect(maxInWindow(starts, DEFAULT_BURST.intervalMs)).toBe(DEFAULT_BURST.max);
	});

	it('frees a slot when the oldest request leaves the window (sliding window)', async () => {
		const clock = new FakeClock(1_700_000_000_000, false);
		const t0 = clock.now();
		const limiter = new RateLimiter(clock, 0, NO_PROBE);
		limiter.observe(KEY, { 'x-ratelimit-max': '3', 'x-ratelimit-interval-milliseconds': '1000' });
		await limiter.acquire(KEY);
		await clock.advance(400);
		await limiter.acquire(KEY);
		await limiter.acquire(KEY);
		let started: number | undefined;
		const fourth = limiter.acquire(KEY).then(() => (started = clock.now()));
		await clock.advance(599);
		expect(started).toBeUndefined();
		await clock.advance(1);
		await fourth;
		expect(started).toBe(t0 + 1000);
	});

	it('a request already waiting picks up a shorter interval learned meanwhile', async () => {
		const clock = new FakeClock(1_700_000_000_000, false);
		const t0 = clock.now();
		const limiter = new RateLimiter(clock, 0, NO_PROBE);
		for (let i = 0; i < DEFAULT_BURST.max; i++) await limiter.acquire(KEY);
		let started: number | undefined;
		// Waits for the default 10 s window…
		const waiting = limiter.acquire(KEY).then(() => (started = clock.now()));
		await clock.advance(100);
		// …until a response says the location's window is 1 s.
		limiter.observe(KEY, { 'x-ratelimit-interval-milliseconds': '1000' });
		await clock.advance(1000);
		await waiting;
		expect(started).toBeLessThanOrEqual(t0 + 1000 + 250);
	});

	it('keeps keys (locations) independent', async () => {
		const clock = new FakeClock();
		const t0 = clock.now();
		const limiter = new RateLimiter(clock, 250, NO_PROBE);
		await burst(limiter, clock, 100, KEY);
		const other = await burst(limiter, clock, 100, OTHER_KEY);
		expect(other.starts.every((t) => t === t0)).toBe(true);
	});

	describe('observe', () => {
		it('learns X-RateLimit-Max and X-RateLimit-Interval-Milliseconds in any header case, array values too', () => {
			const limiter = new RateLimiter(new FakeClock(), 250, NO_PROBE);
			limiter.observe(KEY, { 'X-RateLimit-Max': ['7'], 'x-RATELIMIT-interval-MILLISECONDS': '2000' });
			expect(limiter.limitOf(KEY)).toMatchObject({ max: 7, intervalMs: 2000 });
			expect(limiter.limitOf(OTHER_KEY)).toMatchObject(DEFAULT_BURST);
		});

		it('paces with the learned limit', async () => {
			const clock = new FakeClock();
			const t0 = clock.now();
			const limiter = new RateLimiter(clock, 0, NO_PROBE);
			limiter.observe(KEY, { 'x-ratelimit-max': '3', 'x-ratelimit-interval-milliseconds': '1000' });
			const { starts } = await burst(limiter, clock, 7);
			expect(starts).toEqual([t0, t0, t0, t0 + 1000, t0 + 1000, t0 + 1000, t0 + 2000]);
		});

		it('ignores absent, empty and invalid values', () => {
			const limiter = new RateLimiter(new FakeClock(), 250, NO_PROBE);
			limiter.observe(KEY, { 'x-ratelimit-max': '', 'x-ratelimit-interval-milliseconds': 'soon' });
			limiter.observe(KEY, undefined);
			limiter.observe(KEY, { 'x-ratelimit-max': '0' });
			expect(limiter.limitOf(KEY)).toMatchObject(DEFAULT_BURST);
		});

		it("counts other clients' usage from X-RateLimit-Remaining", async () => {
			const clock = new FakeClock();
			const t0 = clock.now();
			const limiter = new RateLimiter(clock, 0, NO_PROBE);
			await burst(limiter, clock, 10);
			// We sent 10 of 100, HighLevel says 80 remain: someone else sent 10 in this window.
			limiter.observe(KEY, { 'X-RateLimit-Remaining': '80' });
			const { starts } = await burst(limiter, clock, 81);
			expect(starts.slice(0, 80).every((t) => t === t0)).toBe(true);
			expect(starts[80]).toBe(t0 + DEFAULT_BURST.intervalMs);
		});

		it('adds nothing when HighLevel reports more remaining than we computed', async () => {
			const clock = new FakeClock();
			const t0 = clock.now();
			const limiter = new RateLimiter(clock, 0, NO_PROBE);
			await burst(limiter, clock, 10);
			limiter.observe(KEY, { 'x-ratelimit-remaining': '99' });
			const { starts } = await burst(limiter, clock, 91);
			expect(starts.slice(0, 90).every((t) => t === t0)).toBe(true);
			expect(starts[90]).toBe(t0 + DEFAULT_BURST.intervalMs);
		});
	});

	describe('backOff', () => {
		it('blocks every waiting and new request of the key for the given time, not other keys', async () => {
			const clock = new FakeClock();
			const t0 = clock.now();
			const limiter = new RateLimiter(clock, 250, NO_PROBE);
			expect(limiter.backOff(KEY, 5000)).toBe(5000);
			const [a, b] = await Promise.all([burst(limiter, clock, 3), burst(limiter, clock, 1, OTHER_KEY)]);
			expect(a.starts).toEqual([t0 + 5000, t0 + 5000, t0 + 5000]);
			expect(b.starts).toEqual([t0]);
		});

		it('waits the learned interval by default', async () => {
			const clock = new FakeClock();
			const t0 = clock.now();
			const limiter = new RateLimiter(clock, 250, NO_PROBE);
			limiter.observe(KEY, { 'x-ratelimit-interval-milliseconds': '1500' });
			expect(limiter.backOff(KEY)).toBe(1500);
			const { starts } = await burst(limiter, clock, 1);
			expect(starts).toEqual([t0 + 1500]);
		});

		it('never shortens an earlier, longer back-off', async () => {
			const clock = new FakeClock();
			const t0 = clock.now();
			const limiter = new RateLimiter(clock, 250, NO_PROBE);
			limiter.backOff(KEY, 4000);
			limiter.backOff(KEY, 100);
			const { starts } = await burst(limiter, clock, 1);
			expect(starts).toEqual([t0 + 4000]);
		});
	});

	describe('daily limit', () => {
		it('fails fast with DailyLimitExhaustedError until DAILY_RECHECK_MS has passed', async () => {
			const clock = new FakeClock(1_700_000_000_000, false);
			const limiter = new RateLimiter(clock, 250, NO_PROBE);
			limiter.observe(KEY, { 'X-RateLimit-Daily-Remaining': '0' });
			expect(limiter.isDailyExhausted(KEY)).toBe(true);
			await expect(limiter.acquire(KEY)).rejects.toBeInstanceOf(DailyLimitExhaustedError);
			await expect(limiter.acquire(KEY)).rejects.toMatchObject({ key: KEY });
			await expect(limiter.acquire(OTHER_KEY)).resolves.toBeUndefined();
			await clock.advance(DAILY_RECHECK_MS - 1);
			await expect(limiter.acquire(KEY)).rejects.toBeInstanceOf(DailyLimitExhaustedError);
			await clock.advance(1);
			expect(limiter.isDailyExhausted(KEY)).toBe(false);
			await expect(limiter.acquire(KEY)).resolves.toBeUndefined();
		});

		it('forgets a spent quota when a later response reports some remaining', async () => {
			const limiter = new RateLimiter(new FakeClock(), 250, NO_PROBE);
			limiter.observe(KEY, { [RATE_LIMIT_HEADERS.dailyRemaining]: 0 });
			limiter.observe(KEY, { [RATE_LIMIT_HEADERS.dailyRemaining]: '150000' });
			expect(limiter.isDailyExhausted(KEY)).toBe(false);
			await expect(limiter.acquire(KEY)).resolves.toBeUndefined();
		});

		it('rejects requests already waiting in line when the quota turns out spent', async () => {
			const clock = new FakeClock(1_700_000_000_000, false);
			const limiter = new RateLimiter(clock, 250, NO_PROBE);
			limiter.observe(KEY, { 'x-ratelimit-max': '1' });
			await limiter.acquire(KEY);
			const waiting = limiter.acquire(KEY);
			waiting.catch(() => undefined);
			await flush();
			limiter.observe(KEY, { 'x-ratelimit-daily-remaining': '0' });
			await clock.advance(DEFAULT_BURST.intervalMs + 1000);
			await expect(waiting).rejects.toBeInstanceOf(DailyLimitExhaustedError);
		});
	});

	describe('abort', () => {
		it('rejects a waiting acquire with the abort reason, and lets the next one in line proceed', async () => {
			const clock = new FakeClock(1_700_000_000_000, false);
			const limiter = new RateLimiter(clock, 0, NO_PROBE);
			limiter.observe(KEY, { 'x-ratelimit-max': '1', 'x-ratelimit-interval-milliseconds': '1000' });
			await limiter.acquire(KEY);
			const controller = new AbortController();
			const aborted = limiter.acquire(KEY, controller.signal);
			aborted.catch(() => undefined);
			let nextStarted: number | undefined;
			const next = limiter.acquire(KEY).then(() => (nextStarted = clock.now()));
			await flush();
			expect(clock.pending).toBe(1);
			const reason = new Error('execution cancelled');
			controller.abort(reason);
			await expect(aborted).rejects.toBe(reason);
			expect(nextStarted).toBeUndefined();
			const t = clock.now();
			await clock.advance(1000);
			await next;
			expect(nextStarted).toBe(t + 1000);
		});

		it('rejects at once when the signal is already aborted', async () => {
			const limiter = new RateLimiter(new FakeClock(1_700_000_000_000, false), 250, NO_PROBE);
			const controller = new AbortController();
			controller.abort(new Error('stop'));
			await expect(limiter.acquire(KEY, controller.signal)).rejects.toThrow('stop');
		});
	});

	describe('first request of a key whose limit is not known yet', () => {
		/** What a trial account's Private Integration Token is told after its first request: 25 per 10 s. */
		const TRIAL = { 'X-RateLimit-Max': '25', 'X-RateLimit-Interval-Milliseconds': '10000', 'X-RateLimit-Remaining': '24' };

		/** Starts `count` acquires at once on a manual clock; `starts` fills as they get their slots. */
		function startAll(limiter: RateLimiter, clock: FakeClock, count: number) {
			const starts: number[] = [];
			const all = Promise.all(
				Array.from({ length: count }, async () => {
					await limiter.acquire(KEY);
					starts.push(clock.now());
				}),
			);
			return { starts, all };
		}

		it('goes alone; the others wait for its headers and are paced by them (25 per 10 s), no burst at 100', async () => {
			const clock = new FakeClock(1_700_000_000_000, false);
			const t0 = clock.now();
			const limiter = new RateLimiter(clock);
			const { starts, all } = startAll(limiter, clock, 60);
			await clock.advance(300);
			expect(starts).toEqual([t0]);
			limiter.observe(KEY, TRIAL);
			await clock.advance(30_000);
			await all;
			expect(starts).toHaveLength(60);
			expect(maxInWindow(starts, 10_000)).toBe(25);
			// The others started as soon as the answer was seen (within one sleep slice), not after a timeout.
			expect(starts[1]).toBeLessThanOrEqual(t0 + 300 + 250);
		});

		it('what was learned holds for later requests: no new probe', async () => {
			const clock = new FakeClock(1_700_000_000_000, false);
			const t0 = clock.now();
			const limiter = new RateLimiter(clock);
			limiter.observe(KEY, TRIAL);
			const { starts, all } = startAll(limiter, clock, 24);
			await clock.advance(0);
			await all;
			expect(starts).toEqual(new Array(24).fill(t0));
		});

		it(`falls back to the default limit when the first request has no answer after ${PROBE_TIMEOUT_MS} ms`, async () => {
			const clock = new FakeClock(1_700_000_000_000, false);
			const t0 = clock.now();
			const limiter = new RateLimiter(clock);
			const { starts, all } = startAll(limiter, clock, 3);
			await clock.advance(PROBE_TIMEOUT_MS - 1);
			expect(starts).toHaveLength(1);
			await clock.advance(300);
			await all;
			expect(starts.slice(1).every((t) => t >= t0 + PROBE_TIMEOUT_MS)).toBe(true);
			expect(limiter.limitOf(KEY)).toMatchObject({ ...DEFAULT_BURST, learned: true });
		});

		it('an answer without rate-limit headers: the default limit applies at once', async () => {
			const clock = new FakeClock(1_700_000_000_000, false);
			const limiter = new RateLimiter(clock);
			const { starts, all } = startAll(limiter, clock, 3);
			await clock.advance(100);
			limiter.observe(KEY, {});
			await clock.advance(250);
			await all;
			expect(starts).toHaveLength(3);
		});

		it('a first request that failed without an answer lets the next one probe again', async () => {
			const clock = new FakeClock(1_700_000_000_000, false);
			const limiter = new RateLimiter(clock);
			const { starts } = startAll(limiter, clock, 3);
			await clock.advance(100);
			limiter.observe(KEY, undefined);
			await clock.advance(250);
			expect(starts).toHaveLength(2);
			limiter.observe(KEY, TRIAL);
			await clock.advance(250);
			expect(starts).toHaveLength(3);
		});
	});

	it('reset forgets learned limits, counts and spent quotas', async () => {
		const clock = new FakeClock();
		const t0 = clock.now();
		const limiter = new RateLimiter(clock, 250, NO_PROBE);
		limiter.observe(KEY, { 'x-ratelimit-max': '1', 'x-ratelimit-daily-remaining': '0' });
		limiter.reset();
		expect(limiter.limitOf(KEY)).toMatchObject(DEFAULT_BURST);
		expect(limiter.isDailyExhausted(KEY)).toBe(false);
		const { starts } = await burst(limiter, clock, 2);
		expect(starts).toEqual([t0, t0]);
	});
});

describe('headerNumber', () => {
	const name = RATE_LIMIT_HEADERS.remaining;
	it.each<[string, Record<string, unknown> | undefined, number | undefined]>([
		['lower-case key', { 'x-ratelimit-remaining': '42' }, 42],
		['mixed-case key', { 'X-RateLimit-Remaining': '42' }, 42],
		['number value', { 'x-ratelimit-remaining': 42 }, 42],
		['zero', { 'x-ratelimit-remaining': '0' }, 0],
		['array value: first element', { 'x-ratelimit-remaining': ['5', '9'] }, 5],
		['surrounding spaces', { 'x-ratelimit-remaining': ' 7 ' }, 7],
		['empty array', { 'x-ratelimit-remaining': [] }, undefined],
		['empty string', { 'x-ratelimit-remaining': '' }, undefined],
		['null', { 'x-ratelimit-remaining': null }, undefined],
		['not a number', { 'x-ratelimit-remaining': 'many' }, undefined],
		['negative', { 'x-ratelimit-remaining': '-1' }, undefined],
		['infinite', { 'x-ratelimit-remaining': 'Infinity' }, undefined],
		['absent', { 'x-ratelimit-max': '100' }, undefined],
		['no headers', undefined, undefined],
	])('%s', (_label, headers, expected) => {
		expect(headerNumber(headers, name)).toBe(expected);
	});
});
