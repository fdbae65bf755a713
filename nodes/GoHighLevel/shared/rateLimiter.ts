import { sleepWithAbort } from 'n8n-workflow';

/**
 * HighLevel's burst limit (FACTS.md 4): 100 requests per 10 s per app per location (or company), and
 * 200,000 per day. Responses report the live figures in `X-RateLimit-*` headers.
 */
export const DEFAULT_BURST = { max: 100, intervalMs: 10_000 };

/** Header names from FACTS.md 4 (Authorization.md "What are current rate limits for API 2.0?"). */
export const RATE_LIMIT_HEADERS = {
	max: 'x-ratelimit-max',
	remaining: 'x-ratelimit-remaining',
	intervalMs: 'x-ratelimit-interval-milliseconds',
	dailyLimit: 'x-ratelimit-limit-daily',
	dailyRemaining: 'x-ratelimit-daily-remaining',
} as const;

/** Thrown by {@link RateLimiter.acquire} while the daily quota of a location is known to be spent. */
export class DailyLimitExhaustedError extends Error {
	constructor(readonly key: string) {
		super('HighLevel daily API limit reached');
		this.name = 'DailyLimitExhaustedError';
	}
}

/** Time source and sleeper; replaced by a fake clock in unit tests. */
export interface Clock {
	now(): number;
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const systemClock: Clock = { now: () => Date.now(), sleep: async (ms, signal) => await sleepWithAbort(ms, signal) };

interface KeyState {
	max: number;
	intervalMs: number;
	/** Daily limit from `X-RateLimit-Limit-Daily`, once seen. */
	dailyLimit?: number;
	/**
	 * Whether the burst limit of the key is known: a response carried `X-RateLimit-Max` (or answered without any
	 * rate-limit header, so the default applies), or the first request got no answer within the probe timeout.
	 * Until then only one request (the probe) is in flight.
	 */
	learned: boolean;
	/** While the probe is in flight: the time (epoch ms) after which the others stop waiting for it. */
	probeUntil: number;
	/** Send times (epoch ms) of requests counted in the current window, oldest first. */
	sent: number[];
	/** No request may start before this time (epoch ms): set after a 429. */
	blockedUntil: number;
	/** Time (epoch ms) the daily quota was seen spent; requests fail fast for {@link DAILY_RECHECK_MS} after it. */
	dailyExhaustedAt?: number;
	/** FIFO: each acquire waits for the previous one to get its slot. */
	tail: Promise<void>;
}

/**
 * Longest single sleep of the request at the head of a queue (ms). It then looks again, so a limit learned from
 * headers in the meantime (a shorter interval, a larger maximum, a 429 back-off) takes effect at once.
 */
export const MAX_SLEEP_SLICE_MS = 250;

/** How long a spent daily quota makes requests fail without asking HighLevel again (ms). */
export const DAILY_RECHECK_MS = 60_000;

/**
 * How long the requests of a new key wait for the first request's answer (ms) before falling back to
 * {@link DEFAULT_BURST}: long enough for a slow answer, short against a 10 s window.
 */
export const PROBE_TIMEOUT_MS = 5_000;

/**
 * Paces requests per key (API base URL + location id) so that no more than `max` start in any
 * `intervalMs` window, first come first served.
 *
 * n8n's RoutingNode starts the requests of all input items at once; every request of this package awaits
 * {@link acquire} before it is sent, so 1,000 items become a steady stream at HighLevel's limit instead of
 * a burst of 429s. The limiter learns the real limit and other clients' usage from response headers
 * ({@link observe}) and stops everyone for the interval after a 429 ({@link backOff}).
 *
 * The limit of a key is not known before HighLevel answers (trial accounts' Private Integration Tokens get 25
 * per 10 s, not the published 100), so the first request of a key goes alone; the others wait for its
 * `X-RateLimit-*` headers and are then paced by them — at most {@link PROBE_TIMEOUT_MS}, after which
 * {@link DEFAULT_BURST} applies. A first request that fails without an answer (network error) lets the next
 * request probe again.
 *
 * State lives for the n8n process, shared by all executions: the limit is per location, not per workflow, and
 * what was learned holds for later executions.
 */
export class RateLimiter {
	private readonly states = new Map<string, KeyState>();

	/**
	 * @param clock time source (default: the system clock, `sleepWithAbort` from n8n-workflow)
	 * @param marginMs extra spacing (ms) added to each window, absorbing latency differences between our send
	 *   time and HighLevel's arrival time
	 * @param probeTimeoutMs how long (ms) the requests of a new key wait for the first one's answer; 0 treats every
	 *   key's limit as known from the start ({@link DEFAULT_BURST} until headers say otherwise)
	 */
	constructor(
		private readonly clock: Clock = systemClock,
		private readonly marginMs = 250,
		private readonly probeTimeoutMs = PROBE_TIMEOUT_MS,
	) {}

	/**
	 * Resolves when a request for `key` may be sent, and counts it.
	 * @throws DailyLimitExhaustedError while the daily quota is known to be spent
	 * @throws the abort reason when `signal` aborts while waiting
	 */
	async acquire(key: string, signal?: AbortSignal): Promise<void> {
		const state = this.state(key);
		const turn = state.tail.then(async () => await this.waitForSlot(key, state, signal));
		state.tail = turn.catch(() => undefined);
		return await turn;
	}

