/**
 * A local, in-memory HighLevel API v2 (https://services.leadconnectorhq.com) for tests, demos and benchmarks.
 * See README.md beside this file for what it emulates.
 *
 * ```ts
 * const sandbox = await startSandbox();
 * await fetch(`${sandbox.url}/contacts/${id}`, {
 *   headers: { Authorization: `Bearer ${sandbox.privateIntegrationToken}`, Version: '2021-07-28' },
 * });
 * await sandbox.close();
 * ```
 */
import type { ScopeGrant } from './auth';
import type { RateLimitConfig } from './rateLimit';
import type { GenerateContactsOptions, SeedOptions } from './seed';
import type { SandboxStats } from './stats';
import type { SandboxStore } from './store';
import type {
	DeliverOptions,
	WebhookDelivery,
	WebhookEmitter,
	WebhookOptions,
	WebhookPayload,
} from './webhooks';

export { startSandbox } from './server';
export { DEFAULT_OAUTH_SCOPES, REFRESH_IDEMPOTENCY_WINDOW_MS } from './auth';
export { DEFAULT_RATE_LIMIT, type RateLimitConfig } from './rateLimit';
export {
	COMPANY_ID,
	DEFAULT_LOCATION_ID,
	SECOND_LOCATION_ID,
	type GenerateContactsOptions,
	type SeedOptions,
} from './seed';
export { SPEC_PATCHES, STRICT_BODY_OPERATIONS } from './spec';
export type { InvalidRequest, SandboxStats, WebhookStats } from './stats';
export type {
	ContactRecord,
	CustomFieldRecord,
	CustomFieldValue,
	LocationData,
	OpportunityRecord,
	PipelineRecord,
	SandboxStore,
	StageRecord,
	RecordChange,
	TagRecord,
	UserRecord,
} from './store';
export { EVENT_RULES, eventsOfChange, WebhookEmitter } from './webhooks';
export type {
	DeliverOptions,
	DerivedEvent,
	EventRule,
	WebhookAttempt,
	WebhookDelivery,
	WebhookOptions,
	WebhookPayload,
} from './webhooks';

/** Latency added before each HighLevel request is handled: fixed ms, or a uniform [min, max] ms range. */
export type LatencyOption = number | [number, number];

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
	/** TCP port; default 0 (random). The host is always 127.0.0.1. */
	port?: number;
	/**
	 * Burst + daily limits per location per app (FACTS.md 4). Default `{max: 100, intervalMs: 10_000, daily: 200_000}`.
	 * `false` disables limiting (and the `X-RateLimit-*` headers).
	 */
	rateLimit?: RateLimitConfig | false;
	/** Added delay per request, default 0. */
	latencyMs?: LatencyOption;
	/** OAuth access token lifetime in seconds, default 86399 (FACTS.md 3.2). */
	accessTokenTtlSeconds?: number;
	/**
	 * How long (ms) a spent refresh token is answered with the same new pair (HighLevel's 30 s idempotency window,
	 * FACTS.md 3.3); default `REFRESH_IDEMPOTENCY_WINDOW_MS`. `0` switches it off: every second use is refused.
	 */
	refreshTokenGraceMs?: number;
	/** What to seed; default: the demo seed in two locations. */
	seed?: SeedOptions;
	/** Clock in epoch ms (token expiry, refresh window, rate-limit windows, record and webhook timestamps). Default `Date.now`. */
	now?: () => number;
	/** Webhook events (webhooks.ts): initial app webhook URL, 429 retry delay and count, timeout, signing keys. */
	webhooks?: WebhookOptions;
}

/** Options of {@link Sandbox.createPrivateIntegrationToken}. */
export interface PrivateIntegrationTokenOptions {
	/** Default: the default location. */
	locationId?: string;
	/** Scopes (FACTS.md 3.5 names); default: all. */
	scopes?: string[];
	/** An agency Private Integration Token (Agency-Access routes only; no location); `locationId` is then ignored. */
	agency?: boolean;
}

