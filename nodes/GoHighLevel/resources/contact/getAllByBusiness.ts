import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { businessLocator, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['contact'], operation: ['getAllByBusiness'] };

/**
 * Get Many by Business: `GET /contacts/business/{businessId}` (contacts.json `get-contacts-by-businessId`), root
 * `contacts`; offset paging with `limit` + `skip` until `count` contacts are read (FACTS.md 2.14).
 */
export const option: INodePropertyOptions = {
	name: 'Get Many by Business',
	value: 'getAllByBusiness',
	action: 'Get many contacts of a business',
	description: 'List the contacts that belong to a business',
	routing: routeTo({
		endpoint: ENDPOINTS.getBusinessContacts,
		pathParameters: { businessId: 'businessId' },
		fieldNames: { query: 'Search Text' },
	}),
};

export const description: INodeProperties[] = [
	businessLocator(show),
	{
		displayName: 'Search Text',
		name: 'query',
		type: 'string',
		default: '',
		displayOptions: { show },
		placeholder: 'e.g. contact name',
		description: 'Only contacts matching this text (matched by HighLevel). Left empty, every contact of the business.',
		routing: { send: { type: 'query', property: 'query' } },
	},
	...returnAllOrLimit(show),
];
