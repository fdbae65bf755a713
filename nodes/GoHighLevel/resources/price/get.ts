import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { priceField, productLocator } from '../../shared/products';
import { routeTo } from '../../shared/routing';
import { priceOutput } from './fields';

const show = { resource: ['price'], operation: ['get'] };

/**
 * Get: `GET /products/{productId}/price/{priceId}?locationId=` (products.json `get-price-by-id-for-product`) → the
 * price (flat, id `_id`).
 */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a price of a product',
	description: 'Retrieve one price of a product',
	routing: routeTo({
		endpoint: ENDPOINTS.getPrice,
		pathParameters: { productId: 'productId', priceId: 'priceId' },
		output: (body) => priceOutput(body),
	}),
};

export const description: INodeProperties[] = [productLocator(show), priceField(show)];
