/**
 * Contact operations (contacts.json, Version 2021-07-28; roots per FACTS.md 2.1).
 */
import {
	badRequest,
	iso,
	ownedRecord,
	unprocessable,
	type OperationContext,
	type OperationHandler,
} from './context';
import {
	applyCustomFields,
	contactFullName,
	contactToApi,
	contactToSearchApi,
	normalizeEmail,
	normalizePhone,
	normalizeTags,
	resolveCustomFields,
} from './fields';
import { matchesQuery, searchContacts, type ContactSearchBody } from './search';
import type { ContactRecord, LocationData } from './store';

const STRING_FIELDS = [
	'firstName',
	'lastName',
	'address1',
	'city',
	'state',
	'postalCode',
	'website',
	'timezone',
	'companyName',
	'source',
	'country',
	'gender',
	'dateOfBirth',
] as const;

/**
 * Applies a create/update/upsert body to a contact (in place). `null` or `''` clears a field; `name` is split into
 * first/last name when those are not given; email is lower-cased, phone normalised to E.164, tags lower-cased and
 * de-duplicated (and they replace the current tags: spec `UpdateContactDto.tags`), custom field values merged.
 * @throws HttpError 422 for an invalid email/phone, an assignedTo that is not a user of the location, or bad custom fields
 */
function applyContactInput(
	data: LocationData,
	contact: ContactRecord,
	body: Record<string, unknown>,
	now: number,
): void {
	const errors: string[] = [];
	const target = contact as unknown as Record<string, unknown>;
	for (const field of STRING_FIELDS) {
		if (!(field in body)) continue;
		const v = body[field];
		if (v === null || v === '') delete target[field];
		else target[field] = String(v).trim();
	}
	if (
		typeof body.name === 'string' &&
		body.name.trim() &&
		!('firstName' in body) &&
		!('lastName' in body)
	) {
		const [first, ...rest] = body.name.trim().split(/\s+/);
		contact.firstName = first;
		if (rest.length) contact.lastName = rest.join(' ');
		else delete contact.lastName;
	}
	if ('email' in body) {
		if (body.email === null || body.email === '') delete contact.email;
		else {
			const email = normalizeEmail(String(body.email));
			if (email) contact.email = email;
			else errors.push('email must be an email');
		}
	}
	if ('phone' in body) {
		if (body.phone === null || body.phone === '') delete contact.phone;
		else {
			const phone = normalizePhone(String(body.phone));
			if (phone) contact.phone = phone;
			else errors.push('phone must be a valid phone number');
		}
	}
	if ('assignedTo' in body) {
		if (body.assignedTo === null || body.assignedTo === '') delete contact.assignedTo;
		else if (data.users.some((u) => u.id === body.assignedTo))
			contact.assignedTo = String(body.assignedTo);
		else errors.push(`assignedTo must be the id of a user of this location`);
	}
	if (typeof body.dnd === 'boolean') contact.dnd = body.dnd;
	if (body.dndSettings && typeof body.dndSettings === 'object')
		contact.dndSettings = body.dndSettings as Record<string, unknown>;
	if (body.inboundDndSettings && typeof body.inboundDndSettings === 'object') {
		contact.inboundDndSettings = body.inboundDndSettings as Record<string, unknown>;
	}
	if (Array.isArray(body.tags)) contact.tags = normalizeTags(body.tags);
	if (errors.length) throw unprocessable(errors);
	if (Array.isArray(body.customFields))
		applyCustomFields(
			contact.customFields,
			resolveCustomFields(data, 'contact', body.customFields),
		);
	contact.dateUpdated = iso(now);
}

/**
 * 400 when another contact of the location has the same email (checked first) or phone and the location does not
 * allow duplicates: `{statusCode: 400, message: 'This location does not allow duplicated contacts.', meta: {contactName, contactId, matchingField}}`.
 */
function assertNotDuplicate(data: LocationData, contact: ContactRecord): void {
	if (data.settings.allowDuplicateContact) return;
	const byEmail = contact.email ? data.findContactByEmail(contact.email, contact.id) : undefined;
	const byPhone =
		!byEmail && contact.phone ? data.findContactByPhone(contact.phone, contact.id) : undefined;
	const other = byEmail ?? byPhone;
	if (other) {
		throw badRequest('This location does not allow duplicated contacts.', {
			meta: {
				contactName: contactFullName(other) || undefined,
				contactId: other.id,
				matchingField: byEmail ? 'email' : 'phone',
			},
		});
	}
}

