/**
 * Decides what to do with one incoming webhook request: refuse it (401/400/413), acknowledge it without starting
 * the workflow (200 duplicate / ignored), or emit it as an item. Pure apart from the `webhookId` memory it updates and
 * the credential-location lookup it is given; the node's `webhook()` does the I/O.
 *
 * HighLevel retries a delivery only when the answer is 429; every other status is final (FACTS.md 5.4 item 3). So
 * bad input is answered 4xx and never 429/5xx, and anything acknowledged but not wanted is answered 200.
 */
import type { IDataObject } from 'n8n-workflow';

import { eventOfPayload, getPath, locationOfPayload } from './events';
import { ANY_EVENT, PARAMETER_LABELS, WORKFLOW_EVENT, type TriggerSettings } from './settings';
import { hasWebhookId, rememberWebhookId, webhookIdExpiry, type WebhookIdMemory } from './dedup';
import {
	checkTimestamp,
	headerValues,
	MAX_BODY_BYTES,
	parseJsonBody,
	parseTimestamp,
	verifySharedSecret,
	verifySignature,
	type HeaderMap,
	type SignatureResult,
	type TimestampResult,
} from './verify';

/** The request as the node sees it. */
export interface IncomingWebhook {
	/** The body bytes exactly as received (n8n: `getRequestObject().rawBody`); `undefined` when n8n kept none. */
	rawBody: Buffer | Uint8Array | string | undefined;
	/** n8n's parsed body (`getBodyData()`), used only when `rawBody` is absent. */
	parsedBody: unknown;
	headers: HeaderMap;
}

/** What else {@link checkWebhook} needs. */
export interface CheckContext {
	/** Current time, epoch milliseconds. */
	nowMs: number;
	/** The `webhookId` memory (dedup.ts); an emitted delivery's id is added in place. */
	memory: WebhookIdMemory;
	/**
	 * The credential's location id; called only when Location is "The Credential's Location" and the request got
	 * that far. May throw (no location on the credential).
	 */
	credentialLocationId: () => Promise<string>;
}

/** Answer without starting the workflow. `body` is the JSON sent back. */
export interface RespondOutcome {
	kind: 'respond';
	status: 200 | 400 | 401 | 413;
	body: IDataObject;
}

/** Start the workflow with one item. */
export interface EmitOutcome {
	kind: 'emit';
	/** Catalogue event name, `WorkflowWebhook`, or for Any Event the payload's own `type` (else `Unknown`). */
	event: string;
	/** The parsed payload as HighLevel sent it (workflow source: without the shared secret). */
	payload: IDataObject;
	/** The item: the payload plus `event` and `receivedAt` (ISO 8601 of `nowMs`). */
	item: IDataObject;
	/** The location the event belongs to, when it names one (Include Full Record reads the record there). */
	locationId?: string;
}

export type WebhookOutcome = RespondOutcome | EmitOutcome;

const refuse = (status: RespondOutcome['status'], error: string): RespondOutcome => ({
	kind: 'respond',
	status,
	body: { error },
});

const acknowledge = (body: IDataObject): RespondOutcome => ({ kind: 'respond', status: 200, body });

/** The user-facing reason for a failed signature check; names the option that fixes it where one does. */
export function signatureMessage(
	reason: Extract<SignatureResult, { ok: false }>['reason'],
): string {
	switch (reason) {
		case 'missing-signature':
			return 'The request has no x-ghl-signature (or legacy x-wh-signature) header, so it was not sent by a HighLevel Marketplace app. For requests from a HighLevel workflow\'s Webhook action, set Source to "HighLevel Workflow Webhook Action".';
		case 'malformed-signature':
			return 'The signature header is not a well-formed HighLevel signature (base64 Ed25519 or RSA-SHA256).';
		case 'bad-key':
			return `The signature does not match HighLevel's public key, and a key in ${PARAMETER_LABELS.ed25519} or ${PARAMETER_LABELS.rsa} could not be read: paste the PEM public key from HighLevel's webhook documentation.`;
		case 'bad-signature':
			return `The signature does not match the body: the request was not signed by HighLevel or was changed on the way. If HighLevel has announced new webhook keys, paste the new public key into ${PARAMETER_LABELS.ed25519}.`;
	}
}

