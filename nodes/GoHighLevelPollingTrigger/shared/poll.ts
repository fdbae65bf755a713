/**
 * One poll of the GoHighLevel Polling Trigger: read the chosen event's records, compare them with the memory in
 * the node's workflow static data (watermark.ts), emit what is new, store the new memory.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getConnection } from '../../GoHighLevel/shared/transport';
import { SOURCES, MANUAL_SAMPLE_SIZE, type EventRecord, type PollEvent, type PollSettings } from './sources';
import {
	STATE_VERSION,
	advanceSnapshot,
	advanceWatermark,
	initialWatermark,
	type SnapshotState,
	type WatermarkState,
} from './watermark';

/** Default of Options → Lookback (seconds): allowance for search-index lag and clock differences. */
export const DEFAULT_LOOKBACK_SECONDS = 120;
/** Default of Look Ahead (Days) for New Appointment. */
export const DEFAULT_LOOK_AHEAD_DAYS = 90;

/** Key of the trigger's state in `getWorkflowStaticData('node')`. */
export const STATE_KEY = 'pollState';

/** The stored state (JSON). `config` ties it to the event and filters it was built for. */
export interface PollState {
	version: number;
	/** JSON of event, filters and location; when it differs from the current one the trigger starts over. */
	config: string;
	watermark?: WatermarkState;
	snapshot?: SnapshotState;
}

/** The node's parameters, resolved. */
export interface PollParameters {
	event: PollEvent;
	settings: PollSettings;
	/** ms */
	lookbackMs: number;
}

/** Reads the node's parameters (names as in descriptions.ts). */
export function readParameters(ctx: IPollFunctions): PollParameters {
	const event = ctx.getNodeParameter('event') as PollEvent;
	const filters = (ctx.getNodeParameter('filters', {}) ?? {}) as IDataObject;
	const options = (ctx.getNodeParameter('options', {}) ?? {}) as IDataObject;
	const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
	const lookbackSeconds = Number(options.lookbackSeconds ?? DEFAULT_LOOKBACK_SECONDS);
	return {
		event,
		settings: {
			pipelineId: text(filters.pipelineId),
			opportunityStatus: text(filters.status),
			calendarId: text(filters.calendarId),
			lookAheadDays: Number(options.lookAheadDays ?? DEFAULT_LOOK_AHEAD_DAYS),
			noteContacts: options.noteContacts === 'all' ? 'all' : 'updated',
			formId: event === 'formSubmitted' ? text(filters.formId) : undefined,
			surveyId: event === 'surveySubmitted' ? text(filters.surveyId) : undefined,
		},
		lookbackMs: Math.max(0, Number.isFinite(lookbackSeconds) ? lookbackSeconds : DEFAULT_LOOKBACK_SECONDS) * 1000,
	};
}

function toItems(records: EventRecord[]): INodeExecutionData[][] | null {
	return records.length ? [records.map((r) => ({ json: r.item }))] : null;
}

/**
 * The newest {@link MANUAL_SAMPLE_SIZE} records of the event, oldest first, without reading or changing the
 * stored state (a manual test run in the editor).
 */
export async function manualPoll(ctx: IPollFunctions, nowMs: number): Promise<INodeExecutionData[][] | null> {
	const { event, settings } = readParameters(ctx);
	const connection = await getConnection(ctx);
	const records = await SOURCES[event].latest(ctx, connection, settings, nowMs);
	const newest = records
		.filter((r) => Number.isFinite(r.ts) || SOURCES[event].detection === 'snapshot')
		.sort((a, b) => (b.ts || 0) - (a.ts || 0))
		.slice(0, MANUAL_SAMPLE_SIZE)
		.reverse();
	return toItems(newest);
}

/**
 * Fails when a time-filtered read left out the newest record an unfiltered read returned: the watermark starts at
 * or before that record (`activePoll`), so a filter read as HighLevel documents it returns it. Missing, the filter
 * value is read in another format (ISO 8601 vs epoch ms; not documented) and the event would silently never fire.
 * Checked on the first poll only, where the unfiltered read happens anyway; the state is not stored, so the next
 * poll checks again.
 * @param newestMs event time of the newest record of the unfiltered read, epoch ms
 * @throws NodeOperationError naming the filter
 */
export function assertTimeFilterRead(
	ctx: IPollFunctions,
	filter: string,
	newestMs: number,
	records: EventRecord[],
): void {
	if (records.some((r) => r.ts >= newestMs)) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`HighLevel's answer to the time filter ${filter} left out records it lists without the filter`,
		{
			description: `The newest record (${new Date(newestMs).toISOString()}) is missing from the filtered read, so HighLevel reads the filter value in another format than the one sent, and this event would never fire. Use the GoHighLevel Trigger with the matching webhook event instead, and report this to the package maintainers.`,
		},
	);
}

/**
 * An activated trigger's poll. The first poll after activation (or after the event, a filter or the location
 * changed) only records what exists and emits nothing (its watermark starts at our clock − lookback, or at the
 * newest existing record's time when that is older); later polls emit each new event once, oldest first.
 * The state is stored only after every page was read, so a failed poll changes nothing and the next one
 * covers the same ground. For an event read with an undocumented time filter, the first poll also checks that
 * the filter returns the newest existing record ({@link assertTimeFilterRead}).
 * @param nowMs our clock when the poll starts, epoch ms
 * @throws NodeApiError / NodeOperationError from the requests (n8n reports them; the state is unchanged)
 */
export async function activePoll(ctx: IPollFunctions, nowMs: number): Promise<INodeExecutionData[][] | null> {
	const { event, settings, lookbackMs } = readParameters(ctx);
	const source = SOURCES[event];
	const connection = await getConnection(ctx);
	const staticData = ctx.getWorkflowStaticData('node');
	const config = JSON.stringify({ event, ...settings, lookAheadDays: undefined, locationId: connection.locationId });
	const stored = staticData[STATE_KEY] as PollState | undefined;
	const state = stored && stored.version === STATE_VERSION && stored.config === config ? stored : undefined;

	if (source.detection === 'snapshot') {
		const records = await source.read(ctx, connection, settings, 0, nowMs);
		const { fresh, state: snapshot } = advanceSnapshot(state?.snapshot, records.map((r) => r.key));
		staticData[STATE_KEY] = { version: STATE_VERSION, config, snapshot } satisfies PollState;
		const byKey = new Map(records.map((r) => [r.key, r]));
		return toItems(fresh.map((key) => byKey.get(key) as EventRecord));
	}

	const first = !state?.watermark;
	let watermark = state?.watermark ?? initialWatermark(nowMs, lookbackMs);
	let newest = -Infinity;
	if (first) {
		// Start no later than the newest record HighLevel already has: if HighLevel's clock is behind ours by more
		// than the lookback, records created after activation are still at or after the watermark.
		const existing = await source.latest(ctx, connection, settings, nowMs);
		newest = Math.max(...existing.map((r) => r.ts).filter(Number.isFinite));
		if (Number.isFinite(newest) && newest < watermark.since) watermark = { since: newest, seen: {} };
	}
	const records = await source.read(ctx, connection, settings, watermark.since, nowMs);
	if (first && source.timeFilter && Number.isFinite(newest)) {
		assertTimeFilterRead(ctx, source.timeFilter, newest, records);
	}
	const { fresh, state: next } = advanceWatermark(watermark, records, nowMs, lookbackMs);
	staticData[STATE_KEY] = { version: STATE_VERSION, config, watermark: next } satisfies PollState;
	return first ? null : toItems(fresh);
}
