import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Endpoint } from './endpoints';
import { headerNumber, RATE_LIMIT_HEADERS } from './rateLimiter';

/**
 * What went wrong with one HTTP exchange, reduced to data that is safe to show (no request headers, so no token).
 * `status` is absent for network failures; `code` is the network error code (e.g. `ECONNRESET`).
 */
export interface HttpFailure {
	status?: number;
	headers?: Record<string, unknown>;
	body?: unknown;
	code?: string;
	/** The low-level message, used only when nothing better exists. */
	message?: string;
}

/**
 * Extracts an {@link HttpFailure} from what n8n's request helpers throw: a `NodeApiError` whose `cause` is the
 * axios error (`cause.response.{status,headers,data}`), a bare axios error, or a request-library style error
 * (`statusCode`, `error`). The original error object is not kept: it carries the request's `Authorization` header.
 */
export function httpFailureOf(error: unknown): HttpFailure {
	const e = error as {
		cause?: unknown;
		response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
		httpCode?: string | null;
		statusCode?: number;
		code?: string;
		message?: string;
		context?: { data?: unknown };
		error?: unknown;
	};
	const axiosLike = [e, e?.cause as typeof e].find((x) => x?.response?.status !== undefined);
	if (axiosLike?.response) {
		return {
			status: axiosLike.response.status,
			headers: axiosLike.response.headers,
			body: axiosLike.response.data,
			code: axiosLike.code,
			message: axiosLike.message,
		};
	}
	const cause = e?.cause as typeof e | undefined;
	// A refused OAuth2 refresh: n8n's OAuth2 client throws `code: 'EAUTH'` with the token endpoint's body; once
	// wrapped in a NodeApiError, that code survives only as its `httpCode`.
	const refused = [e, cause].find((x) => x?.code === 'EAUTH' || x?.httpCode === 'EAUTH') as
		| (typeof e & { status?: number; body?: unknown })
		| undefined;
	if (refused) {
		return { status: refused.status ?? 401, body: refused.body, code: 'EAUTH', message: refused.message };
	}
	const status = e?.statusCode ?? (e?.httpCode ? Number(e.httpCode) : undefined);
	return {
		status: Number.isFinite(status) ? status : undefined,
		body: e?.context?.data ?? e?.error,
		code: cause?.code ?? e?.code,
		message: cause?.message ?? e?.message,
	};
}

/**
 * HighLevel's error `message`: a string, or an array of validation strings for 422 (FACTS.md 6). Joined with "; ".
 * Falls back to `error`, then `detail`, the way the official SDK does (FACTS.md 1.3).
 */
export function highLevelMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() || undefined;
	if (!body || typeof body !== 'object') return undefined;
	const b = body as { message?: unknown; error?: unknown; detail?: unknown; msg?: unknown };
	for (const candidate of [b.message, b.msg, b.error, b.detail]) {
		if (Array.isArray(candidate) && candidate.length) return candidate.map(String).join('; ');
		if (typeof candidate === 'string' && candidate.trim()) return candidate.trim();
		if (candidate && typeof candidate === 'object' && 'message' in candidate) {
			return highLevelMessage(candidate);
		}
	}
	return undefined;
}

/** What the user was doing, for messages: "create a contact" etc. */
export interface FailureContext {
	endpoint: Endpoint;
	/** e.g. `POST /contacts/` (no query string, no host). */
	request: string;
	locationId?: string;
}

/**
 * Turns a failed HighLevel exchange into a `NodeApiError` a user can act on: which field, what to do.
 * - 401 "not authorized for this scope" → names the scope the endpoint needs (the spec's `security` scope).
 * - 401 other → the credential is invalid or expired.
 * - 403 → the token has no access to the location.
 * - 404, 400, 422 → HighLevel's own message (array messages joined), plus a hint for unknown properties.
 * - 429 → only reached after retries, or when the daily quota is spent.
 * - 5xx and network errors → HighLevel or the network failed; idempotent requests were already retried.
 */
export function toNodeApiError(node: INode, failure: HttpFailure, ctx: FailureContext): NodeApiError {
	const status = failure.status;
	const apiMessage = highLevelMessage(failure.body);
	let message: string;
	let description: string | undefined;
	if (status === 401 && apiMessage && /scope/i.test(apiMessage)) {
		message = `The credential is missing the HighLevel scope "${ctx.endpoint.scope}"`;
		description = `HighLevel answered "${apiMessage}" to ${ctx.request}. Add the scope "${ctx.endpoint.scope}" to the Private Integration (Settings → Private Integrations) or to the Marketplace app and the credential's Scope field, then reconnect the credential.`;
	} else if (status === 401) {
		message = 'HighLevel rejected the credential';
		description = `HighLevel answered "${apiMessage ?? 'Unauthorized'}" to ${ctx.request}. The token is invalid, expired or revoked: reconnect the OAuth2 credential or paste a current Private Integration Token.`;
	} else if (status === 403) {
		message = 'The credential has no access to this location';
		description = `HighLevel answered "${apiMessage ?? 'Forbidden'}" to ${ctx.request}${ctx.locationId ? ` for location ${ctx.locationId}` : ''}. Check the credential's Location ID, or install the app on that sub-account.`;
	} else if (status === 404) {
		message = `Not found: ${apiMessage ?? 'HighLevel has no such record'}`;
		description = `${ctx.request} found nothing. Check the ID; the record may have been deleted or belong to another location.`;
	} else if (status === 400 || status === 422) {
		message = `HighLevel rejected the request: ${apiMessage ?? 'invalid input'}`;
		const unknown = /property (\S+) should not exist/i.exec(apiMessage ?? '');
		description = unknown
			? `"${unknown[1]}" is not accepted by ${ctx.request}: remove it from the node's fields.`
			: `Check the node's fields against what HighLevel expects for ${ctx.request}.`;
	} else if (status === 429) {
		const daily = headerNumber(failure.headers, RATE_LIMIT_HEADERS.dailyRemaining) === 0;
		message = daily
			? 'HighLevel daily API limit reached for this location'
			: 'HighLevel rate limit: too many requests';
		description = daily
			? 'The app has used its 200,000 requests of the day for this location (X-RateLimit-Daily-Remaining: 0). Try again after the daily reset.'
			: `${ctx.request} was still rate limited after waiting and retrying. Other clients may be using this location's quota.`;
	} else if (status !== undefined && status >= 500) {
		message = `HighLevel had an internal error (${status})`;
		description = `${ctx.request} failed on HighLevel's side${apiMessage ? `: "${apiMessage}"` : ''}. Try again later.`;
	} else if (status === undefined) {
		message = `Could not reach HighLevel (${failure.code ?? failure.message ?? 'network error'})`;
		description = `${ctx.request} got no answer.${ctx.endpoint.method === 'POST' ? ' It was not re-sent automatically because it may have been processed: check HighLevel before running it again.' : ''}`;
	} else {
		message = `HighLevel error ${status}: ${apiMessage ?? 'unexpected response'}`;
	}
	const safeBody = failure.body && typeof failure.body === 'object' ? (failure.body as JsonObject) : {};
	const error = new NodeApiError(
		node,
		{ ...safeBody, message, description: description ?? '', httpCode: String(status ?? 'none') },
		{ message, description, httpCode: status !== undefined ? String(status) : undefined },
	);
	// NodeApiError swaps messages that mention network codes (ECONNRESET …) for a generic text; keep ours.
	error.message = message;
	error.httpCode = status !== undefined ? String(status) : null;
	return error;
}
