import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { collectionIdsOption } from '../../shared/products';

/** `routing.send` of a body property. */
const toBody = (property: string) => ({ send: { type: 'body' as const, property } });

/**
 * Optional product properties of Create and Update (products.json `CreateProductDto` / `UpdateProductDto`, which
 * share them besides `name`, `productType` and `locationId`).
 */
export const PRODUCT_FIELD_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Available in Store',
		name: 'availableInStore',
		type: 'boolean',
		default: true,
		description: 'Whether the product is offered in the online store',
		routing: toBody('availableInStore'),
	},
	collectionIdsOption({ send: { type: 'body', property: 'collectionIds' } }),
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		routing: toBody('description'),
	},
	{
		displayName: 'Image URL',
		name: 'image',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/product.png',
		description: 'Public URL of the product image',
		routing: toBody('image'),
	},
	{
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		default: '',
		placeholder: 'e.g. awesome-product',
		description: 'The last part of the product page address in the store',
		routing: toBody('slug'),
	},
	{
		displayName: 'Statement Descriptor',
		name: 'statementDescriptor',
		type: 'string',
		default: '',
		description: 'Text shown on the buyer\'s card statement',
		routing: toBody('statementDescriptor'),
	},
	{
		displayName: 'Taxes Included in Price',
		name: 'taxInclusive',
		type: 'boolean',
		default: false,
		description: 'Whether the taxes are included in the price of the product',
		routing: toBody('taxInclusive'),
	},
];

/**
 * A product as output: the answer without HighLevel's `traceId` (products.json answers get, create and update with
 * the product itself, `GetProductResponseDto`, id `_id`).
 */
export function productOutput(body: IDataObject): IDataObject[] {
	const { traceId, ...product } = body;
	void traceId;
	return [product];
}
