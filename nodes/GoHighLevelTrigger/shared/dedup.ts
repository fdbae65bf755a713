/**
 * The memory of accepted `webhookId`s that makes the trigger drop a repeated delivery (HighLevel's replay advice:
 * "Reject any requests with duplicate `webhookId` values", `docs/oauth/WebhookAuthentication.md`, FACTS.md 5.4).
 *
 * Bounded by time, not by count: an id is kept exactly as long as a repeat of its delivery could still pass the
 * timestamp check, i.e. until the payload `timestamp` + Signature Time Window + {@link DEDUP_CLOCK_ALLOWANCE_MS}
 * (see {@link webhookIdExpiry}). Only deliveries that start an execution are remembered, so events of other types
 * or locations never take room. A byte cap ({@link DEDUP_MAX_BYTES}) only guards memory against a flood.
 *
 * Each id is kept as a fixed 16-character key (the first 96 bits of its SHA-256, base64url) with its expiry, so
 * the stored form is compact, holds no payload data and has a fixed size per entry ({@link DEDUP_ENTRY_CHARS}).
 * No I/O and no timers: every function takes the current time.
 */
import { createHash } from 'node:crypto';

/**
 * Added to the window when deciding how long an id is kept: 60 s, for an n8n clock that steps back (NTP) or
 * n8n processes whose clocks differ slightly (the same static data is read by each).
 */
export const DEDUP_CLOCK_ALLOWANCE_MS = 60_000;

/**
 * How long an id is kept when its delivery's age is not checked (Signature Time Window 0, the workflow source, or
 * no timestamp): 2 hours, above HighLevel's worst-case redelivery span ("up to six times", "fixed 10-minute
 * interval (plus jitter)", "~1 hr 10 min", FACTS.md 5.4 item 3). Replays after that are not caught; set a window.
 */
export const DEDUP_UNCHECKED_TTL_MS = 2 * 60 * 60 * 1000;

/** Characters of a key: 16 base64url characters = the first 12 bytes (96 bits) of the id's SHA-256. */
const KEY_CHARS = 16;
/** Characters of an expiry: epoch seconds in base 36, zero-padded (7 digits last until the year 4400). */
const EXPIRY_CHARS = 7;

/** Characters (= bytes, all ASCII) of one stored entry: key + expiry. */
export const DEDUP_ENTRY_CHARS = KEY_CHARS + EXPIRY_CHARS;

/**
 * Most bytes one trigger node's memory takes in workflow static data: 2 MiB, i.e. {@link DEDUP_MAX_ENTRIES}
 * (91,180) ids. With the default 5-minute window an id is kept at most 11 minutes (a timestamp 5 minutes ahead +
 * 5 minutes + the 1-minute allowance; 6 minutes when HighLevel's clock and n8n's agree), so the cap holds a
 * sustained 100 executions per second for that whole time (66,000 ids, 1.5 MB), far above a realistic rate. The process keeps the same
 * entries in a `Map` (about 100 bytes each, so at most about 9 MB per trigger node). When the cap is reached the
 * entries received first are dropped early and {@link WebhookIdMemory.dropped} counts them.
 */
export const DEDUP_MAX_BYTES = 2 * 1024 * 1024;

/** {@link DEDUP_MAX_BYTES} in entries. */
export const DEDUP_MAX_ENTRIES = Math.floor(DEDUP_MAX_BYTES / DEDUP_ENTRY_CHARS);

/**
 * A trigger node's memory. `entries` maps each key to its expiry (epoch seconds) in insertion order; `text` is the
 * same entries serialised (key + expiry, {@link DEDUP_ENTRY_CHARS} characters each, same order), kept in step on
 * every change so saving to static data costs no re-serialisation.
 */
export interface WebhookIdMemory {
	entries: Map<string, number>;
	text: string;
	/** Entries dropped by the byte cap before they expired (a warning sign; 0 in normal use). */
	dropped: number;
}

/** A new, empty memory. */
export function createWebhookIdMemory(): WebhookIdMemory {
	return { entries: new Map(), text: '', dropped: 0 };
}

/** The stored key of a `webhookId`: first 96 bits of its SHA-256, base64url (16 characters). */
export function webhookIdKey(id: string): string {
	return createHash('sha256').update(id, 'utf8').digest('base64url').slice(0, KEY_CHARS);
}

/**
 * Until when (epoch ms) a delivery accepted at `nowMs` has to be remembered: `timestampMs` (the payload's
 * timestamp, epoch ms) + `windowMs` + {@link DEDUP_CLOCK_ALLOWANCE_MS} when the timestamp was checked (window > 0
 * and a timestamp), else `nowMs` + {@link DEDUP_UNCHECKED_TTL_MS}. A repeat after that is refused by the timestamp
 * check anyway (`checkTimestamp` accepts at most `windowMs` after the timestamp).
 */
export function webhookIdExpiry(
	timestampMs: number | undefined,
	nowMs: number,
	windowMs: number,
): number {
	if (windowMs > 0 && timestampMs !== undefined && Number.isFinite(timestampMs)) {
		return Math.max(nowMs, timestampMs + windowMs) + DEDUP_CLOCK_ALLOWANCE_MS;
	}
	return nowMs + DEDUP_UNCHECKED_TTL_MS;
}

