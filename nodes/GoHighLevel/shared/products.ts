import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from './descriptions';

/*
 * Parameter pieces of the product resources (Product, Price, Inventory; products.json, FACTS.md 2.12) that more
 * than one resource uses:
 * - productLocator(show, name?): the Product resource locator.
 * - priceField(show, o): the Price dropdown of the chosen product.
 * - collectionIdsOption(routing): the Collections multi-select.
 * - PRODUCT_TYPE_OPTIONS: `productType` values.
 */

/** `productType` of `CreateProductDto` / `UpdateProductDto` (products.json enum). */
export const PRODUCT_TYPE_OPTIONS = [
	{ name: 'Digital', value: 'DIGITAL' },
	{ name: 'Physical', value: 'PHYSICAL' },
	{ name: 'Physical and Digital', value: 'PHYSICAL/DIGITAL' },
	{ name: 'Service', value: 'SERVICE' },
];

/**
 * The Product resource locator: pick from the location's products searched by name (listSearch `searchProducts`,
 * products.json `list-invoices` = GET /products/ with `search`), or paste an ID.
 */
export function productLocator(show: Record<string, string[]>, name = 'productId'): INodeProperties {
	return recordLocator({
		displayName: 'Product',
		name,
		record: 'product',
		searchListMethod: 'searchProducts',
		searchPlaceholder: 'Search by name…',
		idExample: '655b33a82209e60b6adb87a5',
		show,
		description: 'A product of the location, searched by name, or given by ID',
	});
}

/**
 * The Price dropdown: the prices of the product in `productParameter` (loadOptions `getProductPrices`,
 * products.json `list-prices-for-product`), or a price ID from an expression.
 */
export function priceField(
	show: Record<string, string[]>,
	o: { name?: string; productParameter?: string; required?: boolean } = {},
): INodeProperties {
	return {
		displayName: 'Price Name or ID',
		name: o.name ?? 'priceId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProductPrices', loadOptionsDependsOn: [o.productParameter ?? 'productId'] },
		allowArbitraryValues: true,
		required: o.required ?? true,
		default: '',
		displayOptions: { show },
		description:
			'A price of the chosen product. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
}

/**
 * The Collections multi-select of a product (loadOptions `getProductCollections`, products.json
 * `get-product-collection`): `routing` says where the ids go (body `collectionIds: string[]` on writes, query
 * `collectionIds` as a comma-separated string on Get Many).
 */
export function collectionIdsOption(routing: INodeProperties['routing']): INodeProperties {
	return {
		displayName: 'Collection Names or IDs',
		name: 'collectionIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getProductCollections' },
		default: [],
		description:
			'Product collections (categories) of the store. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing,
	};
}

