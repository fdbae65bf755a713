import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	INodePropertyRouting,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dateRangeFields, returnAllOrLimit, userLocator } from './descriptions';
import type { Endpoint } from './endpoints';
import { routeTo } from './routing';
import { assertRange, DAY_MS, isValidTimeZone, splitRange, toEpochMs, type TimeParameter } from './time';

/*
 * Fields and request helpers shared by the calendar resources (Calendar, Appointment, Appointment Note, Blocked Slot;
 * calendars.json, FACTS.md 2.3): the Calendar and Calendar Group dropdowns, appointment statuses, the Appointment ID,
 * the Time Zone option, the input of an event's Create / Update ({@link readEventInput}), and the window of events /
 * blocked slots (by calendar, user or group, split into spans of {@link MAX_EVENTS_SPAN_MS}, {@link eventWindowRouting}).
 */

/**
 * Longest window one `get-calendar-events` / `get-blocked-slots` request asks for, ms (31 days). The spec and
 * FACTS.md document **no** maximum for these endpoints (only free slots are limited to 31 days); the node still
 * splits longer windows, so that one answer stays small and a server-side cap, if there is one, is not hit.
 */
export const MAX_EVENTS_SPAN_MS = 31 * DAY_MS;

/** The Calendar dropdown (loadOptions `getCalendars`, calendars.json `get-calendars`), or an ID from an expression. */
export function calendarField(
	name: string,
	show: Record<string, string[]> | undefined,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Calendar Name or ID',
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCalendars' },
		// Optional where it is an update field: n8n must not flag its empty start as "not supported".
		allowArbitraryValues: true,
		required: true,
		default: '',
		...(show ? { displayOptions: { show } } : {}),
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		...extra,
	};
}

/** The Calendar Group dropdown (loadOptions `getCalendarGroups`, calendars.json `get-groups`). */
export function calendarGroupField(
	name: string,
	show: Record<string, string[]> | undefined,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Calendar Group Name or ID',
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCalendarGroups' },
		allowArbitraryValues: true,
		default: '',
		...(show ? { displayOptions: { show } } : {}),
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		...extra,
	};
}

/** Statuses a user may set (calendars.json `AppointmentCreateSchema.appointmentStatus` enum). */
export const APPOINTMENT_STATUS_OPTIONS = [
	{ name: 'Cancelled', value: 'cancelled' },
	{ name: 'Confirmed', value: 'confirmed' },
	{ name: 'Invalid', value: 'invalid' },
	{ name: 'New', value: 'new' },
	{ name: 'No Show', value: 'noshow' },
	{ name: 'Showed', value: 'showed' },
];

/**
 * Hint of the date-time fields of the calendar resources, which all have a Time Zone option (shared/time.ts reads a
 * value without offset in that zone).
 */
export const ZONED_TIME_HINT =
	"Without a UTC offset, the time is read in the Time Zone option, or in the workflow's time zone (workflow settings) when that is empty; expressions such as {{ $now }} and epoch milliseconds are accepted too";

/** {@link dateRangeFields} with the {@link ZONED_TIME_HINT}. */
export function zonedRangeFields(o: Parameters<typeof dateRangeFields>[0]): INodeProperties[] {
	return dateRangeFields(o).map((field) => ({ ...field, hint: ZONED_TIME_HINT }));
}

/** The Time Zone option: an IANA zone; empty = the workflow's time zone (read with {@link timeZoneOf}). */
export const timeZoneOption: INodeProperties = {
	displayName: 'Time Zone',
	name: 'timeZone',
	type: 'string',
	default: '',
	placeholder: 'e.g. America/New_York',
	description:
		"IANA time zone in which date-times without a UTC offset are read (and free slots are listed). Left empty: the workflow's time zone (workflow settings).",
};

/**
 * The time zone of an operation: the `parameter` value (an IANA zone) or, left empty, the workflow's
 * (`this.getTimezone()`).
 * @throws NodeOperationError naming the parameter when the zone is not an IANA time zone
 */
