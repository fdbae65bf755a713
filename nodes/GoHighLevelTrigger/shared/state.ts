/**
 * What the trigger keeps in n8n's workflow static data (`getWorkflowStaticData('node')`, a plain JSON object that
 * n8n persists with the workflow): the "subscription" written at activation, and the memory of recently seen
 * `webhookId`s used to drop repeated deliveries.
 *
 * HighLevel has no webhook-subscription API (FACTS.md 5.3), so the subscription is local bookkeeping: it records
 * what this node was activated for, so `checkExists` can tell whether activation has to run again.
 */
import type { IDataObject } from 'n8n-workflow';

import type { LocationMode, TriggerSettings, TriggerSource } from './settings';
import { createWebhookIdMemory, type WebhookIdMemory, type WebhookIdMemoryOptions } from './verify';

/** Static-data keys used by the trigger. */
export const STATE_KEYS = { subscription: 'subscription', webhookIds: 'webhookIds' } as const;

/** What `create` stores and `checkExists` compares. */
export interface TriggerSubscription {
	/** The node's production (or test) webhook URL at activation. */
	webhookUrl: string;
	/** Selected event names, sorted; empty for the workflow source. */
	events: string[];
	location: LocationMode;
	/** The credential's location id when `location` is `credential`. */
	locationId?: string;
	source: TriggerSource;
	/** When activation stored it, ISO 8601. */
	createdAt: string;
}

/** The compared part of a {@link TriggerSubscription}. */
export type SubscriptionKey = Omit<TriggerSubscription, 'createdAt'>;

/** The {@link SubscriptionKey} of the node's current parameters. */
export function subscriptionKey(
	settings: TriggerSettings,
	webhookUrl: string,
	locationId: string | undefined,
): SubscriptionKey {
	const key: SubscriptionKey = {
		webhookUrl,
		events: [...settings.events].sort(),
		location: settings.location,
		source: settings.source,
	};
	if (settings.location === 'credential' && locationId) key.locationId = locationId;
	return key;
}

/**
 * Whether `stored` (the static data's subscription, possibly absent or malformed) has the same webhook URL,
 * events (as a set), location mode, location id and source as `wanted`. Never throws.
 */
export function isSameSubscription(stored: unknown, wanted: SubscriptionKey): boolean {
	if (!stored || typeof stored !== 'object') return false;
	const s = stored as Partial<TriggerSubscription>;
	if (!Array.isArray(s.events)) return false;
	const events = [...s.events].map(String).sort();
	return (
		s.webhookUrl === wanted.webhookUrl &&
		s.source === wanted.source &&
		s.location === wanted.location &&
		(s.locationId ?? undefined) === (wanted.locationId ?? undefined) &&
		events.length === wanted.events.length &&
		events.every((e, i) => e === wanted.events[i])
	);
}

/** Writes the subscription (with `createdAt` = `now` as ISO) into static data. */
export function storeSubscription(staticData: IDataObject, key: SubscriptionKey, now: Date): void {
	const subscription: TriggerSubscription = { ...key, createdAt: now.toISOString() };
	staticData[STATE_KEYS.subscription] = subscription as unknown as IDataObject;
}

/** Removes everything the trigger keeps in static data: the subscription and the `webhookId` memory. */
export function clearState(staticData: IDataObject): void {
	delete staticData[STATE_KEYS.subscription];
	delete staticData[STATE_KEYS.webhookIds];
}

/** At most this many `webhookId`s are remembered (about 40 bytes each in the saved static data). */
export const DEDUP_MAX_IDS = 500;

/**
 * Minimum time a `webhookId` is remembered: 2 hours, above HighLevel's documented worst-case redelivery span
 * ("up to six times", "fixed 10-minute interval (plus jitter)", "~1 hr 10 min", FACTS.md 5.4 item 3).
 */
export const DEDUP_MIN_TTL_MS = 2 * 60 * 60 * 1000;

/**
 * Limits of the `webhookId` memory for a Signature Time Window of `windowMs`: {@link DEDUP_MAX_IDS} ids, kept for
 * the longer of {@link DEDUP_MIN_TTL_MS} and twice the window (a replay is accepted at most `window` after the
 * timestamp and the original at most `window` before it, so that covers every replay the window lets through).
 */
export function dedupOptions(windowMs: number): WebhookIdMemoryOptions {
	return { max: DEDUP_MAX_IDS, ttlMs: Math.max(DEDUP_MIN_TTL_MS, 2 * Math.max(0, windowMs || 0)) };
}

/**
 * A copy of the `webhookId` memory in static data (a fresh empty one when absent or malformed); write it back with
 * {@link saveWebhookIdMemory}. Copying keeps n8n's change tracking simple: the write-back is one top-level set.
 */
export function loadWebhookIdMemory(staticData: IDataObject): WebhookIdMemory {
	const stored = staticData[STATE_KEYS.webhookIds] as Partial<WebhookIdMemory> | undefined;
	const memory = createWebhookIdMemory();
	if (stored && Array.isArray(stored.ids) && Array.isArray(stored.times)) {
		memory.ids = [...stored.ids];
		memory.times = [...stored.times];
	}
	return memory;
}

/**
 * The `webhookId` memories of this n8n process, by workflow and node. n8n saves a webhook's static data only after
 * the response, so two deliveries close together would each read the memory before the other's save and the last
 * save would drop the first id. Requests share this object instead: `checkWebhook` looks an id up and records it
 * synchronously, before its first `await`, so concurrent deliveries of one id cannot both pass. Static data still
 * carries the memory across restarts and between processes.
 */
const liveMemories = new Map<string, WebhookIdMemory>();

/**
 * The memory to check a delivery against: this process's live memory for `key` (`<workflowId>:<nodeId>`) with any
 * ids from static data it lacks merged in (oldest first), created from static data on first use. Bounded by the
 * same limits as the stored memory: `rememberWebhookId` trims to the maximum on every insert.
 */
export function webhookIdMemoryFor(key: string, staticData: IDataObject): WebhookIdMemory {
	const stored = loadWebhookIdMemory(staticData);
	const live = liveMemories.get(key);
	if (!live) {
		liveMemories.set(key, stored);
		return stored;
	}
	const known = new Set(live.ids);
	const missing = stored.ids
		.map((id, i) => ({ id, time: stored.times[i] }))
		.filter((entry) => !known.has(entry.id));
	if (missing.length) {
		const merged = [...live.ids.map((id, i) => ({ id, time: live.times[i] })), ...missing].sort(
			(a, b) => a.time - b.time,
		);
		live.ids = merged.map((entry) => entry.id);
		live.times = merged.map((entry) => entry.time);
	}
	return live;
}

/** Forgets this process's live memory for `key` (on deactivation). */
export function forgetWebhookIdMemory(key: string): void {
	liveMemories.delete(key);
}

/** Stores `memory` as the static data's `webhookId` memory. */
export function saveWebhookIdMemory(staticData: IDataObject, memory: WebhookIdMemory): void {
	staticData[STATE_KEYS.webhookIds] = { ids: [...memory.ids], times: [...memory.times] };
}
