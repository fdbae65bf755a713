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
	contactFilter,
	returnAllOrLimit,
	sortDirectionField,
} from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['conversation'], operation: ['getAll'] };

/**
 * Builds the query of `GET /conversations/search` (conversations.json `search-conversation`, FACTS.md 2.4):
 * `query`, `contactId`, `assignedTo`, `status` (all/read/unread/starred/recents), `sortBy`
 * (last_message_date/last_manual_message_date) and `sort` (asc/desc). Page size and `startAfterDate` are added per
 * page by shared/pagination.ts.
 */
async function buildSearch(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs: IDataObject = { ...(requestOptions.qs ?? {}) };
	const query = String(this.getNodeParameter('query', '') ?? '').trim();
	if (query) qs.query = query;
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	const contactId = locatorValue(filters.contactId);
	if (contactId) qs.contactId = contactId;
	const assignedTo = locatorValue(filters.assignedTo);
	if (assignedTo) qs.assignedTo = assignedTo;
	if (filters.status) qs.status = filters.status;
	const sort = this.getNodeParameter('sort', {}) as IDataObject;
	if (sort.sortBy) qs.sortBy = sort.sortBy;
	if (sort.direction) qs.sort = sort.direction;
	return { ...requestOptions, qs };
}

/**
 * Get Many: `GET /conversations/search`, keyset paging with `limit` and `startAfterDate` (the last conversation's
 * sort value) until `total` is reached (FACTS.md 2.14).
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Search conversations',
	description: 'Search conversations by text, contact, assigned user or status, latest message first',
	routing: routeTo({
		endpoint: ENDPOINTS.searchConversations,
		preSend: [buildSearch],
		fieldNames: { query: 'Search Query', status: 'Filters → Status', sortBy: 'Sort → Sort By', sort: 'Sort → Direction' },
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
		description: "Free text matched against the contact's name, e-mail and phone and the messages",
	},
	collectionField('filters', show, [
		assignedUserField({ hint: 'Conversations assigned to this user' }),
		contactFilter('Only the conversations of this contact'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'All', value: 'all' },
				{ name: 'Read', value: 'read' },
				{ name: 'Recents', value: 'recents' },
				{ name: 'Starred', value: 'starred' },
				{ name: 'Unread', value: 'unread' },
			],
			default: 'all',
		},
	]),
	collectionField('sort', show, [
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			options: [
				{ name: 'Last Message Date', value: 'last_message_date' },
				{ name: 'Last Manual Message Date', value: 'last_manual_message_date' },
			],
			default: 'last_message_date',
		},
		sortDirectionField(),
	]),
];
