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
	/**
	 * Answer times (epoch ms) of this process's requests counted in the current window, oldest first. A request
	 * counts from the moment its slot is granted ({@link KeyState.inFlight}) until one interval after its answer.
	 */
	sent: number[];
	/** Grant times (epoch ms) of this process's requests not answered yet, oldest first. */
	inFlight: number[];
	/** No request may start before this time (epoch ms): set after a 429. */
	blockedUntil: number;
	/** Shared mode lasts until this time (epoch ms): another client's requests were seen in the window. */
	sharedUntil: number;
	/** Shared mode: how many requests per interval this process allows itself (fractional; see {@link RateLimiter}). */
	share: number;
	/**
	 * Theoretical time (epoch ms) of the last grant at an even pace, one step (`intervalMs / max` alone,
	 * `intervalMs / share` shared, as known now) after the one before; the next grant may come one step after it,
	 * or up to {@link ALONE_BURST} × max − 1 steps earlier alone (a burst after a quiet time).
	 */
	pacedAt: number;
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
 * A granted request whose answer was not reported ({@link RateLimiter.observe}) within this time (ms) stops
 * counting: a safety net for a caller that failed between the grant and the send without reporting it.
 */
export const IN_FLIGHT_TIMEOUT_MS = 120_000;

/**
 * Shared-mode constants (fractions of the location's `X-RateLimit-Max`), see {@link RateLimiter}:
 * - `reserve`: the part of the window the processes together leave free as a cushion for answers in flight;
 * - `probe`: what each process adds to its share per interval on top of its fair part (ramp-up, fairness);
 * - `floor`: the smallest share, so that a process that joins a full window is never starved completely.
 */
export const SHARED_WINDOW = { reserve: 0.1, probe: 0.02, floor: 0.05 } as const;

/**
 * Alone, how many requests may go at once (a fraction of `max`) before the others follow at the even pace of
 * `max` per interval: small batches start at once, and up to four processes that start together fit one window.
 */
export const ALONE_BURST = 0.25;

/**
 * Back-off after a 429, before jitter: `interval × 2^(attempt-1) / 16`, at most one interval (ms). The wait is
 * that base times a random factor in [0.5, 1.5), so processes refused together do not come back together.
 */
export const BACK_OFF_DIVISOR = 16;

/**
 * Paces requests per key (API base URL + location id) so that this n8n process keeps within HighLevel's limit of
 * `max` requests per `intervalMs` (a sliding window), first come first served, also when other processes (queue-mode
 * workers, webhook processes, other n8n instances with the same app) spend the same location's window.
 *
 * n8n's RoutingNode starts the requests of all input items at once; every request of this package awaits
 * {@link acquire} before it is sent and reports its answer's headers to {@link observe}, so 1,000 items become a
 * stream at HighLevel's limit instead of a burst of 429s.
 *
 * **Counting.** A request counts against the window from the moment its slot is granted until one interval (plus
 * `marginMs`) after its answer: HighLevel counted it when it arrived, somewhere between the two, so the window never
 * holds more than the limiter believes — also when the request reached HighLevel seconds after its grant because
 * the process was busy preparing other items. (Counting from the grant instead let a request granted early in one
 * window arrive late, in the next one, and overfill it.) A request whose answer is never reported stops counting
 * after {@link IN_FLIGHT_TIMEOUT_MS}.
 *
 * **Alone** (no other client seen in the last interval): `max` requests per window, the first quarter
 * ({@link ALONE_BURST}) at once and the others at an even pace of `max` per interval, so that a second process
 * starting at the same moment finds room and shows up in the headers before the window is full.
 *
 * **Shared** — the location's window holds requests this process did not send: every answer carries
 * `X-RateLimit-Remaining` R, so the window holds `max − R` requests, of which `own` (granted and not yet expired)
 * are ours; `others = max − R − own ≥ 1` switches to shared mode for one interval (as does a 429). In shared mode
 * a process allows itself `share` requests per interval, spaced evenly (`intervalMs / share` apart, no bursts, so
 * that every process hears how full the window is between two of its requests), and sets after every answer
 *
 *     share = own × (max − reserve) / (max − R) + probe        (clamped to [floor, max])
 *
 * The first term scales every process's usage by the same factor, the one that would bring the window's total to
 * `max − reserve`; the second is the same small step up for everyone.
 *
 * *Why it converges.* Take n processes and one interval as the step: each process's usage next interval is the
 * share it computed, so the total becomes `T' = (max − reserve) + n × probe` whatever T was — the multiplicative
 * term corrects an overfull and an underused window in one step. The difference between two processes' usage
 * shrinks by the factor `(max − reserve) / T'` each step (the scaling is proportional, the step up is equal), so
 * the shares converge to equal parts (e.g. 0.96 per interval for 2 processes at 100/10 s, 0.94 for 3). With the
 * defaults the total settles at `0.9 × max + n × 0.02 × max`: 94 % of the ceiling for 2 processes, 96 % for 3,
 * and at the ceiling from 5 processes on. Alone again (nobody else seen for one interval), a process takes the
 * whole window.
 *
 * *Worst case.* Information is one answer old: the processes may overshoot by what they send within one round
 * trip, and at 5 or more processes the settled total reaches the ceiling itself. Then HighLevel answers 429
 * (unprocessed, so the request is re-sent): the answer's R = 0 scales the share down, and {@link backOff} holds
 * this process's requests for a jittered wait that doubles with each refusal of the same request (attempt 1:
 * interval/16 × [0.5, 1.5) — 0.3 to 0.9 s at 10 s — up to one interval), so refused processes do not come back
 * in lockstep. Processes that start at the same moment each send a quarter of the window at once (alone mode)
 * before they see each other: from five processes on that overfills the window once. A process that starts while
 * another has the window to itself sends its quarter into a full window: up to a quarter window of 429s, once,
 * before both share. A process joining a busy window starts small and reaches its equal part geometrically
 * (factor above), not at once.
 *
 * The limit of a key is not known before HighLevel answers (trial accounts' Private Integration Tokens get 25
 * per 10 s, not the published 100), so the first request of a key goes alone; the others wait for its
 * `X-RateLimit-*` headers and are then paced by them — at most {@link PROBE_TIMEOUT_MS}, after which
 * {@link DEFAULT_BURST} applies. A first request that fails without an answer (network error) lets the next
 * request probe again.
 *
 * State lives for the n8n process, shared by all executions: the limit is per location, not per workflow, and
 * what was learned holds for later executions. Nothing is shared between processes but HighLevel's own headers.
 */
