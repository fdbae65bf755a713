import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import { dropEmptyValues } from '../../../nodes/GoHighLevel/shared/body';
import { ENDPOINTS } from '../../../nodes/GoHighLevel/shared/endpoints';
import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { routeTo, type OperationRoute } from '../../../nodes/GoHighLevel/shared/routing';
import { BASE_URL, fakeContext, LOCATION_ID, ok } from '../helpers';

type PaginationFn = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/** Runs the operation the way RoutingNode does: `operations.pagination` with the request built from the fields. */
async function run(
	route: OperationRoute,
	parameters: Record<string, unknown>,
	body: unknown,
	prepared: Partial<IHttpRequestOptions> = {},
) {
	const fake = fakeContext({ parameters });
	fake.http.mockResolvedValue(ok(body));
	const pagination = routeTo(route).operations?.pagination as PaginationFn;
	const requestData = { options: { url: '', ...prepared }, preSend: [], postReceive: [] } as unknown as DeclarativeRestApiSettings.ResultOptions;
	const items = await pagination.call(fake.ctx as unknown as IExecutePaginationFunctions, requestData);
	return { items, ...fake };
}

beforeEach(() => rateLimiter.reset());

describe('routeTo', () => {
	it('enables the pagination hook; empty values are dropped first, then the operation\'s preSend hooks run', () => {
		const hook = async (o: IHttpRequestOptions) => o;
		expect(routeTo({ endpoint: ENDPOINTS.getContact }).send).toEqual({ paginate: true, preSend: [dropEmptyValues] });
		expect(routeTo({ endpoint: ENDPOINTS.createContact, preSend: [hook] }).send).toEqual({
			paginate: true,
			preSend: [dropEmptyValues, hook],
		});
		expect(typeof routeTo({ endpoint: ENDPOINTS.getContact }).operations?.pagination).toBe('function');
	});

	it('single record: fills the path from the node parameter (resource locator value) and returns one item', async () => {
		const { items, http, getNodeParameter } = await run(
			{ endpoint: ENDPOINTS.getContact, pathParameters: { contactId: 'contactId' } },
			{ contactId: 'abc' },
			{ contact: { id: 'abc', firstName: 'Ada' }, traceId: 't' },
			{ timeout: 1234 },
		);
		expect(getNodeParameter).toHaveBeenCalledWith('contactId', '', { extractValue: true });
		expect(http.mock.calls[0][1]).toMatchObject({
			method: 'GET',
			baseURL: BASE_URL,
			url: '/contacts/abc',
			timeout: 1234,
			headers: { Version: '2021-07-28' },
		});
		expect(items).toEqual([{ json: { id: 'abc', firstName: 'Ada' } }]);
	});

	it('keeps the body the declarative fields built, with the location added', async () => {
		const { http, items } = await run({ endpoint: ENDPOINTS.createContact }, {}, { contact: { id: 'n1' } }, {
			body: { firstName: 'Ada' },
		});
		expect(http.mock.calls[0][1].body).toEqual({ firstName: 'Ada', locationId: LOCATION_ID });
		expect(items).toEqual([{ json: { id: 'n1' } }]);
	});

	it('paged endpoint with a limit: reads pages up to the limit, then shapes the output', async () => {
		const fake = fakeContext({ parameters: { returnAll: false, limit: 3 } });
		fake.http.mockImplementation(async (_t, options) => {
			const n = Number((options.qs as IDataObject).limit);
			return ok({
				opportunities: Array.from({ length: n }, (_, i) => ({ id: `o${i}` })),
				meta: { total: 50, startAfterId: 'x', startAfter: 1, nextPageUrl: 'next' },
			});
		});
		const output = jest.fn(function (this: unknown, _body: IDataObject, records: IDataObject[]) {
			return records.map((r) => ({ ...r, shaped: true }));
		});
		const pagination = routeTo({ endpoint: ENDPOINTS.searchOpportunities, output }).operations?.pagination as PaginationFn;
		const items = await pagination.call(fake.ctx as unknown as IExecutePaginationFunctions, {
			options: { url: '', qs: { status: 'open' } },
			preSend: [],
			postReceive: [],
		} as unknown as DeclarativeRestApiSettings.ResultOptions);
		expect(fake.http).toHaveBeenCalledTimes(1);
		expect(fake.http.mock.calls[0][1].qs).toEqual({ status: 'open', location_id: LOCATION_ID, limit: 3 });
		expect(items).toEqual([0, 1, 2].map((i) => ({ json: { id: `o${i}`, shaped: true } })));
		expect(output.mock.calls[0][0]).toEqual({ opportunities: [{ id: 'o0' }, { id: 'o1' }, { id: 'o2' }] });
		expect(output.mock.contexts[0]).toBe(fake.ctx);
	});

	it('outputPerPage: shapes each page as it arrives, with that page as the body', async () => {
		const fake = fakeContext({ parameters: { returnAll: true } });
		fake.http.mockImplementation(async (_t, options) => {
			const after = Number((options.qs as IDataObject).startAfterId ?? 0);
			const n = Math.min(100, 150 - after);
			return ok({
				opportunities: Array.from({ length: n }, (_, i) => ({ id: `o${after + i}` })),
				meta: { total: 150, startAfterId: String(after + n), startAfter: 1, nextPageUrl: after + n < 150 ? 'next' : null },
			});
		});
		const output = jest.fn(function (this: unknown, _body: IDataObject, records: IDataObject[]) {
			return records.map((r) => ({ shaped: r.id }));
		});
		const pagination = routeTo({ endpoint: ENDPOINTS.searchOpportunities, output, outputPerPage: true }).operations
			?.pagination as PaginationFn;
		const items = await pagination.call(fake.ctx as unknown as IExecutePaginationFunctions, {
			options: { url: '', qs: {} },
			preSend: [],
			postReceive: [],
		} as unknown as DeclarativeRestApiSettings.ResultOptions);
		expect(fake.http).toHaveBeenCalledTimes(2);
		expect(output.mock.calls.map(([body, records]) => [(body.opportunities as unknown[]).length, records.length])).toEqual([
			[100, 100],
			[50, 50],
		]);
		expect(output.mock.contexts.every((context) => context === fake.ctx)).toBe(true);
		expect(items).toEqual(Array.from({ length: 150 }, (_, i) => ({ json: { shaped: `o${i}` } })));
	});
});
