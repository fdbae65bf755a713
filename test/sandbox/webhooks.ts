/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- test code runs in Node and Jest, not inside n8n */
/**
 * HighLevel webhook events from the sandbox: the scriptable version of a Marketplace app's "Default Webhook URL"
 * setting (FACTS.md 5.3) and an emitter that sends, for every record an API request changes, the event(s) HighLevel
 * would send, signed like HighLevel signs them (FACTS.md 5.4) but with the repository's TEST key pair
 * (test/GoHighLevelTrigger/fixtures/keys.ts). A receiver must accept that public key as an extra key.
 *
 * Delivery rules: asynchronous (after the API answer), in order per location (one request at a time per location),
 * each delivery recorded, and re-sent only when the receiver answers 429, like HighLevel ("up to six times", a fixed
 * 10-minute interval scaled down here to `retryDelayMs`; every other status is final — FACTS.md 5.4 item 3).
 */
import * as http from 'http';
import * as https from 'https';
import { createPrivateKey, randomUUID, sign, type KeyObject } from 'crypto';

import {
	TEST_ED25519_PRIVATE_KEY,
	TEST_RSA_PRIVATE_KEY,
	type SigningKeys,
} from '../GoHighLevelTrigger/fixtures/keys';
import { contactFullName } from './fields';
import type { SandboxStats } from './stats';
import type { ContactRecord, OpportunityRecord, RecordChange, SandboxStore } from './store';

/** A webhook event body as a plain JSON object (`type`, `locationId`, the record's fields, `timestamp`, `webhookId`). */
export type WebhookPayload = Record<string, unknown>;

/** An event derived from a change, before the envelope fields `timestamp` and `webhookId` are added. */
export interface DerivedEvent {
	/** Event name and payload `type`, e.g. `ContactCreate` (FACTS.md 5.1). */
	type: string;
	/** The record's fields in the shape of HighLevel's example payload (FACTS.md 5.2), without `type`/`locationId`. */
	fields: Record<string, unknown>;
}

/** Turns one record change into the events HighLevel sends for it, in sending order. */
export type EventRule = (change: RecordChange) => DerivedEvent[];

/** One HTTP attempt of a delivery. */
export interface WebhookAttempt {
	/** When it was sent, ISO 8601 (wall clock). */
	at: string;
	/** The answer's status; absent when no answer came (connection refused, timeout). */
	status?: number;
	/** Why no answer came. */
	error?: string;
}

/** One webhook delivery (an event and its retries), as recorded for assertions. */
export interface WebhookDelivery {
	/** Running number, from 1, in the order deliveries were created. */
	seq: number;
	/** `event` for events emitted by API changes, `manual` for {@link WebhookEmitter.deliver}. */
	source: 'event' | 'manual';
	url: string;
	/** The payload's `type`, `locationId` and `webhookId` (when they are strings). */
	type: string | undefined;
	locationId: string | undefined;
	webhookId: string | undefined;
	/** The payload as signed (a string payload is kept as given). */
	payload: unknown;
	/** The exact body sent (differs from the signed bytes when `tamper` was set). */
	body: string;
	/** Request headers sent (lower-case names). */
	headers: Record<string, string>;
	attempts: WebhookAttempt[];
	/** `pending` until the last attempt ends; `delivered` = final 2xx answer; `failed` = anything else. */
	outcome: 'pending' | 'delivered' | 'failed';
	/** Status of the last answer. */
	status: number | undefined;
	/** Body of the last answer (first 64 KiB, UTF-8). */
	response: string | undefined;
	/** {@link response} parsed as JSON, when it is JSON. */
	responseJson: unknown;
}

/** Options of the emitter (`SandboxOptions.webhooks`). */
export interface WebhookOptions {
	/** Initial app webhook URL (the Marketplace app's Default Webhook URL); default none (nothing is sent). */
	url?: string;
	/** Wait before re-sending after a 429, in ms; default 200 (HighLevel: 10 minutes plus jitter). */
	retryDelayMs?: number;
	/** Re-sends after 429 answers; default 6 (HighLevel: "up to six times"). */
	maxRetries?: number;
	/** Give up on an attempt without an answer after this many ms; default 10,000. */
	timeoutMs?: number;
	/** At most this many deliveries are kept in {@link WebhookEmitter.deliveries} (oldest dropped); default 10,000. */
	maxRecorded?: number;
	/** Private keys to sign with; default the TEST keys of test/GoHighLevelTrigger/fixtures/keys.ts. */
	keys?: SigningKeys;
}

