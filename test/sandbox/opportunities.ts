/**
 * Opportunity and pipeline operations (opportunities.json, Version 2021-07-28; roots per FACTS.md 2.2).
 */
import {
	badRequest,
	iso,
	ownedRecord,
	unprocessable,
	type OperationContext,
	type OperationHandler,
} from './context';
import { applyCustomFields, contactFullName, resolveCustomFields } from './fields';
import type { LocationData, OpportunityRecord, OpportunityStatus, PipelineRecord } from './store';

const STATUSES: readonly OpportunityStatus[] = ['open', 'won', 'lost', 'abandoned'];

/**
 * An opportunity as HighLevel returns it (opportunities.json `SearchOpportunitiesResponseSchema`): the embedded
 * `contact {id, name, companyName, email, phone, tags}` is read live from the contact, custom fields as
 * `[{id, fieldValue}]` (`CustomFieldResponseSchema`).
 */
export function opportunityToApi(
	data: LocationData,
	o: OpportunityRecord,
): Record<string, unknown> {
	const contact = data.contacts.get(o.contactId);
	const out: Record<string, unknown> = {
		id: o.id,
		name: o.name,
		monetaryValue: o.monetaryValue,
		pipelineId: o.pipelineId,
		pipelineStageId: o.pipelineStageId,
		assignedTo: o.assignedTo,
		status: o.status,
		source: o.source ?? '',
		lastStatusChangeAt: o.lastStatusChangeAt,
		lastStageChangeAt: o.lastStageChangeAt,
		lastActionDate: o.updatedAt,
		createdAt: o.createdAt,
		updatedAt: o.updatedAt,
		contactId: o.contactId,
		locationId: o.locationId,
		lostReasonId: o.lostReasonId,
		customFields: Object.entries(o.customFields).map(([id, fieldValue]) => ({ id, fieldValue })),
		followers: [...o.followers],
	};
	if (contact) {
		out.contact = {
			id: contact.id,
			name: contactFullName(contact) || undefined,
			companyName: contact.companyName,
			email: contact.email,
			phone: contact.phone,
			tags: [...contact.tags],
		};
	}
	for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
	return out;
}

function findOpportunity(ctx: OperationContext): OpportunityRecord {
	const id = ctx.params.id;
	return ownedRecord(
		ctx,
		id,
		(d) => d.opportunities.get(id),
		(s) => s.opportunityOwner(id),
		'Opportunity not found',
	);
}

function pipelineOf(data: LocationData, pipelineId: string): PipelineRecord {
	const pipeline = data.pipelines.find((p) => p.id === pipelineId);
	if (!pipeline) throw badRequest(`Pipeline ${pipelineId} not found in this location`);
	return pipeline;
}

interface OpportunityInput {
	name?: string;
	pipelineId?: string;
	pipelineStageId?: string;
	status?: string;
	monetaryValue?: number;
	assignedTo?: string | null;
	contactId?: string;
	lostReasonId?: string;
	customFields?: unknown[];
}

/**
 * Applies a create/update/upsert body to an opportunity (in place), enforcing: the pipeline exists in the location,
 * the stage belongs to the pipeline (default: its first stage when the pipeline changes or on create), the contact
 * exists in the location, `assignedTo` is a user of the location, `status` is not `all`. Stage changes set
 * `lastStageChangeAt`, status changes `lastStatusChangeAt`.
 * @throws HttpError 400 (unknown pipeline/stage/contact) or 422 (bad status, assignedTo, custom fields)
 */
