import type {
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	IWebhookFunctions,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError, sleepWithAbort } from 'n8n-workflow';
import { createHash } from 'node:crypto';

import { DEFAULT_BASE_URL, ENDPOINTS, type Endpoint } from './endpoints';
import {
	highLevelMessage,
	httpFailureOf,
	refreshFailureOf,
	toNodeApiError,
	type FieldNames,
	type HttpFailure,
} from './errors';
import { DailyLimitExhaustedError, RATE_LIMIT_HEADERS, headerNumber, rateLimiter } from './rateLimiter';

/** Every n8n context this package sends HighLevel requests from. */
export type HighLevelContext =
	| IExecuteSingleFunctions
	| IExecutePaginationFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

/**
 * Name of the Marketplace app (OAuth2) credential type, credentials/GoHighLevelOAuth2Api.credentials.ts. A named
 * constant because n8n's secret heuristic (`no-hardcoded-secrets`) reads a key containing "auth" with a mixed
 * letter/digit value as a secret.
 */
const MARKETPLACE_APP_CREDENTIAL_TYPE = 'goHighLevelOAuth2Api';

/** Node parameter `authentication` values and the credential type each selects. */
export const CREDENTIAL_TYPES = {
	oAuth2: MARKETPLACE_APP_CREDENTIAL_TYPE,
	privateIntegrationToken: 'goHighLevelPrivateIntegrationTokenApi',
} as const;

export type AuthenticationMethod = keyof typeof CREDENTIAL_TYPES;

/** Default of the `authentication` parameter in every node of the package. */
export const DEFAULT_AUTHENTICATION: AuthenticationMethod = 'privateIntegrationToken';

/** The HighLevel account a request goes to. */
export interface Connection {
	credentialType: string;
	/** API base URL without trailing slash, e.g. `https://services.leadconnectorhq.com`. */
	baseUrl: string;
	/**
	 * Location (sub-account) id: the PIT credential's field, `oauthTokenData.locationId` of a Location token
	 * (FACTS.md 3.2), or — with an agency (Company) token — the node's Location parameter; empty only for an agency
	 * connection without a chosen location, which can send agency operations (`tokenKind: 'company'`) only.
	 */
	locationId: string;
	/**
	 * Rate-limit key: HighLevel counts requests per app per location (FACTS.md 4): base URL + location id
	 * (`<base>|company:<companyId>` for agency operations without a location).
	 */
	rateLimitKey: string;
	/** Agency (company) id when the credential tells it: `oauthTokenData.companyId` (FACTS.md 3.2); see {@link companyIdOf}. */
	companyId?: string;
	/**
	 * `Company`: the OAuth2 credential holds an agency token (`userType: "Company"`, FACTS.md 3.4); sub-account
	 * requests are sent with a Location token exchanged for {@link Connection.locationId} ({@link sendRequest}).
	 * `Location`: the token belongs to one location (PIT, or an OAuth2 install on a sub-account).
	 */
	tokenType: 'Location' | 'Company';
}

/** Name of the Location parameter every node shows for OAuth2 credentials (`agencyLocationProperty`, descriptions.ts). */
export const LOCATION_PARAMETER = 'locationId';

/** Where {@link getConnection} takes the location from instead of the node's Location parameter. */
export interface ConnectionOptions {
	/** A location id from elsewhere, e.g. the `locationId` of a webhook event (used with an agency token only). */
	locationId?: string;
}

/** The node's Location parameter (a resource locator), or '' when the node has none or it is empty. */
function chosenLocation(ctx: HighLevelContext): string {
	const getParameter = ctx.getNodeParameter as (
		name: string,
		fallback: unknown,
		options?: { extractValue?: boolean },
	) => unknown;
	try {
		const value = getParameter.call(ctx, LOCATION_PARAMETER, '', { extractValue: true });
		return typeof value === 'string' ? value.trim() : '';
	} catch {
		return '';
	}
}