/** The user-facing reason for a rejected `timestamp`. */
export function timestampMessage(
	reason: Extract<TimestampResult, { ok: false }>['reason'],
	windowMs: number,
): string {
	const minutes = `${windowMs / 60_000} minute${windowMs === 60_000 ? '' : 's'}`;
	switch (reason) {
		case 'missing-timestamp':
			return `The payload has no timestamp, so its age cannot be checked. To accept such events, set ${PARAMETER_LABELS.window} to 0.`;
		case 'invalid-timestamp':
			return 'The payload timestamp is not an ISO 8601 date.';
		case 'stale':
			return `The payload timestamp is more than ${minutes} old, so the request may be a replay. If the n8n server clock is wrong, fix it or widen ${PARAMETER_LABELS.window}.`;
		case 'future':
			return `The payload timestamp is more than ${minutes} in the future. If the n8n server clock is wrong, fix it or widen ${PARAMETER_LABELS.window}.`;
	}
}

/** Body bytes to check: the exact raw body, or (not exact) the JSON re-serialisation of n8n's parsed body. */
function bodyOf(request: IncomingWebhook): { bytes: Buffer; exact: boolean } {
	const raw = request.rawBody;
	if (Buffer.isBuffer(raw)) return { bytes: raw, exact: true };
	if (raw instanceof Uint8Array) {
		return { bytes: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), exact: true };
	}
	if (typeof raw === 'string') return { bytes: Buffer.from(raw, 'utf8'), exact: true };
	const parsed = request.parsedBody;
	if (parsed === undefined || parsed === null) return { bytes: Buffer.alloc(0), exact: false };
	const serialised = typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
	return { bytes: Buffer.from(serialised ?? '', 'utf8'), exact: false };
}

/** The location id of a workflow Webhook action body: `location.id` (FACTS.md 5.3: a `location` object), else `locationId`. */
export function workflowLocationOf(payload: IDataObject): string | undefined {
	for (const path of ['location.id', 'locationId']) {
		const value = getPath(payload, path);
		if (typeof value === 'string' && value.trim() !== '') return value;
	}
	return undefined;
}

/** A copy of `payload` without `customData[name]` (the shared secret must never reach the execution data). */
function withoutSecret(payload: IDataObject, name: string): IDataObject {
	const customData = payload.customData;
	if (!customData || typeof customData !== 'object' || Array.isArray(customData)) return payload;
	if (!Object.prototype.hasOwnProperty.call(customData, name)) return payload;
	const rest: IDataObject = { ...(customData as IDataObject) };
	delete rest[name];
	return { ...payload, customData: rest };
}

/** The Custom Data entry named `name`, when it is a string. */
function secretInCustomData(payload: IDataObject, name: string): string | undefined {
	const customData = payload.customData;
	if (!customData || typeof customData !== 'object' || Array.isArray(customData)) return undefined;
	const value = (customData as IDataObject)[name];
	return typeof value === 'string' ? value : undefined;
}

function secretMessage(
	reason: 'missing-header' | 'mismatch' | 'not-configured',
	name: string,
): string {
	return reason === 'missing-header'
		? `The request carries no "${name}" header or Custom Data entry: add it to the HighLevel Webhook action with the value of ${PARAMETER_LABELS.sharedSecret}.`
		: `The "${name}" value does not match ${PARAMETER_LABELS.sharedSecret}.`;
}

/**
 * Runs every check on one request, in this order:
 * 1. size: more than {@link MAX_BODY_BYTES} → 413;
 * 2. Marketplace source: signature over the exact raw body (`verifySignature` with HighLevel's keys plus the pasted
 *    ones) → 401; without a raw body the check fails closed (401);
 *    Workflow source: no Shared Secret and no Skip Verification → 401; a secret header present but not matching
 *    (timing-safe) → 401;
 * 3. JSON object body → else 400;
 * 4. workflow source whose secret came in no header: the Custom Data entry of that name (HighLevel's plain Webhook
 *    action sends Custom Data but no custom headers) → else 401. The entry is removed from the item;
 * 5. Marketplace source with a time window: `timestamp` within the window → else 401 (missing included);
 * 6. `webhookId` remembered → 200 `{ status: 'duplicate' }`;
 * 7. event not among Events → 200 `{ status: 'ignored' }`;
 * 8. Location "The Credential's Location" and the payload's location differs (or is absent) → 200 `{ status: 'ignored' }`;
 * then remembers the `webhookId` (until `webhookIdExpiry`: timestamp + window + clock allowance) and emits. Only
 * deliveries that start an execution are remembered; the id is checked again and recorded synchronously after the
 * last `await`, so of two concurrent deliveries of one id exactly one is emitted. Throws only what
 * `ctx.credentialLocationId` throws.
 */
