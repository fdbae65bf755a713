import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { productLocator } from '../../shared/products';
import { routeTo } from '../../shared/routing';
import { productOutput } from './fields';

const show = { resource: ['product'], operation: ['get'] };

/** Get: `GET /products/{productId}?locationId=` (products.json `get-product-by-id`) → the product (flat, id `_id`). */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a product',
	description: 'Retrieve one product',
	routing: routeTo({
		endpoint: ENDPOINTS.getProduct,
		pathParameters: { productId: 'productId' },
		output: (body) => productOutput(body),
	}),
};

export const description: INodeProperties[] = [productLocator(show)];