/**
 * Reads the node's credential: which type, the API base URL, the location id and the token kind.
 *
 * An OAuth2 credential connected by an agency admin holds a Company token (`userType: "Company"`, `companyId`, no
 * `locationId`; FACTS.md 3.4): the location comes from the node's Location parameter (or `options.locationId`). A
 * Location token's own location is used; a Location parameter naming another location is an error.
 * @throws NodeOperationError when an OAuth2 credential was saved but never connected (no `oauthTokenData`, or no
 *   access token in it), when a PIT credential has no Location ID, when an OAuth2 token has neither a location nor
 *   a company, or when the Location parameter differs from a Location token's location
 */
export async function getConnection(ctx: HighLevelContext, options: ConnectionOptions = {}): Promise<Connection> {
	const getParameter = ctx.getNodeParameter as (name: string, fallback: unknown) => unknown;
	const authentication = (getParameter.call(ctx, 'authentication', DEFAULT_AUTHENTICATION) ??
		DEFAULT_AUTHENTICATION) as AuthenticationMethod;
	const credentialType = CREDENTIAL_TYPES[authentication] ?? CREDENTIAL_TYPES[DEFAULT_AUTHENTICATION];
	const credentials = await ctx.getCredentials(credentialType);
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const connection = (locationId: string, tokenType: Connection['tokenType'], companyId?: string): Connection => ({
		credentialType,
		baseUrl,
		locationId,
		rateLimitKey: `${baseUrl}|${locationId || `company:${companyId ?? ''}`}`,
		companyId,
		tokenType,
	});
	if (authentication !== 'oAuth2') {
		const locationId = String(credentials.locationId ?? '').trim();
		if (!locationId) {
			throw new NodeOperationError(
				ctx.getNode(),
				"The credential has no Location ID: enter the sub-account's Location ID in the credential",
			);
		}
		return connection(locationId, 'Location');
	}
	const tokenData = credentials.oauthTokenData as IDataObject | undefined;
	if (!tokenData?.access_token) {
		throw new NodeOperationError(ctx.getNode(), 'The OAuth2 credential is not connected yet', {
			description:
				'Open the credential, click "Connect my account" and choose the sub-account (location) or the agency in HighLevel\'s window; then run the node again.',
		});
	}
	const tokenLocation = String(tokenData.locationId ?? '').trim();
	const companyId = String(tokenData.companyId ?? '').trim() || undefined;
	const chosen = (options.locationId ?? chosenLocation(ctx)).trim();
	if (tokenData.userType === 'Company' || (!tokenLocation && companyId)) {
		return connection(chosen, 'Company', companyId);
	}
	if (!tokenLocation) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The OAuth2 credential has neither a location nor an agency: reconnect it',
		);
	}
	if (chosen && chosen !== tokenLocation && options.locationId === undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The Location parameter (${chosen}) is not the credential's location (${tokenLocation})`,
			{
				description:
					'This OAuth2 credential was installed on one sub-account, so it can only act for that location. Clear the Location parameter, or use a credential installed by the agency (a Company token), which can act for every location the app is installed on.',
			},
		);
	}
	return connection(tokenLocation, 'Location', companyId);
}

/** Agency ids read from `get-location`, by rate-limit key (base URL + location id). */
const companyIds = new Map<string, string>();

/**
 * The agency (company) id the connection's location belongs to, which agency-wide endpoints require (users.json
 * `search-users`, locations.json `search-locations`, oauth.json `get-installed-location`: query `companyId`):
 * the OAuth2 token's `companyId` (oauth.json `get-access-token` response, FACTS.md 3.2), else — a Private
 * Integration Token carries none — `location.companyId` of locations.json `get-location` (FACTS.md 2.9), read once
 * per location and process.
 * @throws NodeApiError when `get-location` fails; NodeOperationError when the location has no `companyId`
 */
