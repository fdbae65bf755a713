/**
 * Where each polled event comes from: which HighLevel endpoint, which cursor, which record time, and how a
 * record becomes an item shaped like the matching webhook event (FACTS.md 5.2). Every endpoint is an
 * {@link ENDPOINTS} entry (spec file + operationId); the paging facts are cited where they are used.
 */
import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS, type Endpoint } from '../../GoHighLevel/shared/endpoints';
import { fetchPages } from '../../GoHighLevel/shared/pagination';
import {
	buildRequest,
	recordsOf,
	sendRequest,
	type Connection,
	type HighLevelContext,
	type RequestParts,
} from '../../GoHighLevel/shared/transport';
import { invoicePaidSource } from './invoiceSources';
import { orderCreatedSource, transactionCreatedSource } from './paymentSources';
import type { WatermarkRecord } from './watermark';

/** The events the polling trigger offers (parameter `event`). */
export type PollEvent =
	| 'contactCreated'
	| 'contactUpdated'
	| 'opportunityCreated'
	| 'opportunityStageChanged'
	| 'opportunityStatusChanged'
	| 'appointmentCreated'
	| 'taskCreated'
	| 'noteCreated'
	| 'inboundMessage'
	| 'formSubmitted'
	| 'surveySubmitted'
	| 'invoicePaid'
	| 'orderCreated'
	| 'transactionCreated';

/** Filters and tuning read from the node parameters. */
export interface PollSettings {
	/** Opportunity events: only this pipeline (GET /opportunities/search `pipeline_id`). */
	pipelineId?: string;
	/** Opportunity events: only this status (`open`, `won`, `lost`, `abandoned`; GET /opportunities/search `status`). */
	opportunityStatus?: string;
	/** New Appointment: only this calendar; default every calendar of the location. */
	calendarId?: string;
	/** New Appointment: how far ahead of now appointment start times are read, days. */
	lookAheadDays: number;
	/** New Note: which contacts' notes are read. */
	noteContacts: 'updated' | 'all';
	/** New Form Submission: only this form (GET /forms/submissions `formId`); default every form. */
	formId?: string;
	/** New Survey Submission: only this survey (GET /surveys/submissions `surveyId`); default every survey. */
	surveyId?: string;
}

/** A record read by a poll: its watermark identity and the item to emit. */
export interface EventRecord extends WatermarkRecord {
	item: IDataObject;
}

/** How many records a manual (test) run returns. */
export const MANUAL_SAMPLE_SIZE = 5;

/** How far before now appointment start times are read by New Appointment, ms (one day). */
export const APPOINTMENT_LOOK_BEHIND_MS = 86_400_000;

const DAY_MS = 86_400_000;

function toMs(value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value.trim() !== '') {
		if (/^\d+$/.test(value.trim())) return Number(value);
		return Date.parse(value);
	}
	return NaN;
}

function iso(ms: number): string {
	return new Date(ms).toISOString();
}

async function send(
	ctx: HighLevelContext,
	endpoint: Endpoint,
	connection: Connection,
	parts: RequestParts,
): Promise<IDataObject> {
	const response = await sendRequest(ctx, endpoint, connection, buildRequest(ctx, endpoint, connection, parts));
	return (response.body ?? {}) as IDataObject;
}

// ---------------------------------------------------------------------------------------------------------------
// Contacts: POST /contacts/search (contacts.json `search-contacts-advanced`; body per FACTS.md 2.1)

/**
 * Reads every contact matching `filters`, sorted by `sortField` ascending (ties by id), page after page with the
 * `searchAfter` cursor each record carries (the last record's starts the next page; `page` is never sent, so the
 * 10,000-record cap of page mode does not apply). Stops on a short page.
 * @param maxRecords stop after this many (manual runs)
 * @throws NodeOperationError when a cursor repeats
 */
async function searchContacts(
	ctx: HighLevelContext,
	connection: Connection,
	filters: IDataObject[],
	sortField: 'dateAdded' | 'dateUpdated',
	direction: 'asc' | 'desc',
	maxRecords = Infinity,
): Promise<IDataObject[]> {
	const endpoint = ENDPOINTS.searchContacts;
	const request = buildRequest(ctx, endpoint, connection, {
		body: { filters, sort: [{ field: sortField, direction }] },
	});
	return await fetchPages(ctx, endpoint, connection, request, maxRecords);
}

