/**
 * Products, prices, product collections and inventory (products.json, Version 2021-07-28; FACTS.md 2.12).
 *
 * Products and prices are plain records of the record store (records.ts `recordsOf`, collections `products` and
 * `prices`), kept with `id` and shown with `_id` as HighLevel answers them (flat: the record itself, no wrapper
 * key); written by hand because of that id and the paging. A price belongs to its product (`product`), and deleting
 * a product deletes its prices. Amounts are stored as sent: major units (`CreatePriceDto.amount`, example 99.99).
 *
 * - GET /products/ (`list-invoices`, sic — the spec reuses the invoices' operationId; registered as
 *   `products:list-invoices`, see server.ts): `search` (name contains, case ignored), `collectionIds` (comma-separated,
 *   any), `productIds`, `availableInStore` / `includedInStore` (both compare the product's `availableInStore`),
 *   `sortOrder` (by `createdAt`, default desc), `offset` + `limit` (default 0 = every product) → `products` and
 *   **`total: [{ total: N }]`** (`ListProductsStats[]`, the spec quirk).
 * - Prices of a product: `ids` filter, `offset` + `limit` (0 = all), oldest first → `prices`, `total` (a number). A
 *   recurring price needs `recurring` (422); `amount` must be ≥ 0 (the DTO says "min: 0", 422).
 * - Unknown product or price → 400 `Product not found` / `Price not found` (the spec's 400 "Product not found").
 * - Collections: seeded per location on first use (`collectionsOf`: "Best Sellers", "Drain Care", "Gift Ideas"),
 *   `name` (contains) and `collectionIds` filters, `offset` + `limit` (default 10) → `data`, `total`. `altId` must be
 *   the token's location (403).
 * - Inventory: the prices with `trackInventory`, as `InventoryItemDto` (`_id` = price id, `availableQuantity`, `sku`,
 *   `allowOutOfStockPurchases`, `product`, `productName`, `image`), `search` over product and price names,
 *   `offset` + `limit` (0 = all), newest price update first → `inventory`, `total: { total: N }`. Update sets
 *   `availableQuantity` / `allowOutOfStockPurchases` of each item's price; an unknown price id → 422, nothing changed.
 * - Webhook events (webhooks.ts `EVENT_RULES`): ProductCreate / ProductUpdate / ProductDelete and PriceCreate /
 *   PriceUpdate / PriceDelete (FACTS.md 5.1), carrying the record's fields with `_id`, a price's type as `priceType`
 *   (webhook-events/PriceCreate.md).
 */
import {
	badRequest,
	forbiddenLocation,
	iso,
	unprocessable,
	type OperationContext,
	type OperationHandler,
} from './context';
import { recordsOf, type PlainRecord } from './records';
import type { LocationData } from './store';
import { EVENT_RULES, crudEvents, type EventRule } from './webhooks';

/** Collections of the record store. */
export const PRODUCTS = 'products';
export const PRICES = 'prices';
export const PRODUCT_COLLECTIONS = 'productCollections';

/**
 * `<prefix>Create/Update/Delete` with the record's fields as HighLevel's product and price events show them
 * (webhook-events/ProductCreate.md, PriceCreate.md): `_id` instead of `id`, and a price's type as `priceType` (the
 * payload's `type` is the event name).
 */
function catalogEvents(prefix: string, typeField?: string): EventRule {
	const plain = crudEvents(prefix);
	return (change) =>
		plain(change).map((event) => {
			const { id, ...fields } = event.fields as Record<string, unknown>;
			const record = (change.after ?? change.before) as Record<string, unknown>;
			const extra = typeField && record.type !== undefined ? { [typeField]: record.type } : {};
			return { type: event.type, fields: { _id: id, ...fields, ...extra } };
		});
}

EVENT_RULES[PRODUCTS] ??= catalogEvents('Product');
EVENT_RULES[PRICES] ??= catalogEvents('Price', 'priceType');