export async function companyIdOf(ctx: HighLevelContext, connection: Connection): Promise<string> {
	if (connection.companyId) return connection.companyId;
	const known = companyIds.get(connection.rateLimitKey);
	if (known) return known;
	const body = await apiRequest<{ location?: IDataObject }>(ctx, ENDPOINTS.getLocation, {}, connection);
	const companyId = String(body.location?.companyId ?? '').trim();
	if (!companyId) {
		throw new NodeOperationError(ctx.getNode(), `HighLevel did not tell the agency (company) of location ${connection.locationId}`, {
			description: 'GET /locations/{locationId} answered without companyId; check the Location ID of the credential',
		});
	}
	companyIds.set(connection.rateLimitKey, companyId);
	return companyId;
}

/**
 * Checks that a sub-account request has a location: with an agency (Company) token, the node's Location parameter.
 * @throws NodeOperationError naming the Location parameter when it is empty
 */
export function requireLocation(ctx: HighLevelContext, connection: Connection): void {
	if (connection.locationId) return;
	throw new NodeOperationError(ctx.getNode(), 'Choose a Location: the credential is an agency (Company) install', {
		description:
			'An OAuth2 credential connected by an agency admin can act for every location the app is installed on. Pick the sub-account in the Location parameter (the list shows the locations the app is installed on), or set it from an expression such as {{ $json.locationId }}.',
	});
}

/** Values that fill an endpoint's path template and its location parameter. */
export interface RequestParts {
	/** Path parameters by the spec's names (e.g. `{ contactId }`), URL-encoded here. */
	path?: Record<string, string>;
	qs?: IDataObject;
	body?: IDataObject;
}

/**
 * Builds the request for `endpoint`: base URL, path with encoded parameters, the `Version` header, and the
 * location id in the place the spec wants it (query `locationId`/`location_id`/`altId`, body, or path; `altType: 'location'` beside an `altId` whose endpoint says so).
 * @throws NodeOperationError when a path parameter is empty
 */
export function buildRequest(
	ctx: HighLevelContext,
	endpoint: Endpoint,
	connection: Connection,
	parts: RequestParts = {},
): IHttpRequestOptions {
	if (endpoint.tokenKind !== 'company') requireLocation(ctx, connection);
	const qs: IDataObject = { ...(parts.qs ?? {}) };
	const body: IDataObject = { ...(parts.body ?? {}) };
	const pathValues: Record<string, string> = { ...(parts.path ?? {}) };
	if (endpoint.location?.in === 'query') qs[endpoint.location.name] = connection.locationId;
	if (endpoint.location?.in === 'body') body[endpoint.location.name] = connection.locationId;
	if (endpoint.location?.altType) {
		const target = endpoint.location.in === 'body' ? body : qs;
		target.altType ??= 'location';
	}
	if (endpoint.location?.in === 'path') pathValues[endpoint.location.name] = connection.locationId;
	const url = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = String(pathValues[name] ?? '').trim();
		if (!value) {
			throw new NodeOperationError(ctx.getNode(), `Missing ${name}: enter the ID of the record`, {
				description: `${endpoint.method} ${endpoint.path} needs a value for ${name}`,
			});
		}
		return encodeURIComponent(value);
	});
	const options: IHttpRequestOptions = {
		method: endpoint.method,
		baseURL: connection.baseUrl,
		url,
		headers: { Accept: 'application/json', Version: endpoint.version },
		json: true,
	};
	if (Object.keys(qs).length) options.qs = qs;
	if (endpoint.method !== 'GET' && (Object.keys(body).length || endpoint.method !== 'DELETE')) {
		options.body = body;
	}
	return options;
}