function newContact(ctx: OperationContext): ContactRecord {
	const now = iso(ctx.now());
	return {
		id: ctx.store.ids.id(),
		locationId: ctx.location.id,
		dnd: false,
		tags: [],
		type: 'lead',
		dateAdded: now,
		dateUpdated: now,
		customFields: {},
	};
}

function clone(contact: ContactRecord): ContactRecord {
	return structuredClone(contact);
}

function findContact(ctx: OperationContext): ContactRecord {
	const id = ctx.params.contactId;
	return ownedRecord(
		ctx,
		id,
		(d) => d.contacts.get(id),
		(s) => s.contactOwner(id),
		'Contact not found',
	);
}

/** POST /contacts/ → 201 `{contact}`; duplicate email/phone → 400 (see assertNotDuplicate). */
export const createContact: OperationHandler = (ctx) => {
	const contact = newContact(ctx);
	applyContactInput(ctx.location, contact, ctx.body, ctx.now());
	contact.dateUpdated = contact.dateAdded;
	assertNotDuplicate(ctx.location, contact);
	ctx.location.putContact(contact);
	ctx.stats.creates.contact++;
	return { status: 201, body: { contact: contactToApi(contact) } };
};

/**
 * POST /contacts/upsert → 200 `{new, contact, traceId}`. Matches an existing contact by email, then phone; updates
 * it or creates a new one. `createNewIfDuplicateAllowed: true` on a location that allows duplicates always creates.
 */
export const upsertContact: OperationHandler = (ctx) => {
	const data = ctx.location;
	const body = ctx.body as Record<string, unknown>;
	let existing: ContactRecord | undefined;
	if (!(body.createNewIfDuplicateAllowed === true && data.settings.allowDuplicateContact)) {
		const email = typeof body.email === 'string' ? normalizeEmail(body.email) : undefined;
		const phone = typeof body.phone === 'string' ? normalizePhone(body.phone) : undefined;
		existing =
			(email && data.findContactByEmail(email)) ||
			(phone && data.findContactByPhone(phone)) ||
			undefined;
	}
	const contact = existing ? clone(existing) : newContact(ctx);
	applyContactInput(data, contact, body, ctx.now());
	if (!existing) contact.dateUpdated = contact.dateAdded;
	assertNotDuplicate(data, contact);
	data.putContact(contact);
	if (!existing) ctx.stats.creates.contact++;
	return { status: 200, body: { new: !existing, contact: contactToApi(contact) } };
};

/** GET /contacts/{contactId} → `{contact}`; 404 `Contact not found`; 403 for another location's contact. */
export const getContact: OperationHandler = (ctx) => ({
	status: 200,
	body: { contact: contactToApi(findContact(ctx)) },
});

/** PUT /contacts/{contactId} → `{succeded: true, contact}` (sic, FACTS.md 6). */
export const updateContact: OperationHandler = (ctx) => {
	const contact = clone(findContact(ctx));
	applyContactInput(ctx.location, contact, ctx.body, ctx.now());
	assertNotDuplicate(ctx.location, contact);
	ctx.location.putContact(contact);
	return { status: 200, body: { succeded: true, contact: contactToApi(contact) } };
};

/** DELETE /contacts/{contactId} → `{succeded: true}`. The contact's opportunities are deleted with it. */
export const deleteContact: OperationHandler = (ctx) => {
	const contact = findContact(ctx);
	ctx.location.removeContact(contact.id);
	for (const [id, opportunity] of ctx.location.opportunities)
		if (opportunity.contactId === contact.id) ctx.location.opportunities.delete(id);
	return { status: 200, body: { succeded: true } };
};

/** POST /contacts/{contactId}/tags `{tags}` → 201 `{tags}` (the contact's tags afterwards). */
export const addTags: OperationHandler = (ctx) => {
	const contact = clone(findContact(ctx));
	contact.tags = normalizeTags([...contact.tags, ...(ctx.body.tags as unknown[])]);
	contact.dateUpdated = iso(ctx.now());
	ctx.location.putContact(contact);
	return { status: 201, body: { tags: [...contact.tags] } };
};

/** DELETE /contacts/{contactId}/tags `{tags}` → 200 `{tags}` (the contact's tags afterwards). */
export const removeTags: OperationHandler = (ctx) => {
	const contact = clone(findContact(ctx));
	const remove = normalizeTags(ctx.body.tags as unknown[]);
	contact.tags = contact.tags.filter((t) => !remove.includes(t));
	contact.dateUpdated = iso(ctx.now());
	ctx.location.putContact(contact);
	return { status: 200, body: { tags: [...contact.tags] } };
};

