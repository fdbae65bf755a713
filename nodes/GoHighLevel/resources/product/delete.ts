import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { productLocator } from '../../shared/products';
import { routeTo } from '../../shared/routing';

const show = { resource: ['product'], operation: ['delete'] };

/** Delete: `DELETE /products/{productId}?locationId=` (products.json `delete-product-by-id`) → `{ status: true }`. */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a product',
	description: 'Delete a product and its prices permanently',
	routing: routeTo({
		endpoint: ENDPOINTS.deleteProduct,
		pathParameters: { productId: 'productId' },
		output(body) {
			const id = this.getNodeParameter('productId', '', { extractValue: true }) as string;
			return [{ id, deleted: body.status !== false }];
		},
	}),
};

export const description: INodeProperties[] = [productLocator(show)];