/** Options of {@link WebhookEmitter.deliver}. */
export interface DeliverOptions {
	/**
	 * `true` (default): both signature headers with the emitter's keys; `false`: no signature headers; keys: sign
	 * with these private keys instead (e.g. a foreign key pair, to forge an event).
	 */
	sign?: boolean | SigningKeys;
	/** Change the body after signing it (the signatures no longer match the bytes sent). Default false. */
	tamper?: boolean;
	/** Extra request headers (lower-case names win over the defaults); a value of `''` removes that header. */
	headers?: Record<string, string>;
	/** Default true: add `timestamp` (sandbox clock, ISO) and `webhookId` (UUID) to an object payload lacking them. */
	envelope?: boolean;
	/** Where to send; default the app webhook URL. */
	url?: string;
	/** Default true: re-send on 429 like HighLevel. */
	retry?: boolean;
}

const RESPONSE_LIMIT = 64 * 1024;

function compact(value: Record<string, unknown>): Record<string, unknown> {
	for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
	return value;
}

/** `dateOfBirth` as the example payloads show it (ISO date-time), when the stored value is a plain date. */
function isoDateOfBirth(value: string | undefined): string | undefined {
	if (!value) return undefined;
	const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value);
	return Number.isFinite(ms) ? new Date(ms).toISOString() : value;
}

/**
 * A contact in the shape of the ContactCreate/Update/Delete/TagUpdate example payloads (FACTS.md 5.2):
 * `id, address1, city, state, companyName, country, source, dateAdded, dateOfBirth, dnd, email, name, firstName,
 * lastName, phone, postalCode, tags[], website, attachments[], assignedTo, customFields[{id, value}]`; unset fields
 * are left out. `dndSettings` is added for ContactDndUpdate by the caller.
 */
export function contactEventFields(contact: ContactRecord): Record<string, unknown> {
	return compact({
		id: contact.id,
		address1: contact.address1,
		city: contact.city,
		state: contact.state,
		companyName: contact.companyName,
		country: contact.country,
		source: contact.source,
		dateAdded: contact.dateAdded,
		dateOfBirth: isoDateOfBirth(contact.dateOfBirth),
		dnd: contact.dnd,
		email: contact.email,
		name: contactFullName(contact) || undefined,
		firstName: contact.firstName,
		lastName: contact.lastName,
		phone: contact.phone,
		postalCode: contact.postalCode,
		tags: [...contact.tags],
		website: contact.website,
		attachments: [],
		assignedTo: contact.assignedTo,
		customFields: Object.entries(contact.customFields).map(([id, value]) => ({ id, value })),
	});
}

/**
 * An opportunity in the shape of the Opportunity* example payloads (FACTS.md 5.2): `id, assignedTo, contactId,
 * monetaryValue, name, pipelineId, pipelineStageId, source, status, dateAdded` (`dateAdded` = the record's
 * `createdAt`).
 */