export class RateLimiter {
	private readonly states = new Map<string, KeyState>();

	/**
	 * @param clock time source (default: the system clock, `sleepWithAbort` from n8n-workflow)
	 * @param marginMs extra time (ms, default 100) a request keeps counting after one interval from its answer,
	 *   absorbing differences between HighLevel's window and this process's clock
	 * @param probeTimeoutMs how long (ms) the requests of a new key wait for the first one's answer; 0 treats every
	 *   key's limit as known from the start ({@link DEFAULT_BURST} until headers say otherwise)
	 * @param random source of the back-off jitter, uniform in [0, 1) (default `Math.random`; fixed in tests)
	 */
	constructor(
		private readonly clock: Clock = systemClock,
		private readonly marginMs = 100,
		private readonly probeTimeoutMs = PROBE_TIMEOUT_MS,
		private readonly random: () => number = Math.random,
	) {}

	/**
	 * Resolves when a request for `key` may be sent, and counts it as in flight until {@link observe} reports its
	 * answer (or its failure): call `observe` exactly once per granted request.
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
	 * Reports the end of one granted request: its answer's headers (names in any case), or `undefined` when it got
	 * no answer. The request then counts until one interval after now. Learns from the headers the burst limit and
	 * interval, the daily limit and a spent daily quota, and from `X-RateLimit-Remaining` whether other clients
	 * spend the same window (shared mode and this process's share, see {@link RateLimiter}).
	 * It also ends the first request's probe: with `headers` the limit counts as known — {@link DEFAULT_BURST} when
	 * the answer had no `X-RateLimit-Max` — and without (no answer) the next request probes again.
	 */
	observe(key: string, headers: Record<string, unknown> | undefined): void {
		const state = this.state(key);
		const now = this.clock.now();
		// An answer (or a failure without one) ends the probe; only an answer teaches the limit.
		state.probeUntil = 0;
		// HighLevel counted the request at some moment before now: it counts for us until now + interval.
		if (state.inFlight.length) {
			state.inFlight.shift();
			state.sent.push(now);
		}
		if (!headers) return;
		const max = headerNumber(headers, RATE_LIMIT_HEADERS.max);
		const intervalMs = headerNumber(headers, RATE_LIMIT_HEADERS.intervalMs);
		if (max) state.max = max;
		if (intervalMs) state.intervalMs = intervalMs;
		state.learned = true;
		const dailyLimit = headerNumber(headers, RATE_LIMIT_HEADERS.dailyLimit);
		if (dailyLimit) state.dailyLimit = dailyLimit;
		this.prune(state, now);
		const remaining = headerNumber(headers, RATE_LIMIT_HEADERS.remaining);
		if (remaining !== undefined) {
			const used = Math.max(0, state.max - remaining);
			const own = state.sent.length + state.inFlight.length;
			if (used - own >= 1) this.enterShared(state, now);
			if (now < state.sharedUntil) {
				const target = (own * (state.max - this.reserve(state))) / Math.max(1, used) + state.max * SHARED_WINDOW.probe;
				state.share = this.clampShare(state, target);
			}
		}
		const dailyRemaining = headerNumber(headers, RATE_LIMIT_HEADERS.dailyRemaining);
		if (dailyRemaining === 0) state.dailyExhaustedAt = now;
		else if (dailyRemaining !== undefined) state.dailyExhaustedAt = undefined;
	}