export function timeZoneOf(ctx: IExecuteSingleFunctions, parameter: string): string {
	const given = String(ctx.getNodeParameter(parameter, '') ?? '').trim();
	const zone = given || ctx.getTimezone() || 'UTC';
	if (!isValidTimeZone(zone)) {
		throw new NodeOperationError(ctx.getNode(), `Time Zone "${zone}" is not an IANA time zone`, {
			itemIndex: ctx.getItemIndex(),
			description: 'Use a name such as Europe/Berlin or America/New_York, or leave Time Zone empty for the workflow\'s.',
		});
	}
	return zone;
}

/** The fields of a list of events or blocked slots: whose (calendar, user or group), the window, Return All / Limit. */
export function eventWindowFields(show: Record<string, string[]>, record: string): INodeProperties[] {
	return [
		{
			displayName: 'Of',
			name: 'eventsOf',
			type: 'options',
			options: [
				{ name: 'Calendar', value: 'calendar' },
				{ name: 'Calendar Group', value: 'group' },
				{ name: 'User', value: 'user' },
			],
			default: 'calendar',
			displayOptions: { show },
			description: `Whose ${record} to list (HighLevel needs one of the three)`,
		},
		calendarField('calendarId', { ...show, eventsOf: ['calendar'] }),
		calendarGroupField('groupId', { ...show, eventsOf: ['group'] }, { required: true }),
		userLocator({ displayName: 'User', name: 'userId', show: { ...show, eventsOf: ['user'] } }),
		...zonedRangeFields({
			show,
			start: { name: 'startTime', displayName: 'Start Time', description: `${record} starting at or after this time` },
			end: { name: 'endTime', displayName: 'End Time', description: `${record} starting at or before this time` },
		}),
		{ ...timeZoneOption, displayOptions: { show } },
		...returnAllOrLimit(show),
	];
}

/**
 * `preSend` of a list of events or blocked slots (calendars.json `get-calendar-events` / `get-blocked-slots`): the
 * query `calendarId` | `userId` | `groupId` and the window `startTime`/`endTime` as epoch ms strings, read in the Time
 * Zone (default: the workflow's).
 * @throws NodeOperationError for a missing calendar/user/group, a bad date-time, or End Time not after Start Time
 */
export async function eventWindowQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const timeZone = timeZoneOf(this, 'timeZone');
	const qs: IDataObject = { ...(requestOptions.qs ?? {}) };
	const of = this.getNodeParameter('eventsOf', 'calendar') as string;
	const [parameter, displayName] =
		of === 'user' ? ['userId', 'User'] : of === 'group' ? ['groupId', 'Calendar Group Name or ID'] : ['calendarId', 'Calendar Name or ID'];
	const id = String(this.getNodeParameter(parameter, '', { extractValue: true }) ?? '').trim();
	if (!id) {
		throw new NodeOperationError(node, `${displayName} is empty`, {
			itemIndex,
			description: `Choose the ${displayName.replace(' Name or ID', '').toLowerCase()} whose records to list.`,
		});
	}
	qs[parameter] = id;
	const startMs = toEpochMs(this.getNodeParameter('startTime', ''), { node, parameter: 'Start Time', itemIndex, timeZone });
	const endMs = toEpochMs(this.getNodeParameter('endTime', ''), { node, parameter: 'End Time', itemIndex, timeZone });
	assertRange({ startMs, endMs }, { node, startParameter: 'Start Time', endParameter: 'End Time', itemIndex });
	qs.startTime = String(startMs);
	qs.endTime = String(endMs);
	return { ...requestOptions, qs };
}

/**
 * `split` of a list of events or blocked slots: the window of {@link eventWindowQuery} in spans of at most
 * {@link MAX_EVENTS_SPAN_MS}, consecutive and sharing their ends (HighLevel's end is inclusive, so a record starting
 * exactly at a shared end comes twice and {@link mergeEvents} keeps one).
 */
