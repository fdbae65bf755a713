import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/**
 * Endpoints of products.json (Version 2021-07-28; FACTS.md 2.12): products, their prices, product collections and
 * the inventory of the location. Products and prices are answered flat (the record itself, id `_id`); lists page
 * with `limit` + `offset` (FACTS.md 2.14; no maximum page size documented, 100 is asked). Price amounts are major
 * units (a decimal number such as 99.99: `CreatePriceDto.amount`, `compareAtPrice`, `setupFee` examples).
 * Keys are unique across all app modules (see index.ts).
 */
export const PRODUCTS_ENDPOINTS = {
	/**
	 * `GET /products/?locationId=` (operationId `list-invoices`, sic: the spec reuses the invoices' name) with `search`,
	 * `collectionIds`, `includedInStore`, `availableInStore`, `sortOrder` → `products[]` and **`total` as an array**
	 * `[{ total: N }]` (`ListProductsStats[]`, FACTS.md 2.12 spec quirk; shared/pagination.ts reads it).
	 */
	getProducts: {
		spec: 'products',
		operationId: 'list-invoices',
		method: 'GET',
		path: '/products/',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'products',
		scope: 'products.readonly',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'offset', maxPageSize: 100 },
	},
	/** `GET /products/{productId}?locationId=` (`get-product-by-id`) → the product (flat, `GetProductResponseDto`). */
	getProduct: {
		spec: 'products',
		operationId: 'get-product-by-id',
		method: 'GET',
		path: '/products/{productId}',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		scope: 'products.readonly',
	},
	/**
	 * `POST /products/` (`create-product`, body `CreateProductDto`: `name`, `locationId`, `productType` required)
	 * → 201, the product (flat).
	 */
	createProduct: {
		spec: 'products',
		operationId: 'create-product',
		method: 'POST',
		path: '/products/',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		scope: 'products.write',
	},
	/**
	 * `PUT /products/{productId}` (`update-product-by-id`, body `UpdateProductDto`: `name`, `locationId`,
	 * `productType` required even on an update) → the product (flat).
	 */
	updateProduct: {
		spec: 'products',
		operationId: 'update-product-by-id',
		method: 'PUT',
		path: '/products/{productId}',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		scope: 'products.write',
	},
	/** `DELETE /products/{productId}?locationId=` (`delete-product-by-id`) → `{ status: true }`. */
	deleteProduct: {
		spec: 'products',
		operationId: 'delete-product-by-id',
		method: 'DELETE',
		path: '/products/{productId}',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		scope: 'products.write',
	},
	/**
	 * `GET /products/{productId}/price?locationId=` (`list-prices-for-product`, optional `ids`) → `prices[]`,
	 * `total` (a number).
	 */
	getPrices: {
		spec: 'products',
		operationId: 'list-prices-for-product',
		method: 'GET',
		path: '/products/{productId}/price',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'prices',
		scope: 'products/prices.readonly',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'offset', maxPageSize: 100 },
	},
	/** `GET /products/{productId}/price/{priceId}?locationId=` (`get-price-by-id-for-product`) → the price (flat). */
	getPrice: {
		spec: 'products',
		operationId: 'get-price-by-id-for-product',
		method: 'GET',
		path: '/products/{productId}/price/{priceId}',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		scope: 'products/prices.readonly',
	},
	/**
	 * `POST /products/{productId}/price` (`create-price-for-product`, body `CreatePriceDto`: `name`, `type`,
	 * `currency`, `amount` (major units, e.g. 99.99), `locationId` required) → 201, the price (flat).
	 */
	createPrice: {
		spec: 'products',
		operationId: 'create-price-for-product',
		method: 'POST',
		path: '/products/{productId}/price',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		scope: 'products/prices.write',
	},
	/**
	 * `PUT /products/{productId}/price/{priceId}` (`update-price-by-id-for-product`, body `UpdatePriceDto`: the
	 * same required fields as a create) → the price (flat).
	 */
	updatePrice: {
		spec: 'products',
		operationId: 'update-price-by-id-for-product',
		method: 'PUT',
		path: '/products/{productId}/price/{priceId}',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		scope: 'products/prices.write',
	},
	/** `DELETE /products/{productId}/price/{priceId}?locationId=` (`delete-price-by-id-for-product`) → `{ status: true }`. */
	deletePrice: {
		spec: 'products',
		operationId: 'delete-price-by-id-for-product',
		method: 'DELETE',
		path: '/products/{productId}/price/{priceId}',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		scope: 'products/prices.write',
	},
	/**
	 * `GET /products/collections?altId=&altType=location` (`get-product-collection`, optional `name`,
	 * `collectionIds`) → `data[]` (the collections), `total` (a number); `limit` (default 10) + `offset`.
	 */
	getProductCollections: {
		spec: 'products',
		operationId: 'get-product-collection',
		method: 'GET',
		path: '/products/collections',
		version: VERSION,
		location: { in: 'query', name: 'altId', altType: true },
		root: 'data',
		scope: 'products/collection.readonly',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'offset', maxPageSize: 100 },
	},
	/**
	 * `GET /products/inventory?altId=&altType=location` (`get-list-inventory`, optional `search`) → `inventory[]` (one
	 * item per price / variant: `_id` = price id, `availableQuantity`, `sku`, `allowOutOfStockPurchases`, `product`,
	 * `productName`), `total` as an object `{ total: N }` (`GetInventoryResponseDto`; shared/pagination.ts reads it).
	 */
	getInventory: {
		spec: 'products',
		operationId: 'get-list-inventory',
		method: 'GET',
		path: '/products/inventory',
		version: VERSION,
		location: { in: 'query', name: 'altId', altType: true },
		root: 'inventory',
		scope: 'products/prices.readonly',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'offset', maxPageSize: 100 },
	},
	/**
	 * `POST /products/inventory` (`update-inventory`, body `UpdateInventoryDto`: `altId`, `altType: location`,
	 * `items[]` of `{ priceId, availableQuantity?, allowOutOfStockPurchases? }`) → 201 `{ status, message }`.
	 */
	updateInventory: {
		spec: 'products',
		operationId: 'update-inventory',
		method: 'POST',
		path: '/products/inventory',
		version: VERSION,
		location: { in: 'body', name: 'altId', altType: true },
		scope: 'products/prices.write',
	},
} satisfies Record<string, Endpoint>;