function applyOpportunityInput(
	data: LocationData,
	o: OpportunityRecord,
	body: OpportunityInput,
	now: number,
	creating: boolean,
): void {
	const at = iso(now);
	if (body.status !== undefined && !STATUSES.includes(body.status as OpportunityStatus)) {
		throw unprocessable([`status must be one of the following values: ${STATUSES.join(', ')}`]);
	}
	if (
		body.assignedTo !== undefined &&
		body.assignedTo !== null &&
		body.assignedTo !== '' &&
		!data.users.some((u) => u.id === body.assignedTo)
	) {
		throw unprocessable(['assignedTo must be the id of a user of this location']);
	}
	if (body.contactId !== undefined && !data.contacts.has(body.contactId))
		throw badRequest(`Contact ${body.contactId} not found in this location`);
	const pipelineChanged = body.pipelineId !== undefined && body.pipelineId !== o.pipelineId;
	const pipeline = pipelineOf(data, body.pipelineId ?? o.pipelineId);
	let stageId =
		body.pipelineStageId ??
		(pipelineChanged || creating ? pipeline.stages[0]?.id : o.pipelineStageId);
	if (!pipeline.stages.some((s) => s.id === stageId)) {
		throw badRequest(`Pipeline stage ${stageId} does not belong to pipeline ${pipeline.id}`);
	}
	stageId = stageId as string;
	const custom = Array.isArray(body.customFields)
		? resolveCustomFields(data, 'opportunity', body.customFields)
		: undefined;

	if (body.name !== undefined) o.name = body.name;
	if (body.contactId !== undefined) o.contactId = body.contactId;
	if (body.monetaryValue !== undefined) o.monetaryValue = body.monetaryValue;
	if (body.lostReasonId !== undefined) o.lostReasonId = body.lostReasonId;
	if (body.assignedTo !== undefined) {
		if (body.assignedTo === null || body.assignedTo === '') delete o.assignedTo;
		else o.assignedTo = body.assignedTo;
	}
	o.pipelineId = pipeline.id;
	if (stageId !== o.pipelineStageId) {
		o.pipelineStageId = stageId;
		o.lastStageChangeAt = at;
	}
	if (body.status !== undefined && body.status !== o.status) {
		o.status = body.status as OpportunityStatus;
		o.lastStatusChangeAt = at;
	}
	if (custom) applyCustomFields(o.customFields, custom);
	o.updatedAt = at;
}

function blank(ctx: OperationContext): OpportunityRecord {
	const at = iso(ctx.now());
	return {
		id: ctx.store.ids.id(),
		locationId: ctx.location.id,
		name: '',
		monetaryValue: 0,
		pipelineId: '',
		pipelineStageId: '',
		status: 'open',
		contactId: '',
		followers: [],
		customFields: {},
		createdAt: at,
		updatedAt: at,
		lastStatusChangeAt: at,
		lastStageChangeAt: at,
	};
}

/** 400 `Can not create duplicate opportunity for the contact.` unless the location allows duplicate opportunities. */
function assertNoDuplicate(data: LocationData, o: OpportunityRecord): void {
	if (data.settings.allowDuplicateOpportunity) return;
	for (const other of data.opportunities.values()) {
		if (other.id !== o.id && other.contactId === o.contactId && other.pipelineId === o.pipelineId) {
			throw badRequest('Can not create duplicate opportunity for the contact.');
		}
	}
}

/** POST /opportunities/ → 201 `{opportunity}`. */
export const createOpportunity: OperationHandler = (ctx) => {
	const o = blank(ctx);
	applyOpportunityInput(ctx.location, o, ctx.body as OpportunityInput, ctx.now(), true);
	o.lastStageChangeAt = o.createdAt;
	o.lastStatusChangeAt = o.createdAt;
	assertNoDuplicate(ctx.location, o);
	ctx.location.opportunities.set(o.id, o);
	ctx.stats.creates.opportunity++;
	return { status: 201, body: { opportunity: opportunityToApi(ctx.location, o) } };
};

/**
 * POST /opportunities/upsert → `{opportunity, new}`. Matches by `id`, else by `contactId` + `pipelineId`; creating
 * needs `contactId` and `name` (422 otherwise).
 */
export const upsertOpportunity: OperationHandler = (ctx) => {
	const body = ctx.body as OpportunityInput & { id?: string };
	const data = ctx.location;
	let existing: OpportunityRecord | undefined;
	if (body.id) {
		const id = body.id;
		existing = ownedRecord(
			ctx,
			id,
			(d) => d.opportunities.get(id),
			(s) => s.opportunityOwner(id),
			'Opportunity not found',
		);
	} else if (body.contactId && body.pipelineId) {
		existing = [...data.opportunities.values()].find(
			(o) => o.contactId === body.contactId && o.pipelineId === body.pipelineId,
		);
	}
	if (existing) {
		const o = structuredClone(existing);
		applyOpportunityInput(data, o, body, ctx.now(), false);
		data.opportunities.set(o.id, o);
		return { status: 200, body: { opportunity: opportunityToApi(data, o), new: false } };
	}
	const missing = [
		!body.contactId && 'contactId should not be empty',
		!body.name && 'name should not be empty',
	].filter(Boolean) as string[];
	if (missing.length) throw unprocessable(missing);
	const o = blank(ctx);
	applyOpportunityInput(data, o, body, ctx.now(), true);
	o.lastStageChangeAt = o.createdAt;
	o.lastStatusChangeAt = o.createdAt;
	data.opportunities.set(o.id, o);
	ctx.stats.creates.opportunity++;
	return { status: 200, body: { opportunity: opportunityToApi(data, o), new: true } };
};

