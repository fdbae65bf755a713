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
	/**
	 * True when the failure came from HighLevel's token endpoint while refreshing an expired OAuth2 access token
	 * (oauth.json `get-access-token`, grant `refresh_token`), not from the request itself.
	 */
	refresh?: boolean;
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
		return {
			status: refused.status ?? 401,
			body: refused.body,
			code: 'EAUTH',
			message: refused.message,
			refresh: true,
		};
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
 * Extracts an {@link HttpFailure} (with `refresh: true`) from what n8n's `helpers.refreshOAuth2Token` throws when
 * the token endpoint refuses a refresh: `@n8n/client-oauth2`'s `AuthError` (`code: 'EAUTH'`, parsed `body`, for
 * bodies with an OAuth `error` field), its `ResponseError` (`status`, raw `body` text), or a network error. Only
 * status, code, message and body are kept: the raw error's request carries the client secret and refresh token.
 */
export function refreshFailureOf(error: unknown): HttpFailure {
	const e = error as { status?: unknown; body?: unknown; code?: unknown; message?: unknown; response?: unknown };
	if (e?.response) return { ...httpFailureOf(error), refresh: true };
	let body = e?.body;
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body) as unknown;
		} catch {
			// keep the text
		}
	}
	const code = typeof e?.code === 'string' ? e.code : undefined;
	const status = typeof e?.status === 'number' ? e.status : code === 'EAUTH' ? 401 : undefined;
	return {
		status,
		body,
		code,
		message: typeof e?.message === 'string' ? e.message : undefined,
		refresh: true,
	};
}

/**
 * HighLevel's error `message`: a string, or an array of validation strings for 422 (FACTS.md 6). Joined with "; ".
 * Falls back to `error`, then `detail`, the way the official SDK does (FACTS.md 1.3).
 */
export function highLevelMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() || undefined;
	if (!body || typeof body !== 'object') return undefined;
	const b = body as { message?: unknown; error?: unknown; detail?: unknown; msg?: unknown; error_description?: unknown };
	for (const candidate of [b.message, b.msg, b.error_description, b.error, b.detail]) {
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
	/**
	 * HighLevel's names for what was sent (a validation path such as `filters.0.value`, a query parameter such as
	 * `pipeline_id`, a body property) → the node field a user filled in (e.g. `Filters → Tag Names or IDs`);
	 * used to name the node's fields in 400/422 messages ({@link nameNodeFields}).
	 */
	fieldNames?: FieldNames;
}

/** HighLevel request path (exact, e.g. `filters.0.value` or `pipeline_id`) → node field name shown to the user. */
export type FieldNames = Record<string, string>;

/**
 * Replaces HighLevel's paths in a validation message by the node's field names, e.g.
 * `filters.0.value must be shorter than or equal to 75 characters` →
 * `"Filters → Tag Names or IDs" (filters.0.value) must be shorter than or equal to 75 characters`.
 * A path matches as a whole word: a dot, letter, digit or underscore may not follow or precede it, so
 * `filters.0.value` does not match inside `filters.0.value.gte`. Longer paths are replaced first.
 * @returns the message, and whether any path was replaced
 */
export function nameNodeFields(message: string, fieldNames: FieldNames | undefined): { text: string; named: boolean } {
	if (!fieldNames) return { text: message, named: false };
	let text = message;
	let named = false;
	const paths = Object.keys(fieldNames).sort((a, b) => b.length - a.length);
	for (const path of paths) {
		const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const pattern = new RegExp(`(^|[^\\w.])${escaped}(?![\\w.])`, 'g');
		text = text.replace(pattern, (_match, before: string) => {
			named = true;
			return `${before}"${fieldNames[path]}" (${path})`;
		});
	}
	return { text, named };
}

/** A HighLevel 400/422 message this package knows, with what to do about it. */
export interface KnownRejection {
	/** Matches HighLevel's `message` (all array parts joined with "; "). */
	pattern: RegExp;
	/** The hint shown as the error description; gets the failure's body (e.g. `meta` of a duplicate contact). */
	hint: (body: unknown, ctx: FailureContext) => string;
}

/**
 * HighLevel's known refusals and the hint each gets. Message texts: the sandbox's emulation of HighLevel
 * (`Can not create duplicate opportunity for the contact.` — create-opportunity; `This location does not allow
 * duplicated contacts.` with `meta {contactName, contactId, matchingField}` — create-contact / update-contact /
 * upsert-contact), FACTS.md 6 (`Location is not active`), the sandbox's create-tag (`Tag with the same name already
 * exists`). A refused appointment slot (calendars.json create-appointment, whose `ignoreFreeSlotValidation` skips
 * that check) has no documented text, so it is matched loosely: "slot" … "not/no longer available".
 */
