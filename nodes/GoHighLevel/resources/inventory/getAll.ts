import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['inventory'], operation: ['getAll'] };

/**
 * Get Many: `GET /products/inventory?altId=&altType=location` (products.json `get-list-inventory`), root
 * `inventory` (one item per price or variant: `_id` = the price id, `name`, `availableQuantity`, `sku`,
 * `allowOutOfStockPurchases`, `product`, `productName`); `total` is an object `{ total: N }`; offset paging with
 * `limit` + `offset`.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many inventory items',
	description: 'List the stock of every price (variant) of the location\'s products',
	routing: routeTo({ endpoint: ENDPOINTS.getInventory }),
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			placeholder: 'e.g. T-shirt',
			description: 'Text the product or price name contains',
			routing: { send: { type: 'query', property: 'search' } },
		},
	]),
];
