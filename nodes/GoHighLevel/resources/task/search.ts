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
	contactLocator,
	returnAllOrLimit,
} from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['task'], operation: ['search'] };

/** The Contact filter: the shared Contact locator, optional, as an option of the Filters collection. */
const contactFilter: INodeProperties = { ...contactLocator('contactId', show, false) };
delete contactFilter.displayOptions;

/** The node's Filters collection of Search. */
interface TaskFilters {
	contactId?: string | IDataObject;
	assignedTo?: string | IDataObject;
	status?: 'completed' | 'pending' | 'all';
	query?: string;
}

/**
 * Builds the `POST /locations/{locationId}/tasks/search` body (locations.json `TaskSearchParamsDto`): `contactId[]`,
 * `assignedTo[]` (one id each), `completed` (true / false; absent = both), `query`. Page size `limit` and offset
 * `skip` are added per page by the pagination (shared/pagination.ts, FACTS.md 2.14 offset style).
 */
export async function buildTaskSearch(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body: IDataObject = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	const f = this.getNodeParameter('filters', {}) as TaskFilters;
	const contactId = locatorValue(f.contactId);
	if (contactId) body.contactId = [contactId];
	const assignedTo = locatorValue(f.assignedTo);
	if (assignedTo) body.assignedTo = [assignedTo];
	if (f.status === 'completed') body.completed = true;
	if (f.status === 'pending') body.completed = false;
	const query = String(f.query ?? '').trim();
	if (query) body.query = query;
	return { ...requestOptions, body };
}

/**
 * Search: `POST /locations/{locationId}/tasks/search` (locations.json `task-search`, scope
 * `locations/tasks.readonly`), root `tasks`, offset-paged with `limit` + `skip` in the body (FACTS.md 2.1
 * "Location-wide tasks", 2.14).
 */
export const option: INodePropertyOptions = {
	name: 'Search',
	value: 'search',
	action: 'Search tasks across the location',
	description: 'Find tasks of every contact, by contact, assigned user, status or text',
	routing: routeTo({
		endpoint: ENDPOINTS.searchLocationTasks,
		preSend: [buildTaskSearch],
		fieldNames: {
			contactId: 'Filters → Contact',
			assignedTo: 'Filters → Assigned User',
			query: 'Filters → Search Query',
		},
	}),
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		assignedUserField(),
		contactFilter,
		{
			displayName: 'Search Query',
			name: 'query',
			type: 'string',
			default: '',
			description: 'Text matched against the task title and description',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'All', value: 'all' },
				{ name: 'Completed', value: 'completed' },
				{ name: 'Pending', value: 'pending' },
			],
			default: 'all',
		},
	]),
];