	/**
	 * Learns from a response's headers (names lower-case or any case): the burst limit and interval, other
	 * clients' usage (`X-RateLimit-Remaining` below what we have left), the daily limit and a spent daily quota.
	 * Called after every exchange, it also ends the first request's probe: with `headers` (an answer) the limit
	 * counts as known — {@link DEFAULT_BURST} when the answer had no `X-RateLimit-Max` — and without (no answer)
	 * the next request probes again.
	 */
	observe(key: string, headers: Record<string, unknown> | undefined): void {
		const state = this.state(key);
		// An answer (or a failure without one) ends the probe; only an answer teaches the limit.
		state.probeUntil = 0;
		if (!headers) return;
		const max = headerNumber(headers, RATE_LIMIT_HEADERS.max);
		const intervalMs = headerNumber(headers, RATE_LIMIT_HEADERS.intervalMs);
		if (max) state.max = max;
		if (intervalMs) state.intervalMs = intervalMs;
		state.learned = true;
		const dailyLimit = headerNumber(headers, RATE_LIMIT_HEADERS.dailyLimit);
		if (dailyLimit) state.dailyLimit = dailyLimit;
		const now = this.clock.now();
		this.prune(state, now);
		const remaining = headerNumber(headers, RATE_LIMIT_HEADERS.remaining);
		if (remaining !== undefined) {
			const ourRemaining = state.max - state.sent.length;
			// Someone else spends the same location's quota: count their requests as ours for this window.
			for (let i = 0; i < ourRemaining - remaining; i++) state.sent.push(now);
		}
		const dailyRemaining = headerNumber(headers, RATE_LIMIT_HEADERS.dailyRemaining);
		if (dailyRemaining === 0) state.dailyExhaustedAt = now;
		else if (dailyRemaining !== undefined) state.dailyExhaustedAt = undefined;
	}

	/**
	 * After a 429: nobody sends for `key` during `waitMs` (default: the learned interval).
	 * @returns the wait in ms
	 */
	backOff(key: string, waitMs?: number): number {
		const state = this.state(key);
		const wait = waitMs ?? state.intervalMs;
		state.blockedUntil = Math.max(state.blockedUntil, this.clock.now() + wait);
		state.sent = [];
		return wait;
	}

	/** True while the daily quota of `key` is known to be spent. */
	isDailyExhausted(key: string): boolean {
		const at = this.states.get(key)?.dailyExhaustedAt;
		return at !== undefined && this.clock.now() - at < DAILY_RECHECK_MS;
	}

	/**
	 * The current burst limit for `key` (learned from headers, else {@link DEFAULT_BURST}), whether it was
	 * learned, and the daily limit once a response reported it (`X-RateLimit-Limit-Daily`).
	 */
	limitOf(key: string): { max: number; intervalMs: number; learned: boolean; dailyLimit?: number } {
		const { max, intervalMs, learned, dailyLimit } = this.state(key);
		return { max, intervalMs, learned, dailyLimit };
	}

	/** Forgets everything (tests). */
	reset(): void {
		this.states.clear();
	}

	private state(key: string): KeyState {
		let state = this.states.get(key);
		if (!state) {
			state = {
				...DEFAULT_BURST,
				learned: this.probeTimeoutMs <= 0,
				probeUntil: 0,
				sent: [],
				blockedUntil: 0,
				tail: Promise.resolve(),
			};
			this.states.set(key, state);
		}
		return state;
	}

	private prune(state: KeyState, now: number): void {
		const horizon = now - state.intervalMs - this.marginMs;
		let drop = 0;
		while (drop < state.sent.length && state.sent[drop] <= horizon) drop++;
		if (drop) state.sent.splice(0, drop);
	}

	private async waitForSlot(key: string, state: KeyState, signal?: AbortSignal): Promise<void> {
		for (;;) {
			if (signal?.aborted) throw signal.reason ?? new Error('Aborted');
			if (this.isDailyExhausted(key)) throw new DailyLimitExhaustedError(key);
			const now = this.clock.now();
			this.prune(state, now);
			let waitMs = 0;
			if (!state.learned && state.probeUntil && now >= state.probeUntil) {
				// The probe got no answer in time: fall back to the default limit.
				state.learned = true;
				state.probeUntil = 0;
			}
			if (now < state.blockedUntil) {
				waitMs = state.blockedUntil - now;
			} else if (!state.learned && state.probeUntil) {
				waitMs = state.probeUntil - now;
			} else if (!state.learned) {
				state.probeUntil = now + this.probeTimeoutMs;
				state.sent.push(now);
				return;
			} else if (state.sent.length >= state.max) {
				waitMs = state.sent[state.sent.length - state.max] + state.intervalMs + this.marginMs - now;
			}
			if (waitMs <= 0) {
				state.sent.push(now);
				return;
			}
			await this.clock.sleep(Math.min(waitMs, MAX_SLEEP_SLICE_MS), signal);
		}
	}
}

/** The process-wide limiter used by the transport. */
export const rateLimiter = new RateLimiter();

/**
 * Reads a numeric response header by lower-case name, whatever the case of the keys `headers` uses.
 * @returns the value (≥ 0), or undefined when absent or not a number
 */
export function headerNumber(headers: Record<string, unknown> | undefined, name: string): number | undefined {
	if (!headers) return undefined;
	for (const [key, raw] of Object.entries(headers)) {
		if (key.toLowerCase() !== name) continue;
		const value = Array.isArray(raw) ? raw[0] : raw;
		if (value === undefined || value === null || value === '') return undefined;
		const n = Number(value);
		return Number.isFinite(n) && n >= 0 ? n : undefined;
	}
	return undefined;
}
