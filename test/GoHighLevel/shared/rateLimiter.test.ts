import {
	DAILY_RECHECK_MS,
	DailyLimitExhaustedError,
	DEFAULT_BURST,
	headerNumber,
	RATE_LIMIT_HEADERS,
	RateLimiter,
} from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { FakeClock, flush } from '../helpers';

const KEY = 'https://services.leadconnectorhq.com|loc-a';
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
		const limiter = new RateLimiter(clock);
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
		const limiter = new RateLimiter(clock, 0);
		const { starts } = await burst(limiter, clock, 201);
		expect(starts[100]).toBe(t0 + DEFAULT_BURST.intervalMs);
		expect(starts[200]).toBe(t0 + 2 * DEFAULT_BURST.intervalMs);
		expect(maxInWindow(starts, DEFAULT_BURST.intervalMs)).toBe(DEFAULT_BURST.max);
	});

	it('frees a slot when the oldest request leaves the window (sliding window)', async () => {
		const clock = new FakeClock(1_700_000_000_000, false);
		const t0 = clock.now();
		const limiter = new RateLimiter(clock, 0);
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
		const limiter = new RateLimiter(clock, 0);
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
		const limiter = new RateLimiter(clock);
		await burst(limiter, clock, 100, KEY);
		const other = await burst(limiter, clock, 100, OTHER_KEY);
		expect(other.starts.every((t) => t === t0)).toBe(true);
	});

	describe('observe', () => {
		it('learns X-RateLimit-Max and X-RateLimit-Interval-Milliseconds in any header case, array values too', () => {
			const limiter = new RateLimiter(new FakeClock());
			limiter.observe(KEY, { 'X-RateLimit-Max': ['7'], 'x-RATELIMIT-interval-MILLISECONDS': '2000' });
			expect(limiter.limitOf(KEY)).toEqual({ max: 7, intervalMs: 2000 });
			expect(limiter.limitOf(OTHER_KEY)).toEqual(DEFAULT_BURST);
		});

		it('paces with the learned limit', async () => {
			const clock = new FakeClock();
			const t0 = clock.now();
			const limiter = new RateLimiter(clock, 0);
			limiter.observe(KEY, { 'x-ratelimit-max': '3', 'x-ratelimit-interval-milliseconds': '1000' });
			const { starts } = await burst(limiter, clock, 7);
			expect(starts).toEqual([t0, t0, t0, t0 + 1000, t0 + 1000, t0 + 1000, t0 + 2000]);
		});

		it('ignores absent, empty and invalid values', () => {
			const limiter = new RateLimiter(new FakeClock());
			limiter.observe(KEY, { 'x-ratelimit-max': '', 'x-ratelimit-interval-milliseconds': 'soon' });
			limiter.observe(KEY, undefined);
			limiter.observe(KEY, { 'x-ratelimit-max': '0' });
			expect(limiter.limitOf(KEY)).toEqual(DEFAULT_BURST);
		});

		it("counts other clients' usage from X-RateLimit-Remaining", async () => {
			const clock = new FakeClock();
			const t0 = clock.now();
			const limiter = new RateLimiter(clock, 0);
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
			const limiter = new RateLimiter(clock, 0);
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
			const limiter = new RateLimiter(clock);
			expect(limiter.backOff(KEY, 5000)).toBe(5000);
			const [a, b] = await Promise.all([burst(limiter, clock, 3), burst(limiter, clock, 1, OTHER_KEY)]);
			expect(a.starts).toEqual([t0 + 5000, t0 + 5000, t0 + 5000]);
			expect(b.starts).toEqual([t0]);
		});

		it('waits the learned interval by default', async () => {
			const clock = new FakeClock();
			const t0 = clock.now();
			const limiter = new RateLimiter(clock);
			limiter.observe(KEY, { 'x-ratelimit-interval-milliseconds': '1500' });
			expect(limiter.backOff(KEY)).toBe(1500);
			const { starts } = await burst(limiter, clock, 1);
			expect(starts).toEqual([t0 + 1500]);
		});

		it('never shortens an earlier, longer back-off', async () => {
			const clock = new FakeClock();
			const t0 = clock.now();
			const limiter = new RateLimiter(clock);
			limiter.backOff(KEY, 4000);
			limiter.backOff(KEY, 100);
			const { starts } = await burst(limiter, clock, 1);
			expect(starts).toEqual([t0 + 4000]);
		});
	});

	describe('daily limit', () => {
		it('fails fast with DailyLimitExhaustedError until DAILY_RECHECK_MS has passed', async () => {
			const clock = new FakeClock(1_700_000_000_000, false);
			const limiter = new RateLimiter(clock);
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
			const limiter = new RateLimiter(new FakeClock());
			limiter.observe(KEY, { [RATE_LIMIT_HEADERS.dailyRemaining]: 0 });
			limiter.observe(KEY, { [RATE_LIMIT_HEADERS.dailyRemaining]: '150000' });
			expect(limiter.isDailyExhausted(KEY)).toBe(false);
			await expect(limiter.acquire(KEY)).resolves.toBeUndefined();
		});

		it('rejects requests already waiting in line when the quota turns out spent', async () => {
			const clock = new FakeClock(1_700_000_000_000, false);
			const limiter = new RateLimiter(clock);
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
			const limiter = new RateLimiter(clock, 0);
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
			const limiter = new RateLimiter(new FakeClock(1_700_000_000_000, false));
			const controller = new AbortController();
			controller.abort(new Error('stop'));
			await expect(limiter.acquire(KEY, controller.signal)).rejects.toThrow('stop');
		});
	});

	it('reset forgets learned limits, counts and spent quotas', async () => {
		const clock = new FakeClock();
		const t0 = clock.now();
		const limiter = new RateLimiter(clock);
		limiter.observe(KEY, { 'x-ratelimit-max': '1', 'x-ratelimit-daily-remaining': '0' });
		limiter.reset();
		expect(limiter.limitOf(KEY)).toEqual(DEFAULT_BURST);
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