	/**
	 * After a 429 of a request's `attempt`-th send (1 for the first): nobody in this process sends for `key` during
	 * a jittered wait — `min(interval, interval × 2^(attempt-1) / {@link BACK_OFF_DIVISOR})` times a random factor
	 * in [0.5, 1.5) — and the key turns to shared mode for one interval (a 429 means the window is fuller than this
	 * process's own requests explain). `intervalMs`: the answer's `X-RateLimit-Interval-Milliseconds` (default: the
	 * learned interval). Counts are kept.
	 * @returns the wait in ms
	 */
	backOff(key: string, intervalMs?: number, attempt = 1): number {
		const state = this.state(key);
		const now = this.clock.now();
		const interval = intervalMs ?? state.intervalMs;
		const base = Math.min(interval, (interval * 2 ** Math.max(0, attempt - 1)) / BACK_OFF_DIVISOR);
		const wait = Math.round(base * (0.5 + this.random()));
		state.blockedUntil = Math.max(state.blockedUntil, now + wait);
		// HighLevel did not count the refused request: it stops counting for us too.
		const refused = state.sent.lastIndexOf(now);
		if (refused >= 0) state.sent.splice(refused, 1);
		this.prune(state, now);
		this.enterShared(state, now);
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

	/**
	 * How this process paces `key` now: `shared` (other clients seen in the last interval), its `share` (requests
	 * per interval; `max` when alone), and `inFlight`, its granted requests not answered yet.
	 */
	pacingOf(key: string): { shared: boolean; share: number; inFlight: number } {
		const state = this.state(key);
		const shared = this.clock.now() < state.sharedUntil;
		return { shared, share: shared ? state.share : state.max, inFlight: state.inFlight.length };
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
				inFlight: [],
				blockedUntil: 0,
				sharedUntil: 0,
				share: DEFAULT_BURST.max,
				pacedAt: -Infinity,
				tail: Promise.resolve(),
			};
			this.states.set(key, state);
		}
		return state;
	}

	private reserve(state: KeyState): number {
		return Math.max(1, Math.ceil(state.max * SHARED_WINDOW.reserve));
	}

	private clampShare(state: KeyState, share: number): number {
		return Math.min(state.max, Math.max(1, state.max * SHARED_WINDOW.floor, share));
	}

	/** Enters (or prolongs) shared mode for one interval; on entry the share starts from this process's usage. */
	private enterShared(state: KeyState, now: number): void {
		if (now >= state.sharedUntil) {
			const own = state.sent.length + state.inFlight.length;
			state.share = this.clampShare(state, (own * (state.max - this.reserve(state))) / state.max);
			state.pacedAt = -Infinity;
		}
		state.sharedUntil = now + state.intervalMs;
	}

	private prune(state: KeyState, now: number): void {
		const horizon = now - state.intervalMs - this.marginMs;
		let drop = 0;
		while (drop < state.sent.length && state.sent[drop] <= horizon) drop++;
		if (drop) state.sent.splice(0, drop);
		const stale = now - IN_FLIGHT_TIMEOUT_MS;
		drop = 0;
		while (drop < state.inFlight.length && state.inFlight[drop] <= stale) drop++;
		if (drop) state.inFlight.splice(0, drop);
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
			const shared = now < state.sharedUntil;
			const limit = shared ? Math.max(1, Math.floor(state.share)) : state.max;
			const own = state.sent.length + state.inFlight.length;
			if (now < state.blockedUntil) {
				waitMs = state.blockedUntil - now;
			} else if (!state.learned && state.probeUntil) {
				waitMs = state.probeUntil - now;
			} else if (!state.learned) {
				state.probeUntil = now + this.probeTimeoutMs;
				state.inFlight.push(now);
				return;
			} else if (own >= limit) {
				// The oldest answered request whose expiry makes room; none: wait for an answer.
				const index = own - limit;
				waitMs =
					index < state.sent.length
						? state.sent[index] + state.intervalMs + this.marginMs - now
						: MAX_SLEEP_SLICE_MS;
				if (waitMs <= 0) waitMs = 1;
			} else {
				const step = state.intervalMs / (shared ? Math.max(1, state.share) : state.max);
				const early = shared ? 0 : (Math.ceil(state.max * ALONE_BURST) - 1) * step;
				waitMs = state.pacedAt + step - early - now;
				if (waitMs <= 0) state.pacedAt = Math.max(state.pacedAt + step, now);
			}
			if (waitMs <= 0) {
				state.inFlight.push(now);
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
