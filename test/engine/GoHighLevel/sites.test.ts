import { addFunnels, funnelPagesOf, funnelsOf, mediaOf, triggerLinksOf } from '../../sandbox/sites';
import {
	byId,
	GENEROUS_RATE_LIMIT,
	operationCounts,
	operationsSince,
	runWithFile,
	useEngineSandbox,
	useSandbox,
	startFaultProxy,
} from './helpers';

/**
 * Funnel, Trigger Link and Media resources (funnels.json, links.json, medias.json) through n8n-core and the sandbox.
 */
describe('Funnel resource', () => {
	const { sandbox, proxy, run, last } = useEngineSandbox();
	beforeEach(() => {
		proxy.requests.length = 0;
	});
	const funnels = () => [...funnelsOf(sandbox.store.location()).values()];

	it('Get Many, Return All: offset pages of 100 until count is reached; Limit and the name filter', async () => {
		addFunnels(sandbox.store.location(), 150);
		const all = await run({ resource: 'funnel', operation: 'getAll', returnAll: true });
		expect(all.errors('HighLevel')).toEqual([]);
		const ids = all.output('HighLevel').map((f) => String(f._id));
		expect(ids).toHaveLength(funnels().length);
		expect(new Set(ids)).toEqual(new Set(funnels().map((f) => f._id)));
		// 154 funnels: two pages, and no third (empty) one, because `count` says when all are read.
		expect(proxy.to('GET', '/funnels/funnel/list').map((p) => [p.query.offset, p.query.limit])).toEqual([
			[undefined, '100'],
			['100', '100'],
		]);

		proxy.requests.length = 0;
		const named = await run({ resource: 'funnel', operation: 'getAll', limit: 10, filters: { name: 'quote' } });
		expect(named.output('HighLevel')).toEqual([expect.objectContaining({ name: 'Free Quote', type: 'funnel', steps: expect.any(Array) })]);
		expect(last('GET', '/funnels/funnel/list').query).toMatchObject({ name: 'quote', limit: '10', locationId: sandbox.locationId });
	});

	it('Get Pages: the pages of the chosen funnel in order, offset 0 on the first page (required), Return All and Limit', async () => {
		const funnel = funnels().find((f) => f.name === 'Free Quote')!;
		const expected = [...funnelPagesOf(sandbox.store.location()).values()]
			.filter((p) => p.funnelId === funnel._id)
			.sort((a, b) => a.sequence - b.sequence)
			.map((p) => p.name);
		expect(expected).toHaveLength(7);
		const all = await run({ resource: 'funnel', operation: 'getPages', funnelId: byId(funnel._id), returnAll: true });
		expect(all.errors('HighLevel')).toEqual([]);
		expect(all.output('HighLevel').map((p) => p.name)).toEqual(expected);
		expect(all.output('HighLevel')[0]).toMatchObject({ _id: expect.any(String), funnelId: funnel._id, stepId: expect.any(String), locationId: sandbox.locationId });
		const requests = proxy.to('GET', '/funnels/page');
		expect(requests[0].query).toEqual({ locationId: sandbox.locationId, funnelId: funnel._id, offset: '0', limit: '100' });
		// No total in the answer: reading ends with an empty page.
		expect(requests.map((r) => r.query.offset)).toEqual(['0', '7']);

		proxy.requests.length = 0;
		const limited = await run({ resource: 'funnel', operation: 'getPages', funnelId: byId(funnel._id), limit: 3, filters: { name: '' } });
		expect(limited.output('HighLevel').map((p) => p.name)).toEqual(expected.slice(0, 3));
		expect(proxy.to('GET', '/funnels/page').map((r) => r.query)).toEqual([{ locationId: sandbox.locationId, funnelId: funnel._id, offset: '0', limit: '3' }]);
	});
});

describe('Trigger Link resource', () => {
	const { sandbox, run, last } = useEngineSandbox();

	it('Get Many: every trigger link with its merge field; Limit keeps the first', async () => {
		const links = [...triggerLinksOf(sandbox.store.location()).values()];
		const all = await run({ resource: 'triggerLink', operation: 'getAll', returnAll: true });
		expect(all.errors('HighLevel')).toEqual([]);
		expect(all.output('HighLevel').map((l) => l.name)).toEqual(links.map((l) => l.name).sort());
		expect(all.output('HighLevel')[0]).toMatchObject({ fieldKey: expect.stringMatching(/^\{\{trigger_link\.\w+\}\}$/), redirectTo: expect.stringMatching(/^https:/) });
		expect(last('GET', '/links/').query).toEqual({ locationId: sandbox.locationId });
		const one = await run({ resource: 'triggerLink', operation: 'getAll', limit: 1 });
		expect(one.output('HighLevel')).toHaveLength(1);
	});
});

