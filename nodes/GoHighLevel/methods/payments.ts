import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS, type Endpoint } from '../shared/endpoints';
import { fetchPages } from '../shared/pagination';
import { buildRequest, getConnection, recordsOf, sendRequest } from '../shared/transport';

/*
 * The Order, Transaction, Subscription and Coupon locators' lists (payments.json): one page at a time, newest first,
 * the next page's `offset` as the pagination token.
 */

/** How many records one page of a list shows. */
const PAGE = 50;

/**
 * One page of a payments.json list with `search` = the typed text (when given), `limit` + `offset`; the token of the
 * next page while `totalCount` says more follow.
 * @param altType whether the operation declares `altType` (list-orders does not)
 */
async function searchPage(
	ctx: ILoadOptionsFunctions,
	endpoint: Endpoint,
	filter: string | undefined,
	paginationToken: string | undefined,
	altType: boolean,
	label: (record: IDataObject) => string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken) || 0;
	const qs: IDataObject = { limit: PAGE, offset };
	if (altType) qs.altType = 'location';
	const search = (filter ?? '').trim();
	if (search) qs.search = search;
	const connection = await getConnection(ctx);
	const answer = (await sendRequest(ctx, endpoint, connection, buildRequest(ctx, endpoint, connection, { qs }))).body as IDataObject;
	const records = recordsOf(endpoint, answer ?? {});
	const results = records.map((r) => ({ name: label(r), value: String(r._id ?? r.id) }));
	const read = offset + records.length;
	const total = typeof answer?.totalCount === 'number' ? answer.totalCount : undefined;
	return records.length && total !== undefined && read < total ? { results, paginationToken: String(read) } : { results };
}

/** `12.5 USD · 2025-09-01`: amount (as HighLevel gives it) and creation day. */
function detail(record: IDataObject): string {
	const amount = record.amount === undefined ? '' : `${String(record.amount)} ${String(record.currency ?? '')}`.trim();
	const day = typeof record.createdAt === 'string' ? record.createdAt.slice(0, 10) : '';
	return [amount, day].filter(Boolean).join(' · ');
}

/** listSearch methods of the payments resources (merged into methods/listSearch.ts). */
export const paymentListSearch = {
	/** Orders whose name matches the typed text: `GET /payments/orders` (payments.json `list-orders`) with `search`. */
	async searchOrders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchPage(this, ENDPOINTS.getOrders, filter, paginationToken, false, (o) => {
			const who = String(o.contactName ?? o.contactEmail ?? '') || String(o.sourceName ?? '') || String(o._id);
			return `${who} (${[detail(o), o.paymentStatus ?? o.status].filter(Boolean).join(' · ')})`;
		});
	},

	/** Transactions matching the typed text: `GET /payments/transactions` (payments.json `list-transactions`) with `search`. */
	async searchTransactions(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchPage(this, ENDPOINTS.getTransactions, filter, paginationToken, true, (t) => {
			const who = String(t.contactName ?? t.contactEmail ?? '') || String(t.entitySourceName ?? t._id);
			return `${who} (${[detail(t), typeof t.status === 'string' ? t.status : ''].filter(Boolean).join(' · ')})`;
		});
	},

	/** Subscriptions matching the typed text: `GET /payments/subscriptions` (payments.json `list-subscriptions`) with `search`. */
	async searchSubscriptions(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchPage(this, ENDPOINTS.getSubscriptions, filter, paginationToken, true, (s) => {
			const who = String(s.contactName ?? s.contactEmail ?? '') || String(s.entitySourceName ?? s._id);
			return `${who} (${[detail(s), typeof s.status === 'string' ? s.status : ''].filter(Boolean).join(' · ')})`;
		});
	},

	/** Coupons whose name or code matches the typed text: `GET /payments/coupon/list` (payments.json `list-coupons`). */
	async searchCoupons(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchPage(this, ENDPOINTS.getCoupons, filter, paginationToken, true, (c) =>
			`${String(c.name ?? c._id)} (${[c.code, c.status].filter(Boolean).join(' · ')})`,
		);
	},
};

/** loadOptions of the Order and Coupon resources (merged into methods/loadOptions.ts). */
export const paymentLoadOptions = {
	/**
	 * The items of the order chosen in Order (Create Fulfillment → Items → Price): `GET /payments/orders/{orderId}`
	 * (payments.json `get-order-by-id`), one option per item, value = its price `_id` (`FulfillmentItems.priceId`).
	 */
	async getOrderPrices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const orderId = String(this.getCurrentNodeParameter('orderId', { extractValue: true }) ?? '').trim();
		if (!orderId) return [];
		const endpoint = ENDPOINTS.getOrder;
		const connection = await getConnection(this);
		const order = ((await sendRequest(this, endpoint, connection, buildRequest(this, endpoint, connection, { path: { orderId } }))).body ?? {}) as IDataObject;
		const items = Array.isArray(order.items) ? (order.items as IDataObject[]) : [];
		return items
			.map((item) => {
				const price = (item.price ?? {}) as IDataObject;
				const value = String(price._id ?? '');
				const amount = price.amount === undefined ? '' : ` — ${String(price.amount)} ${String(price.currency ?? '')}`.trimEnd();
				return { name: `${String(item.name ?? value)} × ${String(item.qty ?? 1)}${amount}`, value };
			})
			.filter((o) => o.value);
	},

	/**
	 * Products of the location for a coupon's Product Names or IDs: `GET /products/?locationId=` (products.json
	 * `list-invoices`, sic), by name, at most 500.
	 */
	async getCouponProducts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const endpoint = ENDPOINTS.getProducts;
		const connection = await getConnection(this);
		const products = await fetchPages(this, endpoint, connection, buildRequest(this, endpoint, connection), 500);
		return products
			.map((p) => ({ name: String(p.name ?? p._id), value: String(p._id ?? p.id) }))
			.sort((a, b) => a.name.localeCompare(b.name));
	},
};
