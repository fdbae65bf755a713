import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['collection'], operation: ['getAll'] };

/**
 * Get Many: `GET /products/collections?altId=&altType=location` (products.json `get-product-collection`), root
 * `data`, `total`; offset paging with `limit` + `offset`.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many product collections',
	description: 'List the product collections (store categories) of the location',
	routing: routeTo({ endpoint: ENDPOINTS.getProductCollections }),
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Best Sellers',
			description: 'Name of the collection to find',
			routing: { send: { type: 'query', property: 'name' } },
		},
	]),
];
