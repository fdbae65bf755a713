import {
	ALONE_BURST,
	BACK_OFF_DIVISOR,
	DAILY_RECHECK_MS,
	DailyLimitExhaustedError,
	DEFAULT_BURST,
	headerNumber,
	IN_FLIGHT_TIMEOUT_MS,
	MAX_SLEEP_SLICE_MS,
	PROBE_TIMEOUT_MS,
	RATE_LIMIT_HEADERS,
	RateLimiter,
	SHARED_WINDOW,
} from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { FakeClock, flush } from '../helpers';

const KEY = 'https://services.leadconnectorhq.com|loc-a';
/** Probe timeout 0: the key's limit counts as known from the start (the pacing tests below), see 'first request'. */
const NO_PROBE = 0;
const OTHER_KEY = 'https://services.leadconnectorhq.com|loc-b';

/**
 * Starts `count` acquires at once, each answered at once (an `observe` without headers); resolves with their start
 * times (virtual ms) in call order and the finish order.
 */
async function burst(limiter: RateLimiter, clock: FakeClock, count: number, key = KEY) {
	const starts: number[] = new Array(count);
	const order: number[] = [];
	await Promise.all(
		Array.from({ length: count }, async (_, i) => {
			await limiter.acquire(key);
			limiter.observe(key, {});
			starts[i] = clock.now();
			order.push(i);
		}),
	);
	return { starts, order };
}

