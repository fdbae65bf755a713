import type { IDataObject, IExecuteSingleFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Date-time conversion for the endpoints that take times, in one place:
 * - epoch milliseconds: calendars.json `get-slots` (`startDate`/`endDate`) and `get-calendar-events`
 *   (`startTime`/`endTime`, sent as strings of digits) (FACTS.md 2.3);
 * - ISO 8601 with the offset of an IANA time zone, e.g. `2026-03-08T10:00:00-05:00`: calendars.json
 *   `create-appointment` / `edit-appointment` / blocked slots (`startTime`, `endTime`) (FACTS.md 2.3);
 * - a date only, `YYYY-MM-DD`, in a time zone.
 *
 * Accepted input, as n8n hands it over from a parameter or an expression:
 * - an ISO 8601 string `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm[:ss[.SSS]]` (or a space instead of `T`), with an offset
 *   (`Z`, `+05:30`, `+0530`) or without one. **Without an offset the wall-clock time is read in `timeZone`** (the
 *   workflow's time zone, `this.getTimezone()`, or UTC when none is given); a date alone is midnight there;
 * - a Luxon `DateTime` (what `{{ $now }}`, `{{ $json.x.toDateTime() }}` give) or a JavaScript `Date`;
 * - epoch milliseconds, as a number or a string of digits. Values below 100,000,000,000 (3 March 1973) are refused
 *   as probably seconds.
 * Anything else, or an impossible date (`2026-02-30`), throws a NodeOperationError naming the parameter.
 *
 * Daylight-saving edges, for a wall-clock time without offset: a time that does not exist (skipped by a spring-forward
 * change, e.g. 02:30 on 2026-03-08 in America/New_York) moves forward by the gap (03:30 EDT); a time that exists twice
 * (fall-back, e.g. 01:30 on 2026-11-01 there) is the first one (01:30 EDT, -04:00). Luxon does the same.
 */

/** Where a time value came from, for the error message. */
export interface TimeParameter {
	/** The node, for the NodeOperationError. */
	node: INode;
	/** The parameter's display name as the user sees it, e.g. `Start Time`. */
	parameter: string;
	/** Item the value belongs to, when known. */
	itemIndex?: number;
	/**
	 * IANA time zone (e.g. `Europe/Berlin`) in which a date-time without offset is read, and in which
	 * {@link toZonedIso} / {@link toDateOnly} write. Default `UTC`.
	 */
	timeZone?: string;
}

/** One hour / day / 31 days in milliseconds. `MAX_FREE_SLOTS_SPAN_MS`: calendars.json `get-slots` allows 31 days. */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const MAX_FREE_SLOTS_SPAN_MS = 31 * DAY_MS;

/** Smallest number accepted as epoch milliseconds (1973-03-03); smaller numbers are most likely seconds. */
const MIN_EPOCH_MS = 100_000_000_000;

const ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function fail(input: TimeParameter, value: unknown, why: string): never {
	const shown = typeof value === 'string' ? `"${value}"` : typeof value === 'object' ? 'the value given' : String(value);
	throw new NodeOperationError(input.node, `${input.parameter}: ${shown} ${why}`, {
		itemIndex: input.itemIndex,
		description:
			'Use an ISO 8601 date-time such as 2026-03-08T10:00:00-05:00 (without an offset it is read in the workflow\'s time zone), an n8n date-time expression such as {{ $now }}, or epoch milliseconds.',
	});
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Checks that `timeZone` is an IANA zone this runtime knows (`UTC`, `Europe/Berlin`, …). */
export function isValidTimeZone(timeZone: string): boolean {
	try {
		formatter(timeZone);
		return true;
	} catch {
		return false;
	}
}

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** Offset of `timeZone` from UTC at the instant `epochMs`, in ms (e.g. -18,000,000 for EST). */
function offsetAt(timeZone: string, epochMs: number): number {
	const parts: Record<string, number> = {};
	for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	const whole = epochMs - (((epochMs % 1000) + 1000) % 1000);
	return wall - whole;
}

/** The instant at which the wall clock of `timeZone` shows `wallMs` (wall-clock time written as if UTC). */
function wallToEpoch(timeZone: string, wallMs: number): number {
	const before = offsetAt(timeZone, wallMs - DAY_MS);
	const after = offsetAt(timeZone, wallMs + DAY_MS);
	const candidates = [...new Set([before, after])]
		.map((offset) => wallMs - offset)
		.filter((t) => wallMs - offsetAt(timeZone, t) === t)
		.sort((a, b) => a - b);
	// Exists (once or twice): the first. Skipped by a spring-forward change: the pre-change offset moves it forward.
	return candidates[0] ?? wallMs - before;
}

function zoneOf(input: TimeParameter): string {
	const zone = input.timeZone || 'UTC';
	if (!isValidTimeZone(zone)) {
		throw new NodeOperationError(input.node, `Time zone "${zone}" is not an IANA time zone`, {
			itemIndex: input.itemIndex,
			description: `Used for ${input.parameter}. Use a name such as Europe/Berlin or America/New_York, or set the workflow's time zone in its settings.`,
		});
	}
	return zone;
}

function isLuxonLike(value: object): value is { isValid?: boolean; toMillis(): number } {
	return typeof (value as { toMillis?: unknown }).toMillis === 'function';
}

/**
 * Converts an n8n date-time (see the file comment for what is accepted) to epoch milliseconds.
 * @returns ms since 1970-01-01T00:00:00Z
 * @throws NodeOperationError naming `input.parameter` when the value is empty or not a date-time
 */
export function toEpochMs(value: unknown, input: TimeParameter): number {
	if (value === undefined || value === null || value === '') fail(input, value, 'is empty; a date-time is needed');
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) fail(input, value, 'is not a date-time');
		if (Math.abs(value) < MIN_EPOCH_MS) fail(input, value, 'looks like seconds; epoch milliseconds are expected (multiply by 1000)');
		return Math.trunc(value);
	}
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) fail(input, value, 'is an invalid date');
		return value.getTime();
	}
	if (typeof value === 'object' && isLuxonLike(value)) {
		const ms = value.isValid === false ? NaN : value.toMillis();
		if (!Number.isFinite(ms)) fail(input, value, 'is an invalid date-time');
		return ms;
	}
	if (typeof value !== 'string') fail(input, value, 'is not a date-time');
	const text = value.trim();
	if (/^\d+$/.test(text)) return toEpochMs(Number(text), input);
	const m = ISO.exec(text);
	if (!m) fail(input, value, 'is not a date-time');
	const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
	const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
	const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
	const check = new Date(wall);
	if (
		check.getUTCFullYear() !== year ||
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	) {
		fail(input, value, 'is not a real date or time');
	}
	const offset = m[8];
	if (!offset) return wallToEpoch(zoneOf(input), wall);
	if (offset.toUpperCase() === 'Z') return wall;
	const [, sign, hh, mm] = /^([+-])(\d{2}):?(\d{2})$/.exec(offset)!;
	const offsetMs = (Number(hh) * 60 + Number(mm)) * 60_000;
	return sign === '+' ? wall - offsetMs : wall + offsetMs;
}