/** Size of the first page of {@link contactsSince}: a poll that finds nothing new costs one request this small. */
export const PROBE_PAGE_SIZE = 25;

/**
 * Contacts whose `field` (`dateAdded` / `dateUpdated`, epoch ms or ISO in the answer) is at or after `sinceMs`,
 * read newest first with the search's documented `sort` (`[{field, direction: 'desc'}]`, FACTS.md 2.1) and no
 * filter, so nothing depends on the format HighLevel expects for `range` bounds (undocumented). The first page
 * holds {@link PROBE_PAGE_SIZE} contacts; while the last contact read is still at or after `sinceMs`, the
 * following pages (500 each) continue from its `searchAfter` cursor until a page reaches older contacts.
 * Older contacts of the last page are returned too (the watermark ignores them). Paging on after the page that
 * reaches `sinceMs` is never needed: contacts changed during the poll move to the top and are read by the next
 * poll, whose watermark stays at least Lookback behind this poll's start.
 * @throws NodeOperationError when a cursor repeats
 */
async function contactsSince(
	ctx: HighLevelContext,
	connection: Connection,
	field: 'dateAdded' | 'dateUpdated',
	sinceMs: number,
): Promise<IDataObject[]> {
	const endpoint = ENDPOINTS.searchContacts;
	const sort = [{ field, direction: 'desc' }];
	const reachesSince = (page: IDataObject[]) =>
		page.length === 0 || toMs(page[page.length - 1][field]) < sinceMs;
	const first = await fetchPages(
		ctx,
		endpoint,
		connection,
		buildRequest(ctx, endpoint, connection, { body: { sort } }),
		PROBE_PAGE_SIZE,
	);
	if (first.length < PROBE_PAGE_SIZE || reachesSince(first)) return first;
	const searchAfter = first[first.length - 1].searchAfter;
	const next = buildRequest(ctx, endpoint, connection, {
		body: Array.isArray(searchAfter) && searchAfter.length ? { sort, searchAfter } : { sort },
	});
	const rest = await fetchPages(ctx, endpoint, connection, next, Infinity, { stop: reachesSince });
	// Without a cursor the second read started from the top again: drop what the first page already holds.
	const known = new Set(first.map((c) => String(c.id)));
	return [...first, ...rest.filter((c) => !known.has(String(c.id)))];
}

/**
 * A contact from the search as the ContactCreate/ContactUpdate webhook carries it (FACTS.md 5.2): `type` is the
 * event (the contact's own `type`, e.g. `lead`, moves to `contactType`), `address1` (the search answers
 * `address`), `dateOfBirth` as ISO (the search answers epoch ms), `name`, `attachments`; the search cursor is dropped.
 * Other fields of the record are kept after the webhook's.
 */
export function contactItem(type: string, locationId: string, contact: IDataObject): IDataObject {
	const { address, type: contactType, ...rest } = contact;
	delete rest.searchAfter;
	const name = [rest.firstName, rest.lastName].filter((x) => typeof x === 'string' && x).join(' ');
	const item: IDataObject = {
		type,
		locationId: rest.locationId ?? locationId,
		id: rest.id,
		...rest,
	};
	if (item.address1 === undefined && address !== undefined) item.address1 = address;
	if (typeof item.dateOfBirth === 'number') item.dateOfBirth = iso(item.dateOfBirth);
	if (item.name === undefined && name) item.name = name;
	item.attachments ??= [];
	if (contactType !== undefined) item.contactType = contactType;
	return item;
}