/** GET /contacts/search/duplicate?locationId&email|number → `{contact}` (null when none). Email is checked first. */
export const getDuplicateContact: OperationHandler = (ctx) => {
	const email = typeof ctx.query.email === 'string' ? normalizeEmail(ctx.query.email) : undefined;
	const phone = typeof ctx.query.number === 'string' ? normalizePhone(ctx.query.number) : undefined;
	const found =
		(email && ctx.location.findContactByEmail(email)) ||
		(phone && ctx.location.findContactByPhone(phone)) ||
		undefined;
	return { status: 200, body: { contact: found ? contactToApi(found) : null } };
};

/** POST /contacts/search → `{contacts, total}` (see search.ts). */
export const searchContactsAdvanced: OperationHandler = (ctx) => {
	const result = searchContacts(ctx.location, ctx.body as ContactSearchBody, contactToSearchApi);
	return { status: 200, body: { contacts: result.contacts, total: result.total } };
};

/**
 * GET /contacts/ (deprecated) → `{contacts, count, meta: {total, nextPageUrl, startAfterId, startAfter, currentPage,
 * nextPage, prevPage}}` (contacts.json `ContactsMetaSchema`, FACTS.md 2.1). Ordered by dateAdded descending, then id;
 * keyset pagination with `startAfter` (epoch ms) + `startAfterId`; `limit` ≤ 100 (default 20); `count` is the total.
 */
export const getContacts: OperationHandler = (ctx) => {
	const limit = (ctx.query.limit as number | undefined) ?? 20;
	const text = typeof ctx.query.query === 'string' ? ctx.query.query.trim().toLowerCase() : '';
	const rows = [...ctx.location.contacts.values()]
		.filter((c) => !text || matchesQuery(c, text))
		.map((c) => ({ c, ms: Date.parse(c.dateAdded) }))
		.sort((a, b) => b.ms - a.ms || (a.c.id < b.c.id ? 1 : a.c.id > b.c.id ? -1 : 0));
	let start = 0;
	const afterId = typeof ctx.query.startAfterId === 'string' ? ctx.query.startAfterId : undefined;
	let afterMs = typeof ctx.query.startAfter === 'number' ? ctx.query.startAfter : undefined;
	if (afterMs === undefined && afterId) {
		const ref = ctx.location.contacts.get(afterId);
		if (ref) afterMs = Date.parse(ref.dateAdded);
	}
	if (afterMs !== undefined) {
		const ms = afterMs;
		start = rows.findIndex(
			(r) => r.ms < ms || (r.ms === ms && afterId !== undefined && r.c.id < afterId),
		);
		if (start < 0) start = rows.length;
	}
	const page = rows.slice(start, start + limit);
	const last = page[page.length - 1];
	const more = start + page.length < rows.length;
	const currentPage = Math.floor(start / limit) + 1;
	const next = more && last ? new URL(`${ctx.baseUrl}/contacts/`) : undefined;
	if (next && last) {
		next.searchParams.set('locationId', ctx.location.id);
		next.searchParams.set('startAfter', String(last.ms));
		next.searchParams.set('startAfterId', last.c.id);
		next.searchParams.set('limit', String(limit));
		if (text) next.searchParams.set('query', text);
	}
	return {
		status: 200,
		body: {
			contacts: page.map((r) => contactToApi(r.c)),
			count: rows.length,
			meta: {
				total: rows.length,
				nextPageUrl: next ? next.toString() : null,
				startAfterId: last ? last.c.id : null,
				startAfter: last ? last.ms : null,
				currentPage,
				nextPage: more ? currentPage + 1 : null,
				prevPage: currentPage > 1 ? currentPage - 1 : null,
			},
		},
	};
};

/** Handlers by operationId. */
export const contactHandlers: Record<string, OperationHandler> = {
	'create-contact': createContact,
	'upsert-contact': upsertContact,
	'get-contact': getContact,
	'update-contact': updateContact,
	'delete-contact': deleteContact,
	'add-tags': addTags,
	'remove-tags': removeTags,
	'get-duplicate-contact': getDuplicateContact,
	'search-contacts-advanced': searchContactsAdvanced,
	'get-contacts': getContacts,
};