/** One OAuth2 credential's refresh state in this process ({@link refreshOAuth2Once}). */
interface OAuthState {
	/** Counts the refreshes completed by this process; a request remembers the value it was sent under. */
	generation: number;
	/** The refresh in flight, shared by every request of the credential that waits for it. */
	refreshing?: Promise<void>;
	/**
	 * The access token this process obtained with its last refresh, as a SHA-256 hex digest (the token itself is
	 * not kept), and when it expires (epoch ms: refresh start + `expires_in` s, oauth.json get-access-token).
	 */
	known?: { tokenHash: string; expiresAt: number };
	/**
	 * The last refresh failed: its error, the SHA-256 hex digest of the refresh token it presented, and when
	 * (epoch ms). Within {@link REFUSED_REFRESH_MEMO_MS}, a 401 of a request while the credential still holds that
	 * refresh token fails with the same error instead of presenting the refused token again; a reconnected
	 * credential (another refresh token) refreshes normally.
	 */
	refused?: { error: NodeApiError; refreshTokenHash: string; at: number };
}

/** How long a refused refresh answers for the requests sent before it (ms). */
export const REFUSED_REFRESH_MEMO_MS = 60_000;

const oauthStates = new Map<string, OAuthState>();

/** A token refreshed by this process is renewed this long before its `expires_in` runs out (ms). */
export const REFRESH_AHEAD_MS = 60_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Key of the node's OAuth2 credential: credential type + n8n credential id (name for id-less references). */
function oauthKeyOf(ctx: HighLevelContext, connection: Connection): string {
	const reference = ctx.getNode().credentials?.[connection.credentialType];
	return `${connection.credentialType}|${reference?.id ?? `name:${reference?.name ?? ''}`}`;
}

function oauthStateOf(key: string): OAuthState {
	let state = oauthStates.get(key);
	if (!state) {
		state = { generation: 0 };
		oauthStates.set(key, state);
	}
	return state;
}

/** Forgets every OAuth2 refresh state (tests). */
export function resetOAuthStates(): void {
	oauthStates.clear();
	resetLocationTokens();
}

/**
 * Refreshes the node's OAuth2 token through n8n (`helpers.refreshOAuth2Token`: n8n sends the stored refresh
 * token to the credential's token URL and saves the rotated pair), once per credential at a time in this
 * process: a caller arriving while a refresh is in flight waits for it; a caller whose request was sent before
 * the last completed refresh (`sentUnder` older than the state's generation) does not refresh again. HighLevel's
 * refresh tokens are single-use (FACTS.md 3.3), so two refreshes with the same refresh token would rely on
 * HighLevel's 30 s idempotency window.
 * @throws NodeApiError "HighLevel refused to refresh the OAuth2 token …" (or "could not reach …") when the
 *   refresh fails; the raw error, which holds the client secret and refresh token, is not kept
 */
async function refreshOAuth2Once(
	ctx: HighLevelContext,
	connection: Connection,
	state: OAuthState,
	sentUnder: number,
	failure: { endpoint: Endpoint; request: string },
): Promise<void> {
	if (state.refreshing) return await state.refreshing;
	if (state.generation !== sentUnder) return;
	const startedAt = Date.now();
	const refreshing = (async () => {
		try {
			const credentials = await ctx.getCredentials(connection.credentialType);
			const refreshToken = (credentials.oauthTokenData as IDataObject | undefined)?.refresh_token;
			const refreshTokenHash = typeof refreshToken === 'string' ? sha256(refreshToken) : '';
			const refused = state.refused;
			if (refused && refused.refreshTokenHash === refreshTokenHash && startedAt - refused.at < REFUSED_REFRESH_MEMO_MS) {
				state.known = undefined;
				throw refused.error;
			}
			state.refused = undefined;
			let data: IDataObject | undefined;
			try {
				data = (await ctx.helpers.refreshOAuth2Token.call(ctx, connection.credentialType)) as
					| IDataObject
					| undefined;
			} catch (error) {
				state.known = undefined;
				const apiError = toNodeApiError(ctx.getNode(), refreshFailureOf(error), {
					...failure,
					locationId: connection.locationId,
				});
				state.refused = { error: apiError, refreshTokenHash, at: Date.now() };
				throw apiError;
			}
			const seconds = Number(data?.expires_in);
			state.known =
				typeof data?.access_token === 'string' && Number.isFinite(seconds) && seconds > 0
					? { tokenHash: sha256(data.access_token), expiresAt: startedAt + seconds * 1000 }
					: undefined;
			state.generation++;
		} finally {
			state.refreshing = undefined;
		}
	})();
	state.refreshing = refreshing;
	return await refreshing;
}