/** A running sandbox. */
export interface Sandbox {
	/** E.g. `http://127.0.0.1:41234` (no trailing slash). */
	url: string;
	/** The default seeded location. */
	locationId: string;
	/** The agency (company) every seeded location belongs to. */
	companyId: string;
	/** The second seeded location, if seeded. */
	secondLocationId: string | undefined;
	/** A valid Private Integration Token for the default location (`pit-…`, all scopes; stable across runs). */
	privateIntegrationToken: string;
	/** The sandbox's OAuth client (Marketplace app). */
	oauth: {
		clientId: string;
		clientSecret: string;
		/**
		 * Issues a one-time authorization code for a location (default: the default location), as the redirect of
		 * the consent screen would. Exchange it at `POST /oauth/token`.
		 * @param scopes default {@link DEFAULT_OAUTH_SCOPES}
		 * @throws Error for an unknown location
		 */
		authorizationCode(locationId?: string, scopes?: string[]): string;
		/**
		 * Issues a one-time authorization code for an agency (bulk) install, as when an agency admin approves the app
		 * for the agency: it exchanges for a Company token (`userType: "Company"`, `companyId`, no `locationId`,
		 * FACTS.md 3.4). The chooselocation page does the same with `userType=Company` in its query.
		 * @param scopes default {@link DEFAULT_OAUTH_SCOPES} + {@link AGENCY_OAUTH_SCOPES}
		 */
		agencyAuthorizationCode(scopes?: string[]): string;
		/** The app id HighLevel's `get-installed-location` asks for: the part of the client id before `-` (FACTS.md 1.3). */
		appId: string;
		/**
		 * Installs or uninstalls the app on a location of the agency (default: every seeded location is installed).
		 * Uninstalled locations are listed by `/oauth/installedLocations` with `isInstalled: false` and refuse the
		 * token exchange.
		 */
		setInstalled(locationId: string, installed: boolean): void;
		/** `${url}/oauth/token`. */
		tokenUrl: string;
		/** `${url}/oauth/chooselocation` (redirects to `redirect_uri?code=…&state=…`). */
		authorizeUrl: string;
	};
	/** Live counters. */
	stats: SandboxStats;
	/** Direct state access, per location. */
	store: SandboxStore;
	/** Adds `count` generated, deterministic contacts (see seed.ts `generateContacts`). @throws Error for an unknown location */
	seedContacts(count: number, opts?: GenerateContactsOptions): void;
	/** Replaces the rate limits (`undefined` = defaults, `false` = off); counters are kept. */
	setRateLimit(limit: SandboxOptions['rateLimit']): void;
	/** Replaces the added latency (`undefined` = 0). */
	setLatency(ms: SandboxOptions['latencyMs']): void;
	/** Makes every issued OAuth access token expire now (the next call answers 401 `Invalid JWT`, forcing a refresh). */
	expireAccessTokens(): void;
	/**
	 * The webhook emitter: `url`, `deliveries` (recorded, oldest first), `idle()` (resolves when nothing is queued
	 * or in flight), `clear()`. Counters are in `stats.webhooks`.
	 */
	webhooks: WebhookEmitter;
	/**
	 * Sets the app webhook URL — the scriptable version of a Marketplace app's Default Webhook URL (FACTS.md 5.3);
	 * `undefined`/`null`/`''` clears it. From then on every record change made through the API sends its events there.
	 * @throws Error unless it is an absolute http(s) URL
	 */
	setWebhookUrl(url: string | undefined | null): void;
	/**
	 * Sends one arbitrary payload to the webhook URL now (signed by default; forged, tampered, replayed, duplicate
	 * as the options say) and resolves with the recorded delivery once answered. See webhooks.ts `deliver`.
	 * @throws Error (rejects) when no URL is set or given
	 */
	deliver(payload: WebhookPayload | string, options?: DeliverOptions): Promise<WebhookDelivery>;
	/**
	 * Registers an extra Private Integration Token, e.g. with limited scopes.
	 * @returns the token (`pit-…`)
	 * @throws Error for an unknown location
	 */
	createPrivateIntegrationToken(opts?: PrivateIntegrationTokenOptions): string;
	/** Back to the initial seed; stats and rate-limit counters zeroed, recorded webhook deliveries forgotten. Tokens and the webhook URL stay. */
	reset(): void;
	/** Stops the server and drops open connections. */
	close(): Promise<void>;
}

/** Scope grant type of tokens (`'all'` or a set of scope names). */
export type { ScopeGrant };
