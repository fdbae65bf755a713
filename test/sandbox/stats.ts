/**
 * Live counters of a sandbox, readable in-process (`sandbox.stats`) and over HTTP (`GET /__sandbox/stats`).
 * Admin paths (`/__sandbox/*`) are never counted.
 */

/** A request refused by request validation (OpenAPI schema or a DTO rule the spec cannot express). */
export interface InvalidRequest {
	method: string;
	/** Path without query string. */
	path: string;
	operationId?: string;
	/** Readable messages, as sent in the 422 body. */
	errors: string[];
}

/** Webhook delivery counters (webhooks.ts). */
export interface WebhookStats {
	/** HTTP requests sent to webhook URLs, retries included. */
	sent: number;
	/** Answers per HTTP status code (`"200"`, `"401"`, `"429"`, …); requests that got no answer are not counted here. */
	byStatus: Record<string, number>;
	/** Re-sends after a 429 answer (HighLevel retries only those, FACTS.md 5.4 item 3). */
	retries: number;
	/** Deliveries that ended without a 2xx answer (final non-2xx, no answer, or 429 after the last retry). */
	failures: number;
}

/** Counters. All numbers are counts since start or the last `reset()`. */
export interface SandboxStats {
	/** HighLevel-path requests received (incl. /oauth/token and 4xx answers). */
	requests: number;
	/** Requests per matched spec operationId (e.g. `create-contact`, `get-access-token`). */
	byOperation: Record<string, number>;
	/** Requests answered 422 by validation, in arrival order. */
	invalidRequests: InvalidRequest[];
	/** 429 answers sent. */
	rateLimited: number;
	/** 401 answers sent (bad/expired token, missing scope, failed token grants). */
	unauthorized: number;
	/** 403 answers sent (token used on another location's data). */
	forbidden: number;
	/** 404 answers sent (unknown path or record). */
	notFound: number;
	/** Successful refresh-token rotations (a new pair issued). */
	tokenRefreshes: number;
	/** Refresh-token repeats answered from the 30-second idempotency window (not counted in tokenRefreshes). */
	tokenRefreshReplays: number;
	/** Highest number of requests in flight at once (latency included). */
	maxConcurrent: number;
	/** Requests in flight right now. */
	inFlight: number;
	/** Records created through the API (create + upsert-created). */
	creates: Record<'contact' | 'opportunity', number>;
	/** Webhook deliveries (see webhooks.ts). */
	webhooks: WebhookStats;
	/** Zeroes every counter (inFlight is left alone: it is a gauge). */
	reset(): void;
}

/** A fresh, zeroed stats object. */
export function createStats(): SandboxStats {
	const stats: SandboxStats = {
		requests: 0,
		byOperation: {},
		invalidRequests: [],
		rateLimited: 0,
		unauthorized: 0,
		forbidden: 0,
		notFound: 0,
		tokenRefreshes: 0,
		tokenRefreshReplays: 0,
		maxConcurrent: 0,
		inFlight: 0,
		creates: { contact: 0, opportunity: 0 },
		webhooks: { sent: 0, byStatus: {}, retries: 0, failures: 0 },
		reset() {
			stats.requests = 0;
			stats.byOperation = {};
			stats.invalidRequests = [];
			stats.rateLimited = 0;
			stats.unauthorized = 0;
			stats.forbidden = 0;
			stats.notFound = 0;
			stats.tokenRefreshes = 0;
			stats.tokenRefreshReplays = 0;
			stats.maxConcurrent = stats.inFlight;
			stats.creates = { contact: 0, opportunity: 0 };
			stats.webhooks = { sent: 0, byStatus: {}, retries: 0, failures: 0 };
		},
	};
	return stats;
}