export function opportunityEventFields(o: OpportunityRecord): Record<string, unknown> {
	return compact({
		id: o.id,
		assignedTo: o.assignedTo,
		contactId: o.contactId,
		monetaryValue: o.monetaryValue,
		name: o.name,
		pipelineId: o.pipelineId,
		pipelineStageId: o.pipelineStageId,
		source: o.source,
		status: o.status,
		dateAdded: o.createdAt,
	});
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Names of the top-level fields that differ between two records. */
function changedFields(before: object, after: object): Set<string> {
	const a = before as Record<string, unknown>;
	const b = after as Record<string, unknown>;
	const changed = new Set<string>();
	for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
		if (!same(a[key], b[key])) changed.add(key);
	return changed;
}

/**
 * Contact events: create → ContactCreate; delete → ContactDelete (the deleted record); replace → ContactTagUpdate
 * when `tags` changed, ContactDndUpdate (with `dndSettings`) when `dnd`/`dndSettings` changed, and ContactUpdate when
 * anything else changed or nothing but `dateUpdated` did (an update was still made). Event names: FACTS.md 5.1.
 */
export const contactEvents: EventRule = ({ before, after }) => {
	if (!before && after)
		return [{ type: 'ContactCreate', fields: contactEventFields(after as ContactRecord) }];
	if (before && !after)
		return [{ type: 'ContactDelete', fields: contactEventFields(before as ContactRecord) }];
	const contact = after as ContactRecord;
	const changed = changedFields(before as object, contact);
	changed.delete('dateUpdated');
	const events: DerivedEvent[] = [];
	const specific = ['tags', 'dnd', 'dndSettings', 'inboundDndSettings'];
	if ([...changed].some((key) => !specific.includes(key)) || changed.size === 0)
		events.push({ type: 'ContactUpdate', fields: contactEventFields(contact) });
	if (changed.has('tags'))
		events.push({ type: 'ContactTagUpdate', fields: contactEventFields(contact) });
	if (changed.has('dnd') || changed.has('dndSettings')) {
		events.push({
			type: 'ContactDndUpdate',
			fields: { ...contactEventFields(contact), dndSettings: contact.dndSettings ?? {} },
		});
	}
	return events;
};

/**
 * Opportunity events: create → OpportunityCreate; delete → OpportunityDelete; replace → OpportunityStageUpdate
 * (`pipelineStageId` or `pipelineId` changed), OpportunityStatusUpdate, OpportunityMonetaryValueUpdate,
 * OpportunityAssignedToUpdate for those fields, then OpportunityUpdate when the stage changed (HighLevel sends a
 * stage change twice: as OpportunityStageUpdate and as OpportunityUpdate), when another field changed, or when
 * nothing but timestamps did. Event names: FACTS.md 5.1.
 */
export const opportunityEvents: EventRule = ({ before, after }) => {
	if (!before && after) {
		return [
			{ type: 'OpportunityCreate', fields: opportunityEventFields(after as OpportunityRecord) },
		];
	}
	if (before && !after) {
		return [
			{ type: 'OpportunityDelete', fields: opportunityEventFields(before as OpportunityRecord) },
		];
	}
	const o = after as OpportunityRecord;
	const changed = changedFields(before as object, o);
	for (const key of ['updatedAt', 'lastStatusChangeAt', 'lastStageChangeAt']) changed.delete(key);
	const fields = opportunityEventFields(o);
	const events: DerivedEvent[] = [];
	const stage = changed.has('pipelineStageId') || changed.has('pipelineId');
	if (stage) events.push({ type: 'OpportunityStageUpdate', fields });
	if (changed.has('status')) events.push({ type: 'OpportunityStatusUpdate', fields });
	if (changed.has('monetaryValue')) events.push({ type: 'OpportunityMonetaryValueUpdate', fields });
	if (changed.has('assignedTo')) events.push({ type: 'OpportunityAssignedToUpdate', fields });
	const specific = ['pipelineStageId', 'pipelineId', 'status', 'monetaryValue', 'assignedTo'];
	const other = [...changed].some((key) => !specific.includes(key));
	if (stage || other || changed.size === 0) events.push({ type: 'OpportunityUpdate', fields });
	return events;
};

/**
 * Record fields of a note/task/appointment/message record: everything except `locationId` and `type` (the envelope's
 * own fields), `undefined`s dropped.
 */
function plainFields(record: unknown): Record<string, unknown> {
	const out: Record<string, unknown> = { ...(record as Record<string, unknown>) };
	delete out.locationId;
	delete out.type;
	return compact(out);
}

/**
 * Create/Update/Delete events named `<prefix>Create`, `<prefix>Update` (omitted when `update` is `null`) and
 * `<prefix>Delete`, carrying the record's own fields (FACTS.md 5.2: NoteCreate `id, body, contactId, dateAdded`).
 */
export function crudEvents(prefix: string, update: string | null = `${prefix}Update`): EventRule {
	return ({ before, after }) => {
		if (!before && after) return [{ type: `${prefix}Create`, fields: plainFields(after) }];
		if (before && !after) return [{ type: `${prefix}Delete`, fields: plainFields(before) }];
		return update ? [{ type: update, fields: plainFields(after) }] : [];
	};
}

/**
 * Task events (FACTS.md 5.1: TaskCreate, TaskComplete, TaskDelete; there is no TaskUpdate): TaskComplete when
 * `completed` turns true.
 */
export const taskEvents: EventRule = (change) => {
	if (change.before && change.after) {
		const was = (change.before as Record<string, unknown>).completed === true;
		const is = (change.after as Record<string, unknown>).completed === true;
		return !was && is ? [{ type: 'TaskComplete', fields: plainFields(change.after) }] : [];
	}
	return crudEvents('Task', null)(change);
};

/** Appointment events (FACTS.md 5.2): `appointment{…}` nested, AppointmentCreate/Update/Delete. */
export const appointmentEvents: EventRule = (change) =>
	crudEvents('Appointment')(change).map((event) => ({
		type: event.type,
		fields: { appointment: event.fields },
	}));

/**
 * Message events (FACTS.md 5.2): a new message is InboundMessage or OutboundMessage by its `direction`; changes and
 * deletions send nothing.
 */
export const messageEvents: EventRule = ({ before, after }) => {
	if (before || !after) return [];
	// A scheduled message is not sent yet (conversations.ts send-a-new-message with scheduledTimestamp).
	if ((after as Record<string, unknown>).status === 'scheduled') return [];
	const direction = (after as Record<string, unknown>).direction;
	// HighLevel's payload (FACTS.md 5.2): `messageId`, and `messageType` without the `TYPE_` prefix (SMS, Email, CALL…).
	const { id, messageType, scheduledTimestamp, ...fields } = plainFields(after);
	void scheduledTimestamp;
	const type = String(messageType ?? '').replace(/^TYPE_/, '');
	return [
		{
			type: direction === 'inbound' ? 'InboundMessage' : 'OutboundMessage',
			fields: compact({ ...fields, messageId: id, messageType: type === 'EMAIL' ? 'Email' : type || undefined }),
		},
	];
};

/**
 * Event rules by {@link RecordChange.collection}. Collections without a rule send nothing. Add a rule here when a
 * new tracked collection is added to the store.
 */
/**
 * Orders (payments.ts): OrderCreate for a new order, OrderStatusUpdate when its `status` changes
 * (webhook-events/OrderCreate.md, OrderStatusUpdate.md: the order with `altId`, `altType`, `_id`, `status`,
 * `amount` in major units, …); the sandbox's own `id` is left out.
 */
const orderEvents: EventRule = ({ before, after }) => {
	const fields = (record: unknown) => {
		const out = plainFields(record);
		delete out.id;
		return out;
	};
	if (!before && after) return [{ type: 'OrderCreate', fields: fields(after) }];
	const [was, is] = [before as Record<string, unknown> | undefined, after as Record<string, unknown> | undefined];
	return was && is && was.status !== is.status ? [{ type: 'OrderStatusUpdate', fields: fields(after) }] : [];
};

export const EVENT_RULES: Record<string, EventRule> = {
	contacts: contactEvents,
	opportunities: opportunityEvents,
	notes: crudEvents('Note'),
	tasks: taskEvents,
	appointments: appointmentEvents,
	messages: messageEvents,
	orders: orderEvents,
};

/** The events of one change (none for a collection without a rule). */
export function eventsOfChange(change: RecordChange): DerivedEvent[] {
	return EVENT_RULES[change.collection]?.(change) ?? [];
}

interface Signer {
	ed25519: KeyObject;
	rsa: KeyObject;
}

function signer(keys: SigningKeys = {}): Signer {
	const ed25519 = createPrivateKey(keys.ed25519PrivateKey ?? TEST_ED25519_PRIVATE_KEY);
	const rsa = createPrivateKey(keys.rsaPrivateKey ?? TEST_RSA_PRIVATE_KEY);
	if (ed25519.asymmetricKeyType !== 'ed25519')
		throw new Error('ed25519PrivateKey is not an Ed25519 key');
	if (rsa.asymmetricKeyType !== 'rsa') throw new Error('rsaPrivateKey is not an RSA key');
	return { ed25519, rsa };
}

/**
 * The two HighLevel signature headers of `body` (FACTS.md 5.4): `x-ghl-signature` = base64 Ed25519 over the bytes,
 * `x-wh-signature` = base64 RSA-SHA256 (PKCS#1 v1.5).
 */
function signatureHeaders(body: string, keys: Signer): Record<string, string> {
	const bytes = Buffer.from(body, 'utf8');
	return {
		'x-ghl-signature': sign(null, bytes, keys.ed25519).toString('base64'),
		'x-wh-signature': sign('sha256', bytes, keys.rsa).toString('base64'),
	};
}

/** The body with one field added (or a trailing space), so it no longer matches its signature. */
function tampered(body: string): string {
	const trimmed = body.trimEnd();
	return trimmed.endsWith('}') && trimmed !== '{}'
		? `${trimmed.slice(0, -1)},"tampered":true}`
		: `${body} `;
}

/**
 * Checks and normalises a webhook URL.
 * @throws Error unless it is an absolute http(s) URL
 */
export function checkWebhookUrl(url: string): string {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new Error(`Not a URL: ${url}`);
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
		throw new Error(`The webhook URL must be http or https: ${url}`);
	return parsed.toString();
}

/**
 * Sends the sandbox's webhook events. One per sandbox (`sandbox.webhooks`); see the file comment for the rules.
 * Everything it sends and every answer is recorded in {@link deliveries} and counted in `stats.webhooks`.
 */
export class WebhookEmitter {
	/** Recorded deliveries, oldest first (at most `maxRecorded`). */
	readonly deliveries: WebhookDelivery[] = [];
	private appUrl: string | undefined;
	private readonly keys: Signer;
	private readonly retryDelayMs: number;
	private readonly maxRetries: number;
	private readonly timeoutMs: number;
	private readonly maxRecorded: number;
	private readonly agent = new http.Agent({ keepAlive: true });
	private readonly queues = new Map<string, WebhookDelivery[]>();
	private readonly draining = new Set<string>();
	private readonly requests = new Set<http.ClientRequest>();
	private readonly timers = new Set<{ timer: NodeJS.Timeout; done: () => void }>();
	private idleWaiters: Array<() => void> = [];
	private pending = 0;
	private seq = 0;
	private closed = false;

	/**
	 * @param store whose record changes {@link capture} turns into events
	 * @param stats whose `webhooks` counters are updated
	 * @param now the sandbox clock (epoch ms), used for `timestamp`
	 * @throws Error for an invalid `options.url` or signing key
	 */
	constructor(
		private readonly store: SandboxStore,
		private readonly stats: SandboxStats,
		private readonly now: () => number,
		options: WebhookOptions = {},
	) {
		this.appUrl = options.url ? checkWebhookUrl(options.url) : undefined;
		this.keys = signer(options.keys);
		this.retryDelayMs = options.retryDelayMs ?? 200;
		this.maxRetries = options.maxRetries ?? 6;
		this.timeoutMs = options.timeoutMs ?? 10_000;
		this.maxRecorded = options.maxRecorded ?? 10_000;
	}

	/** The app webhook URL, or `undefined` when none is set (then no event is sent). */
	get url(): string | undefined {
		return this.appUrl;
	}

	/**
	 * Sets (or with `undefined`/`''` clears) the app webhook URL — the Marketplace app's Default Webhook URL.
	 * @throws Error unless it is an absolute http(s) URL
	 */
	setUrl(url: string | undefined | null): void {
		this.appUrl = url ? checkWebhookUrl(url) : undefined;
	}

	/**
	 * Runs `fn` (an operation handler) and queues the events of every record change it makes, even when it throws
	 * after changing something. With no webhook URL set it only runs `fn`.
	 */
	capture<T>(fn: () => T): T {
		if (!this.appUrl || this.closed) return fn();
		const changes: RecordChange[] = [];
		const previous = this.store.changeListener;
		this.store.changeListener = (change) => changes.push(change);
		try {
			return fn();
		} finally {
			this.store.changeListener = previous;
			for (const change of changes) {
				for (const event of eventsOfChange(change)) {
					// `type` and `locationId` first and never overridden by a record field of that name.
					const payload: WebhookPayload = { type: event.type, locationId: change.locationId };
					for (const [key, value] of Object.entries(event.fields))
						if (key !== 'type' && key !== 'locationId') payload[key] = value;
					this.emit(payload);
				}
			}
		}
	}

	/**
	 * Queues one event for the app webhook URL: adds `timestamp` (sandbox clock, ISO 8601) and `webhookId` (UUID)
	 * when absent, signs it and sends it after the deliveries already queued for its `locationId`.
	 * @returns the delivery record, or `undefined` when no URL is set
	 */
	emit(payload: WebhookPayload): WebhookDelivery | undefined {
		const url = this.appUrl;
		if (!url || this.closed) return undefined;
		const full: WebhookPayload = {
			...payload,
			timestamp: payload.timestamp ?? new Date(this.now()).toISOString(),
			webhookId: payload.webhookId ?? randomUUID(),
		};
		const body = JSON.stringify(full);
		const delivery = this.record('event', url, full, body, {
			'content-type': 'application/json',
			...signatureHeaders(body, this.keys),
		});
		const key = typeof full.locationId === 'string' ? full.locationId : '';
		let queue = this.queues.get(key);
		if (!queue) {
			queue = [];
			this.queues.set(key, queue);
		}
		queue.push(delivery);
		this.pending++;
		if (!this.draining.has(key)) void this.drain(key);
		return delivery;
	}

	/**
	 * Sends one arbitrary payload now (not queued), for tests: forged, tampered, replayed or duplicate events. An
	 * object payload gets `timestamp`/`webhookId` when absent (unless `envelope: false`) and is serialised with
	 * `JSON.stringify`; a string payload is sent as is. Resolves when the last attempt has ended (429s re-sent
	 * unless `retry: false`); never rejects for HTTP errors — read `status`/`outcome`.
	 * @throws Error (rejects) when no URL is given or set, or for an invalid signing key
	 */
	async deliver(
		payload: WebhookPayload | string,
		options: DeliverOptions = {},
	): Promise<WebhookDelivery> {
		const url = options.url ? checkWebhookUrl(options.url) : this.appUrl;
		if (!url)
			throw new Error('No webhook URL: set one with setWebhookUrl(url) or pass options.url');
		let full: unknown = payload;
		if (typeof payload !== 'string' && options.envelope !== false) {
			full = {
				...payload,
				timestamp: payload.timestamp ?? new Date(this.now()).toISOString(),
				webhookId: payload.webhookId ?? randomUUID(),
			};
		}
		const signed = typeof full === 'string' ? full : JSON.stringify(full);
		const sign = options.sign ?? true;
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (sign !== false)
			Object.assign(headers, signatureHeaders(signed, sign === true ? this.keys : signer(sign)));
		for (const [name, value] of Object.entries(options.headers ?? {})) {
			if (value === '') delete headers[name.toLowerCase()];
			else headers[name.toLowerCase()] = value;
		}
		const body = options.tamper ? tampered(signed) : signed;
		const delivery = this.record('manual', url, full, body, headers);
		this.pending++;
		try {
			await this.attempt(delivery, options.retry !== false);
		} finally {
			this.settle();
		}
		return delivery;
	}

	/** Resolves once nothing is queued or being sent (immediately when idle). */
	idle(): Promise<void> {
		if (this.pending === 0) return Promise.resolve();
		return new Promise((resolve) => this.idleWaiters.push(resolve));
	}

	/** Forgets the recorded deliveries (queued ones are still sent). */
	clear(): void {
		this.deliveries.length = 0;
	}

	/**
	 * Stops sending: queued deliveries are dropped (left `pending`), requests in flight are aborted, retry waits
	 * end, and {@link idle} waiters are released. Idempotent.
	 */
	close(): void {
		if (this.closed) return;
		this.closed = true;
		for (const queue of this.queues.values()) {
			this.pending -= queue.length;
			queue.length = 0;
		}
		for (const request of this.requests) request.destroy(new Error('sandbox closed'));
		for (const wait of this.timers) {
			clearTimeout(wait.timer);
			wait.done();
		}
		this.timers.clear();
		this.agent.destroy();
		this.pending = 0;
		this.releaseIdle();
	}

	private record(
		source: WebhookDelivery['source'],
		url: string,
		payload: unknown,
		body: string,
		headers: Record<string, string>,
	): WebhookDelivery {
		const fields =
			payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
		const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
		const delivery: WebhookDelivery = {
			seq: ++this.seq,
			source,
			url,
			type: text(fields.type),
			locationId: text(fields.locationId),
			webhookId: text(fields.webhookId),
			payload,
			body,
			headers,
			attempts: [],
			outcome: 'pending',
			status: undefined,
			response: undefined,
			responseJson: undefined,
		};
		this.deliveries.push(delivery);
		if (this.deliveries.length > this.maxRecorded)
			this.deliveries.splice(0, this.deliveries.length - this.maxRecorded);
		return delivery;
	}

	private async drain(key: string): Promise<void> {
		this.draining.add(key);
		// Let the API answer go out first.
		await new Promise<void>((resolve) => setImmediate(resolve));
		const queue = this.queues.get(key) ?? [];
		while (queue.length > 0 && !this.closed) {
			const delivery = queue.shift() as WebhookDelivery;
			try {
				await this.attempt(delivery, true);
			} finally {
				this.settle();
			}
		}
		this.draining.delete(key);
	}

	/** Sends until a final answer: re-sends only after a 429, at most `maxRetries` times. */
	private async attempt(delivery: WebhookDelivery, retry: boolean): Promise<void> {
		const webhooks = () => this.stats.webhooks;
		for (let attempt = 0; !this.closed; attempt++) {
			const at = new Date().toISOString();
			webhooks().sent++;
			const answer = await this.post(delivery.url, delivery.body, delivery.headers);
			const tried: WebhookAttempt = { at };
			if (answer.status !== undefined) tried.status = answer.status;
			if (answer.error !== undefined) tried.error = answer.error;
			delivery.attempts.push(tried);
			delivery.status = answer.status;
			delivery.response = answer.body;
			delivery.responseJson = undefined;
			if (answer.body !== undefined) {
				try {
					delivery.responseJson = JSON.parse(answer.body);
				} catch {
					delivery.responseJson = undefined;
				}
			}
			if (answer.status !== undefined) {
				const status = String(answer.status);
				webhooks().byStatus[status] = (webhooks().byStatus[status] ?? 0) + 1;
			}
			if (answer.status === 429 && retry && attempt < this.maxRetries && !this.closed) {
				webhooks().retries++;
				await this.wait(this.retryDelayMs);
				continue;
			}
			break;
		}
		const ok = delivery.status !== undefined && delivery.status >= 200 && delivery.status < 300;
		delivery.outcome = ok ? 'delivered' : 'failed';
		if (!ok) webhooks().failures++;
	}

	private post(
		url: string,
		body: string,
		headers: Record<string, string>,
	): Promise<{ status?: number; body?: string; error?: string }> {
		if (this.closed) return Promise.resolve({ error: 'sandbox closed' });
		return new Promise((resolve) => {
			const target = new URL(url);
			const secure = target.protocol === 'https:';
			const request = (secure ? https : http).request(
				target,
				{
					method: 'POST',
					headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
					agent: secure ? undefined : this.agent,
					timeout: this.timeoutMs,
				},
				(response) => {
					const chunks: Buffer[] = [];
					let size = 0;
					response.on('data', (chunk: Buffer) => {
						if (size < RESPONSE_LIMIT) chunks.push(chunk);
						size += chunk.length;
					});
					response.on('end', () => {
						this.requests.delete(request);
						const text = Buffer.concat(chunks).subarray(0, RESPONSE_LIMIT).toString('utf8');
						resolve({ status: response.statusCode, body: text });
					});
					response.on('error', (error) => {
						this.requests.delete(request);
						resolve({ status: response.statusCode, error: error.message });
					});
				},
			);
			request.on('timeout', () =>
				request.destroy(new Error(`no answer within ${this.timeoutMs} ms`)),
			);
			request.on('error', (error) => {
				this.requests.delete(request);
				resolve({ error: error.message });
			});
			this.requests.add(request);
			request.end(body);
		});
	}

	private wait(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const entry = {
				timer: setTimeout(() => {
					this.timers.delete(entry);
					resolve();
				}, ms),
				done: resolve,
			};
			this.timers.add(entry);
		});
	}

	private settle(): void {
		if (this.pending > 0) this.pending--;
		if (this.pending === 0) this.releaseIdle();
	}

	private releaseIdle(): void {
		const waiters = this.idleWaiters;
		this.idleWaiters = [];
		for (const resolve of waiters) resolve();
	}
}

