import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { PRODUCT_TYPE_OPTIONS } from '../../shared/products';
import { routeTo } from '../../shared/routing';
import { PRODUCT_FIELD_OPTIONS, productOutput } from './fields';

const show = { resource: ['product'], operation: ['create'] };

/**
 * Create: `POST /products/` (products.json `create-product`, body `CreateProductDto`: `name`, `productType` and the
 * location) → 201, the product (flat, id `_id`). Prices are added with Price → Create.
 */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a product',
	description: 'Add a product to the location\'s catalogue; give it prices with Price → Create',
	routing: routeTo({
		endpoint: ENDPOINTS.createProduct,
		output: (body) => productOutput(body),
		fieldNames: { name: 'Name', productType: 'Product Type', image: 'Additional Fields → Image URL' },
	}),
};

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		placeholder: 'e.g. Drain Cleaning Kit',
		routing: { send: { type: 'body', property: 'name' } },
	},
	{
		displayName: 'Product Type',
		name: 'productType',
		type: 'options',
		options: PRODUCT_TYPE_OPTIONS,
		required: true,
		default: 'SERVICE',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'productType' } },
	},
	collectionField('additionalFields', show, PRODUCT_FIELD_OPTIONS),
];
