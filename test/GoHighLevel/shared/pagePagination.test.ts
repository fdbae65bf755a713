/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
import * as fs from 'fs';
import * as path from 'path';
import { NodeOperationError, type IDataObject, type IHttpRequestOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../../nodes/GoHighLevel/shared/endpoints';
import { asMultipart, multipartBody } from '../../../nodes/GoHighLevel/shared/multipart';
import { fetchPages } from '../../../nodes/GoHighLevel/shared/pagination';
import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { buildRequest, CREDENTIAL_TYPES, type Connection } from '../../../nodes/GoHighLevel/shared/transport';
import { parseMultipart } from '../../sandbox/conversations';
import { BASE_URL, fakeContext, LOCATION_ID, ok } from '../helpers';

/* eslint-disable @typescript-eslint/no-explicit-any */
const connection = {
	credentialType: CREDENTIAL_TYPES.privateIntegrationToken,
	baseUrl: BASE_URL,
	locationId: LOCATION_ID,
	rateLimitKey: `${BASE_URL}|${LOCATION_ID}`,
	tokenType: 'Location',
} as Connection;

beforeEach(() => rateLimiter.reset());

const submissions = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `s${i}` }));

/** A submissions server holding `total` records, answering `page` + `limit` with `meta` (or without, `withMeta` false). */
function pageServer(total: number, withMeta = true) {
	const all = submissions(total);
	return async (_type: string, options: IHttpRequestOptions) => {
		const qs = options.qs as IDataObject;
		const page = Number(qs.page ?? 1);
		const limit = Number(qs.limit);
		const last = Math.max(1, Math.ceil(total / limit));
		const body: IDataObject = { submissions: all.slice((page - 1) * limit, page * limit) };
		if (withMeta) body.meta = { total, currentPage: page, nextPage: page < last ? page + 1 : null, prevPage: page > 1 ? page - 1 : null };
		return ok(body);
	};
}

describe('the page style (GET /forms/submissions, GET /surveys/submissions)', () => {
	const spec = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'sandbox', 'openapi', `${name}.json`), 'utf8'));

	it.each([
		['forms', ENDPOINTS.getFormSubmissions],
		['surveys', ENDPOINTS.getSurveySubmissions],
	])('%s: page and limit in the query, the page size the description allows, meta with nextPage and total', (name, endpoint) => {
		const doc = spec(name);
		const op = doc.paths[endpoint.path].get;
		const params = op.parameters as any[];
		const limit = params.find((p) => p.name === endpoint.pagination.sizeParameter);
		expect(limit.in).toBe('query');
		expect(Number(/maximum up to (\d+)/.exec(limit.description)![1])).toBe(endpoint.pagination.maxPageSize);
		expect(params.find((p) => p.name === endpoint.pagination.pageParameter)).toMatchObject({ in: 'query', schema: { default: 1 } });
		const response = op.responses['200'].content['application/json'].schema.$ref.split('/').pop();
		const meta = doc.components.schemas[doc.components.schemas[response].properties.meta.$ref.split('/').pop()];
		expect(Object.keys(meta.properties)).toEqual(expect.arrayContaining(['total', 'nextPage']));
	});

	const endpoint = ENDPOINTS.getFormSubmissions;
	const first = () => buildRequest(fakeContext().ctx, endpoint, connection, { qs: { formId: 'f1', startAt: '2026-01-01' } });

	it('Return All: follows meta.nextPage, keeps the filters on every page, stops at the last page', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(pageServer(250));
		const records = await fetchPages(ctx, endpoint, connection, first(), Infinity);
		expect(records.map((r) => r.id)).toEqual(submissions(250).map((s) => s.id));
		const queries = http.mock.calls.map(([, options]) => options.qs as IDataObject);
		expect(queries.map((q) => q.page)).toEqual([undefined, 2, 3]);
		expect(queries.every((q) => q.limit === 100 && q.formId === 'f1' && q.startAt === '2026-01-01' && q.locationId === LOCATION_ID)).toBe(true);
	});

	it('a Limit above one page asks every page with the same size and cuts the last', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(pageServer(250));
		const records = await fetchPages(ctx, endpoint, connection, first(), 150);
		expect(records.map((r) => r.id)).toEqual(submissions(150).map((s) => s.id));
		expect(http.mock.calls.map(([, options]) => [(options.qs as IDataObject).page, (options.qs as IDataObject).limit])).toEqual([
			[undefined, 100],
			[2, 100],
		]);
	});

	it('without meta: a full page asks for the next page number, a short page ends', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(pageServer(230, false));
		const records = await fetchPages(ctx, endpoint, connection, first(), Infinity);
		expect(records).toHaveLength(230);
		expect(http.mock.calls.map(([, options]) => (options.qs as IDataObject).page)).toEqual([undefined, 2, 3]);
	});

	it('a nextPage that repeats fails instead of looping', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(async () => ok({ submissions: submissions(100), meta: { total: 1000, nextPage: 2 } }));
		await expect(fetchPages(ctx, endpoint, connection, first(), Infinity)).rejects.toThrow(NodeOperationError);
		// Page 1 points to page 2, page 2 points to page 2 again.
		expect(http).toHaveBeenCalledTimes(2);
	});
});

describe('multipart bodies (shared/multipart.ts)', () => {
	it('carries the text fields (empty ones left out) and the file bytes, as a multipart parser reads them', () => {
		const data = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256));
		const { body, contentType } = multipartBody(
			{ hosted: undefined, name: 'Spring "flyer".pdf', parentId: '' },
			[{ field: 'file', fileName: 'a"b\r\n.pdf', mimeType: 'application/pdf', data }],
		);
		expect(contentType).toMatch(/^multipart\/form-data; boundary=----n8nHighLevel[0-9a-f]{24}$/);
		const parsed = parseMultipart(body, contentType)!;
		expect(parsed.fields).toEqual({ name: 'Spring "flyer".pdf' });
		expect(parsed.files).toHaveLength(1);
		expect(parsed.files[0]).toMatchObject({ field: 'file', fileName: 'a_b__.pdf', mimeType: 'application/pdf' });
		expect(Buffer.compare(parsed.files[0].data, data)).toBe(0);
	});

	it('asMultipart keeps the request (URL, Version) and replaces body and Content-Type; every boundary is new', () => {
		const request = buildRequest(fakeContext().ctx, ENDPOINTS.uploadMediaFile, connection);
		const a = asMultipart(request, { hosted: 'true', fileUrl: 'https://example.com/x.png' }, []);
		const b = asMultipart(request, { hosted: 'true', fileUrl: 'https://example.com/x.png' }, []);
		expect(a).toMatchObject({ method: 'POST', url: '/medias/upload-file', headers: { Version: '2021-07-28' } });
		expect(Buffer.isBuffer(a.body)).toBe(true);
		expect(a.headers?.['Content-Type']).not.toBe(b.headers?.['Content-Type']);
		expect(parseMultipart(a.body as Buffer, String(a.headers?.['Content-Type']))!.fields).toEqual({ hosted: 'true', fileUrl: 'https://example.com/x.png' });
	});
});
