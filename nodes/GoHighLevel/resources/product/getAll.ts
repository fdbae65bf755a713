import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, returnAllOrLimit, sortDirectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { collectionIdsOption } from '../../shared/products';
import { routeTo } from '../../shared/routing';

const show = { resource: ['product'], operation: ['getAll'] };

/** `routing.send` of a query parameter. */
const toQuery = (property: string, value?: string) => ({
	send: { type: 'query' as const, property, ...(value ? { value } : {}) },
});

/**
 * Get Many: `GET /products/?locationId=` (products.json `list-invoices`, sic), root `products`; offset paging with
 * `limit` + `offset`. The answer's `total` is an array `[{ total: N }]` (FACTS.md 2.12 spec quirk), read by
 * shared/pagination.ts so that Return All stops at the total.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many products',
	description: 'List or search the products of the location',
	routing: routeTo({ endpoint: ENDPOINTS.getProducts }),
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		{
			displayName: 'Available in Store',
			name: 'availableInStore',
			type: 'boolean',
			default: true,
			description: 'Whether to return only products that are (on) or are not (off) available in the store',
			routing: toQuery('availableInStore'),
		},
		collectionIdsOption(toQuery('collectionIds', '={{ [].concat($value).join(",") }}')),
		{
			displayName: 'Included in Store',
			name: 'includedInStore',
			type: 'boolean',
			default: true,
			description: 'Whether to return only products that are (on) or are not (off) included in the store',
			routing: toQuery('includedInStore'),
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			placeholder: 'e.g. drain',
			description: 'Text the product name contains',
			routing: toQuery('search'),
		},
	]),
	collectionField('sort', show, [{ ...sortDirectionField(), routing: toQuery('sortOrder') }]),
];
