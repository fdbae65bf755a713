import {
	advanceSnapshot,
	advanceWatermark,
	initialWatermark,
	SNAPSHOT_FORGET_AFTER_POLLS,
	type WatermarkRecord,
	type WatermarkState,
} from '../../nodes/GoHighLevelPollingTrigger/shared/watermark';

const T = Date.UTC(2026, 0, 5, 12, 0, 0);
const LOOKBACK = 60_000;
const rec = (key: string, ts: number): WatermarkRecord => ({ key, ts });
const keys = (records: WatermarkRecord[]) => records.map((r) => r.key);

/** Runs polls at the given times over what HighLevel shows at each; returns the keys emitted per poll. */
function run(polls: Array<{ at: number; visible: WatermarkRecord[] }>, start = T): string[][] {
	let state: WatermarkState = initialWatermark(start, LOOKBACK);
	return polls.map(({ at, visible }) => {
		const result = advanceWatermark(state, visible, at, LOOKBACK);
		state = result.state;
		return keys(result.fresh);
	});
}

describe('advanceWatermark', () => {
	it('emits new records oldest first, ties by key, and each key once even if read twice', () => {
		const state = initialWatermark(T, LOOKBACK);
		const { fresh } = advanceWatermark(state, [rec('b', T + 5), rec('a', T + 5), rec('c', T + 1), rec('a', T + 5)], T + 10, LOOKBACK);
		expect(keys(fresh)).toEqual(['c', 'a', 'b']);
	});

	it('ignores records older than the watermark', () => {
		const state: WatermarkState = { since: T, seen: {} };
		expect(keys(advanceWatermark(state, [rec('old', T - 1), rec('new', T)], T + LOOKBACK * 2, LOOKBACK).fresh)).toEqual(['new']);
	});

	it('ties at the same timestamp: a record sharing the newest time that appears later is still emitted, the first is not repeated', () => {
		const at = T + LOOKBACK * 10;
		const emitted = run([
			{ at, visible: [rec('a', at - 1)] },
			{ at: at + LOOKBACK * 10, visible: [rec('a', at - 1), rec('b', at - 1)] },
			{ at: at + LOOKBACK * 20, visible: [rec('a', at - 1), rec('b', at - 1)] },
		]);
		expect(emitted).toEqual([['a'], ['b'], []]);
	});

	it('keeps the key of every record at or after the watermark and drops older ones', () => {
		const state = initialWatermark(T, LOOKBACK);
		const now = T + LOOKBACK * 10;
		const { state: next } = advanceWatermark(state, [rec('x', T), rec('y', T + 10), rec('z', T + 20)], now, LOOKBACK);
		expect(next.since).toBe(T + 20);
		expect(next.seen).toEqual({ z: T + 20 });
	});

	it('never moves the watermark past pollStart − lookback: a record stamped during the poll but indexed after it is not missed', () => {
		// Poll at P reads r1 (stamped P − 5 s); r2 was stamped P − 10 s but shows up in the search only later.
		const P = T + LOOKBACK * 10;
		const emitted = run([
			{ at: P, visible: [rec('r1', P - 5_000)] },
			{ at: P + 300_000, visible: [rec('r1', P - 5_000), rec('r2', P - 10_000)] },
		]);
		expect(emitted).toEqual([['r1'], ['r2']]);
	});

	it('misses nothing when HighLevel\'s clock is behind ours (the watermark never passes a HighLevel timestamp)', () => {
		// HighLevel stamps 10 minutes behind our clock, more than the lookback. On activation poll.ts starts the
		// watermark at the newest existing HighLevel timestamp when that is older than our clock − lookback.
		const skew = -600_000;
		const emitted = run([
			{ at: T + 60_000, visible: [rec('a', T + 30_000 + skew)] },
			{ at: T + 120_000, visible: [rec('a', T + 30_000 + skew), rec('b', T + 90_000 + skew)] },
			{ at: T + 180_000, visible: [rec('a', T + 30_000 + skew), rec('b', T + 90_000 + skew), rec('c', T + 150_000 + skew)] },
		], T + skew);
		expect(emitted).toEqual([['a'], ['b'], ['c']]);
	});

	it('emits a record stamped ahead of our clock once and keeps its key until the watermark passes it', () => {
		const future = T + 3_600_000;
		let state = initialWatermark(T, LOOKBACK);
		const first = advanceWatermark(state, [rec('f', future)], T + 60_000, LOOKBACK);
		expect(keys(first.fresh)).toEqual(['f']);
		state = first.state;
		expect(state.since).toBe(T + 60_000 - LOOKBACK);
		expect(state.seen).toEqual({ f: future });
		const second = advanceWatermark(state, [rec('f', future), rec('g', T + 90_000)], T + 120_000, LOOKBACK);
		expect(keys(second.fresh)).toEqual(['g']);
		expect(second.state.seen).toHaveProperty('f');
	});

	it('never moves the watermark backwards', () => {
		const state: WatermarkState = { since: T, seen: {} };
		expect(advanceWatermark(state, [], T - 1_000_000, LOOKBACK).state.since).toBe(T);
		expect(advanceWatermark(state, [rec('a', T + 5)], T - 1_000_000, LOOKBACK).state.since).toBe(T);
	});

	it('skips records without a valid time', () => {
		const state = initialWatermark(T, LOOKBACK);
		expect(advanceWatermark(state, [rec('nan', NaN)], T + 1, LOOKBACK).fresh).toEqual([]);
	});

	it('does not mutate the stored state', () => {
		const state: WatermarkState = { since: T, seen: { a: T } };
		const copy = structuredClone(state);
		advanceWatermark(state, [rec('b', T + 1)], T + LOOKBACK * 10, LOOKBACK);
		expect(state).toEqual(copy);
	});
});

describe('advanceSnapshot', () => {
	it('emits nothing on a first activation, then only ids not known before, each once', () => {
		const first = advanceSnapshot(undefined, ['a', 'b']);
		expect(first.fresh).toEqual([]);
		const second = advanceSnapshot(first.state, ['a', 'c', 'b', 'c', 'd']);
		expect(second.fresh).toEqual(['c', 'd']);
		expect(advanceSnapshot(second.state, ['a', 'b', 'c', 'd']).fresh).toEqual([]);
	});

	it(`remembers an id missing from up to ${SNAPSHOT_FORGET_AFTER_POLLS} scans, then forgets it`, () => {
		let state = advanceSnapshot(undefined, ['a', 'b']).state;
		for (let i = 0; i < SNAPSHOT_FORGET_AFTER_POLLS - 1; i++) state = advanceSnapshot(state, ['a']).state;
		expect(advanceSnapshot(state, ['a', 'b']).fresh).toEqual([]);
		for (let i = 0; i < SNAPSHOT_FORGET_AFTER_POLLS + 1; i++) state = advanceSnapshot(state, ['a']).state;
		expect(state.known).not.toHaveProperty('b');
		expect(advanceSnapshot(state, ['a', 'b']).fresh).toEqual(['b']);
	});
});
