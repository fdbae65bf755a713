import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { requireChanges } from '../../shared/body';
import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { PRODUCT_TYPE_OPTIONS, productLocator } from '../../shared/products';
import { routeTo } from '../../shared/routing';
import { apiRequest } from '../../shared/transport';
import { PRODUCT_FIELD_OPTIONS, productOutput } from './fields';

const show = { resource: ['product'], operation: ['update'] };

/**
 * `UpdateProductDto` requires `name` and `productType` on every update (products.json `update-product-by-id`): when
 * Update Fields set neither, the product's current values are read first (`get-product-by-id`) and sent unchanged.
 */
async function keepNameAndType(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	if (body.name !== undefined && body.productType !== undefined) return requestOptions;
	const productId = String(this.getNodeParameter('productId', '', { extractValue: true }) ?? '');
	const current = await apiRequest<IDataObject>(this, ENDPOINTS.getProduct, { path: { productId } });
	body.name ??= current.name;
	body.productType ??= current.productType;
	return { ...requestOptions, body };
}

/**
 * Update: `PUT /products/{productId}` (products.json `update-product-by-id`, body `UpdateProductDto` with the
 * location) → the product (flat). Only the fields set are sent, plus the required name and product type (the
 * current ones when not set); nothing set fails before any request.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a product',
	description: 'Change the name, type, description, image or store availability of a product',
	routing: routeTo({
		endpoint: ENDPOINTS.updateProduct,
		pathParameters: { productId: 'productId' },
		preSend: [requireChanges('Update Fields'), keepNameAndType],
		output: (body) => productOutput(body),
		fieldNames: { name: 'Update Fields → Name', productType: 'Update Fields → Product Type' },
	}),
};

export const description: INodeProperties[] = [
	productLocator(show),
	collectionField('updateFields', show, [
		...PRODUCT_FIELD_OPTIONS,
		{ displayName: 'Name', name: 'name', type: 'string', default: '', routing: { send: { type: 'body', property: 'name' } } },
		{
			displayName: 'Product Type',
			name: 'productType',
			type: 'options',
			options: PRODUCT_TYPE_OPTIONS,
			default: 'SERVICE',
			routing: { send: { type: 'body', property: 'productType' } },
		},
	]),
];
