import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { productLocator } from '../../shared/products';
import { routeTo } from '../../shared/routing';

const show = { resource: ['price'], operation: ['getAll'] };

/**
 * Get Many: `GET /products/{productId}/price?locationId=` (products.json `list-prices-for-product`), root `prices`,
 * `total` (a number); offset paging with `limit` + `offset`.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many prices of a product',
	description: 'List the prices of a product',
	routing: routeTo({ endpoint: ENDPOINTS.getPrices, pathParameters: { productId: 'productId' } }),
};

export const description: INodeProperties[] = [productLocator(show), ...returnAllOrLimit(show)];