/** An admin answer. */
export interface AdminReply {
	status: number;
	body: unknown;
}

/**
 * The webhook admin routes (not HighLevel's; no auth), or `undefined` for any other path:
 * - `GET /__sandbox/app/webhook` → `{url}`; `PUT /__sandbox/app/webhook {url}` sets it (`null`/`''` clears; 400 for
 *   a non-http(s) URL); `DELETE` clears it;
 * - `GET /__sandbox/webhooks` → `{url, stats, deliveries}`;
 * - `POST /__sandbox/webhooks/deliver {payload, sign?, tamper?, headers?, envelope?, url?, retry?}` → the delivery
 *   (see {@link WebhookEmitter.deliver}; 400 without a URL);
 * - `POST /__sandbox/webhooks/idle` → waits until nothing is queued, then `{stats}`;
 * - `POST /__sandbox/webhooks/clear` → forgets recorded deliveries.
 */
export async function webhookAdminReply(
	emitter: WebhookEmitter,
	stats: SandboxStats,
	method: string,
	pathname: string,
	raw: Buffer,
): Promise<AdminReply | undefined> {
	const route = `${method} ${pathname.replace(/\/+$/, '')}`;
	if (!/ \/__sandbox\/(app\/webhook|webhooks)(\/|$)/.test(route)) return undefined;
	let body: Record<string, unknown> = {};
	try {
		const parsed: unknown = raw.length ? JSON.parse(raw.toString('utf8')) : {};
		if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
	} catch {
		return { status: 400, body: { message: 'admin body must be JSON' } };
	}
	try {
		switch (route) {
			case 'GET /__sandbox/app/webhook':
				return { status: 200, body: { url: emitter.url ?? null } };
			case 'PUT /__sandbox/app/webhook':
			case 'POST /__sandbox/app/webhook':
				emitter.setUrl(typeof body.url === 'string' ? body.url : undefined);
				return { status: 200, body: { url: emitter.url ?? null } };
			case 'DELETE /__sandbox/app/webhook':
				emitter.setUrl(undefined);
				return { status: 200, body: { url: null } };
			case 'GET /__sandbox/webhooks':
				return {
					status: 200,
					body: { url: emitter.url ?? null, stats: stats.webhooks, deliveries: emitter.deliveries },
				};
			case 'POST /__sandbox/webhooks/deliver': {
				const payload = body.payload;
				if (typeof payload !== 'string' && (!payload || typeof payload !== 'object'))
					return { status: 400, body: { message: 'payload must be an object or a string' } };
				const delivery = await emitter.deliver(payload as WebhookPayload | string, {
					sign: body.sign as DeliverOptions['sign'],
					tamper: body.tamper === true,
					headers: body.headers as Record<string, string> | undefined,
					envelope: body.envelope as boolean | undefined,
					url: body.url as string | undefined,
					retry: body.retry as boolean | undefined,
				});
				return { status: 200, body: delivery };
			}
			case 'POST /__sandbox/webhooks/idle':
				await emitter.idle();
				return { status: 200, body: { stats: stats.webhooks } };
			case 'POST /__sandbox/webhooks/clear':
				emitter.clear();
				return { status: 200, body: { ok: true } };
			default:
				return { status: 404, body: { message: `Unknown admin route ${route}` } };
		}
	} catch (e) {
		return { status: 400, body: { message: (e as Error).message } };
	}
}