export async function checkWebhook(
	request: IncomingWebhook,
	settings: TriggerSettings,
	ctx: CheckContext,
): Promise<WebhookOutcome> {
	const { bytes, exact } = bodyOf(request);
	if (bytes.byteLength > MAX_BODY_BYTES) {
		return refuse(
			413,
			`The request body is ${bytes.byteLength} bytes; this trigger accepts at most ${MAX_BODY_BYTES} bytes.`,
		);
	}

	const marketplace = settings.source === 'marketplace';
	const secretName = settings.secretHeaderName;
	let secretVerified = false;
	if (marketplace) {
		if (!exact) {
			return refuse(
				401,
				'n8n did not keep the raw request body, so the HighLevel signature cannot be checked and the request was refused.',
			);
		}
		const signature = verifySignature({
			rawBody: bytes,
			headers: request.headers,
			ed25519PublicKeys: settings.ed25519PublicKeys,
			rsaPublicKeys: settings.rsaPublicKeys,
		});
		if (!signature.ok) return refuse(401, signatureMessage(signature.reason));
	} else if (settings.sharedSecret) {
		if (headerValues(request.headers, secretName).length > 0) {
			const result = verifySharedSecret(request.headers, secretName, settings.sharedSecret);
			if (!result.ok) return refuse(401, secretMessage(result.reason, secretName));
			secretVerified = true;
		}
	} else if (!settings.skipVerification) {
		return refuse(
			401,
			`No ${PARAMETER_LABELS.sharedSecret} is set, so requests cannot be verified: set one (or turn on ${PARAMETER_LABELS.skipVerification}).`,
		);
	}

	const parsed = parseJsonBody(bytes);
	if (!parsed.ok) {
		return refuse(parsed.reason === 'too-large' ? 413 : 400, parsed.message);
	}
	let payload = parsed.body as IDataObject;

	if (!marketplace && settings.sharedSecret) {
		if (!secretVerified) {
			const fromBody = secretInCustomData(payload, secretName);
			const result =
				fromBody === undefined
					? ({ ok: false, reason: 'missing-header' } as const)
					: verifySharedSecret({ [secretName]: fromBody }, secretName, settings.sharedSecret);
			if (!result.ok) return refuse(401, secretMessage(result.reason, secretName));
		}
		payload = withoutSecret(payload, secretName);
	}

	if (marketplace && settings.timestampWindowMs > 0) {
		const timestamp = checkTimestamp(payload.timestamp, ctx.nowMs, settings.timestampWindowMs);
		if (!timestamp.ok)
			return refuse(401, timestampMessage(timestamp.reason, settings.timestampWindowMs));
	}

	const webhookId =
		typeof payload.webhookId === 'string' && payload.webhookId !== ''
			? payload.webhookId
			: undefined;
	if (webhookId !== undefined && hasWebhookId(ctx.memory, webhookId, ctx.nowMs)) {
		return acknowledge({ status: 'duplicate', webhookId });
	}

	let event: string;
	if (marketplace) {
		const anyEvent = settings.events.includes(ANY_EVENT);
		const detected = eventOfPayload(payload, anyEvent ? undefined : settings.events);
		if (!anyEvent && (detected === undefined || !settings.events.includes(detected))) {
			return acknowledge({
				status: 'ignored',
				reason: `Event ${detected ?? (typeof payload.type === 'string' ? payload.type : 'unknown')} is not selected in Events.`,
			});
		}
		event =
			detected ?? (typeof payload.type === 'string' && payload.type ? payload.type : 'Unknown');
	} else {
		event = WORKFLOW_EVENT;
	}

	if (settings.location === 'credential') {
		const wanted = await ctx.credentialLocationId();
		const actual = marketplace ? locationOfPayload(payload, event) : workflowLocationOf(payload);
		if (actual !== wanted) {
			return acknowledge({
				status: 'ignored',
				reason: actual
					? "The event belongs to another location than the credential's."
					: "The event names no location, and Location is set to the credential's location.",
			});
		}
	}

	if (webhookId !== undefined) {
		const windowMs = marketplace ? settings.timestampWindowMs : 0;
		const expiresAtMs = webhookIdExpiry(parseTimestamp(payload.timestamp), ctx.nowMs, windowMs);
		if (rememberWebhookId(ctx.memory, webhookId, expiresAtMs, ctx.nowMs) === 'duplicate') {
			return acknowledge({ status: 'duplicate', webhookId });
		}
	}

	const item: IDataObject = {
		...payload,
		event,
		receivedAt: new Date(ctx.nowMs).toISOString(),
	};
	const locationId = marketplace ? locationOfPayload(payload, event) : workflowLocationOf(payload);
	return { kind: 'emit', event, payload, item, ...(locationId ? { locationId } : {}) };
}
