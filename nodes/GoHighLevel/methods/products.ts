import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { ENDPOINTS, type Endpoint } from '../shared/endpoints';
import { fetchPages } from '../shared/pagination';
import { buildRequest, getConnection, sendRequest } from '../shared/transport';

/*
 * Dropdowns and searchable lists of the Product, Price and Inventory resources (products.json, FACTS.md 2.12): the
 * location's products, the prices of a product, the product collections and the inventory items. `getProductPrices`
 * also serves other resources (e.g. invoice line items): it reads the product from a `productId` parameter beside
 * the dropdown (same collection row) or at the top level.
 */

/** How many products a searchable list shows per page. */
const PAGE = 50;
/** Most records a dropdown reads. */
const MAX_OPTIONS = 500;

/** Up to `limit` records of a paged products.json list, with `qs` added to the first request. */
async function readAll(ctx: ILoadOptionsFunctions, endpoint: Endpoint, qs: IDataObject = {}, limit = MAX_OPTIONS, path: Record<string, string> = {}): Promise<IDataObject[]> {
	const connection = await getConnection(ctx);
	return await fetchPages(ctx, endpoint, connection, buildRequest(ctx, endpoint, connection, { qs, path }), limit);
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** A record's id: products.json records carry `_id` (collections may carry `id`). */
const idOf = (r: IDataObject) => String(r._id ?? r.id ?? '');

/**
 * How a price reads in a dropdown: `Standard — 19.99 USD`, `Monthly — 29 USD every 1 month`; the amount as HighLevel
 * answers it (major units, products.json `DefaultPriceResponseDto.amount`).
 */
export function priceLabel(price: IDataObject): string {
	const name = String(price.name ?? '').trim() || idOf(price);
	const amount = price.amount === undefined ? '' : `${String(price.amount)} ${String(price.currency ?? '')}`.trim();
	const recurring = (price.recurring ?? {}) as IDataObject;
	const every = price.type === 'recurring' && recurring.interval ? ` every ${String(recurring.intervalCount ?? 1)} ${String(recurring.interval)}` : '';
	return amount ? `${name} — ${amount}${every}` : name;
}

/**
 * The prices of one product as dropdown options (value: the price id), by name: `GET /products/{productId}/price`
 * (products.json `list-prices-for-product`, `limit` + `offset` pages, `total`), at most {@link MAX_OPTIONS}.
 */
export async function productPriceOptions(ctx: ILoadOptionsFunctions, productId: string): Promise<INodePropertyOptions[]> {
	if (!productId) return [];
	const prices = await readAll(ctx, ENDPOINTS.getPrices, {}, MAX_OPTIONS, { productId });
	return prices.map((p) => ({ name: priceLabel(p), value: idOf(p) })).sort(byName);
}

/** The product id a price dropdown depends on: `productId` in the same collection row, else at the top level. */
function chosenProduct(ctx: ILoadOptionsFunctions): string {
	for (const path of ['&productId', 'productId']) {
		try {
			const value = ctx.getCurrentNodeParameter(path, { extractValue: true });
			if (value) return String(value).trim();
		} catch {
			// not a parameter at this place: try the next one
		}
	}
	return '';
}

/** listSearch methods of the Product resource (merged into methods/listSearch.ts). */
export const productListSearch = {
	/**
	 * Products of the location whose name contains the typed text (HighLevel's `search`), by name: `GET /products/`
	 * (products.json `list-invoices`, sic) with `search`, pages of {@link PAGE} (the next page's `offset` is the
	 * pagination token; `total` is an array `[{ total }]`, FACTS.md 2.12).
	 */
	async searchProducts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		const endpoint = ENDPOINTS.getProducts;
		const offset = Number(paginationToken) || 0;
		const qs: IDataObject = { limit: PAGE, offset };
		if (filter?.trim()) qs.search = filter.trim();
		const connection = await getConnection(this);
		const body = ((await sendRequest(this, endpoint, connection, buildRequest(this, endpoint, connection, { qs }))).body ?? {}) as IDataObject;
		const products = (body.products ?? []) as IDataObject[];
		const stats = Array.isArray(body.total) ? (body.total[0] as IDataObject | undefined) : undefined;
		const total = typeof stats?.total === 'number' ? stats.total : undefined;
		const results = products.map((p) => {
			const name = String(p.name ?? '').trim() || idOf(p);
			return { name: p.productType ? `${name} (${String(p.productType).toLowerCase()})` : name, value: idOf(p) };
		});
		const read = offset + products.length;
		const more = products.length === PAGE && (total === undefined || read < total);
		return more ? { results, paginationToken: String(read) } : { results };
	},
};

/** loadOptions of the Product, Price and Inventory resources (merged into methods/loadOptions.ts). */
export const productLoadOptions = {
	/**
	 * The prices of the chosen product (`productId` beside the dropdown or at the top level), by name; for the Price
	 * resource and any other resource picking a price (e.g. invoice line items). See {@link productPriceOptions}.
	 */
	async getProductPrices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await productPriceOptions(this, chosenProduct(this));
	},

	/**
	 * Products of the location, by name, as dropdown options (value: the product id), for a product inside a collection
	 * row (e.g. invoice line items) where a resource locator cannot be used: `GET /products/?locationId=` (products.json
	 * `list-invoices` (sic), `limit` + `offset` pages, `total: [{ total }]`), at most {@link MAX_OPTIONS}.
	 */
	async getProducts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const products = await readAll(this, ENDPOINTS.getProducts);
		return products.map((p) => ({ name: String(p.name ?? idOf(p)), value: idOf(p) })).sort(byName);
	},

	/**
	 * Product collections of the location, by name: `GET /products/collections?altId=&altType=location`
	 * (products.json `get-product-collection`, `limit` + `offset` pages, `total`).
	 */
	async getProductCollections(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const collections = await readAll(this, ENDPOINTS.getProductCollections);
		return collections.map((c) => ({ name: String(c.name ?? idOf(c)), value: idOf(c) })).sort(byName);
	},

	/**
	 * Every price (variant) in the location's inventory as `Product — Price (SKU)`, value the price id:
	 * `GET /products/inventory?altId=&altType=location` (products.json `get-list-inventory`; `total` is `{ total }`).
	 */
	async getInventoryPrices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const items = await readAll(this, ENDPOINTS.getInventory);
		return items
			.map((i) => {
				const label = [i.productName, i.name].filter(Boolean).map(String).join(' — ') || idOf(i);
				return { name: i.sku ? `${label} (${String(i.sku)})` : label, value: idOf(i) };
			})
			.sort(byName);
	},
};