/** GET /opportunities/{id} → `{opportunity}`; 404 `Opportunity not found`; 403 for another location's. */
export const getOpportunity: OperationHandler = (ctx) => ({
	status: 200,
	body: { opportunity: opportunityToApi(ctx.location, findOpportunity(ctx)) },
});

/** PUT /opportunities/{id} → `{opportunity}`. */
export const updateOpportunity: OperationHandler = (ctx) => {
	const o = structuredClone(findOpportunity(ctx));
	applyOpportunityInput(ctx.location, o, ctx.body as OpportunityInput, ctx.now(), false);
	ctx.location.opportunities.set(o.id, o);
	return { status: 200, body: { opportunity: opportunityToApi(ctx.location, o) } };
};

/** PUT /opportunities/{id}/status `{status, lostReasonId?}` → `{succeded: true}`; sets `lastStatusChangeAt`. */
export const updateOpportunityStatus: OperationHandler = (ctx) => {
	const o = structuredClone(findOpportunity(ctx));
	const body = ctx.body as { status: string; lostReasonId?: string };
	applyOpportunityInput(
		ctx.location,
		o,
		{ status: body.status, lostReasonId: body.lostReasonId },
		ctx.now(),
		false,
	);
	o.lastStatusChangeAt = o.updatedAt;
	ctx.location.opportunities.set(o.id, o);
	return { status: 200, body: { succeded: true } };
};

/** DELETE /opportunities/{id} → `{succeded: true}`. */
export const deleteOpportunity: OperationHandler = (ctx) => {
	const o = findOpportunity(ctx);
	ctx.location.opportunities.delete(o.id);
	return { status: 200, body: { succeded: true } };
};

/** GET /opportunities/pipelines?locationId → `{pipelines}` (stages `{id, name, position, …}`). */
export const getPipelines: OperationHandler = (ctx) => ({
	status: 200,
	body: { pipelines: structuredClone(ctx.location.pipelines) },
});

/** Parses `mm-dd-yyyy` (opportunities.json `date`/`endDate` examples) to epoch ms of that UTC day's start. */
function parseMmDdYyyy(value: string, name: string): number {
	const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
	const ms = m ? Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2])) : NaN;
	if (!Number.isFinite(ms)) throw unprocessable([`${name} must be a date in mm-dd-yyyy format`]);
	return ms;
}

/**
 * GET /opportunities/search?location_id=… → `{opportunities, meta, aggregations}` (FACTS.md 2.2, 2.14).
 * Filters: pipeline_id, pipeline_stage_id, status (`all` = any), contact_id, assigned_to, id, q (name, contact
 * name/email/phone), date/endDate (mm-dd-yyyy, on createdAt, inclusive days). Order: createdAt descending then id
 * descending (`order=added_asc` reverses). Pages: `page` + `limit` (≤100, default 20), or keyset `startAfter`
 * (epoch ms) + `startAfterId`. `meta.startAfter/startAfterId` describe the last record even on the last page, where
 * `nextPageUrl` and `nextPage` are null.
 */