describe('Media resource', () => {
	const { sandbox, proxy, run, errorText } = useEngineSandbox();
	beforeEach(() => {
		proxy.requests.length = 0;
	});
	const media = () => [...mediaOf(sandbox.store.location()).values()];

	it('Get Many: files of the location (altType + altId), newest first by default, sort, folder and search filters, Return All until an empty offset page', async () => {
		const files = media().filter((m) => m.type === 'file');
		const newestFirst = await run({ resource: 'media', operation: 'getAll', type: 'file', returnAll: true });
		expect(newestFirst.errors('HighLevel')).toEqual([]);
		expect(newestFirst.output('HighLevel').map((f) => f.name)).toEqual(
			[...files].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).map((f) => f.name),
		);
		expect(newestFirst.output('HighLevel')[0]).not.toHaveProperty('data');
		const [first, second, ...more] = proxy.to('GET', '/medias/files');
		expect(first.query).toEqual({ altId: sandbox.locationId, altType: 'location', type: 'file', sortBy: 'createdAt', sortOrder: 'desc', limit: '100' });
		// No total in the answer: the next offset is asked until a page comes back empty.
		expect(second.query).toEqual({ ...first.query, offset: String(files.length) });
		expect(more).toEqual([]);

		const byName = await run({ resource: 'media', operation: 'getAll', type: 'file', limit: 2, sort: { sortBy: 'name', direction: 'asc' } });
		expect(byName.output('HighLevel').map((f) => f.name)).toEqual(files.map((f) => f.name).sort().slice(0, 2));

		const [folder] = media().filter((m) => m.type === 'folder');
		const folders = await run({ resource: 'media', operation: 'getAll', type: 'folder', returnAll: true });
		expect(folders.output('HighLevel').map((f) => f._id)).toEqual([folder._id]);
		const inFolder = await run({ resource: 'media', operation: 'getAll', type: 'file', returnAll: true, filters: { parentId: folder._id, query: 'LOGO' } });
		expect(inFolder.output('HighLevel').map((f) => f.name)).toEqual(['logo.png']);
	});

	it('Upload from binary data: multipart with the exact bytes under file, name and folder; the file is in the library', async () => {
		const [folder] = media().filter((m) => m.type === 'folder');
		const before = operationCounts(sandbox);
		const result = await runWithFile(sandbox, proxy.url, { fileName: 'spring-flyer.pdf', mimeType: 'application/pdf', size: 50_000 }, {
			resource: 'media',
			operation: 'upload',
			binaryPropertyName: 'data',
			additionalFields: { name: 'Spring flyer.pdf', parentId: folder._id },
		}, { continueOnFail: true });
		expect(result.errors('HighLevel')).toEqual([]);
		expect(operationsSince(sandbox, before)).toEqual({ 'upload-media-content': 1 });
		const [out] = result.output('HighLevel');
		expect(out).toMatchObject({ fileId: expect.any(String), url: expect.stringMatching(/^https:/) });
		const stored = mediaOf(sandbox.store.location()).get(String(out.fileId))!;
		expect(stored).toMatchObject({ name: 'Spring flyer.pdf', parentId: folder._id, contentType: 'application/pdf', size: 50_000, url: out.url });
		expect(stored.data?.subarray(0, 8)).toEqual(Buffer.from([0, 7, 14, 21, 28, 35, 42, 49]));
	});

	it('Upload from a URL: hosted=true + fileUrl, no file part', async () => {
		const result = await run({ resource: 'media', operation: 'upload', source: 'url', fileUrl: 'https://cdn.example.com/img/banner%20wide.png' });
		expect(result.errors('HighLevel')).toEqual([]);
		const stored = mediaOf(sandbox.store.location()).get(String(result.output('HighLevel')[0].fileId))!;
		expect(stored).toMatchObject({ name: 'banner wide.png', hostedFrom: 'https://cdn.example.com/img/banner%20wide.png' });
		expect(stored.data).toBeUndefined();
	});

	it('bad input fails before any request, naming the parameter: no binary field, a file over 25 MB, a URL that is not http(s)', async () => {
		const before = operationCounts(sandbox);
		const missing = await runWithFile(sandbox, proxy.url, { fileName: 'a.txt', mimeType: 'text/plain', size: 10 }, {
			resource: 'media',
			operation: 'upload',
			binaryPropertyName: 'attachment',
		}, { continueOnFail: true });
		expect(missing.errors('HighLevel')[0].description).toMatch(/Parameter "Input Binary Field": the input item has no binary field "attachment"/);
		const tooLarge = await runWithFile(sandbox, proxy.url, { fileName: 'big.mp4', mimeType: 'video/mp4', size: 25 * 1024 * 1024 + 1 }, {
			resource: 'media',
			operation: 'upload',
			binaryPropertyName: 'data',
		}, { continueOnFail: true });
		expect(tooLarge.errors('HighLevel')[0].description).toMatch(/"big\.mp4" has 25\.0 MB; HighLevel accepts at most 25 MB per file/);
		const badUrl = await run({ resource: 'media', operation: 'upload', source: 'url', fileUrl: 'ftp://example.com/a.png' });
		expect(errorText(badUrl)).toMatch(/Invalid File URL.*"ftp:\/\/example\.com\/a\.png" is not an http\(s\) address/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});
});

describe('Media → Upload is never sent twice', () => {
	const sandbox = useSandbox({ rateLimit: GENEROUS_RATE_LIMIT });

	it('a network failure after HighLevel stored the upload fails the item without sending the upload again', async () => {
		const proxy = await startFaultProxy(sandbox.url, (method, path) => (method === 'POST' && path === '/medias/upload-file' ? 'drop' : undefined));
		try {
			const files = () => [...mediaOf(sandbox.store.location()).values()].filter((m) => m.name === 'once.png');
			const before = operationCounts(sandbox);
			const result = await runWithFile(sandbox, proxy.url, { fileName: 'once.png', mimeType: 'image/png', size: 300 }, {
				resource: 'media',
				operation: 'upload',
				binaryPropertyName: 'data',
			}, { continueOnFail: true });
			expect(proxy.faulted).toEqual(['POST /medias/upload-file']);
			expect(operationsSince(sandbox, before)).toEqual({ 'upload-media-content': 1 });
			expect(files()).toHaveLength(1);
			expect(result.errors('HighLevel')).toHaveLength(1);
			expect(JSON.stringify(result.run)).not.toContain(sandbox.privateIntegrationToken);
		} finally {
			await proxy.close();
		}
	});
});
