import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import {
	assignedUserField,
	locatorValue,
	collectionField,
	returnAllOrLimit,
	simplifyProperty,
	sortDirectionField,
} from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { invalidParameter, isEmail, isPhone, toIsoDateTime } from '../../shared/validation';
import { simplifyContacts, tagsOption } from './fields';

const show = { resource: ['contact'], operation: ['getAll'] };

/** Longest `query` HighLevel's contact search accepts (search body doc, FACTS.md 2.1). */
export const MAX_QUERY_LENGTH = 75;

/**
 * Longest tag a `tags` filter value may have: HighLevel refuses longer ones with a 422 naming `filters.N.value`
 * (the same 75-character limit as `query`, FACTS.md 2.1), so they are refused here, naming the node's field.
 */
export const MAX_TAG_LENGTH = 75;

/** The node field behind each search filter `field`, for error messages. */
const FILTER_FIELDS: Record<string, string> = {
	tags: 'Filters → Tag Names or IDs',
	email: 'Filters → Email',
	phone: 'Filters → Phone',
	assignedTo: 'Filters → Assigned User',
};

/**
 * HighLevel's validation paths of a `POST /contacts/search` body as sent → the node's field names:
 * `filters.N.value` by the filter's `field` (its position depends on which filters are set), the date range
 * bounds, `query` and `sort.0.*` (errors.ts `nameNodeFields`).
 */
export function contactSearchFieldNames(request: IHttpRequestOptions): Record<string, string> {
	const names: Record<string, string> = {
		query: 'Search Query',
		'sort.0.field': 'Sort → Field',
		'sort.0.direction': 'Sort → Direction',
	};
	const filters = ((request.body as IDataObject | undefined)?.filters ?? []) as IDataObject[];
	filters.forEach((filter, i) => {
		if (filter.field === 'dateAdded') {
			names[`filters.${i}.value.gte`] = 'Filters → Date Added After';
			names[`filters.${i}.value.lte`] = 'Filters → Date Added Before';
			names[`filters.${i}.value`] = 'Filters → Date Added After / Before';
		} else if (typeof filter.field === 'string' && FILTER_FIELDS[filter.field]) {
			names[`filters.${i}.value`] = FILTER_FIELDS[filter.field];
		}
	});
	return names;
}

/** The node's Filters collection. */
interface ContactFilters {
	tags?: string[] | string;
	email?: string;
	phone?: string;
	/** Assigned User: a resource locator value, or an id in workflows saved before it was one. */
	assignedTo?: string | IDataObject;
	dateAddedAfter?: string;
	dateAddedBefore?: string;
}

/**
 * Builds the `POST /contacts/search` body (FACTS.md 2.1): `query`, `filters` — `tags` eq (one filter per tag, all
 * must match), `email` / `phone` / `assignedTo` eq, `dateAdded` range `{gte, lte}` in ISO 8601 — and `sort`.
 * Page size and cursor are added per page by the pagination (shared/pagination.ts).
 * @throws NodeOperationError naming the parameter when a filter value is malformed
 */
