import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { priceField, productLocator } from '../../shared/products';
import { routeTo } from '../../shared/routing';

const show = { resource: ['price'], operation: ['delete'] };

/**
 * Delete: `DELETE /products/{productId}/price/{priceId}?locationId=` (products.json `delete-price-by-id-for-product`)
 * → `{ status: true }`.
 */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a price of a product',
	description: 'Delete a price of a product permanently',
	routing: routeTo({
		endpoint: ENDPOINTS.deletePrice,
		pathParameters: { productId: 'productId', priceId: 'priceId' },
		output(body) {
			const productId = this.getNodeParameter('productId', '', { extractValue: true }) as string;
			const id = this.getNodeParameter('priceId', '') as string;
			return [{ id, productId, deleted: body.status !== false }];
		},
	}),
};

export const description: INodeProperties[] = [productLocator(show), priceField(show)];
