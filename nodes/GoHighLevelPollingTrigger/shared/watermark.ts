/**
 * The polling trigger's memory between polls, as pure functions (no I/O, no clock of their own).
 *
 * Timestamp watermark (every event except New Task):
 * - `since` (epoch ms): every poll asks HighLevel for the records whose event time is `>= since` (inclusive, so
 *   records sharing the newest timestamp are read again);
 * - `seen`: the key of every record already emitted whose time is `>= since` (key = record id, or id + change
 *   time for events that can happen again to the same record), so a record read again is not emitted twice.
 *
 * After a poll, `since` moves to `min(newest event time read, pollStart − lookback)`, and never backwards.
 * - It never passes a timestamp HighLevel itself returned, so a HighLevel clock behind ours cannot make the
 *   trigger skip records.
 * - It never passes `pollStart − lookback`: a record written while the poll was paging, or one that shows up
 *   late in HighLevel's search index ("updates may take a few seconds to appear in search results",
 *   FACTS.md 2.1), or stamped by a HighLevel server whose clock lags, is still read by the next poll as long as
 *   it appears within `lookback` of its timestamp.
 * - Records newer than `since` (including timestamps ahead of our clock) stay in `seen` until `since` passes them.
 *
 * Snapshot memory (New Task, whose records carry no documented creation time): the ids present at the last polls.
 */

/** Version tag of the stored state; a different version starts over like a first activation. */
export const STATE_VERSION = 1;

/** One record as the watermark sees it. */
export interface WatermarkRecord {
	/** Identity of the event: the record id, or `<id>@<change time>` for repeatable events (updates, stage changes). */
	key: string;
	/** Event time, epoch ms (dateAdded, dateUpdated, lastStageChangeAt…). */
	ts: number;
}

/** Stored state of the timestamp watermark (JSON-safe; lives in the node's workflow static data). */
export interface WatermarkState {
	/** Records with an event time before this (epoch ms) are never asked for again. */
	since: number;
	/** Keys already emitted → their event time (epoch ms); only keys with time `>= since` are kept. */
	seen: Record<string, number>;
}

/**
 * The state of a first activation: nothing emitted yet, the window opens `lookbackMs` before `nowMs`.
 * @param nowMs our clock, epoch ms
 * @param lookbackMs allowance for late records and clock differences, ms (>= 0)
 */
export function initialWatermark(nowMs: number, lookbackMs: number): WatermarkState {
	return { since: nowMs - lookbackMs, seen: {} };
}

/** Result of {@link advanceWatermark}. */
export interface WatermarkAdvance<T extends WatermarkRecord> {
	/** Records to emit: not emitted before, at or after `since`, each key once, oldest first (ties by key). */
	fresh: T[];
	/** The state to store for the next poll. */
	state: WatermarkState;
}

/**
 * Applies one poll's records to the watermark.
 * @param state the stored state (not mutated)
 * @param records every record read by this poll (any order; records older than `state.since` and keys seen
 *   before are ignored; a key read twice counts once)
 * @param pollStartMs our clock when the poll started, epoch ms
 * @param lookbackMs see {@link initialWatermark}
 * @returns the records to emit and the next state
 */
export function advanceWatermark<T extends WatermarkRecord>(
	state: WatermarkState,
	records: T[],
	pollStartMs: number,
	lookbackMs: number,
): WatermarkAdvance<T> {
	const inWindow = records.filter((r) => Number.isFinite(r.ts) && r.ts >= state.since);
	const fresh: T[] = [];
	const taken = new Set<string>();
	for (const record of inWindow) {
		if (record.key in state.seen || taken.has(record.key)) continue;
		taken.add(record.key);
		fresh.push(record);
	}
	fresh.sort((a, b) => a.ts - b.ts || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

	let newest = -Infinity;
	for (const record of inWindow) newest = Math.max(newest, record.ts);
	for (const ts of Object.values(state.seen)) newest = Math.max(newest, ts);
	const cap = pollStartMs - lookbackMs;
	const since = Math.max(state.since, Math.min(newest, cap));

	const seen: Record<string, number> = {};
	for (const [key, ts] of Object.entries(state.seen)) if (ts >= since) seen[key] = ts;
	for (const record of inWindow) if (record.ts >= since) seen[record.key] = record.ts;
	return { fresh, state: { since, seen } };
}

/** Stored state of the id snapshot (New Task). */
export interface SnapshotState {
	/** Poll counter, increased by every {@link advanceSnapshot}. */
	poll: number;
	/** Known ids → the poll that last saw them. */
	known: Record<string, number>;
}

/**
 * How many polls an id may be missing before it is forgotten. Offset paging (POST /locations/{id}/tasks/search,
 * FACTS.md 2.1) can skip a record when another is deleted mid-scan; remembering absent ids for a few polls keeps
 * such a record from being reported as new when it shows up again. Deleted records are forgotten after this.
 */
export const SNAPSHOT_FORGET_AFTER_POLLS = 3;

/**
 * Applies one full scan to the id snapshot.
 * @param state the stored state (not mutated); `undefined` on a first activation, which emits nothing
 * @param ids every id the scan read (duplicates allowed)
 * @returns `fresh`: ids not known before, in scan order, each once; `state`: the next state
 */
export function advanceSnapshot(
	state: SnapshotState | undefined,
	ids: string[],
): { fresh: string[]; state: SnapshotState } {
	const poll = (state?.poll ?? 0) + 1;
	const known: Record<string, number> = {};
	for (const [id, lastSeen] of Object.entries(state?.known ?? {})) {
		if (poll - lastSeen <= SNAPSHOT_FORGET_AFTER_POLLS) known[id] = lastSeen;
	}
	const fresh: string[] = [];
	const taken = new Set<string>();
	for (const id of ids) {
		if (state && !(id in state.known) && !taken.has(id)) {
			taken.add(id);
			fresh.push(id);
		}
		known[id] = poll;
	}
	return { fresh, state: { poll, known } };
}