function contactRecords(
	event: 'contactCreated' | 'contactUpdated',
	locationId: string,
	contacts: IDataObject[],
): EventRecord[] {
	const created = event === 'contactCreated';
	const out: EventRecord[] = [];
	for (const contact of contacts) {
		const added = toMs(contact.dateAdded);
		const updated = toMs(contact.dateUpdated);
		// A new contact has dateUpdated = dateAdded; ContactUpdate is about later changes only.
		if (!created && !(updated > added)) continue;
		const ts = created ? added : updated;
		out.push({
			key: created ? String(contact.id) : `${String(contact.id)}@${ts}`,
			ts,
			item: contactItem(created ? 'ContactCreate' : 'ContactUpdate', locationId, contact),
		});
	}
	return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Opportunities: GET /opportunities/search (opportunities.json `search-opportunity`; FACTS.md 2.2, 2.14)

/**
 * Reads opportunities newest-created first (the endpoint's only documented order besides `order=added_asc`;
 * it offers no order or filter on update, stage-change or status-change times), 100 per page, with the keyset
 * cursor `startAfter` (epoch ms) + `startAfterId` from `meta`; the last page still carries a cursor, so paging
 * stops on `meta.nextPageUrl` null, a short page, or when `stop(page)` says the rest is older than needed.
 * `status=all` is sent unless a status filter is set (the spec's enum includes `all`).
 * @throws NodeOperationError when a cursor repeats
 */
async function searchOpportunities(
	ctx: HighLevelContext,
	connection: Connection,
	settings: PollSettings,
	stop?: (page: IDataObject[]) => boolean,
	maxRecords = Infinity,
): Promise<IDataObject[]> {
	const endpoint = ENDPOINTS.searchOpportunities;
	const qs: IDataObject = { status: settings.opportunityStatus || 'all' };
	if (settings.pipelineId) qs.pipeline_id = settings.pipelineId;
	const request = buildRequest(ctx, endpoint, connection, { qs });
	return await fetchPages(ctx, endpoint, connection, request, maxRecords, { stop });
}

/**
 * An opportunity as the Opportunity* webhooks carry it (FACTS.md 5.2: `type, locationId, id, assignedTo, contactId,
 * monetaryValue, name, pipelineId, pipelineStageId, source, status, dateAdded`); `dateAdded` is the record's
 * `createdAt`. Other fields of the record (`lastStageChangeAt`, `lastStatusChangeAt`, `contact`…) follow.
 */
export function opportunityItem(type: string, locationId: string, o: IDataObject): IDataObject {
	return {
		type,
		locationId: o.locationId ?? locationId,
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
		...o,
	};
}

type OpportunityEvent = 'opportunityCreated' | 'opportunityStageChanged' | 'opportunityStatusChanged';

const OPPORTUNITY_EVENTS: Record<OpportunityEvent, { type: string; time: string | undefined }> = {
	opportunityCreated: { type: 'OpportunityCreate', time: undefined },
	opportunityStageChanged: { type: 'OpportunityStageUpdate', time: 'lastStageChangeAt' },
	opportunityStatusChanged: { type: 'OpportunityStatusUpdate', time: 'lastStatusChangeAt' },
};

/**
 * New opportunity: key = id, time = `createdAt`. Stage / status change: key = `<id>@<change time>`, time =
 * `lastStageChangeAt` / `lastStatusChangeAt` (opportunities.json `SearchOpportunitiesResponseSchema`); records
 * whose change time is not after `createdAt` never changed (HighLevel sets both times on create).
 */
function opportunityRecords(event: OpportunityEvent, locationId: string, list: IDataObject[]): EventRecord[] {
	const { type, time } = OPPORTUNITY_EVENTS[event];
	const out: EventRecord[] = [];
	for (const o of list) {
		const created = toMs(o.createdAt);
		if (!time) {
			out.push({ key: String(o.id), ts: created, item: opportunityItem(type, locationId, o) });
			continue;
		}
		const changed = toMs(o[time]);
		if (!(changed > created)) continue;
		out.push({ key: `${String(o.id)}@${changed}`, ts: changed, item: opportunityItem(type, locationId, o) });
	}
	return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Appointments: GET /calendars/ + GET /calendars/events (calendars.json; FACTS.md 2.3, time-window based)

/** The calendars to read: the chosen one, or every calendar of the location (GET /calendars/). */
async function calendarIds(ctx: HighLevelContext, connection: Connection, settings: PollSettings): Promise<string[]> {
	if (settings.calendarId) return [settings.calendarId];
	const endpoint = ENDPOINTS.getCalendars;
	const calendars = recordsOf(endpoint, await send(ctx, endpoint, connection, {}));
	return calendars.map((c) => String(c.id)).filter(Boolean);
}

/**
 * Every appointment of the calendars whose start time lies in [now − 1 day, now + lookAheadDays]. The endpoint
 * has no cursor and no filter on booking time (FACTS.md 2.3): the window is on start times, one request per calendar.
 */
async function readAppointments(
	ctx: HighLevelContext,
	connection: Connection,
	settings: PollSettings,
	nowMs: number,
): Promise<IDataObject[]> {
	const endpoint = ENDPOINTS.getCalendarEvents;
	const qs = {
		startTime: String(nowMs - APPOINTMENT_LOOK_BEHIND_MS),
		endTime: String(nowMs + Math.max(0, settings.lookAheadDays) * DAY_MS),
	};
	const out: IDataObject[] = [];
	for (const calendarId of await calendarIds(ctx, connection, settings)) {
		out.push(...recordsOf(endpoint, await send(ctx, endpoint, connection, { qs: { ...qs, calendarId } })));
	}
	return out;
}

/**
 * Appointments as AppointmentCreate carries them: `{type, locationId, appointment: {…}}` (FACTS.md 5.2).
 * Key: the event id without a recurring instance suffix (`<id>_<ms>_<duration>`, calendars.json
 * `CalendarEventDTO.id`), so a recurring series is one new appointment; time: `dateAdded`.
 */
function appointmentRecords(locationId: string, events: IDataObject[]): EventRecord[] {
	return events.map((event) => ({
		key: String(event.id).replace(/_\d+_\d+$/, ''),
		ts: toMs(event.dateAdded),
		item: { type: 'AppointmentCreate', locationId: event.locationId ?? locationId, appointment: event },
	}));
}

// ---------------------------------------------------------------------------------------------------------------
// Tasks: POST /locations/{locationId}/tasks/search (locations.json `task-search`; FACTS.md 2.1)

/**
 * Every task of the location, offset-paged with `limit` + `skip` in the body. The endpoint documents neither an
 * order nor a maximum page size, so paging stops only on an empty page (a page shorter than asked for may just
 * be a server-side cap).
 */
async function readTasks(ctx: HighLevelContext, connection: Connection, maxRecords = Infinity): Promise<IDataObject[]> {
	const endpoint = ENDPOINTS.searchLocationTasks;
	return await fetchPages(ctx, endpoint, connection, buildRequest(ctx, endpoint, connection), maxRecords);
}

/** A task as TaskCreate carries it (FACTS.md 5.2: `type, locationId, id, assignedTo, body, contactId, title, dateAdded, dueDate`). */
export function taskItem(locationId: string, task: IDataObject): IDataObject {
	const { _id, ...rest } = task;
	return {
		type: 'TaskCreate',
		locationId: rest.locationId ?? locationId,
		id: rest.id ?? _id,
		assignedTo: rest.assignedTo,
		body: rest.body,
		contactId: rest.contactId,
		title: rest.title,
		dateAdded: rest.dateAdded,
		dueDate: rest.dueDate,
		...rest,
	};
}

function taskRecords(locationId: string, tasks: IDataObject[]): EventRecord[] {
	return tasks.map((task) => {
		const item = taskItem(locationId, task);
		return { key: String(item.id), ts: toMs(item.dateAdded), item };
	});
}

// ---------------------------------------------------------------------------------------------------------------
// Notes: per contact only, GET /contacts/{contactId}/notes (contacts.json `get-all-notes`; FACTS.md 2.1)

/** Notes of the given contacts, one request per contact. */
async function readNotes(
	ctx: HighLevelContext,
	connection: Connection,
	contacts: IDataObject[],
): Promise<IDataObject[]> {
	const endpoint = ENDPOINTS.getContactNotes;
	const out: IDataObject[] = [];
	for (const contact of contacts) {
		const contactId = String(contact.id);
		const notes = recordsOf(endpoint, await send(ctx, endpoint, connection, { path: { contactId } }));
		for (const note of notes) out.push({ contactId, ...note });
	}
	return out;
}

/** Notes as NoteCreate carries them (FACTS.md 5.2: `type, locationId, id, body, contactId, dateAdded`); key = note id. */
function noteRecords(locationId: string, notes: IDataObject[]): EventRecord[] {
	return notes.map((note) => ({
		key: String(note.id),
		ts: toMs(note.dateAdded),
		item: {
			type: 'NoteCreate',
			locationId,
			id: note.id,
			body: note.body,
			contactId: note.contactId,
			dateAdded: note.dateAdded,
			...note,
		},
	}));
}

// ---------------------------------------------------------------------------------------------------------------
// Inbound messages: GET /conversations/messages/export (conversations.json `export-messages-by-location`)

/**
 * The export's `channel` passes: without it HighLevel returns "all non-email message types" (conversations.json),
 * so emails need a second pass with `channel=Email`.
 */
const MESSAGE_PASSES: Array<string | undefined> = [undefined, 'Email'];

/**
 * Messages of the location created at or after `sinceMs` (`startDate`, sent as ISO 8601: the spec types it as a
 * string without a format), oldest first (`sortBy=createdAt`, `sortOrder=asc`), 500 per page, following
 * `nextCursor` until it is null. In a manual run: newest first, `maxRecords` per pass.
 * @throws NodeOperationError when a cursor repeats
 */
async function exportMessages(
	ctx: HighLevelContext,
	connection: Connection,
	sinceMs: number | undefined,
	maxRecords = Infinity,
): Promise<IDataObject[]> {
	const endpoint = ENDPOINTS.exportMessages;
	const out: IDataObject[] = [];
	for (const channel of MESSAGE_PASSES) {
		const qs: IDataObject = { sortBy: 'createdAt', sortOrder: sinceMs === undefined ? 'desc' : 'asc' };
		if (sinceMs !== undefined) qs.startDate = iso(sinceMs);
		if (channel) qs.channel = channel;
		const request = buildRequest(ctx, endpoint, connection, { qs });
		out.push(...(await fetchPages(ctx, endpoint, connection, request, maxRecords)));
	}
	return out;
}

/**
 * `messageType` as the webhook names it: the export answers `TYPE_SMS`, the InboundMessage webhook `SMS`,
 * `Email`, `CALL` (FACTS.md 5.2 examples); other types lose the `TYPE_` prefix.
 */
export function webhookMessageType(messageType: IDataObject[string]): IDataObject[string] {
	if (typeof messageType !== 'string') return messageType;
	if (messageType === 'TYPE_EMAIL') return 'Email';
	return messageType.replace(/^TYPE_/, '');
}

/** True for a message a contact sent: `direction: inbound`, not an activity entry or internal comment. */
function isInboundMessage(message: IDataObject): boolean {
	const type = String(message.messageType ?? '');
	return message.direction === 'inbound' && !type.startsWith('TYPE_ACTIVITY') && !type.startsWith('TYPE_INTERNAL');
}

/**
 * A message as InboundMessage carries it (FACTS.md 5.2: `type, locationId, attachments, body, contactId,
 * contentType, conversationId, dateAdded, direction, messageType, status, messageId, conversationProviderId,
 * userId`); the export's `type` (a number) moves to `messageTypeId`.
 */
export function messageItem(locationId: string, message: IDataObject): IDataObject {
	const { type: numericType, ...rest } = message;
	const item: IDataObject = {
		type: 'InboundMessage',
		locationId: rest.locationId ?? locationId,
		attachments: rest.attachments ?? [],
		body: rest.body,
		contactId: rest.contactId,
		contentType: rest.contentType,
		conversationId: rest.conversationId,
		dateAdded: rest.dateAdded,
		direction: rest.direction,
		messageType: webhookMessageType(rest.messageType),
		status: rest.status,
		messageId: rest.id,
		conversationProviderId: rest.conversationProviderId,
		userId: rest.userId,
	};
	for (const [key, value] of Object.entries(rest)) if (!(key in item) && key !== 'messageType') item[key] = value;
	if (numericType !== undefined) item.messageTypeId = numericType;
	return item;
}

function messageRecords(locationId: string, messages: IDataObject[]): EventRecord[] {
	return messages.filter(isInboundMessage).map((message) => ({
		key: String(message.id),
		ts: toMs(message.dateAdded),
		item: messageItem(locationId, message),
	}));
}

// ---------------------------------------------------------------------------------------------------------------
// Form and survey submissions: GET /forms/submissions (forms.json `get-forms-submissions`) and GET
// /surveys/submissions (surveys.json `get-surveys-submissions`)

type SubmissionEvent = 'formSubmitted' | 'surveySubmitted';

const SUBMISSION_SOURCES: Record<SubmissionEvent, { endpoint: Endpoint; filter: 'formId' | 'surveyId' }> = {
	formSubmitted: { endpoint: ENDPOINTS.getFormSubmissions, filter: 'formId' },
	surveySubmitted: { endpoint: ENDPOINTS.getSurveySubmissions, filter: 'surveyId' },
};

/** How far back New Form / Survey Submission looks in a manual run (HighLevel's own default range is one month). */
export const SUBMISSION_SAMPLE_DAYS = 31;

/**
 * Every submission received between `fromMs` and `toMs` (of the chosen form or survey), read over every page
 * (`page` + `limit` 100 until `meta.nextPage` is null). The filter takes whole dates (`startAt` / `endAt`,
 * `YYYY-MM-DD`, both days included) in a time zone HighLevel does not document, so the dates sent are the UTC dates
 * of one day before `fromMs` and one day after `toMs`: that covers those instants in every time zone (UTC−12 to
 * UTC+14). Submissions outside the instants are returned too (the watermark drops older ones). Their order is not
 * documented, so every page is read.
 * @param maxRecords stop after this many (manual runs)
 * @throws NodeOperationError when HighLevel repeats a page
 */
async function readSubmissions(
	ctx: HighLevelContext,
	connection: Connection,
	event: SubmissionEvent,
	settings: PollSettings,
	fromMs: number,
	toMs: number,
	maxRecords = Infinity,
): Promise<IDataObject[]> {
	const { endpoint, filter } = SUBMISSION_SOURCES[event];
	const qs: IDataObject = { startAt: iso(fromMs - DAY_MS).slice(0, 10), endAt: iso(toMs + DAY_MS).slice(0, 10) };
	const only = settings[filter];
	if (only) qs[filter] = only;
	return await fetchPages(ctx, endpoint, connection, buildRequest(ctx, endpoint, connection, { qs }), maxRecords);
}

/** Submissions as HighLevel lists them (`id, contactId, createdAt, formId | surveyId, name, email, others`); key = id, time = `createdAt`. */
function submissionRecords(submissions: IDataObject[]): EventRecord[] {
	return submissions.map((submission) => ({
		key: String(submission.id),
		ts: toMs(submission.createdAt),
		item: { ...submission },
	}));
}

/**
 * New Form / Survey Submission. HighLevel has no webhook event for submissions, so items are the submissions as
 * listed. `read` covers `[sinceMs, now]` (widened by a day each side, see {@link readSubmissions}); `latest` the last
 * {@link SUBMISSION_SAMPLE_DAYS} days, at most 100 submissions.
 */
function submissionSource(event: SubmissionEvent): EventSource {
	return {
		detection: 'watermark',
		async read(ctx, connection, settings, sinceMs, nowMs) {
			return submissionRecords(await readSubmissions(ctx, connection, event, settings, sinceMs, nowMs));
		},
		async latest(ctx, connection, settings, nowMs) {
			const from = nowMs - SUBMISSION_SAMPLE_DAYS * DAY_MS;
			return submissionRecords(await readSubmissions(ctx, connection, event, settings, from, nowMs, 100));
		},
	};
}

// ---------------------------------------------------------------------------------------------------------------

/** How an event's new records are recognised between polls. */
export type Detection = 'watermark' | 'snapshot';

/** One event's reading strategy. */
export interface EventSource {
	/** The matching webhook event's `type`; absent when HighLevel has none (form and survey submissions). */
	webhookType?: string;
	detection: Detection;
	/**
	 * Records whose event time is `>= sinceMs` (may include older ones; the watermark drops them). Snapshot
	 * events ignore `sinceMs` and return every record.
	 */
	read(ctx: HighLevelContext, connection: Connection, settings: PollSettings, sinceMs: number, nowMs: number): Promise<EventRecord[]>;
	/**
	 * Set when `read` relies on a time filter whose value format HighLevel does not document: names the filter for
	 * the error raised when a first poll shows HighLevel misreads it (see poll.ts `activePoll`).
	 */
	timeFilter?: string;
	/** The newest few records (manual runs); at most {@link MANUAL_SAMPLE_SIZE} are emitted. */
	latest(ctx: HighLevelContext, connection: Connection, settings: PollSettings, nowMs: number): Promise<EventRecord[]>;
}

function contactSource(event: 'contactCreated' | 'contactUpdated'): EventSource {
	const field = event === 'contactCreated' ? 'dateAdded' : 'dateUpdated';
	return {
		webhookType: event === 'contactCreated' ? 'ContactCreate' : 'ContactUpdate',
		detection: 'watermark',
		async read(ctx, connection, _settings, sinceMs) {
			return contactRecords(event, connection.locationId, await contactsSince(ctx, connection, field, sinceMs));
		},
		async latest(ctx, connection) {
			const contacts = await searchContacts(ctx, connection, [], field, 'desc', MANUAL_SAMPLE_SIZE * 4);
			return contactRecords(event, connection.locationId, contacts);
		},
	};
}

function opportunitySource(event: OpportunityEvent): EventSource {
	const created = event === 'opportunityCreated';
	return {
		webhookType: OPPORTUNITY_EVENTS[event].type,
		detection: 'watermark',
		async read(ctx, connection, settings, sinceMs) {
			// New opportunities: newest first, stop once a page reaches records created before `since`.
			// Stage/status changes: no order or filter on change times exists, so every opportunity is read.
			const stop = created
				? (page: IDataObject[]) => toMs(page[page.length - 1]?.createdAt) < sinceMs
				: undefined;
			const list = await searchOpportunities(ctx, connection, settings, stop);
			return opportunityRecords(event, connection.locationId, list);
		},
		async latest(ctx, connection, settings) {
			const list = created
				? await searchOpportunities(ctx, connection, settings, undefined, MANUAL_SAMPLE_SIZE)
				: await searchOpportunities(ctx, connection, settings);
			return opportunityRecords(event, connection.locationId, list);
		},
	};
}

/** The reading strategy of every event. */
export const SOURCES: Record<PollEvent, EventSource> = {
	contactCreated: contactSource('contactCreated'),
	contactUpdated: contactSource('contactUpdated'),
	opportunityCreated: opportunitySource('opportunityCreated'),
	opportunityStageChanged: opportunitySource('opportunityStageChanged'),
	opportunityStatusChanged: opportunitySource('opportunityStatusChanged'),
	appointmentCreated: {
		webhookType: 'AppointmentCreate',
		detection: 'watermark',
		async read(ctx, connection, settings, _sinceMs, nowMs) {
			return appointmentRecords(connection.locationId, await readAppointments(ctx, connection, settings, nowMs));
		},
		async latest(ctx, connection, settings, nowMs) {
			return appointmentRecords(connection.locationId, await readAppointments(ctx, connection, settings, nowMs));
		},
	},
	taskCreated: {
		webhookType: 'TaskCreate',
		detection: 'snapshot',
		async read(ctx, connection) {
			return taskRecords(connection.locationId, await readTasks(ctx, connection));
		},
		async latest(ctx, connection) {
			return taskRecords(connection.locationId, await readTasks(ctx, connection, MANUAL_SAMPLE_SIZE));
		},
	},
	noteCreated: {
		webhookType: 'NoteCreate',
		detection: 'watermark',
		async read(ctx, connection, settings, sinceMs) {
			// Contacts updated since the watermark (newest first, no range filter), or all contacts; then each one's notes.
			const contacts =
				settings.noteContacts === 'all'
					? await searchContacts(ctx, connection, [], 'dateUpdated', 'asc')
					: (await contactsSince(ctx, connection, 'dateUpdated', sinceMs)).filter(
							(c) => toMs(c.dateUpdated) >= sinceMs,
						);
			return noteRecords(connection.locationId, await readNotes(ctx, connection, contacts));
		},
		async latest(ctx, connection) {
			const contacts = await searchContacts(ctx, connection, [], 'dateUpdated', 'desc', MANUAL_SAMPLE_SIZE * 2);
			return noteRecords(connection.locationId, await readNotes(ctx, connection, contacts));
		},
	},
	inboundMessage: {
		webhookType: 'InboundMessage',
		detection: 'watermark',
		// The export has no record cursor to continue a small newest-first probe from, so it keeps `startDate`.
		timeFilter: 'startDate (ISO 8601) of GET /conversations/messages/export',
		async read(ctx, connection, _settings, sinceMs) {
			return messageRecords(connection.locationId, await exportMessages(ctx, connection, sinceMs));
		},
		async latest(ctx, connection) {
			return messageRecords(connection.locationId, await exportMessages(ctx, connection, undefined, 50));
		},
	},
	formSubmitted: submissionSource('formSubmitted'),
	surveySubmitted: submissionSource('surveySubmitted'),
	invoicePaid: invoicePaidSource,
	orderCreated: orderCreatedSource,
	transactionCreated: transactionCreatedSource,
};