export const KNOWN_REJECTIONS: KnownRejection[] = [
	{
		pattern: /duplicate opportunity/i,
		hint: (_body, ctx) =>
			ctx.endpoint.operationId === 'create-opportunity'
				? 'The contact already has an opportunity in this pipeline, and the location does not allow duplicate opportunities. Use Opportunity → Create or Update to update it instead (it matches by contact and pipeline), or allow duplicate opportunities in the location\'s settings.'
				: 'The contact already has an opportunity in that pipeline, and the location does not allow duplicate opportunities: update that opportunity instead, or choose another pipeline.',
	},
	{
		pattern: /does not allow duplicated? contacts?/i,
		hint: (body, ctx) => {
			const meta = ((body as { meta?: Record<string, unknown> } | undefined)?.meta ?? {}) as Record<string, unknown>;
			const field = typeof meta.matchingField === 'string' ? meta.matchingField : 'e-mail or phone';
			const existing = typeof meta.contactId === 'string' ? ` (contact ${meta.contactId})` : '';
			const fix =
				ctx.endpoint.operationId === 'create-contact'
					? 'Use Contact → Create or Update to update the existing contact instead, or allow duplicate contacts in the location\'s settings.'
					: `Give this contact another ${field}, or update the existing contact instead.`;
			return `Another contact of this location already has this ${field}${existing}, and the location does not allow duplicate contacts. ${fix}`;
		},
	},
	{
		pattern: /slot\b.*\b(not|no longer) available/i,
		hint: () =>
			'The calendar has no free slot at this time (taken meanwhile, outside the availability, or in the past). Pick another time, e.g. from the calendar\'s free slots.',
	},
	{
		pattern: /location is not active/i,
		hint: () =>
			'The location (sub-account) is paused or deactivated in HighLevel. Reactivate it in the agency view, or use a credential of an active location.',
	},
	{
		pattern: /already exists/i,
		hint: (_body, ctx) => `${ctx.request} would create a record that already exists: use the existing one, or give another name.`,
	},
];

/**
 * HighLevel's answers when the token's kind does not fit the operation (FACTS.md 3.4): a sub-account token on an
 * agency-only route, or an agency token (e.g. an agency Private Integration Token) where a sub-account token is
 * needed: `This authClass type is not allowed to access this scope …`; and the token exchange
 * (oauth.json `get-location-access-token`) presented with something other than an OAuth access token:
 * `OAuth access token only`.
 */
const AGENCY_TOKEN_REFUSAL = /authClass type is not allowed|OAuth access token only/i;

/**
 * Turns a failed HighLevel exchange into a `NodeApiError` a user can act on: which field, what to do.
 * - 401/403 from a token of the wrong kind ({@link AGENCY_TOKEN_REFUSAL}) → agency vs sub-account token advice.
 * - 401 "not authorized for this scope" → names the scope the endpoint needs (the spec's `security` scope).
 * - 401 other → the credential is invalid or expired.
 * - a refused OAuth2 refresh (`refresh`) → the refresh token is no longer valid: reconnect the credential.
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
	if (failure.refresh && (status === undefined || status >= 500)) {
		message = `Could not refresh the OAuth2 token (${status ?? failure.code ?? failure.message ?? 'network error'})`;
		description = `The access token had expired and ${ctx.request} needs a new one; HighLevel's token endpoint ${status ? `failed with HTTP ${status}` : 'gave no answer'}. Try again later; the credential itself may still be fine.`;
	} else if (failure.refresh) {
		message = 'HighLevel refused to refresh the OAuth2 token: reconnect the credential';
		description = `The access token had expired, and HighLevel's token endpoint answered "${apiMessage ?? failure.message ?? 'refused'}" (HTTP ${status}) to its refresh token, needed for ${ctx.request}. The refresh token is no longer valid (used elsewhere, revoked, or the app was uninstalled from the location): open the OAuth2 credential and connect it again.`;
	} else if ((status === 401 || status === 403) && apiMessage && AGENCY_TOKEN_REFUSAL.test(apiMessage)) {
		const agencyOnly = ctx.endpoint.tokenKind === 'company';
		message = agencyOnly
			? 'This operation needs an agency (Company) token'
			: 'An agency-level token cannot act for a sub-account here';
		description = agencyOnly
			? `HighLevel answered "${apiMessage}" to ${ctx.request}: it is an agency operation. Use an OAuth2 credential installed by the agency (a Company token), or an agency Private Integration Token.`
			: `HighLevel answered "${apiMessage}" to ${ctx.request}. An agency Private Integration Token cannot be exchanged for a sub-account (location) token — HighLevel exchanges OAuth access tokens only. Use the sub-account's own Private Integration Token (Settings → Private Integrations inside the sub-account), or the OAuth2 credential of a Marketplace app installed by the agency, which this node exchanges for each location.`;
	} else if (status === 401 && apiMessage && /scope/i.test(apiMessage)) {
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
		const { text, named } = nameNodeFields(apiMessage ?? 'invalid input', ctx.fieldNames);
		message = `HighLevel rejected the request: ${text}`;
		const unknown = /property (\S+) should not exist/i.exec(apiMessage ?? '');
		const known = apiMessage ? KNOWN_REJECTIONS.find((k) => k.pattern.test(apiMessage)) : undefined;
		description = known
			? known.hint(failure.body, ctx)
			: unknown
				? `"${unknown[1]}" is not accepted by ${ctx.request}: remove it from the node's fields.`
				: named
					? `Correct the named field of the node and run it again (${ctx.request}).`
					: `Check the node's fields against what HighLevel expects for ${ctx.request}.`;
	} else if (status === 429) {
		const daily = headerNumber(failure.headers, RATE_LIMIT_HEADERS.dailyRemaining) === 0;
		const dailyLimit = headerNumber(failure.headers, RATE_LIMIT_HEADERS.dailyLimit);
		message = daily
			? 'HighLevel daily API limit reached for this location'
			: 'HighLevel rate limit: too many requests';
		description = daily
			? dailyLimit !== undefined
				? `The app has used all ${dailyLimit.toLocaleString('en-US')} requests of the day for this location (X-RateLimit-Limit-Daily: ${dailyLimit}, X-RateLimit-Daily-Remaining: 0). Try again after the daily reset.`
				: 'The app has used all its requests of the day for this location (X-RateLimit-Daily-Remaining: 0; HighLevel did not send X-RateLimit-Limit-Daily). Try again after the daily reset.'
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
