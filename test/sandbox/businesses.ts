/**
 * Businesses (businesses.json, Version 2021-07-28; FACTS.md 2.13) and the contacts of a business (contacts.json
 * `get-contacts-by-businessId`, `add-remove-contact-from-business`; FACTS.md 2.1).
 *
 * Businesses are plain records of the record store (records.ts, collection `businesses`) with `locationId`,
 * `createdAt` and `updatedAt` (`BusinessDto`); create and update answer `{success, buiseness}` (sic, the spec's
 * `UpdateBusinessResponseDto`), get `{business}`, delete `{success: true}`. The list is paged by hand (`limit` +
 * `skip`, no total). A contact's business is its `businessId` (store.ts `ContactRecord`).
 */
import { contactToApi } from './fields';
import { iso, ownedRecord, unprocessable, type OperationContext, type OperationHandler } from './context';
import { recordResource, recordsOf, type PlainRecord } from './records';
import { matchesQuery } from './search';

/** Collection of the record store holding the businesses of a location. */
export const BUSINESSES = 'businesses';

const common = {
	spec: 'businesses' as const,
	collection: BUSINESSES,
	record: 'Business',
	idParam: 'businessId',
	withLocationId: true,
	created: (ctx: OperationContext) => ({ createdAt: iso(ctx.now()), updatedAt: iso(ctx.now()) }),
	updated: (ctx: OperationContext) => ({ updatedAt: iso(ctx.now()) }),
};

/** Oldest first, then by id: the order of `get-businesses-by-location` (HighLevel documents none). */
function byCreation(a: PlainRecord, b: PlainRecord): number {
	return String(a.createdAt).localeCompare(String(b.createdAt)) || a.id.localeCompare(b.id);
}

/**
 * GET /businesses/?locationId + `limit` (default 100) + `skip` (default 0) → `{businesses}` of the token's
 * location, oldest first; no total, so a reader pages until an empty page.
 */
export const getBusinessesByLocation: OperationHandler = (ctx) => {
	const skip = Math.max(0, Number(ctx.query.skip ?? 0) || 0);
	const limit = Math.max(0, Number(ctx.query.limit ?? 100) || 100);
	const all = [...recordsOf(ctx.location, BUSINESSES).values()].sort(byCreation);
	return { status: 200, body: { businesses: all.slice(skip, skip + limit).map((b) => structuredClone(b)) } };
};

/** The business `id` of the token's location: 403 for one of another location, 404 `Business not found`. */
function businessOf(ctx: OperationContext, id: string): PlainRecord {
	return ownedRecord(
		ctx,
		id,
		(data) => recordsOf(data, BUSINESSES).get(id),
		(store) => [...store.locations.values()].find((data) => recordsOf(data, BUSINESSES).has(id)),
		'Business not found',
	);
}

/**
 * GET /contacts/business/{businessId}?locationId + `query` (name, e-mail, company or phone digits), `limit`
 * (default 25), `skip` (default 0) → `{contacts, count}` (`count`: every match), oldest contact first, then id.
 */
export const getContactsByBusiness: OperationHandler = (ctx) => {
	const business = businessOf(ctx, ctx.params.businessId);
	const text = typeof ctx.query.query === 'string' ? ctx.query.query.trim().toLowerCase() : '';
	const matches = [...ctx.location.contacts.values()]
		.filter((c) => c.businessId === business.id)
		.filter((c) => !text || matchesQuery(c, text))
		.sort((a, b) => a.dateAdded.localeCompare(b.dateAdded) || a.id.localeCompare(b.id));
	const skip = Math.max(0, Number(ctx.query.skip ?? 0) || 0);
	const limit = Math.max(0, Number(ctx.query.limit ?? 25) || 25);
	return {
		status: 200,
		body: { contacts: matches.slice(skip, skip + limit).map(contactToApi), count: matches.length },
	};
};

/**
 * POST /contacts/bulk/business `{locationId, ids, businessId}` → `{success: true, ids}`: puts the contacts `ids`
 * into the business, or out of any business with `businessId: null`. Every id must be a contact of the location
 * (422 otherwise, nothing changed); the business must be one of the location (404 / 403).
 */
export const setContactsBusiness: OperationHandler = (ctx) => {
	const body = ctx.body as { ids: string[]; businessId: string | null };
	const businessId = body.businessId === null ? undefined : businessOf(ctx, body.businessId).id;
	const unknown = body.ids.filter((id) => !ctx.location.contacts.has(id));
	if (unknown.length) throw unprocessable(unknown.map((id) => `Contact ${id} not found`));
	for (const id of body.ids) {
		const contact = ctx.location.contacts.get(id)!;
		const next = { ...contact, dateUpdated: iso(ctx.now()) };
		if (businessId) next.businessId = businessId;
		else delete next.businessId;
		ctx.location.putContact(next);
	}
	return { status: 200, body: { success: true, ids: [...body.ids] } };
};

/** Create and update of the record store, answering `{success: true, buiseness}` as `UpdateBusinessResponseDto`. */
const writes = Object.fromEntries(
	Object.entries(
		recordResource({ ...common, create: 'create-business', update: 'update-business', root: 'buiseness' }),
	).map(([operationId, handler]): [string, OperationHandler] => [
		operationId,
		(ctx) => {
			const result = handler(ctx);
			return { status: result.status, body: { success: true, ...result.body } };
		},
	]),
);

/** Handlers by operationId. */
export const businessHandlers: Record<string, OperationHandler> = {
	...writes,
	...recordResource({ ...common, get: 'get-business', delete: 'delete-Business', root: 'business' }),
	'get-businesses-by-location': getBusinessesByLocation,
	'get-contacts-by-businessId': getContactsByBusiness,
	'add-remove-contact-from-business': setContactsBusiness,
};
