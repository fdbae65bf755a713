import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { companyIdOf, getConnection } from '../../shared/transport';

const show = { resource: ['location'], operation: ['search'] };

/**
 * `preSend` of Search: the agency (company) id `search-locations` is asked with, as query `companyId`: the agency
 * credential's own, else that of the credential's location (`companyIdOf`, read once with `get-location`).
 */
export async function addCompanyId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const companyId = await companyIdOf(this, await getConnection(this));
	return { ...requestOptions, qs: { ...(requestOptions.qs ?? {}), companyId } };
}

/**
 * Search: `GET /locations/search` (locations.json `search-locations`, FACTS.md 2.9, scope `locations.readonly`,
 * an agency operation), root `locations`, offset-paged with `limit` + `skip` in the query (FACTS.md 2.14); filters
 * `email` and `order` (asc / desc).
 */
export const option: INodePropertyOptions = {
	name: 'Search',
	value: 'search',
	action: 'Search the agency\'s locations',
	description: 'List the locations (sub-accounts) of the agency, optionally by e-mail',
	routing: routeTo({
		endpoint: ENDPOINTS.searchLocations,
		preSend: [addCompanyId],
		fieldNames: { email: 'Filters → Email', order: 'Filters → Order' },
	}),
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Only the locations with this e-mail address',
			routing: { send: { type: 'query', property: 'email' } },
		},
		{
			displayName: 'Order',
			name: 'order',
			type: 'options',
			options: [
				{ name: 'Ascending', value: 'asc' },
				{ name: 'Descending', value: 'desc' },
			],
			default: 'asc',
			description: 'Order of the results (HighLevel\'s default: ascending)',
			routing: { send: { type: 'query', property: 'order' } },
		},
	]),
];