/** The stored record as HighLevel shows it: `_id` instead of `id`. */
function toApi(record: PlainRecord): Record<string, unknown> {
	const { id, ...rest } = structuredClone(record);
	return { _id: id, ...rest };
}

/** A comma-separated (or repeated) query value as a list. */
function listParam(value: unknown): string[] {
	const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
	return items
		.flatMap((v) => String(v).split(','))
		.map((v) => v.trim())
		.filter(Boolean);
}

/** `offset` + `limit` of a list (limit 0 or absent: `fallback`, where 0 means every record). */
function page<T>(records: T[], ctx: OperationContext, fallback = 0): T[] {
	const offset = Math.max(0, Number(ctx.query.offset ?? 0) || 0);
	const limit = Math.max(0, Number(ctx.query.limit ?? fallback) || fallback);
	return limit ? records.slice(offset, offset + limit) : records.slice(offset);
}

const byCreation = (a: PlainRecord, b: PlainRecord) =>
	String(a.createdAt).localeCompare(String(b.createdAt)) || a.id.localeCompare(b.id);

/** The product `id` of the token's location: 403 for one of another location, 400 `Product not found`. */
export function productOf(ctx: OperationContext, id: string): PlainRecord {
	const product = recordsOf(ctx.location, PRODUCTS).get(id);
	if (product) return product;
	for (const other of ctx.store.locations.values()) {
		if (other !== ctx.location && recordsOf(other, PRODUCTS).has(id)) throw forbiddenLocation();
	}
	throw badRequest('Product not found');
}

/** The price `priceId` of product `productId`: 400 `Price not found` when unknown or of another product. */
function priceOf(ctx: OperationContext): PlainRecord {
	const product = productOf(ctx, ctx.params.productId);
	const price = recordsOf(ctx.location, PRICES).get(ctx.params.priceId);
	if (!price || price.product !== product.id) throw badRequest('Price not found');
	return price;
}

/** `altId` of a collection or inventory request must be the token's location (the server checks only `locationId`). */
function checkAltId(ctx: OperationContext, altId: unknown): void {
	if (altId !== ctx.location.id) throw forbiddenLocation();
}

/** The body without `locationId` and undefined values. */
function fieldsOf(body: unknown): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
		if (key !== 'locationId' && value !== undefined) out[key] = value;
	}
	return out;
}

/** A price body's own rules beyond the schema (422): recurring details of a recurring price, amounts ≥ 0. */
function checkPrice(body: Record<string, unknown>): void {
	const problems: string[] = [];
	if (body.type === 'recurring' && !body.recurring) problems.push('recurring should not be empty for a recurring price');
	for (const key of ['amount', 'compareAtPrice', 'setupFee']) {
		if (typeof body[key] === 'number' && (body[key] as number) < 0) problems.push(`${key} must not be less than 0`);
	}
	if (problems.length) throw unprocessable(problems);
}

/** GET /products/ — see the module comment. */
export const listProducts: OperationHandler = (ctx) => {
	const text = typeof ctx.query.search === 'string' ? ctx.query.search.trim().toLowerCase() : '';
	const collections = listParam(ctx.query.collectionIds);
	const ids = listParam(ctx.query.productIds);
	const flag = (name: string) => (ctx.query[name] === undefined ? undefined : String(ctx.query[name]) === 'true');
	const available = flag('availableInStore');
	const included = flag('includedInStore');
	const matches = [...recordsOf(ctx.location, PRODUCTS).values()]
		.filter((p) => !text || String(p.name ?? '').toLowerCase().includes(text))
		.filter((p) => !collections.length || ((p.collectionIds ?? []) as string[]).some((c) => collections.includes(c)))
		.filter((p) => !ids.length || ids.includes(p.id))
		.filter((p) => available === undefined || (p.availableInStore === true) === available)
		.filter((p) => included === undefined || (p.availableInStore === true) === included)
		.sort(byCreation);
	if (ctx.query.sortOrder !== 'asc') matches.reverse();
	return { status: 200, body: { products: page(matches, ctx).map(toApi), total: [{ total: matches.length }] } };
};