/**
 * True when the stored access token is the one this process refreshed last and it expires within
 * {@link REFRESH_AHEAD_MS}. Reads the credential only in that case (another process may have refreshed it since).
 */
async function knownToExpire(ctx: HighLevelContext, connection: Connection, state: OAuthState): Promise<boolean> {
	const known = state.known;
	if (!known || Date.now() < known.expiresAt - REFRESH_AHEAD_MS) return false;
	const credentials = await ctx.getCredentials(connection.credentialType);
	const token = (credentials.oauthTokenData as IDataObject | undefined)?.access_token;
	if (typeof token === 'string' && sha256(token) === known.tokenHash) return true;
	state.known = undefined;
	return false;
}

/** A Location token obtained for one location from an agency (Company) token; kept in this process's memory only. */
interface LocationToken {
	token: string;
	/** Epoch ms from which the token is no longer used: exchange start + `expires_in` s − {@link REFRESH_AHEAD_MS}. */
	renewAt: number;
}

const locationTokens = new Map<string, LocationToken>();
const locationTokenExchanges = new Map<string, Promise<LocationToken>>();

/** Cache key of a location token: the credential (type + n8n id), its agency, base URL and location. */
function locationTokenKey(ctx: HighLevelContext, connection: Connection): string {
	return `${oauthKeyOf(ctx, connection)}|${connection.companyId ?? ''}|${connection.baseUrl}|${connection.locationId}`;
}

/** Forgets every Location token exchanged from an agency token (tests). */
export function resetLocationTokens(): void {
	locationTokens.clear();
	locationTokenExchanges.clear();
}

/**
 * A Location token for `connection.locationId` from the agency (Company) token of the node's OAuth2 credential:
 * cached per credential and location until {@link REFRESH_AHEAD_MS} before it expires, one exchange at a time per
 * location (callers arriving during an exchange wait for it). `refused` is a token HighLevel answered 401 to: a
 * cached token equal to it is not used again, so the first caller to see the 401 exchanges anew and the others reuse
 * its result. The token is never written to the credential (n8n stores the agency token only).
 * @throws NodeOperationError when the exchange fails (its HighLevel message kept) or answers no `access_token`
 */
async function locationTokenOf(ctx: HighLevelContext, connection: Connection, refused?: string): Promise<string> {
	requireLocation(ctx, connection);
	const key = locationTokenKey(ctx, connection);
	const cached = locationTokens.get(key);
	if (cached && cached.token !== refused && Date.now() < cached.renewAt) return cached.token;
	let exchange = locationTokenExchanges.get(key);
	if (!exchange) {
		exchange = exchangeForLocation(ctx, connection).then(
			(token) => {
				locationTokens.set(key, token);
				locationTokenExchanges.delete(key);
				return token;
			},
			(error: unknown) => {
				locationTokens.delete(key);
				locationTokenExchanges.delete(key);
				throw error;
			},
		);
		locationTokenExchanges.set(key, exchange);
	}
	return (await exchange).token;
}

/**
 * `POST /oauth/locationToken` (oauth.json `get-location-access-token`, FACTS.md 3.4): form-encoded `companyId` +
 * `locationId`, sent with the agency token (which n8n refreshes as for any request, {@link sendRequest}); the
 * answer's `access_token` and `expires_in` (s). Paced on the agency's key, not the location's.
 * @throws NodeOperationError naming the location when HighLevel refuses (e.g. the app is not installed there)
 */
