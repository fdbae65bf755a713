/**
 * HighLevel API v2 rate limiting (FACTS.md 4): a burst limit of `max` requests per `intervalMs` (100 per 10 s)
 * and a daily limit (200,000), each per Marketplace app per location. Over a limit → 429; every response carries
 * the `X-RateLimit-*` headers.
 *
 * The burst window is sliding (the strictest reading of "100 requests per 10 seconds": a client that stays under
 * it here also stays under a fixed window). The daily window is the UTC calendar day of the sandbox clock.
 */

/** Limits; `intervalMs` in milliseconds. */
export interface RateLimitConfig {
	max: number;
	intervalMs: number;
	daily: number;
}

/** HighLevel's published limits (FACTS.md 4). */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = { max: 100, intervalMs: 10_000, daily: 200_000 };

const DAY_MS = 24 * 3600_000;

interface Bucket {
	/** Epoch ms of accepted requests, oldest first, from index `head`. */
	hits: number[];
	head: number;
	day: number;
	dailyCount: number;
}

/** Result of {@link RateLimiter.take}. */
export interface RateDecision {
	allowed: boolean;
	/** `X-RateLimit-*` headers to send (empty when limiting is disabled). */
	headers: Record<string, string>;
}

/** Per-key (app + location) sliding-window limiter. */
export class RateLimiter {
	private buckets = new Map<string, Bucket>();

	/**
	 * @param config limits, or `false` to disable limiting (no 429s, no headers)
	 * @param now clock in epoch ms
	 */
	constructor(
		private config: RateLimitConfig | false,
		private readonly now: () => number,
	) {}

	/** Replaces the limits; counters are kept. */
	setConfig(config: RateLimitConfig | false): void {
		this.config = config;
	}

	/** Current limits, or `false`. */
	getConfig(): RateLimitConfig | false {
		return this.config;
	}

	/** Forgets all counters. */
	reset(): void {
		this.buckets.clear();
	}

	/**
	 * Counts one request for `key` if it is within the limits.
	 * @returns allowed or not, and the headers describing the state after this request
	 */
	take(key: string): RateDecision {
		const config = this.config;
		if (!config) return { allowed: true, headers: {} };
		const now = this.now();
		const bucket = this.bucket(key, now, config);
		const inWindow = bucket.hits.length - bucket.head;
		const dailyExhausted = bucket.dailyCount >= config.daily;
		if (dailyExhausted || inWindow >= config.max) {
			return {
				allowed: false,
				headers: headers(config, config.max - inWindow, config.daily - bucket.dailyCount),
			};
		}
		bucket.hits.push(now);
		bucket.dailyCount++;
		return {
			allowed: true,
			headers: headers(config, config.max - inWindow - 1, config.daily - bucket.dailyCount),
		};
	}

	/** Headers for `key` without counting a request (e.g. for a 401 answered before any counting). */
	peek(key: string | undefined): Record<string, string> {
		const config = this.config;
		if (!config) return {};
		if (key === undefined) return headers(config, config.max, config.daily);
		const bucket = this.bucket(key, this.now(), config);
		return headers(
			config,
			config.max - (bucket.hits.length - bucket.head),
			config.daily - bucket.dailyCount,
		);
	}

	private bucket(key: string, now: number, config: RateLimitConfig): Bucket {
		let bucket = this.buckets.get(key);
		const day = Math.floor(now / DAY_MS);
		if (!bucket) {
			bucket = { hits: [], head: 0, day, dailyCount: 0 };
			this.buckets.set(key, bucket);
		}
		if (bucket.day !== day) {
			bucket.day = day;
			bucket.dailyCount = 0;
		}
		const cutoff = now - config.intervalMs;
		while (bucket.head < bucket.hits.length && bucket.hits[bucket.head] <= cutoff) bucket.head++;
		if (bucket.head > 1024 && bucket.head * 2 > bucket.hits.length) {
			bucket.hits = bucket.hits.slice(bucket.head);
			bucket.head = 0;
		}
		return bucket;
	}
}

function headers(
	config: RateLimitConfig,
	remaining: number,
	dailyRemaining: number,
): Record<string, string> {
	return {
		'X-RateLimit-Limit-Daily': String(config.daily),
		'X-RateLimit-Daily-Remaining': String(Math.max(0, dailyRemaining)),
		'X-RateLimit-Interval-Milliseconds': String(config.intervalMs),
		'X-RateLimit-Max': String(config.max),
		'X-RateLimit-Remaining': String(Math.max(0, remaining)),
	};
}
