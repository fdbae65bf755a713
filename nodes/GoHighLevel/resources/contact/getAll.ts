import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assignedUserField, returnAllOrLimit, simplifyProperty } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { isEmail, isPhone, toIsoDateTime } from '../../shared/validation';
import { simplifyContact } from './fields';

const show = { resource: ['contact'], operation: ['getAll'] };

/** Longest `query` HighLevel's contact search accepts (search body doc, FACTS.md 2.1). */
export const MAX_QUERY_LENGTH = 75;

/** The node's Filters collection. */
interface ContactFilters {
	tags?: string[] | string;
	email?: string;
	phone?: string;
	assignedTo?: string;
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
	const fail = (parameter: string, problem: string) =>
		new NodeOperationError(this.getNode(), `Invalid ${parameter}`, {
			description: `Parameter "${parameter}": ${problem}`,
			itemIndex: this.getItemIndex(),
		});
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
	for (const tag of tags) filters.push({ field: 'tags', operator: 'eq', value: tag });
	if (f.email) {
		if (!isEmail(f.email)) throw fail('Email', 'must be an e-mail address like name@example.com.');
		filters.push({ field: 'email', operator: 'eq', value: f.email.trim().toLowerCase() });
	}
	if (f.phone) {
		if (!isPhone(f.phone)) throw fail('Phone', 'must be a phone number with 7 to 15 digits.');
		filters.push({ field: 'phone', operator: 'eq', value: f.phone.trim() });
	}
	if (f.assignedTo) filters.push({ field: 'assignedTo', operator: 'eq', value: f.assignedTo });
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
		output(_body, records) {
			// Each record's `searchAfter` is the pagination cursor, not contact data.
			const list = records.map((record) => {
				const contact = { ...record };
				delete contact.searchAfter;
				return contact;
			});
			return this.getNodeParameter('simplify', false) ? list.map(simplifyContact) : list;
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
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
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
			{
				displayName: 'Tag Names or IDs',
				name: 'tags',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getTags' },
				default: [],
				description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				hint: 'Contacts having all these tags',
			},
		],
	},
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort',
		default: {},
		displayOptions: { show },
		options: [
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
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'desc',
			},
		],
	},
	simplifyProperty(show),
];