async function exchangeForLocation(ctx: HighLevelContext, connection: Connection): Promise<LocationToken> {
	const endpoint = ENDPOINTS.getLocationAccessToken;
	const agency: Connection = { ...connection, rateLimitKey: `${connection.baseUrl}|company:${connection.companyId ?? ''}` };
	if (!connection.companyId) {
		throw new NodeOperationError(ctx.getNode(), 'The agency OAuth2 token has no companyId: reconnect the credential');
	}
	const options = buildRequest(ctx, endpoint, agency);
	options.headers = { ...(options.headers ?? {}), 'Content-Type': 'application/x-www-form-urlencoded' };
	options.body = new URLSearchParams({ companyId: connection.companyId, locationId: connection.locationId }).toString();
	const startedAt = Date.now();
	let answer: unknown;
	try {
		answer = (await sendRequest(ctx, endpoint, agency, options)).body;
	} catch (error) {
		const cause = error as { message?: string; description?: string | null };
		throw new NodeOperationError(
			ctx.getNode(),
			`Could not act for location ${connection.locationId}: ${cause.message ?? 'the token exchange failed'}`,
			{
				description: `${cause.description ? `${cause.description} ` : ''}The agency credential exchanges its token for one location's token (POST /oauth/locationToken). Check that the app is installed on this location (the Location list shows where it is) and that the credential's Scope includes oauth.write.`,
			},
		);
	}
	const body = (typeof answer === 'string' ? JSON.parse(answer || '{}') : (answer ?? {})) as IDataObject;
	const seconds = Number(body.expires_in);
	if (typeof body.access_token !== 'string' || !body.access_token) {
		throw new NodeOperationError(
			ctx.getNode(),
			`HighLevel answered the token exchange for location ${connection.locationId} without an access token`,
		);
	}
	return {
		token: body.access_token,
		renewAt: startedAt + (Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0) - REFRESH_AHEAD_MS,
	};
}

/** A 401 that a new access token cannot cure: the token lacks a scope (FACTS.md 6). */
const isScopeRefusal = (failure: HttpFailure) => /scope/i.test(highLevelMessage(failure.body) ?? '');

/** Options of {@link sendRequest} beyond the request itself. */
export interface SendOptions {
	/** HighLevel paths → the node's field names, for 400/422 messages (see `FailureContext.fieldNames`). */
	fieldNames?: FieldNames;
}

/** How many times one request is re-sent after a 429 before giving up. */
export const MAX_RATE_LIMIT_RETRIES = 6;
/** How many times an idempotent request (GET, PUT, DELETE) is re-sent after a network error or 502/503/504. */
export const MAX_TRANSIENT_RETRIES = 2;

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const TRANSIENT_STATUS = new Set([502, 503, 504]);

/**
 * Sends one request to HighLevel with the node's credential (n8n's `httpRequestWithAuthentication`, so OAuth2
 * tokens refresh and rotate through n8n), paced by the process-wide {@link rateLimiter}.
 *
 * Requests are sent with `ignoreHttpStatusErrors`, so that the status, body and `X-RateLimit-*` headers of an
 * error reach this function (n8n's NodeApiError drops the response headers).
 *
 * OAuth2: a 401 (other than a missing scope) makes this process refresh the token once per credential
 * ({@link refreshOAuth2Once}, n8n's `helpers.refreshOAuth2Token`) and re-send with the new token (HighLevel
 * checks the token before anything else, so re-sending a write after a 401 cannot duplicate it); requests of the
 * same credential that are about to be sent while the refresh runs wait for it. What is left of the extra 401:
 * n8n 2.8 does not store when a token was issued, so the first expiry of a token this process did not obtain
 * itself (the one from "Connect my account", or one refreshed by another n8n process or worker) is discovered
 * by one 401 per request in flight at that moment. A token this process refreshed is renewed
 * {@link REFRESH_AHEAD_MS} before its `expires_in` runs out, without a 401. The single flight holds within one
 * n8n process; separate workers of a queue-mode setup can still refresh at the same time (HighLevel's 30 s
 * idempotency window then answers both with the same pair, FACTS.md 3.3). On an n8n without
 * `refreshOAuth2Token`, the 401 is re-sent once without `ignoreHttpStatusErrors`, so n8n refreshes by itself.
 *
 * Agency (Company) token ({@link Connection.tokenType}): a sub-account endpoint is sent with a Location token for
 * `connection.locationId` ({@link locationTokenOf}: exchanged once per location and cached in this process) through
 * n8n's `httpRequest`, not with the credential; a 401 (other than a missing scope) exchanges once more and re-sends
 * (HighLevel refused the request unprocessed). The exchange itself and agency endpoints (`tokenKind: 'company'`)
 * go with the credential, so the agency token refreshes as above.
 *
 * - 429: waits a jittered back-off that grows with each refusal of the request, up to
 *   `X-RateLimit-Interval-Milliseconds` (rateLimiter.ts `backOff`), and re-sends the same request — HighLevel did
 *   not process it, so this cannot duplicate a write — up to {@link MAX_RATE_LIMIT_RETRIES} times; with
 *   `X-RateLimit-Daily-Remaining: 0` it fails at once.
 * - Network errors and 502/503/504 are retried only for idempotent methods; a POST is never re-sent after an
 *   ambiguous failure.
 * @returns the full response (`body`, `headers`, `statusCode`) of a 2xx/3xx answer
 * @throws NodeApiError with a readable message ({@link toNodeApiError}); never the raw error, which holds the token
 */
