import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, returnAllOrLimit, sortDirectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { userSearchScope } from '../../shared/users';
import { invalidParameter } from '../../shared/validation';
import { connectionLocation, idList, USER_ROLE_OPTIONS, USER_TYPE_OPTIONS } from './fields';

const show = { resource: ['user'], operation: ['search'] };

const toQuery = (property: string) => ({ send: { type: 'query' as const, property } });

/**
 * Adds what every user search sends (shared/users.ts `userSearchScope`): `companyId` (the location's agency) and
 * `locationId` (the connection's location), and checks the User IDs filter before any request.
 */
async function scopeSearch(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const { connection } = await connectionLocation(this);
	const qs = { ...(request.qs ?? {}) };
	if (qs.ids !== undefined) {
		const ids = idList(qs.ids);
		const bad = ids.find((id) => !/^[A-Za-z0-9_-]{6,64}$/.test(id));
		if (bad) throw invalidParameter(this, 'Filters → User IDs', `"${bad}" is not a user ID; separate IDs with commas.`);
		qs.ids = ids.join(',');
	}
	return { ...request, qs: { ...qs, ...(await userSearchScope(this, connection)) } };
}

/**
 * Search: `GET /users/search` (users.json `search-users`, FACTS.md 2.8) for the location, root `users`; offset
 * paging with `limit` + `skip` until `count` users are read (FACTS.md 2.14).
 */
export const option: INodePropertyOptions = {
	name: 'Search',
	value: 'search',
	action: 'Search users of the location',
	description: 'Find users of the location by name, e-mail or phone, type, role or ID',
	routing: routeTo({
		endpoint: ENDPOINTS.searchUsers,
		preSend: [scopeSearch],
		fieldNames: { query: 'Search Text', type: 'Filters → Type', role: 'Filters → Role', ids: 'Filters → User IDs', sort: 'Sort → Sort By', sortDirection: 'Sort → Direction' },
	}),
};

export const description: INodeProperties[] = [
	{
		displayName: 'Search Text',
		name: 'query',
		type: 'string',
		default: '',
		displayOptions: { show },
		placeholder: 'e.g. John',
		description: 'Matched by HighLevel against the user\'s full name, e-mail and phone. Left empty, every user of the location is listed.',
		routing: toQuery('query'),
	},
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		{
			displayName: 'Role',
			name: 'role',
			type: 'options',
			options: USER_ROLE_OPTIONS,
			default: 'user',
			routing: toQuery('role'),
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: USER_TYPE_OPTIONS,
			default: 'account',
			routing: toQuery('type'),
		},
		{
			displayName: 'User IDs',
			name: 'ids',
			type: 'string',
			default: '',
			placeholder: 'e.g. 5DP4iH6HLkQsiKESj6rh,5DP4iH6HLkQsiKESj34h',
			description: 'Only these users, by ID, separated by commas',
			routing: toQuery('ids'),
		},
	]),
	collectionField('sort', show, [
		{
			displayName: 'Sort By',
			name: 'sort',
			type: 'options',
			options: [
				{ name: 'Date Added', value: 'dateAdded' },
				{ name: 'E-Mail', value: 'email' },
				{ name: 'First Name', value: 'firstName' },
				{ name: 'Last Name', value: 'lastName' },
			],
			default: 'dateAdded',
			description: 'Without it, HighLevel sorts by first and last name',
			routing: toQuery('sort'),
		},
		{ ...sortDirectionField('asc'), routing: toQuery('sortDirection') },
	]),
];