/** POST /products/ → 201, the product. */
export const createProduct: OperationHandler = (ctx) => {
	const now = iso(ctx.now());
	const product: PlainRecord = {
		...fieldsOf(ctx.body),
		locationId: ctx.location.id,
		createdAt: now,
		updatedAt: now,
		id: ctx.store.ids.id(),
	};
	recordsOf(ctx.location, PRODUCTS).set(product.id, product);
	return { status: 201, body: toApi(product) };
};

/** PUT /products/{productId}: merges the body, → the product. */
export const updateProduct: OperationHandler = (ctx) => {
	const before = productOf(ctx, ctx.params.productId);
	const after: PlainRecord = { ...before, ...fieldsOf(ctx.body), updatedAt: iso(ctx.now()), id: before.id };
	recordsOf(ctx.location, PRODUCTS).set(after.id, after);
	return { status: 200, body: toApi(after) };
};

/** DELETE /products/{productId}: the product and its prices → `{ status: true }`. */
export const deleteProduct: OperationHandler = (ctx) => {
	const product = productOf(ctx, ctx.params.productId);
	const prices = recordsOf(ctx.location, PRICES);
	for (const price of [...prices.values()]) if (price.product === product.id) prices.delete(price.id);
	recordsOf(ctx.location, PRODUCTS).delete(product.id);
	return { status: 200, body: { status: true } };
};

/** GET /products/{productId}/price — see the module comment. */
export const listPrices: OperationHandler = (ctx) => {
	const product = productOf(ctx, ctx.params.productId);
	const ids = listParam(ctx.query.ids);
	const matches = [...recordsOf(ctx.location, PRICES).values()]
		.filter((p) => p.product === product.id && (!ids.length || ids.includes(p.id)))
		.sort(byCreation);
	return { status: 200, body: { prices: page(matches, ctx).map(toApi), total: matches.length } };
};

/** POST /products/{productId}/price → 201, the price. */
export const createPrice: OperationHandler = (ctx) => {
	const product = productOf(ctx, ctx.params.productId);
	const fields = fieldsOf(ctx.body);
	checkPrice(fields);
	const now = iso(ctx.now());
	const price: PlainRecord = {
		...fields,
		product: product.id,
		locationId: ctx.location.id,
		createdAt: now,
		updatedAt: now,
		id: ctx.store.ids.id(),
	};
	recordsOf(ctx.location, PRICES).set(price.id, price);
	return { status: 201, body: toApi(price) };
};

/** PUT /products/{productId}/price/{priceId}: merges the body (a one-time price loses `recurring`), → the price. */
export const updatePrice: OperationHandler = (ctx) => {
	const before = priceOf(ctx);
	const fields = fieldsOf(ctx.body);
	checkPrice(fields);
	const after: PlainRecord = { ...before, ...fields, updatedAt: iso(ctx.now()), id: before.id, product: before.product };
	if (after.type === 'one_time') delete after.recurring;
	recordsOf(ctx.location, PRICES).set(after.id, after);
	return { status: 200, body: toApi(after) };
};

/** The collections of a location, seeded on first use with three collections. */
export function collectionsOf(location: LocationData): Map<string, PlainRecord> {
	const records = recordsOf(location, PRODUCT_COLLECTIONS);
	if (!records.size) {
		['Best Sellers', 'Drain Care', 'Gift Ideas'].forEach((name, i) => {
			const id = `col${String(i + 1).padStart(3, '0')}${location.id.slice(0, 14)}`;
			const at = new Date(Date.UTC(2025, 0, 1 + i)).toISOString();
			records.set(id, { id, name, slug: name.toLowerCase().replace(/ /g, '-'), altId: location.id, altType: 'location', createdAt: at });
		});
	}
	return records;
}