export const searchOpportunity: OperationHandler = (ctx) => {
	const q = ctx.query;
	const data = ctx.location;
	const limit = (q.limit as number | undefined) ?? 20;
	const from = typeof q.date === 'string' && q.date ? parseMmDdYyyy(q.date, 'date') : undefined;
	const to =
		typeof q.endDate === 'string' && q.endDate
			? parseMmDdYyyy(q.endDate, 'endDate') + 86_400_000 - 1
			: undefined;
	const text = typeof q.q === 'string' ? q.q.trim().toLowerCase() : '';
	const asc = q.order === 'added_asc';
	const rows = [...data.opportunities.values()]
		.filter((o) => {
			if (q.pipeline_id && o.pipelineId !== q.pipeline_id) return false;
			if (q.pipeline_stage_id && o.pipelineStageId !== q.pipeline_stage_id) return false;
			if (q.status && q.status !== 'all' && o.status !== q.status) return false;
			if (q.contact_id && o.contactId !== q.contact_id) return false;
			if (q.assigned_to && o.assignedTo !== q.assigned_to) return false;
			if (q.id && o.id !== q.id) return false;
			const created = Date.parse(o.createdAt);
			if (from !== undefined && created < from) return false;
			if (to !== undefined && created > to) return false;
			if (text) {
				const c = data.contacts.get(o.contactId);
				const hay = [o.name, c && contactFullName(c), c?.email, c?.phone]
					.filter(Boolean)
					.join(' ')
					.toLowerCase();
				if (!hay.includes(text)) return false;
			}
			return true;
		})
		.map((o) => ({ o, ms: Date.parse(o.createdAt) }))
		.sort((a, b) => {
			const c = a.ms - b.ms || (a.o.id < b.o.id ? -1 : a.o.id > b.o.id ? 1 : 0);
			return asc ? c : -c;
		});
	const afterId = typeof q.startAfterId === 'string' && q.startAfterId ? q.startAfterId : undefined;
	let afterMs =
		q.startAfter !== undefined && q.startAfter !== '' ? Number(q.startAfter) : undefined;
	if (afterMs !== undefined && !Number.isFinite(afterMs))
		throw unprocessable(['startAfter must be a number (epoch milliseconds)']);
	if (afterMs === undefined && afterId) {
		const ref = data.opportunities.get(afterId);
		if (ref) afterMs = Date.parse(ref.createdAt);
	}
	let start: number;
	if (afterMs !== undefined) {
		const ms = afterMs;
		const after = (r: { o: OpportunityRecord; ms: number }): boolean => {
			const c =
				r.ms - ms || (afterId === undefined ? 0 : r.o.id < afterId ? -1 : r.o.id > afterId ? 1 : 0);
			return asc ? c > 0 : c < 0;
		};
		start = rows.findIndex(after);
		if (start < 0) start = rows.length;
	} else {
		start = (((q.page as number | undefined) ?? 1) - 1) * limit;
	}
	const page = rows.slice(start, start + limit);
	const last = page[page.length - 1];
	const more = start + page.length < rows.length;
	const currentPage = Math.floor(start / limit) + 1;
	let nextPageUrl: string | null = null;
	if (more && last) {
		const url = new URL(`${ctx.baseUrl}/opportunities/search`);
		for (const key of [
			'q',
			'location_id',
			'pipeline_id',
			'pipeline_stage_id',
			'status',
			'contact_id',
			'assigned_to',
			'id',
			'order',
			'date',
			'endDate',
		]) {
			if (q[key] !== undefined && q[key] !== '') url.searchParams.set(key, String(q[key]));
		}
		url.searchParams.set('startAfter', String(last.ms));
		url.searchParams.set('startAfterId', last.o.id);
		url.searchParams.set('limit', String(limit));
		url.searchParams.set('page', String(currentPage + 1));
		nextPageUrl = url.toString();
	}
	const extras = {
		getTasks: 'tasks',
		getNotes: 'notes',
		getCalendarEvents: 'calendarEvents',
	} as const;
	return {
		status: 200,
		body: {
			opportunities: page.map((r) => {
				const api = opportunityToApi(data, r.o);
				for (const [flag, key] of Object.entries(extras)) if (q[flag] === true) api[key] = [];
				return api;
			}),
			meta: {
				total: rows.length,
				nextPageUrl,
				startAfterId: last ? last.o.id : null,
				startAfter: last ? last.ms : null,
				currentPage,
				nextPage: more ? currentPage + 1 : null,
				prevPage: currentPage > 1 ? currentPage - 1 : null,
			},
			aggregations: {},
		},
	};
};

/** Handlers by operationId. */
export const opportunityHandlers: Record<string, OperationHandler> = {
	'search-opportunity': searchOpportunity,
	'create-opportunity': createOpportunity,
	'Upsert-opportunity': upsertOpportunity,
	'get-opportunity': getOpportunity,
	'update-opportunity': updateOpportunity,
	'update-opportunity-status': updateOpportunityStatus,
	'delete-opportunity': deleteOpportunity,
	'get-pipelines': getPipelines,
};