/** One request for KEY, answered at once. */
async function answered(limiter: RateLimiter): Promise<void> {
	await limiter.acquire(KEY);
	limiter.observe(KEY, {});
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
	it('paces 250 concurrent acquires at the default 100 per 10 s: a quarter at once, then evenly; never more than max in any window, FIFO', async () => {
		const clock = new FakeClock();
		const t0 = clock.now();
		const limiter = new RateLimiter(clock, 250, NO_PROBE);
		const { starts, order } = await burst(limiter, clock, 250);
		expect(maxInWindow(starts, DEFAULT_BURST.intervalMs)).toBe(DEFAULT_BURST.max);
		expect(order).toEqual(Array.from({ length: 250 }, (_, i) => i));
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
		const step = DEFAULT_BURST.intervalMs / DEFAULT_BURST.max;
		const burstSize = Math.ceil(DEFAULT_BURST.max * ALONE_BURST);
		expect(starts.slice(0, burstSize)).toEqual(new Array(burstSize).fill(t0));
		expect(starts[burstSize]).toBe(t0 + step);
		expect(starts[99]).toBe(t0 + (99 - burstSize + 1) * step);
		// The 101st waits for the first ones to leave the window (answered at t0, plus the margin).
		expect(starts[100]).toBe(t0 + DEFAULT_BURST.intervalMs + 250);
		// Not slower than needed: from then on at least the even pace.
		expect(starts[249]).toBeLessThanOrEqual(starts[100] + 149 * step);
	});

	it('starts the request after a full window exactly at the window end when no margin is set', async () => {
		const clock = new FakeClock();
		const t0 = clock.now();
		const limiter = new RateLimiter(clock, 0, NO_PROBE);
		const { starts } = await burst(limiter, clock, 201);
		expect(starts[100]).toBe(t0 + DEFAULT_BURST.intervalMs);
		expect(maxInWindow(starts, DEFAULT_BURST.intervalMs)).toBe(DEFAULT_BURST.max);
	});

	it('counts a request from its grant until one interval after its answer, not after its grant', async () => {
		const clock = new FakeClock(1_700_000_000_000, false);
		const t0 = clock.now();
		const limiter = new RateLimiter(clock, 0, NO_PROBE);
		limiter.observe(KEY, { 'x-ratelimit-max': '1', 'x-ratelimit-interval-milliseconds': '1000' });
		await limiter.acquire(KEY);
		let started: number | undefined;
		const second = limiter.acquire(KEY).then(() => (started = clock.now()));
		// The first request reaches HighLevel late (the process was busy) and is answered 3 s after its grant:
		// HighLevel counted it somewhere in between, so its slot is free only 1 s after the answer.
		await clock.advance(3000);
		expect(started).toBeUndefined();
		expect(limiter.pacingOf(KEY).inFlight).toBe(1);
		limiter.observe(KEY, {});
		await clock.advance(999);
		expect(started).toBeUndefined();
		await clock.advance(1);
		await second;
		expect(started).toBe(t0 + 4000);
	});

	it(`stops counting a request never reported after ${IN_FLIGHT_TIMEOUT_MS} ms`, async () => {
		const clock = new FakeClock(1_700_000_000_000, false);
		const t0 = clock.now();
		const limiter = new RateLimiter(clock, 0, NO_PROBE);
		limiter.observe(KEY, { 'x-ratelimit-max': '1', 'x-ratelimit-interval-milliseconds': '1000' });
		await limiter.acquire(KEY);
		let started: number | undefined;
		const second = limiter.acquire(KEY).then(() => (started = clock.now()));
		await clock.advance(IN_FLIGHT_TIMEOUT_MS - 1);
		expect(started).toBeUndefined();
		await clock.advance(MAX_SLEEP_SLICE_MS + 1);
		await second;
		expect(started).toBeGreaterThanOrEqual(t0 + IN_FLIGHT_TIMEOUT_MS);
	});

	it('a request already waiting picks up a shorter interval learned meanwhile', async () => {
		const clock = new FakeClock(1_700_000_000_000, false);
		const t0 = clock.now();
		const limiter = new RateLimiter(clock, 0, NO_PROBE);
		limiter.observe(KEY, { 'x-ratelimit-max': '1' });
		await answered(limiter);
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
		await burst(limiter, clock, 25, KEY);
		const other = await burst(limiter, clock, 25, OTHER_KEY);
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
			limiter.observe(KEY, { 'x-ratelimit-max': '8', 'x-ratelimit-interval-milliseconds': '1000' });
			const { starts } = await burst(limiter, clock, 17);
			// A quarter of 8 at once, then one every 125 ms; the 9th when the first two leave the window.
			expect(starts.slice(0, 8)).toEqual([t0, t0, t0 + 125, t0 + 250, t0 + 375, t0 + 500, t0 + 625, t0 + 750]);
			// Sliding window: the 9th and 10th when the first two leave it (pace alone would allow them earlier).
			expect(starts.slice(8, 10)).toEqual([t0 + 1000, t0 + 1000]);
			expect(maxInWindow(starts, 1000)).toBe(8);
		});

		it('ignores absent, empty and invalid values', () => {
			const limiter = new RateLimiter(new FakeClock(), 250, NO_PROBE);
			limiter.observe(KEY, { 'x-ratelimit-max': '', 'x-ratelimit-interval-milliseconds': 'soon' });
			limiter.observe(KEY, undefined);
			limiter.observe(KEY, { 'x-ratelimit-max': '0' });
			expect(limiter.limitOf(KEY)).toMatchObject(DEFAULT_BURST);
		});

		it('X-RateLimit-Remaining below what its own requests explain: shared mode, share from the formula, even spacing', async () => {
			const clock = new FakeClock();
			const t0 = clock.now();
			const limiter = new RateLimiter(clock, 0, NO_PROBE);
			await burst(limiter, clock, 10);
			expect(limiter.pacingOf(KEY)).toMatchObject({ shared: false, share: 100 });
			// We sent 10 of 100, HighLevel says 80 remain: someone else sent 10 in this window.
			limiter.observe(KEY, { 'X-RateLimit-Remaining': '80' });
			// share = own × (max − reserve) / (max − remaining) + probe = 10 × 90 / 20 + 2
			const share = (10 * (100 - 100 * SHARED_WINDOW.reserve)) / 20 + 100 * SHARED_WINDOW.probe;
			expect(limiter.pacingOf(KEY)).toEqual({ shared: true, share, inFlight: 0 });
			const { starts } = await burst(limiter, clock, 4);
			const step = DEFAULT_BURST.intervalMs / share;
			expect(starts.map((t) => t - t0)).toEqual([0, step, 2 * step, 3 * step].map((t) => expect.closeTo(t, 0)));
		});

		it('the share scales down when the window is overfull, never below the floor, and up when it has room', async () => {
			const clock = new FakeClock();
			const limiter = new RateLimiter(clock, 0, NO_PROBE);
			await burst(limiter, clock, 20);
			limiter.observe(KEY, { 'X-RateLimit-Remaining': '0' });
			// 20 of 100 are ours: 20 × 90 / 100 + 2
			expect(limiter.pacingOf(KEY).share).toBeCloseTo(20, 6);
			limiter.observe(KEY, { 'X-RateLimit-Remaining': '50' });
			expect(limiter.pacingOf(KEY).share).toBeCloseTo((20 * 90) / 50 + 2, 6);
			limiter.reset();
			await burst(limiter, clock, 1);
			limiter.observe(KEY, { 'X-RateLimit-Remaining': '0' });
			expect(limiter.pacingOf(KEY).share).toBe(100 * SHARED_WINDOW.floor);
		});

		it('alone again one interval after the last sign of another client', async () => {
			const clock = new FakeClock(1_700_000_000_000, false);
			const limiter = new RateLimiter(clock, 0, NO_PROBE);
			limiter.observe(KEY, { 'X-RateLimit-Remaining': '90' });
			expect(limiter.pacingOf(KEY).shared).toBe(true);
			await clock.advance(DEFAULT_BURST.intervalMs - 1);
			expect(limiter.pacingOf(KEY).shared).toBe(true);
			await clock.advance(1);
			expect(limiter.pacingOf(KEY)).toMatchObject({ shared: false, share: 100 });
		});

		it('stays alone when HighLevel reports as much remaining as its own requests explain, or more', async () => {
			const clock = new FakeClock();
			const limiter = new RateLimiter(clock, 0, NO_PROBE);
			await burst(limiter, clock, 10);
			limiter.observe(KEY, { 'x-ratelimit-remaining': '90' });
			limiter.observe(KEY, { 'x-ratelimit-remaining': '99' });
			expect(limiter.pacingOf(KEY).shared).toBe(false);
		});
	});

	describe('backOff', () => {
		it('waits interval × 2^(attempt−1) / 16, at most one interval, times a jitter factor in [0.5, 1.5)', () => {
			let draw = 0;
			const limiter = new RateLimiter(new FakeClock(), 250, NO_PROBE, () => draw);
			const base = (attempt: number) => Math.min(10_000, (10_000 * 2 ** (attempt - 1)) / BACK_OFF_DIVISOR);
			for (const attempt of [1, 2, 3, 4, 5, 6]) {
				draw = 0;
				expect(limiter.backOff(KEY, 10_000, attempt)).toBe(Math.round(base(attempt) * 0.5));
				draw = 0.999;
				expect(limiter.backOff(KEY, 10_000, attempt)).toBe(Math.round(base(attempt) * 1.499));
			}
			expect(base(6)).toBe(10_000);
		});

		it('two processes refused at the same moment come back at different times', () => {
			const draws = [0.1, 0.8];
			const waits = draws.map((d) => new RateLimiter(new FakeClock(), 250, NO_PROBE, () => d).backOff(KEY, 10_000, 1));
			expect(waits[1] - waits[0]).toBe(Math.round(625 * 1.3) - Math.round(625 * 0.6));
		});

		it('blocks every waiting and new request of the key for the wait, not other keys', async () => {
			const clock = new FakeClock();
			const t0 = clock.now();
			const limiter = new RateLimiter(clock, 250, NO_PROBE, () => 0.5);
			expect(limiter.backOff(KEY, 5000, 6)).toBe(5000);
			const [a, b] = await Promise.all([burst(limiter, clock, 3), burst(limiter, clock, 1, OTHER_KEY)]);
			expect(a.starts[0]).toBe(t0 + 5000);
			expect(b.starts).toEqual([t0]);
		});

		it('uses the learned interval by default', async () => {
			const clock = new FakeClock();
			const limiter = new RateLimiter(clock, 250, NO_PROBE, () => 0.5);
			limiter.observe(KEY, { 'x-ratelimit-interval-milliseconds': '1600' });
			expect(limiter.backOff(KEY)).toBe(100);
			expect(limiter.backOff(KEY, undefined, 5)).toBe(1600);
		});

		it('never shortens an earlier, longer back-off', async () => {
			const clock = new FakeClock();
			const t0 = clock.now();
			const limiter = new RateLimiter(clock, 250, NO_PROBE, () => 0.5);
			limiter.backOff(KEY, 4000, 6);
			limiter.backOff(KEY, 4000, 1);
			const { starts } = await burst(limiter, clock, 1);
			expect(starts).toEqual([t0 + 4000]);
		});

		it('the refused request stops counting (HighLevel did not count it); the key turns shared', async () => {
			const clock = new FakeClock();
			const limiter = new RateLimiter(clock, 0, NO_PROBE, () => 0.5);
			limiter.observe(KEY, { 'x-ratelimit-max': '2', 'x-ratelimit-interval-milliseconds': '1000' });
			await limiter.acquire(KEY);
			limiter.observe(KEY, { 'x-ratelimit-remaining': '1' });
			expect(limiter.pacingOf(KEY).shared).toBe(false);
			limiter.backOff(KEY, 1000, 1);
			expect(limiter.pacingOf(KEY)).toMatchObject({ shared: true, inFlight: 0 });
			const t = clock.now();
			const { starts } = await burst(limiter, clock, 1);
			// Only the back-off (1000 / 16), not a full window of a request HighLevel never counted.
			expect(starts).toEqual([t + Math.round(1000 / BACK_OFF_DIVISOR)]);
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
			await answered(limiter);
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

		/**
		 * Starts `count` acquires at once on a manual clock; `starts` fills as they get their slots. With `answer`,
		 * every request but the first (the probe, which the test answers) is answered at once.
		 */
		function startAll(limiter: RateLimiter, clock: FakeClock, count: number, answer = false) {
			const starts: number[] = [];
			const all = Promise.all(
				Array.from({ length: count }, async () => {
					await limiter.acquire(KEY);
					if (answer && starts.length > 0) limiter.observe(KEY, {});
					starts.push(clock.now());
				}),
			);
			return { starts, all };
		}

		it('goes alone; the others wait for its headers and are paced by them (25 per 10 s), no burst at 100', async () => {
			const clock = new FakeClock(1_700_000_000_000, false);
			const t0 = clock.now();
			const limiter = new RateLimiter(clock);
			const { starts, all } = startAll(limiter, clock, 60, true);
			await clock.advance(300);
			expect(starts).toEqual([t0]);
			limiter.observe(KEY, TRIAL);
			await clock.advance(60_000);
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
			limiter.observe(KEY, { ...TRIAL, 'X-RateLimit-Remaining': '25' });
			// As many as go at once alone (a quarter of 25), without waiting for a new probe's answer.
			const { starts, all } = startAll(limiter, clock, 7);
			await clock.advance(0);
			await all;
			expect(starts).toEqual(new Array(7).fill(t0));
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