export async function buildContactSearch(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fail = (parameter: string, problem: string) => invalidParameter(this, parameter, problem);
	const body: IDataObject = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	const query = String(this.getNodeParameter('query', '') ?? '').trim();
	if (query.length > MAX_QUERY_LENGTH) {
		throw fail('Search Query', `HighLevel accepts at most ${MAX_QUERY_LENGTH} characters (got ${query.length}).`);
	}
	if (query) body.query = query;
	const f = this.getNodeParameter('filters', {}) as ContactFilters;
	const filters: IDataObject[] = [];
	const tags = (Array.isArray(f.tags) ? f.tags : String(f.tags ?? '').split(','))
		.map((t) => String(t).trim())
		.filter(Boolean);
	for (const tag of tags) {
		if (tag.length > MAX_TAG_LENGTH) {
			throw fail(
				'Tag Names or IDs',
				`HighLevel accepts tags of at most ${MAX_TAG_LENGTH} characters; "${tag.slice(0, 30)}…" has ${tag.length}.`,
			);
		}
		filters.push({ field: 'tags', operator: 'eq', value: tag });
	}
	if (f.email) {
		if (!isEmail(f.email)) throw fail('Email', 'must be an e-mail address like name@example.com.');
		filters.push({ field: 'email', operator: 'eq', value: f.email.trim().toLowerCase() });
	}
	if (f.phone) {
		if (!isPhone(f.phone)) throw fail('Phone', 'must be a phone number with 7 to 15 digits.');
		filters.push({ field: 'phone', operator: 'eq', value: f.phone.trim() });
	}
	const assignedTo = locatorValue(f.assignedTo);
	if (assignedTo) filters.push({ field: 'assignedTo', operator: 'eq', value: assignedTo });
	const range: IDataObject = {};
	if (f.dateAddedAfter) {
		range.gte = toIsoDateTime(f.dateAddedAfter) ?? '';
		if (!range.gte) throw fail('Date Added After', `"${f.dateAddedAfter}" is not a date; use ISO 8601.`);
	}
	if (f.dateAddedBefore) {
		range.lte = toIsoDateTime(f.dateAddedBefore) ?? '';
		if (!range.lte) throw fail('Date Added Before', `"${f.dateAddedBefore}" is not a date; use ISO 8601.`);
	}
	if (range.gte && range.lte && String(range.gte) > String(range.lte)) {
		throw fail('Date Added After', 'must be earlier than Date Added Before.');
	}
	if (Object.keys(range).length) filters.push({ field: 'dateAdded', operator: 'range', value: range });
	if (filters.length) body.filters = filters;
	const sort = this.getNodeParameter('sort', {}) as { field?: string; direction?: string };
	if (sort.field) body.sort = [{ field: sort.field, direction: sort.direction ?? 'desc' }];
	return { ...requestOptions, body };
}

/**
 * Get Many: `POST /contacts/search` (contacts.json `search-contacts-advanced`), paged with `searchAfter` and
 * `pageLimit` ≤ 500 (FACTS.md 2.14).
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many contacts',
	description: 'Search contacts by text, tags, email, phone, date added or assigned user',
	routing: routeTo({
		endpoint: ENDPOINTS.searchContacts,
		preSend: [buildContactSearch],
		fieldNames: contactSearchFieldNames,
		outputPerPage: true,
		async output(_body, records) {
			// Simplify keeps its own keys only (no copy of the whole record first); otherwise each record's
			// `searchAfter`, the pagination cursor, is not contact data.
			if (this.getNodeParameter('simplify', false)) return await simplifyContacts(this, records);
			return records.map((record) => {
				const contact = { ...record };
				delete contact.searchAfter;
				return contact;
			});
		},
	}),
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	{
		displayName: 'Search Query',
		name: 'query',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: `Free text matched against name, email, phone and other searchable fields (max ${MAX_QUERY_LENGTH} characters)`,
	},
	collectionField('filters', show, [
		assignedUserField(),
		{
			displayName: 'Date Added After',
			name: 'dateAddedAfter',
			type: 'dateTime',
			default: '',
			description: 'Only contacts added at or after this time',
		},
		{
			displayName: 'Date Added Before',
			name: 'dateAddedBefore',
			type: 'dateTime',
			default: '',
			description: 'Only contacts added at or before this time',
		},
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
		tagsOption('Contacts having all these tags'),
	]),
	collectionField('sort', show, [
		{
			displayName: 'Field',
			name: 'field',
			type: 'options',
			options: [
				{ name: 'Date Added', value: 'dateAdded' },
				{ name: 'Date Updated', value: 'dateUpdated' },
				{ name: 'First Name', value: 'firstNameLowerCase' },
				{ name: 'Last Name', value: 'lastNameLowerCase' },
			],
			default: 'dateAdded',
		},
		sortDirectionField(),
	]),
	simplifyProperty(show),
];