export function splitEventWindow(this: IExecuteSingleFunctions, request: IHttpRequestOptions): IHttpRequestOptions[] {
	const qs = (request.qs ?? {}) as IDataObject;
	return splitRange(Number(qs.startTime), Number(qs.endTime), MAX_EVENTS_SPAN_MS).map((chunk) => ({
		...request,
		headers: { ...(request.headers ?? {}) },
		qs: { ...qs, startTime: String(chunk.startMs), endTime: String(chunk.endMs) },
	}));
}

/** Output of a split list: each record once (by `id`, first seen), ordered by start time, then Return All / Limit. */
export function mergeEvents(this: IExecuteSingleFunctions, _body: IDataObject, records: IDataObject[]): IDataObject[] {
	const byId = new Map<string, IDataObject>();
	for (const record of records) if (!byId.has(String(record.id))) byId.set(String(record.id), record);
	const merged = [...byId.values()].sort(
		(a, b) => Date.parse(String(a.startTime)) - Date.parse(String(b.startTime)),
	);
	if (this.getNodeParameter('returnAll', false) as boolean) return merged;
	return merged.slice(0, this.getNodeParameter('limit', 50) as number);
}

/**
 * The Appointment ID parameter (an appointment's `id`, calendars.json `get-appointment`) of the Appointment and
 * Appointment Note resources; `description` says where the ID comes from.
 */
export function appointmentIdParameter(show: Record<string, string[]>, description: string): INodeProperties {
	return {
		displayName: 'Appointment ID',
		name: 'appointmentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0TkCdp9PfvLeWKYRRvIz',
		displayOptions: { show },
		description,
	};
}

/** What the Create / Update body of a calendar event (appointment, blocked slot) is built from. */
export interface EventInput {
	node: INode;
	itemIndex: number;
	/** Additional Fields (Create) or Update Fields (Update). */
	fields: IDataObject;
	/** The collection's Time Zone option, or the workflow's ({@link timeZoneOf}). */
	timeZone: string;
	/** Start / End Time as given (top-level on Create, in Update Fields on Update); `undefined` or `''` when not. */
	start: unknown;
	end: unknown;
	/** The {@link TimeParameter} of a date-time parameter, for shared/time.ts. */
	time: (parameter: string) => TimeParameter;
	/** A copy of the request body so far. */
	body: IDataObject;
}

/**
 * Reads the input of a calendar event's Create (`mode` `create`: Additional Fields, top-level Start / End Time) or
 * Update (`update`: Update Fields, Start / End Time inside them).
 * @throws NodeOperationError when the Time Zone option is not an IANA time zone
 */
export function readEventInput(
	ctx: IExecuteSingleFunctions,
	mode: 'create' | 'update',
	requestOptions: IHttpRequestOptions,
): EventInput {
	const node = ctx.getNode();
	const itemIndex = ctx.getItemIndex();
	const collection = mode === 'create' ? 'additionalFields' : 'updateFields';
	const fields = ctx.getNodeParameter(collection, {}) as IDataObject;
	const timeZone = timeZoneOf(ctx, `${collection}.timeZone`);
	return {
		node,
		itemIndex,
		fields,
		timeZone,
		start: mode === 'create' ? ctx.getNodeParameter('startTime', '') : fields.startTime,
		end: mode === 'create' ? ctx.getNodeParameter('endTime', '') : fields.endTime,
		time: (parameter: string) => ({ node, parameter, itemIndex, timeZone }),
		body: { ...((requestOptions.body as IDataObject | undefined) ?? {}) },
	};
}

/**
 * The routing of a list of events or blocked slots (calendars.json `get-calendar-events` / `get-blocked-slots`):
 * the window query ({@link eventWindowQuery}), split into spans ({@link splitEventWindow}) and merged
 * ({@link mergeEvents}); field names of {@link eventWindowFields} for 400/422 messages.
 */
export function eventWindowRouting(endpoint: Endpoint): INodePropertyRouting {
	return routeTo({
		endpoint,
		preSend: [eventWindowQuery],
		split: splitEventWindow,
		output: mergeEvents,
		fieldNames: { startTime: 'Start Time', endTime: 'End Time', calendarId: 'Calendar Name or ID', userId: 'User', groupId: 'Calendar Group Name or ID' },
	});
}