export async function sendRequest(
	ctx: HighLevelContext,
	endpoint: Endpoint,
	connection: Connection,
	options: IHttpRequestOptions,
	sendOptions: SendOptions = {},
): Promise<IN8nHttpFullResponse> {
	const signal = 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal?.() : undefined;
	const requestLabel = `${endpoint.method} ${endpoint.path}`;
	const method = String(options.method ?? 'GET').toUpperCase();
	const isOAuth2 = connection.credentialType === CREDENTIAL_TYPES.oAuth2;
	// An agency token sends sub-account requests with a Location token exchanged for the node's location.
	const viaLocationToken = connection.tokenType === 'Company' && endpoint.tokenKind !== 'company';
	const canRefresh = isOAuth2 && !viaLocationToken && typeof ctx.helpers.refreshOAuth2Token === 'function';
	const oauth = isOAuth2 && !viaLocationToken ? oauthStateOf(oauthKeyOf(ctx, connection)) : undefined;
	let locationToken: string | undefined;
	let refusedLocationToken: string | undefined;
	const failureContext = {
		endpoint,
		request: requestLabel,
		locationId: connection.locationId,
		fieldNames: sendOptions.fieldNames,
	};
	let rateLimitRetries = 0;
	let transientRetries = 0;
	let refreshed = false;
	let letN8nRefresh = false;
	for (;;) {
		try {
			await rateLimiter.acquire(connection.rateLimitKey, signal);
		} catch (error) {
			if (error instanceof DailyLimitExhaustedError) {
				const { dailyLimit } = rateLimiter.limitOf(connection.rateLimitKey);
				throw toNodeApiError(
					ctx.getNode(),
					{
						status: 429,
						headers: {
							[RATE_LIMIT_HEADERS.dailyRemaining]: 0,
							...(dailyLimit ? { [RATE_LIMIT_HEADERS.dailyLimit]: dailyLimit } : {}),
						},
					},
					failureContext,
				);
			}
			throw new NodeOperationError(
				ctx.getNode(),
				signal?.aborted
					? 'The execution was cancelled while waiting for HighLevel\'s rate limit'
					: `Stopped while waiting for HighLevel's rate limit: ${String(error?.message ?? error)}`,
			);
		}
		let sentUnder = 0;
		let ready = false;
		try {
			if (oauth && canRefresh) {
				// A refresh of this credential is running: send with its token (or fail with its error).
				if (oauth.refreshing) await oauth.refreshing;
				if (!refreshed && (await knownToExpire(ctx, connection, oauth))) {
					refreshed = true;
					await refreshOAuth2Once(ctx, connection, oauth, oauth.generation, failureContext);
				}
				sentUnder = oauth.generation;
			}
			if (viaLocationToken) locationToken = await locationTokenOf(ctx, connection, refusedLocationToken);
			ready = true;
		} finally {
			// A refresh or token exchange failed and nothing was sent: the slot granted above is given back.
			if (!ready) rateLimiter.observe(connection.rateLimitKey, undefined);
		}
		let failure: HttpFailure;
		try {
			const response = (
				locationToken !== undefined
					? await ctx.helpers.httpRequest({
							...options,
							headers: { ...(options.headers ?? {}), Authorization: `Bearer ${locationToken}` },
							returnFullResponse: true,
							ignoreHttpStatusErrors: true,
						})
					: await ctx.helpers.httpRequestWithAuthentication.call(ctx, connection.credentialType, {
							...options,
							headers: { ...(options.headers ?? {}) },
							returnFullResponse: true,
							ignoreHttpStatusErrors: !letN8nRefresh,
						})
			) as IN8nHttpFullResponse;
			const headers = response.headers as Record<string, unknown>;
			rateLimiter.observe(connection.rateLimitKey, headers);
			if (response.statusCode < 400) return response;
			failure = { status: response.statusCode, headers, body: response.body };
		} catch (error) {
			failure = httpFailureOf(error);
			rateLimiter.observe(connection.rateLimitKey, failure.headers);
		}
		if (failure.status === 401 && locationToken !== undefined && refusedLocationToken === undefined && !isScopeRefusal(failure)) {
			// The Location token expired or was revoked: exchange once more (HighLevel refused the request before
			// processing it, so re-sending cannot duplicate a write).
			refusedLocationToken = locationToken;
			continue;
		}
		if (failure.status === 401 && oauth && !isScopeRefusal(failure)) {
			if (canRefresh && !refreshed) {
				refreshed = true;
				await refreshOAuth2Once(ctx, connection, oauth, sentUnder, failureContext);
				continue;
			}
			if (!canRefresh && !letN8nRefresh) {
				letN8nRefresh = true;
				continue;
			}
		}
		if (failure.status === 429) {
			const dailySpent = headerNumber(failure.headers, RATE_LIMIT_HEADERS.dailyRemaining) === 0;
			if (!dailySpent && rateLimitRetries < MAX_RATE_LIMIT_RETRIES) {
				rateLimitRetries++;
				rateLimiter.backOff(
					connection.rateLimitKey,
					headerNumber(failure.headers, RATE_LIMIT_HEADERS.intervalMs) || undefined,
					rateLimitRetries,
				);
				continue;
			}
		} else if (
			IDEMPOTENT.has(method) &&
			(failure.status === undefined || TRANSIENT_STATUS.has(failure.status)) &&
			transientRetries < MAX_TRANSIENT_RETRIES
		) {
			transientRetries++;
			await sleepWithAbort(500 * 2 ** transientRetries, signal);
			continue;
		}
		throw toNodeApiError(ctx.getNode(), failure, failureContext);
	}
}

/**
 * Builds and sends one request for `endpoint` (see {@link buildRequest}, {@link sendRequest}).
 * @returns the response body
 */
export async function apiRequest<T = IDataObject>(
	ctx: HighLevelContext,
	endpoint: Endpoint,
	parts: RequestParts = {},
	connection?: Connection,
): Promise<T> {
	const conn = connection ?? (await getConnection(ctx));
	const response = await sendRequest(ctx, endpoint, conn, buildRequest(ctx, endpoint, conn, parts));
	return response.body as T;
}

/** The records under `endpoint.root` of a response body, as an array (empty when absent). */
export function recordsOf(endpoint: Endpoint, body: unknown): IDataObject[] {
	const value = endpoint.root ? (body as IDataObject | undefined)?.[endpoint.root] : body;
	if (Array.isArray(value)) return value as IDataObject[];
	if (value && typeof value === 'object') return [value as IDataObject];
	return [];
}