function encodeExpiry(seconds: number): string {
	return seconds.toString(36).padStart(EXPIRY_CHARS, '0').slice(-EXPIRY_CHARS);
}

/** Drops expired entries from the front (insertion order). Entries behind a live one wait for it: at most 2 windows. */
function pruneFront(memory: WebhookIdMemory, nowSeconds: number): void {
	let removed = 0;
	for (const [key, expiry] of memory.entries) {
		if (expiry >= nowSeconds) break;
		memory.entries.delete(key);
		removed++;
	}
	if (removed > 0) memory.text = memory.text.slice(removed * DEDUP_ENTRY_CHARS);
}

/** Drops the first `count` entries (insertion order). */
function dropFront(memory: WebhookIdMemory, count: number): void {
	let removed = 0;
	for (const key of memory.entries.keys()) {
		if (removed >= count) break;
		memory.entries.delete(key);
		removed++;
	}
	memory.text = memory.text.slice(removed * DEDUP_ENTRY_CHARS);
}

/** True when `id` was remembered and has not expired at `nowMs`. Drops expired entries first. */
export function hasWebhookId(memory: WebhookIdMemory, id: string, nowMs: number): boolean {
	const nowSeconds = Math.floor(nowMs / 1000);
	pruneFront(memory, nowSeconds);
	const expiry = memory.entries.get(webhookIdKey(id));
	return expiry !== undefined && expiry >= nowSeconds;
}

/**
 * Remembers `id` until `expiresAtMs` (epoch ms, rounded up to the second) and says whether it was already there
 * (then nothing changes). Drops expired entries first and, beyond {@link DEDUP_MAX_ENTRIES}, the entries added
 * first. An empty id is answered `new` and not stored. Never throws.
 */
export function rememberWebhookId(
	memory: WebhookIdMemory,
	id: string,
	expiresAtMs: number,
	nowMs: number,
): 'new' | 'duplicate' {
	if (typeof id !== 'string' || id === '') return 'new';
	const nowSeconds = Math.floor(nowMs / 1000);
	pruneFront(memory, nowSeconds);
	const key = webhookIdKey(id);
	const known = memory.entries.get(key);
	if (known !== undefined && known >= nowSeconds) return 'duplicate';
	appendEntry(memory, key, Math.ceil(expiresAtMs / 1000));
	return 'new';
}

/** Appends one entry (replacing an expired one of the same key) and applies the cap. */
function appendEntry(memory: WebhookIdMemory, key: string, expirySeconds: number): void {
	if (memory.entries.has(key)) {
		// An expired entry behind a live one: rebuild without it (rare).
		memory.entries.delete(key);
		memory.text = serialise(memory.entries);
	}
	memory.entries.set(key, expirySeconds);
	memory.text += key + encodeExpiry(expirySeconds);
	const excess = memory.entries.size - DEDUP_MAX_ENTRIES;
	if (excess > 0) {
		dropFront(memory, excess);
		memory.dropped += excess;
	}
}

function serialise(entries: Map<string, number>): string {
	let text = '';
	for (const [key, expiry] of entries) text += key + encodeExpiry(expiry);
	return text;
}

const ENTRY = new RegExp(`^[A-Za-z0-9_-]{${KEY_CHARS}}[0-9a-z]{${EXPIRY_CHARS}}$`);

/**
 * The entries of a stored `text` (as {@link WebhookIdMemory.text}) that are still live at `nowMs`, in order.
 * Malformed entries are skipped; a text whose length is not a multiple of {@link DEDUP_ENTRY_CHARS} gives none.
 */
export function parseWebhookIdText(text: unknown, nowMs: number): Array<[string, number]> {
	if (typeof text !== 'string' || text.length % DEDUP_ENTRY_CHARS !== 0) return [];
	const nowSeconds = Math.floor(nowMs / 1000);
	const out: Array<[string, number]> = [];
	for (let i = 0; i < text.length; i += DEDUP_ENTRY_CHARS) {
		const entry = text.slice(i, i + DEDUP_ENTRY_CHARS);
		if (!ENTRY.test(entry)) continue;
		const expiry = parseInt(entry.slice(KEY_CHARS), 36);
		if (expiry >= nowSeconds) out.push([entry.slice(0, KEY_CHARS), expiry]);
	}
	return out;
}

/**
 * Adds `entries` (key, expiry in epoch seconds) that `memory` lacks, then applies the cap. Returns how many were
 * added. Used to take in what another n8n process (or an earlier run of this one) saved in static data.
 */
export function mergeWebhookIdEntries(
	memory: WebhookIdMemory,
	entries: ReadonlyArray<readonly [string, number]>,
): number {
	let added = 0;
	for (const [key, expiry] of entries) {
		if (memory.entries.has(key)) continue;
		memory.entries.set(key, expiry);
		memory.text += key + encodeExpiry(expiry);
		added++;
	}
	const excess = memory.entries.size - DEDUP_MAX_ENTRIES;
	if (excess > 0) dropFront(memory, excess);
	return added;
}
