import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { calendarField, timeZoneOf, timeZoneOption, zonedRangeFields } from '../../shared/calendarFields';
import { collectionField, userLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { assertRange, MAX_FREE_SLOTS_SPAN_MS, splitRange, toEpochMs } from '../../shared/time';

const show = { resource: ['calendar'], operation: ['getFreeSlots'] };

/**
 * `preSend`: the query of `get-slots` — `startDate` / `endDate` as epoch ms numbers (Start / End Date read in the Time
 * Zone, default the workflow's), `timezone` (the zone the slots are written in), optional `userId`.
 * @throws NodeOperationError for a bad date-time or time zone, or End Date not after Start Date
 */
async function freeSlotsQuery(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const timeZone = timeZoneOf(this, 'options.timeZone');
	const startMs = toEpochMs(this.getNodeParameter('startDate', ''), { node, parameter: 'Start Date', itemIndex, timeZone });
	const endMs = toEpochMs(this.getNodeParameter('endDate', ''), { node, parameter: 'End Date', itemIndex, timeZone });
	assertRange({ startMs, endMs }, { node, startParameter: 'Start Date', endParameter: 'End Date', itemIndex });
	const qs: IDataObject = { ...(requestOptions.qs ?? {}), startDate: startMs, endDate: endMs, timezone: timeZone };
	const userId = String(this.getNodeParameter('options.userId', '', { extractValue: true }) ?? '').trim();
	if (userId) qs.userId = userId;
	return { ...requestOptions, qs };
}

/** One request per span of at most 31 days (`get-slots`: "Date range cannot be more than 31 days"). */
function splitFreeSlots(this: IExecuteSingleFunctions, request: IHttpRequestOptions): IHttpRequestOptions[] {
	const qs = (request.qs ?? {}) as IDataObject;
	return splitRange(Number(qs.startDate), Number(qs.endDate), MAX_FREE_SLOTS_SPAN_MS).map((chunk) => ({
		...request,
		headers: { ...(request.headers ?? {}) },
		qs: { ...qs, startDate: chunk.startMs, endDate: chunk.endMs },
	}));
}

/**
 * Merges the answers (each `{ "YYYY-MM-DD": { slots: [ISO] }, traceId }`) into days in date order, each slot once and
 * in order (a day cut by a span boundary comes in two answers; a slot at a shared end comes twice). Output: one item per
 * day `{ date, slots, calendarId, timeZone }`, or per slot `{ date, startTime, calendarId, timeZone }`.
 */
function freeSlotsOutput(this: IExecuteSingleFunctions, _body: IDataObject, answers: IDataObject[]): IDataObject[] {
	const days = new Map<string, Set<string>>();
	for (const answer of answers) {
		for (const [date, value] of Object.entries(answer)) {
			const slots = (value as IDataObject | null)?.slots;
			if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !Array.isArray(slots)) continue;
			const set = days.get(date) ?? new Set<string>();
			for (const slot of slots) set.add(String(slot));
			days.set(date, set);
		}
	}
	const calendarId = String(this.getNodeParameter('calendarId', ''));
	const timeZone = timeZoneOf(this, 'options.timeZone');
	const ordered = [...days.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([date, set]) => ({ date, slots: [...set].sort((a, b) => Date.parse(a) - Date.parse(b)) }));
	if (this.getNodeParameter('outputPer', 'slot') === 'day') {
		return ordered.map((day) => ({ ...day, calendarId, timeZone }));
	}
	return ordered.flatMap((day) => day.slots.map((startTime) => ({ date: day.date, startTime, calendarId, timeZone })));
}

/**
 * Get Free Slots: `GET /calendars/{calendarId}/free-slots` (calendars.json `get-slots`, FACTS.md 2.3): windows over 31
 * days are asked in 31-day spans and merged.
 */
export const option: INodePropertyOptions = {
	name: 'Get Free Slots',
	value: 'getFreeSlots',
	action: 'Get free slots of a calendar',
	description: 'List the bookable time slots of a calendar between two dates, one item per slot or per day',
	routing: routeTo({
		endpoint: ENDPOINTS.getFreeSlots,
		pathParameters: { calendarId: 'calendarId' },
		preSend: [freeSlotsQuery],
		split: splitFreeSlots,
		output: freeSlotsOutput,
		fieldNames: { startDate: 'Start Date', endDate: 'End Date', timezone: 'Options → Time Zone' },
	}),
};

export const description: INodeProperties[] = [
	calendarField('calendarId', show),
	...zonedRangeFields({
		show,
		start: { name: 'startDate', displayName: 'Start Date', description: 'Slots starting at or after this time' },
		end: {
			name: 'endDate',
			displayName: 'End Date',
			description: 'Slots starting at or before this time. Ranges over 31 days are asked in 31-day parts and merged.',
		},
	}),
	{
		displayName: 'Output',
		name: 'outputPer',
		type: 'options',
		options: [
			{ name: 'One Item per Slot', value: 'slot', description: '{ date, startTime, calendarId, timeZone }' },
			{ name: 'One Item per Day', value: 'day', description: '{ date, slots: [...], calendarId, timeZone }' },
		],
		default: 'slot',
		displayOptions: { show },
	},
	collectionField('options', show, [
		{
			...timeZoneOption,
			description:
				"IANA time zone in which Start / End Date without a UTC offset are read and in which the slots are listed (dates and offsets). Left empty: the workflow's time zone (workflow settings).",
		},
		userLocator({ displayName: 'User', name: 'userId', required: false, description: 'Only the slots of this team member' }),
	]),
];
