/**
 * What the trigger keeps in n8n's workflow static data (`getWorkflowStaticData('node')`, a plain JSON object that
 * n8n persists with the workflow): the "subscription" written at activation, and the memory of accepted
 * `webhookId`s used to drop repeated deliveries (dedup.ts), shared by the requests this process handles.
 *
 * HighLevel has no webhook-subscription API (FACTS.md 5.3), so the subscription is local bookkeeping: it records
 * what this node was activated for, so `checkExists` can tell whether activation has to run again.
 */
import type { IDataObject } from 'n8n-workflow';

import type { LocationMode, TriggerSettings, TriggerSource } from './settings';
import {
	createWebhookIdMemory,
	DEDUP_UNCHECKED_TTL_MS,
	mergeWebhookIdEntries,
	parseWebhookIdText,
	webhookIdKey,
	type WebhookIdMemory,
} from './dedup';

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

/** Version tag of the `webhookId` memory in static data (version 1 was `{ ids: string[], times: number[] }`). */
const MEMORY_VERSION = 2;

/**
 * The `webhookId` memory as static data holds it: `{ v: 2, ids: <text> }`, `text` as {@link WebhookIdMemory.text}
 * (23 ASCII characters per id, at most `DEDUP_MAX_BYTES` of dedup.ts in all).
 */
export interface StoredWebhookIds {
	v: typeof MEMORY_VERSION;
	ids: string;
}

/**
 * The live entries of the memory in static data, in stored order; none when absent or malformed. The version-1
 * form of earlier releases (raw ids and first-seen times, epoch ms) is read too: each id is kept for
 * {@link DEDUP_UNCHECKED_TTL_MS} after it was first seen, as those releases did.
 */
export function storedWebhookIdEntries(
	staticData: IDataObject,
	nowMs: number,
): Array<[string, number]> {
	const stored = staticData[STATE_KEYS.webhookIds] as Partial<StoredWebhookIds> & {
		ids?: unknown;
		times?: unknown;
	};
	if (!stored || typeof stored !== 'object') return [];
	if (stored.v === MEMORY_VERSION) return parseWebhookIdText(stored.ids, nowMs);
	if (!Array.isArray(stored.ids) || !Array.isArray(stored.times)) return [];
	const out: Array<[string, number]> = [];
	stored.ids.forEach((id: unknown, i: number) => {
		const seen = (stored.times as unknown[])[i];
		if (typeof id !== 'string' || typeof seen !== 'number') return;
		const expiry = Math.ceil((seen + DEDUP_UNCHECKED_TTL_MS) / 1000);
		if (expiry * 1000 >= nowMs) out.push([webhookIdKey(id), expiry]);
	});
	return out;
}

/**
 * The `webhookId` memories of this n8n process, by workflow and node. n8n saves a webhook's static data only after
 * the response, so two deliveries close together would each read the memory before the other's save and the last
 * save would drop the first id. Requests share this object instead: `checkWebhook` records an id synchronously
 * after its last `await`, so concurrent deliveries of one id cannot both pass. Static data still carries the
 * memory across restarts and between processes.
 *
 * Between processes (queue mode with several `n8n webhook` processes), n8n 2.8 gives a node no way to make the
 * stored memory complete: for every request it reads the workflow's static data from the database, runs
 * `webhook()` on that copy and, after the answer, writes the whole object back (cli `LiveWebhooks.executeWebhook`
 * → `WorkflowStaticDataService.saveStaticData`, an UPDATE without merge or lock); a node cannot re-read or lock it.
 * What the node does: every request merges what it read into this process's memory, and every request (accepted,
 * duplicate or refused) saves this process's whole memory, so a process never drops an id it has seen.
 *
 * The window left: an id x accepted by process A is missing from the database from the save of a request on
 * another process B that read the static data before A's save of x, until a process that holds x (A, or one that
 * read it since) saves again with no other process's older read saved after it — in practice A's next request to
 * this trigger node, whatever it carries (accepted, duplicate or refused), or a later one when a save of B is still
 * in flight after it (a loaded machine). A replay of x reaching another process inside that window starts a second
 * execution; one reaching A is always caught; a restart of A inside the window loses x. The window opens only when deliveries to different processes overlap between n8n's read and its save
 * (milliseconds, plus the record fetch when Include Full Record is on), and matters only when the replay comes
 * before A's next delivery (HighLevel re-delivers after about 10 minutes, FACTS.md 5.4). Measured in queue mode:
 * 200 events sent at once over 2 webhook processes and replayed at once to the other process, 81 to 99 replays (of
 * 200, in four runs) started a second execution; once each process had saved one more delivery after the burst's
 * saves, none (test/e2e/queue.e2e.test.ts).
 */
const liveMemories = new Map<string, WebhookIdMemory>();

/** How often, at most, every live memory is swept for expired entries (and dropped when empty): 1 minute. */
const SWEEP_INTERVAL_MS = 60_000;
let lastSweepMs = 0;

/** Drops the expired entries of every live memory and forgets the empty ones (nodes that got no delivery lately). */
function sweep(nowMs: number): void {
	if (nowMs - lastSweepMs < SWEEP_INTERVAL_MS) return;
	lastSweepMs = nowMs;
	for (const [key, memory] of liveMemories) {
		const live = parseWebhookIdText(memory.text, nowMs);
		if (live.length === 0) {
			liveMemories.delete(key);
		} else if (live.length !== memory.entries.size) {
			const fresh = createWebhookIdMemory();
			mergeWebhookIdEntries(fresh, live);
			memory.entries = fresh.entries;
			memory.text = fresh.text;
		}
	}
}

/**
 * The memory to check a delivery against at `nowMs`: this process's live memory for `key`
 * (`<workflowId>:<nodeId>`), created on first use, with the live entries of static data it lacks merged in
 * (skipped when static data holds exactly what this process saved last). Bounded like the stored memory: by
 * expiry, and by `DEDUP_MAX_ENTRIES` of dedup.ts.
 */
export function webhookIdMemoryFor(
	key: string,
	staticData: IDataObject,
	nowMs: number,
): WebhookIdMemory {
	sweep(nowMs);
	let live = liveMemories.get(key);
	if (!live) {
		live = createWebhookIdMemory();
		liveMemories.set(key, live);
	}
	const stored = staticData[STATE_KEYS.webhookIds] as Partial<StoredWebhookIds> | undefined;
	if (!(stored?.v === MEMORY_VERSION && stored.ids === live.text)) {
		mergeWebhookIdEntries(live, storedWebhookIdEntries(staticData, nowMs));
	}
	return live;
}

/** Forgets this process's live memory for `key` (on deactivation). */
export function forgetWebhookIdMemory(key: string): void {
	liveMemories.delete(key);
}

/**
 * Stores `memory` as the static data's `webhookId` memory ({@link StoredWebhookIds}), only when it differs from
 * what is there: n8n writes static data back to the database whenever it was changed.
 */
export function saveWebhookIdMemory(staticData: IDataObject, memory: WebhookIdMemory): void {
	const stored = staticData[STATE_KEYS.webhookIds] as Partial<StoredWebhookIds> | undefined;
	if (stored?.v === MEMORY_VERSION && stored.ids === memory.text) return;
	if (memory.text === '' && stored === undefined) return;
	const value: StoredWebhookIds = { v: MEMORY_VERSION, ids: memory.text };
	staticData[STATE_KEYS.webhookIds] = value as unknown as IDataObject;
}