function pad(n: number, width = 2): string {
	return String(Math.abs(n)).padStart(width, '0');
}

function wallParts(epochMs: number, zone: string): { date: string; time: string; offset: string } {
	const offset = offsetAt(zone, epochMs);
	const w = new Date(epochMs + offset);
	const minutes = Math.round(Math.abs(offset) / 60_000);
	return {
		date: `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`,
		time: `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`,
		offset: `${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`,
	};
}

/**
 * Converts an n8n date-time to ISO 8601 with the offset `input.timeZone` has at that instant, seconds precision,
 * e.g. `2026-03-08T03:30:00-04:00` (calendars.json `create-appointment` `startTime` example: `2021-06-23T03:30:00+05:30`).
 * @throws NodeOperationError naming the parameter (bad value) or the time zone (unknown zone)
 */
export function toZonedIso(value: unknown, input: TimeParameter): string {
	const zone = zoneOf(input);
	const p = wallParts(toEpochMs(value, input), zone);
	return `${p.date}T${p.time}${p.offset}`;
}

/**
 * Converts an n8n date-time to the calendar date `YYYY-MM-DD` it falls on in `input.timeZone` (default UTC).
 * @throws NodeOperationError naming the parameter (bad value) or the time zone (unknown zone)
 */
export function toDateOnly(value: unknown, input: TimeParameter): string {
	const zone = zoneOf(input);
	return wallParts(toEpochMs(value, input), zone).date;
}

