import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../../nodes/GoHighLevel/shared/endpoints';
import { fetchPages } from '../../../nodes/GoHighLevel/shared/pagination';
import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { buildRequest, CREDENTIAL_TYPES, type Connection } from '../../../nodes/GoHighLevel/shared/transport';
import { BASE_URL, fakeContext, LOCATION_ID, ok } from '../helpers';

const connection = {
	credentialType: CREDENTIAL_TYPES.privateIntegrationToken,
	baseUrl: BASE_URL,
	locationId: LOCATION_ID,
	rateLimitKey: `${BASE_URL}|${LOCATION_ID}`,
	tokenType: 'Location',
} as Connection;

beforeEach(() => rateLimiter.reset());

/**
 * An offset server holding `count` records under `root`, answering `total` as `totalOf(count)` (products.json: an
 * array `[{ total }]` for GET /products/, an object `{ total }` for GET /products/inventory).
 */
function offsetServer(root: string, count: number, totalOf: (count: number) => unknown) {
	const all = Array.from({ length: count }, (_, i) => ({ _id: `r${i}` }));
	return async (_type: string, options: IHttpRequestOptions) => {
		const qs = options.qs as IDataObject;
		const offset = Number(qs.offset ?? 0);
		return ok({ [root]: all.slice(offset, offset + Number(qs.limit)), total: totalOf(count) });
	};
}

describe('totals HighLevel wraps (products.json, FACTS.md 2.12)', () => {
	const pagesOf = (http: jest.Mock) => http.mock.calls.map(([, options]) => (options.qs as IDataObject).offset);

	it('GET /products/: `total: [{ total }]` ends Return All at the total, without asking for an empty page', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(offsetServer('products', 250, (n) => [{ total: n }]));
		const endpoint = ENDPOINTS.getProducts;
		const records = await fetchPages(ctx, endpoint, connection, buildRequest(ctx, endpoint, connection), Infinity);
		expect(records).toHaveLength(250);
		expect(pagesOf(http)).toEqual([undefined, 100, 200]);
	});

	it('GET /products/inventory: `total: { total }` ends Return All at the total', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(offsetServer('inventory', 200, (n) => ({ total: n })));
		const endpoint = ENDPOINTS.getInventory;
		const records = await fetchPages(ctx, endpoint, connection, buildRequest(ctx, endpoint, connection), Infinity);
		expect(records).toHaveLength(200);
		expect(pagesOf(http)).toEqual([undefined, 100]);
	});

	it('a shape it cannot read (several stats, no number) does not stop early: the reading goes on to an empty page', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(offsetServer('products', 150, (n) => [{ total: n }, { total: 1 }]));
		const endpoint = ENDPOINTS.getProducts;
		const records = await fetchPages(ctx, endpoint, connection, buildRequest(ctx, endpoint, connection), Infinity);
		expect(records).toHaveLength(150);
		expect(pagesOf(http)).toEqual([undefined, 100, 150]);
	});
});
