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

import { DEFAULT_BASE_URL, type Endpoint } from './endpoints';
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
	/** Location (sub-account) id: the PIT credential's field, or `oauthTokenData.locationId` (FACTS.md 3.2). */
	locationId: string;
	/** Rate-limit key: HighLevel counts requests per app per location (FACTS.md 4). */
	rateLimitKey: string;
}

/**
 * Reads the node's credential: which type, the API base URL and the location id.
 * @throws NodeOperationError when an OAuth2 credential was saved but never connected (no `oauthTokenData`, or no
 *   access token in it), or when the credential has no location id (an agency-level OAuth install, or an empty field)
 */
export async function getConnection(ctx: HighLevelContext): Promise<Connection> {
	const getParameter = ctx.getNodeParameter as (name: string, fallback: unknown) => unknown;
	const authentication = (getParameter.call(ctx, 'authentication', DEFAULT_AUTHENTICATION) ??
		DEFAULT_AUTHENTICATION) as AuthenticationMethod;
	const credentialType = CREDENTIAL_TYPES[authentication] ?? CREDENTIAL_TYPES[DEFAULT_AUTHENTICATION];
	const credentials = await ctx.getCredentials(credentialType);
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const tokenData = credentials.oauthTokenData as IDataObject | undefined;
	if (authentication === 'oAuth2' && !tokenData?.access_token) {
		throw new NodeOperationError(ctx.getNode(), 'The OAuth2 credential is not connected yet', {
			description:
				'Open the credential, click "Connect my account" and choose the sub-account (location) in HighLevel\'s window; then run the node again.',
		});
	}
	const locationId = String(
		(authentication === 'oAuth2' ? tokenData?.locationId : credentials.locationId) ?? '',
	).trim();
	if (!locationId) {
		throw new NodeOperationError(
			ctx.getNode(),
			authentication === 'oAuth2'
				? 'The OAuth2 credential has no location: reconnect it and choose a sub-account (location), not the agency'
				: 'The credential has no Location ID: enter the sub-account\'s Location ID in the credential',
		);
	}
	return { credentialType, baseUrl, locationId, rateLimitKey: `${baseUrl}|${locationId}` };
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
 * location id in the place the spec wants it (query `locationId`/`location_id`, body, or path).
 * @throws NodeOperationError when a path parameter is empty
 */
export function buildRequest(
	ctx: HighLevelContext,
	endpoint: Endpoint,
	connection: Connection,
	parts: RequestParts = {},
): IHttpRequestOptions {
	const qs: IDataObject = { ...(parts.qs ?? {}) };
	const body: IDataObject = { ...(parts.body ?? {}) };
	const pathValues: Record<string, string> = { ...(parts.path ?? {}) };
	if (endpoint.location?.in === 'query') qs[endpoint.location.name] = connection.locationId;
	if (endpoint.location?.in === 'body') body[endpoint.location.name] = connection.locationId;
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
 * - 429: waits `X-RateLimit-Interval-Milliseconds` (or the learned interval) and re-sends the same request —
 *   HighLevel did not process it, so this cannot duplicate a write — up to {@link MAX_RATE_LIMIT_RETRIES} times;
 *   with `X-RateLimit-Daily-Remaining: 0` it fails at once.
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
	const canRefresh = isOAuth2 && typeof ctx.helpers.refreshOAuth2Token === 'function';
	const oauth = isOAuth2 ? oauthStateOf(oauthKeyOf(ctx, connection)) : undefined;
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
		if (oauth && canRefresh) {
			// A refresh of this credential is running: send with its token (or fail with its error).
			if (oauth.refreshing) await oauth.refreshing;
			if (!refreshed && (await knownToExpire(ctx, connection, oauth))) {
				refreshed = true;
				await refreshOAuth2Once(ctx, connection, oauth, oauth.generation, failureContext);
			}
			sentUnder = oauth.generation;
		}
		let failure: HttpFailure;
		try {
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				connection.credentialType,
				{
					...options,
					headers: { ...(options.headers ?? {}) },
					returnFullResponse: true,
					ignoreHttpStatusErrors: !letN8nRefresh,
				},
			)) as IN8nHttpFullResponse;
			const headers = response.headers as Record<string, unknown>;
			rateLimiter.observe(connection.rateLimitKey, headers);
			if (response.statusCode < 400) return response;
			failure = { status: response.statusCode, headers, body: response.body };
		} catch (error) {
			failure = httpFailureOf(error);
			rateLimiter.observe(connection.rateLimitKey, failure.headers);
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