/** A time range in epoch ms, start inclusive, end exclusive. */
export interface TimeRange {
	startMs: number;
	endMs: number;
}

/**
 * Checks a user-given range before any request: both ends set and the end after the start.
 * @throws NodeOperationError naming both parameters when `endMs <= startMs`
 */
export function assertRange(
	range: TimeRange,
	input: { node: INode; startParameter: string; endParameter: string; itemIndex?: number },
): void {
	if (range.endMs <= range.startMs) {
		throw new NodeOperationError(
			input.node,
			`${input.endParameter} must be after ${input.startParameter}`,
			{
				itemIndex: input.itemIndex,
				description: `${input.startParameter} is ${new Date(range.startMs).toISOString()}, ${input.endParameter} is ${new Date(range.endMs).toISOString()}: the range is empty.`,
			},
		);
	}
}

/**
 * Splits `[startMs, endMs)` into consecutive chunks of at most `maxSpanMs` each, in order; each chunk's end is the
 * next chunk's start, the last ends at `endMs`. Used where the API limits a request's span (calendars.json
 * `get-slots`: 31 days, {@link MAX_FREE_SLOTS_SPAN_MS}). An empty range (`endMs <= startMs`) gives no chunk.
 * Callers of an endpoint whose end is inclusive de-duplicate records at the shared boundaries.
 * @throws RangeError when an argument is not a finite number or `maxSpanMs <= 0` (a programming error)
 */
export function splitRange(startMs: number, endMs: number, maxSpanMs: number): TimeRange[] {
	if (![startMs, endMs, maxSpanMs].every(Number.isFinite) || maxSpanMs <= 0) {
		throw new RangeError(`splitRange(${startMs}, ${endMs}, ${maxSpanMs}): finite numbers and a positive span needed`);
	}
	const chunks: TimeRange[] = [];
	for (let start = startMs; start < endMs; start += maxSpanMs) {
		chunks.push({ startMs: start, endMs: Math.min(start + maxSpanMs, endMs) });
	}
	return chunks;
}

/**
 * A whole-day range of a Filters collection, as `YYYY-MM-DD` in the workflow's time zone (e.g. payments.json
 * `list-orders`, forms.json `get-forms-submissions`: `startAt` / `endAt`): reads the keys of `labels` from `values`
 * ({@link toDateOnly}; empty ones are left out) and checks the end is not before the start.
 * @param labels key → the field's name in errors, e.g. `{ startAt: 'Filters → Start Date', endAt: 'Filters → End Date' }`
 * @returns the given dates by key
 * @throws NodeOperationError naming the field for an unreadable date, or the end field when the range is reversed
 */
export function dateOnlyRange(
	ctx: IExecuteSingleFunctions,
	values: IDataObject,
	labels: { startAt: string; endAt: string },
): { startAt?: string; endAt?: string } {
	const timeZone = ctx.getTimezone();
	const dates: { startAt?: string; endAt?: string } = {};
	for (const name of ['startAt', 'endAt'] as const) {
		const value = values[name];
		if (value === undefined || value === null || value === '') continue;
		dates[name] = toDateOnly(value, { node: ctx.getNode(), parameter: labels[name], itemIndex: ctx.getItemIndex(), timeZone });
	}
	if (dates.startAt && dates.endAt && dates.endAt < dates.startAt) {
		throw new NodeOperationError(ctx.getNode(), `Invalid ${labels.endAt}`, {
			description: `Parameter "${labels.endAt}": ${dates.endAt} is before the Start Date ${dates.startAt} (both in the workflow's time zone ${timeZone}); nothing can match.`,
			itemIndex: ctx.getItemIndex(),
		});
	}
	return dates;
}
