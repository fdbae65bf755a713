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
} from 'n8n-workflow';
import { NodeOperationError, sleepWithAbort } from 'n8n-workflow';

import { DEFAULT_BASE_URL, type Endpoint } from './endpoints';
import { httpFailureOf, toNodeApiError, type HttpFailure } from './errors';
import { DailyLimitExhaustedError, RATE_LIMIT_HEADERS, headerNumber, rateLimiter } from './rateLimiter';

/** Every n8n context this package sends HighLevel requests from. */
export type HighLevelContext =
	| IExecuteSingleFunctions
	| IExecutePaginationFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** Node parameter `authentication` values and the credential type each selects. */
export const CREDENTIAL_TYPES = {
	// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a credential type name, not a secret
	oAuth2: 'goHighLevelOAuth2Api',
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
 * @throws NodeOperationError when the credential has no location id (an agency-level OAuth install, or an empty field)
 */
export async function getConnection(ctx: HighLevelContext): Promise<Connection> {
	const getParameter = ctx.getNodeParameter as (name: string, fallback: unknown) => unknown;
	const authentication = (getParameter.call(ctx, 'authentication', DEFAULT_AUTHENTICATION) ??
		DEFAULT_AUTHENTICATION) as AuthenticationMethod;
	const credentialType = CREDENTIAL_TYPES[authentication] ?? CREDENTIAL_TYPES[DEFAULT_AUTHENTICATION];
	const credentials = await ctx.getCredentials(credentialType);
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const tokenData = credentials.oauthTokenData as IDataObject | undefined;
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
 * error reach this function (n8n's NodeApiError drops the response headers). A 401 on an OAuth2 credential is
 * re-sent once without that flag: n8n refreshes an OAuth2 token only when the request throws a 401.
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
): Promise<IN8nHttpFullResponse> {
	const signal = 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal?.() : undefined;
	const requestLabel = `${endpoint.method} ${endpoint.path}`;
	const method = String(options.method ?? 'GET').toUpperCase();
	const isOAuth2 = connection.credentialType === CREDENTIAL_TYPES.oAuth2;
	let rateLimitRetries = 0;
	let transientRetries = 0;
	let letN8nRefresh = false;
	for (;;) {
		try {
			await rateLimiter.acquire(connection.rateLimitKey, signal);
		} catch (error) {
			if (error instanceof DailyLimitExhaustedError) {
				throw toNodeApiError(
					ctx.getNode(),
					{ status: 429, headers: { [RATE_LIMIT_HEADERS.dailyRemaining]: 0 } },
					{ endpoint, request: requestLabel, locationId: connection.locationId },
				);
			}
			throw new NodeOperationError(
				ctx.getNode(),
				signal?.aborted
					? 'The execution was cancelled while waiting for HighLevel\'s rate limit'
					: `Stopped while waiting for HighLevel's rate limit: ${String(error?.message ?? error)}`,
			);
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
		if (failure.status === 401 && isOAuth2 && !letN8nRefresh) {
			letN8nRefresh = true;
			continue;
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
		throw toNodeApiError(ctx.getNode(), failure, {
			endpoint,
			request: requestLabel,
			locationId: connection.locationId,
		});
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