/** GET /products/collections — see the module comment. */
export const listCollections: OperationHandler = (ctx) => {
	checkAltId(ctx, ctx.query.altId);
	const text = typeof ctx.query.name === 'string' ? ctx.query.name.trim().toLowerCase() : '';
	const ids = listParam(ctx.query.collectionIds);
	const matches = [...collectionsOf(ctx.location).values()]
		.filter((c) => !text || String(c.name).toLowerCase().includes(text))
		.filter((c) => !ids.length || ids.includes(c.id))
		.sort(byCreation);
	return { status: 200, body: { data: page(matches, ctx, 10).map(toApi), total: matches.length } };
};

/** A price with inventory tracking as `InventoryItemDto`. */
function inventoryItem(location: LocationData, price: PlainRecord): Record<string, unknown> {
	const product = recordsOf(location, PRODUCTS).get(String(price.product));
	const item: Record<string, unknown> = {
		_id: price.id,
		name: price.name,
		availableQuantity: price.availableQuantity ?? 0,
		sku: price.sku ?? '',
		allowOutOfStockPurchases: price.allowOutOfStockPurchases === true,
		product: price.product,
		updatedAt: price.updatedAt,
		productName: product?.name,
	};
	if (product?.image) item.image = product.image;
	return item;
}

/** GET /products/inventory — see the module comment. */
export const listInventory: OperationHandler = (ctx) => {
	checkAltId(ctx, ctx.query.altId);
	const text = typeof ctx.query.search === 'string' ? ctx.query.search.trim().toLowerCase() : '';
	const items = [...recordsOf(ctx.location, PRICES).values()]
		.filter((p) => p.trackInventory === true)
		.map((p) => inventoryItem(ctx.location, p))
		.filter((i) => !text || [i.name, i.productName].some((v) => String(v ?? '').toLowerCase().includes(text)))
		.sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)) || String(b._id).localeCompare(String(a._id)));
	return { status: 200, body: { inventory: page(items, ctx), total: { total: items.length } } };
};

/** POST /products/inventory — see the module comment. */
export const updateInventory: OperationHandler = (ctx) => {
	const body = ctx.body as {
		altId: string;
		items: Array<{ priceId: string; availableQuantity?: number; allowOutOfStockPurchases?: boolean }>;
	};
	checkAltId(ctx, body.altId);
	const prices = recordsOf(ctx.location, PRICES);
	const unknown = body.items.filter((i) => !prices.has(i.priceId)).map((i) => `Price ${i.priceId} not found`);
	if (unknown.length) throw unprocessable(unknown);
	for (const item of body.items) {
		const before = prices.get(item.priceId)!;
		const after: PlainRecord = { ...before, updatedAt: iso(ctx.now()) };
		if (item.availableQuantity !== undefined) after.availableQuantity = item.availableQuantity;
		if (item.allowOutOfStockPurchases !== undefined) after.allowOutOfStockPurchases = item.allowOutOfStockPurchases;
		prices.set(after.id, after);
	}
	return { status: 201, body: { status: true, message: 'Successfully updated' } };
};

/**
 * Handlers by operationId; GET /products/ under `products:list-invoices` (its operationId is the invoices' one,
 * server.ts looks up `<spec>:<operationId>` first).
 */
export const productHandlers: Record<string, OperationHandler> = {
	'products:list-invoices': listProducts,
	'create-product': createProduct,
	'get-product-by-id': (ctx) => ({ status: 200, body: toApi(productOf(ctx, ctx.params.productId)) }),
	'update-product-by-id': updateProduct,
	'delete-product-by-id': deleteProduct,
	'list-prices-for-product': listPrices,
	'create-price-for-product': createPrice,
	'get-price-by-id-for-product': (ctx) => ({ status: 200, body: toApi(priceOf(ctx)) }),
	'update-price-by-id-for-product': updatePrice,
	'delete-price-by-id-for-product': (ctx) => {
		recordsOf(ctx.location, PRICES).delete(priceOf(ctx).id);
		return { status: 200, body: { status: true } };
	},
	'get-product-collection': listCollections,
	'get-list-inventory': listInventory,
	'update-inventory': updateInventory,
};
