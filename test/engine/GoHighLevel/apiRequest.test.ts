import type { IDataObject } from 'n8n-workflow';

import { SECOND_LOCATION_ID } from '../../sandbox';
import { activityOf } from '../../sandbox/activity';
import { createCredentialStore } from '../harness';
import {
	byId,
	directRequest,
	operationCounts,
	operationsSince,
	pipelineNamed,
	pitCredential,
	runNode,
	seedOpportunities,
	startRecordingProxy,
	useEngineSandbox,
	useSandbox,
	type RecordingProxy,
} from './helpers';

/** `{ parameters: [{ name, value }] }`, as n8n stores Path Parameters / Query Parameters rows. */
const rows = (values: Record<string, string>) => ({
	parameters: Object.entries(values).map(([name, value]) => ({ name, value })),
});

/**
 * API Request → Send: any operation of the official specs through the node's transport (Version header, location,
 * pacing, 429 re-sends, errors, pagination), against the sandbox, which checks every request against the specs.
 */
describe('API Request operation', () => {
	const { sandbox, proxy, run, last, lastBody, errorText } = useEngineSandbox();
	let contactId: string;
	beforeAll(() => {
		contactId = [...sandbox.store.location().contacts.keys()][0];
	});
	beforeEach(() => {
		proxy.requests.length = 0;
	});

	it('gets a contact by its path parameter (contacts.json get-contact, Version 2021-07-28, no location)', async () => {
		const before = operationCounts(sandbox);
		const result = await run({
			resource: 'apiRequest',
			operation: 'send',
			apiOperation: { __rl: true, mode: 'list', value: 'contacts:get-contact' },
			pathParameters: rows({ contactId }),
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(operationsSince(sandbox, before)).toEqual({ 'get-contact': 1 });
		expect(last()).toMatchObject({ method: 'GET', path: `/contacts/${contactId}`, query: {}, status: 200 });
		const [item] = result.output('HighLevel');
		expect((item.contact as IDataObject).id).toBe(contactId);
	});

	it('creates a note with the JSON body as written, and no location where the operation takes none', async () => {
		const result = await run({
			resource: 'apiRequest',
			operation: 'send',
			apiOperation: byId('POST /contacts/{contactId}/notes'),
			pathParameters: rows({ contactId }),
			jsonBody: '{"body": "Called from the API Request operation", "pinned": true}',
			options: { validateBeforeSending: true },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', `/contacts/${contactId}/notes`)).toEqual({
			body: 'Called from the API Request operation',
			pinned: true,
		});
		const [item] = result.output('HighLevel');
		const note = item.note as IDataObject;
		expect(activityOf(sandbox.store.location()).notes.get(String(note.id))).toMatchObject({
			contactId,
			body: 'Called from the API Request operation',
			pinned: true,
		});
	});

	it('puts the location where each operation takes it: body, query, snake-case query, path', async () => {
		const created = await run({
			resource: 'apiRequest',
			operation: 'send',
			apiOperation: byId('contacts:create-contact'),
			jsonBody: { email: 'api.request@example.com', firstName: 'Api' },
		});
		expect(created.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', '/contacts/')).toEqual({
			email: 'api.request@example.com',
			firstName: 'Api',
			locationId: sandbox.locationId,
		});
		const newId = String((created.output('HighLevel')[0].contact as IDataObject).id);
		expect(sandbox.store.location().contacts.get(newId)).toMatchObject({ email: 'api.request@example.com' });

		const pipelines = await run({ resource: 'apiRequest', operation: 'send', apiOperation: byId('opportunities:get-pipelines') });
		expect(pipelines.errors('HighLevel')).toEqual([]);
		expect(last('GET', '/opportunities/pipelines').query).toEqual({ locationId: sandbox.locationId });

		const search = await run({
			resource: 'apiRequest',
			operation: 'send',
			apiOperation: byId('opportunities:search-opportunity'),
			queryParameters: rows({ status: 'open' }),
			limit: 2,
		});
		expect(search.errors('HighLevel')).toEqual([]);
		expect(last('GET', '/opportunities/search').query).toMatchObject({ location_id: sandbox.locationId, status: 'open' });

		const tags = await run({ resource: 'apiRequest', operation: 'send', apiOperation: byId('locations:get-location-tags') });
		expect(tags.errors('HighLevel')).toEqual([]);
		expect(last()).toMatchObject({ method: 'GET', path: `/locations/${sandbox.locationId}/tags`, status: 200 });
		expect(tags.output('HighLevel')[0].tags).toEqual(expect.any(Array));
	});

	it('sends the Version of the operation\'s spec (calendars.json: 2021-04-15)', async () => {
		const before = operationCounts(sandbox);
		const result = await run({ resource: 'apiRequest', operation: 'send', apiOperation: byId('calendars:get-calendars') });
		expect(result.errors('HighLevel')).toEqual([]);
		// The sandbox checks the Version header against the spec's enum (a wrong one is an invalid request, see afterEach).
		expect(operationsSince(sandbox, before)).toEqual({ 'get-calendars': 1 });
		expect(last('GET', '/calendars/').query).toEqual({ locationId: sandbox.locationId });
	});

	it('never overwrites a location the user gave (and maps the 403 HighLevel answers for another location)', async () => {
		const result = await run({
			resource: 'apiRequest',
			operation: 'send',
			apiOperation: byId('opportunities:get-pipelines'),
			queryParameters: rows({ locationId: SECOND_LOCATION_ID }),
		});
		expect(last('GET', '/opportunities/pipelines')).toMatchObject({ query: { locationId: SECOND_LOCATION_ID }, status: 403 });
		expect(errorText(result)).toMatch(/The credential has no access to this location/);
	});

	it('maps an error: an unknown contact is "Not found"', async () => {
		const result = await run({
			resource: 'apiRequest',
			operation: 'send',
			apiOperation: byId('contacts:get-contact'),
			pathParameters: rows({ contactId: 'NoSuchContact00000000' }),
		});
		expect(last()).toMatchObject({ path: '/contacts/NoSuchContact00000000', status: 404 });
		const [error] = result.errors('HighLevel');
		expect(error.message).toMatch(/^Not found/);
		expect(error.description).toContain('GET /contacts/{contactId}');
	});

	describe('Validate Before Sending', () => {
		it.each([
			[
				'a required body field left out',
				{ apiOperation: byId('contacts:create-note'), pathParameters: rows({ contactId: 'abc123' }), jsonBody: '{"pinned": true}' },
				'Invalid request: "JSON Body → body" is required',
			],
			[
				'a query value outside the enum',
				{ apiOperation: byId('opportunities:search-opportunity'), queryParameters: rows({ status: 'pending' }) },
				'Invalid request: "Query Parameters → status" must be one of "open", "won", "lost", "abandoned", "all", got "pending"',
			],
			[
				'a missing path parameter',
				{ apiOperation: byId('contacts:get-contact') },
				'Invalid request: "Path Parameters → contactId" is required by GET /contacts/{contactId}',
			],
		])('fails before any request on %s, naming the field', async (_case, parameters, message) => {
			const before = operationCounts(sandbox);
			const result = await run({
				resource: 'apiRequest',
				operation: 'send',
				...parameters,
				options: { validateBeforeSending: true },
			});
			const [error] = result.errors('HighLevel');
			expect(error.message).toBe(message);
			expect(error.description).toContain('nothing was sent');
			expect(operationsSince(sandbox, before)).toEqual({});
			expect(proxy.requests).toEqual([]);
		});

		it('is off by default: the same request goes to HighLevel, whose answer is mapped', async () => {
			const result = await run({
				resource: 'apiRequest',
				operation: 'send',
				apiOperation: byId('opportunities:get-pipelines'),
				queryParameters: rows({ locationId: SECOND_LOCATION_ID }),
				options: {},
			});
			expect(proxy.requests).toHaveLength(1);
			expect(result.status).toBe('error');
		});
	});

	it('refuses bad input before any request: unknown operation, invalid JSON, a body on GET, a file upload, a page size', async () => {
		const cases: Array<[IDataObject, RegExp]> = [
			[{ apiOperation: byId('contacts:no-such-operation') }, /Unknown HighLevel operation "contacts:no-such-operation"/],
			[{ apiOperation: byId('contacts:create-contact'), jsonBody: '{"email": ' }, /Parameter "JSON Body": not valid JSON/],
			[{ apiOperation: byId('contacts:create-contact'), jsonBody: '[1, 2]' }, /Parameter "JSON Body": must be a JSON object/],
			[{ apiOperation: byId('opportunities:get-pipelines'), jsonBody: '{"a": 1}' }, /takes no body/],
			[{ apiOperation: byId('medias:upload-media-content') }, /file upload \(multipart\/form-data\)/],
			// Paged operations: the node sets the page size on every page (Limit / Return All say how many records).
			[
				{ apiOperation: byId('opportunities:search-opportunity'), queryParameters: rows({ limit: '20' }) },
				/Remove "limit": the node sets the page size of this operation/,
			],
			[
				{ apiOperation: byId('contacts:search-contacts-advanced'), jsonBody: '{"pageLimit": 20}' },
				/Remove "pageLimit": the node sets the page size of this operation/,
			],
		];
		const before = operationCounts(sandbox);
		for (const [parameters, pattern] of cases) {
			const result = await run({ resource: 'apiRequest', operation: 'send', ...parameters });
			expect(errorText(result)).toMatch(pattern);
		}
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	describe('Return All over the pagination the package knows', () => {
		let total: number;
		beforeAll(() => {
			const pipeline = pipelineNamed(sandbox, 'Sales Pipeline');
			const contactIds = [...sandbox.store.location().contacts.keys()];
			seedOpportunities(sandbox, 240, { pipeline, contactIds, statuses: ['open', 'won'] });
			total = [...sandbox.store.location().opportunities.values()].length;
		});

		it('opportunities.json search-opportunity: every opportunity, pages of 100 by startAfter + startAfterId', async () => {
			const result = await run({
				resource: 'apiRequest',
				operation: 'send',
				apiOperation: byId('opportunities:search-opportunity'),
				returnAll: true,
			});
			expect(result.errors('HighLevel')).toEqual([]);
			const ids = result.output('HighLevel').map((o) => String(o.id));
			expect(ids).toHaveLength(total);
			expect(new Set(ids).size).toBe(total);
			const pages = proxy.to('GET', '/opportunities/search');
			expect(pages.length).toBeGreaterThanOrEqual(3);
			expect(pages[0].query).toEqual({ location_id: sandbox.locationId, limit: '100' });
			expect(pages[1].query).toMatchObject({ location_id: sandbox.locationId, limit: '100', startAfterId: expect.any(String) });
		});

		it('keeps the filters the user gave on every page, and stops at Limit', async () => {
			const won = [...sandbox.store.location().opportunities.values()].filter((o) => o.status === 'won').length;
			expect(won).toBeGreaterThan(100);
			const result = await run({
				resource: 'apiRequest',
				operation: 'send',
				apiOperation: byId('opportunities:search-opportunity'),
				queryParameters: rows({ status: 'won' }),
				limit: 110,
			});
			const output = result.output('HighLevel');
			expect(output).toHaveLength(110);
			expect(output.every((o) => o.status === 'won')).toBe(true);
			const pages = proxy.to('GET', '/opportunities/search');
			expect(pages.map((p) => [p.query.status, p.query.limit])).toEqual([
				['won', '100'],
				['won', '10'],
			]);
		});

		it('contacts.json search-contacts-advanced: the location in the body from the endpoint table, pages by searchAfter', async () => {
			sandbox.seedContacts(1100);
			const count = sandbox.store.location().contacts.size;
			const result = await run({
				resource: 'apiRequest',
				operation: 'send',
				apiOperation: byId('contacts:search-contacts-advanced'),
				jsonBody: '{"sort": [{"field": "dateAdded", "direction": "asc"}]}',
				returnAll: true,
			});
			expect(result.errors('HighLevel')).toEqual([]);
			expect(new Set(result.output('HighLevel').map((c) => c.id)).size).toBe(count);
			const pages = proxy.to('POST', '/contacts/search');
			expect(pages).toHaveLength(Math.ceil(count / 500));
			expect(pages.length).toBeGreaterThanOrEqual(3);
			expect(pages[0].body).toEqual({ sort: [{ field: 'dateAdded', direction: 'asc' }], locationId: sandbox.locationId, pageLimit: 500 });
			expect(pages[1].body).toMatchObject({ locationId: sandbox.locationId, searchAfter: expect.any(Array) });
		});
	});
});

describe('API Request operation under the rate limit', () => {
	const sandbox = useSandbox({ rateLimit: { max: 3, intervalMs: 1500, daily: 200_000 } });
	let proxy: RecordingProxy;
	beforeAll(async () => {
		proxy = await startRecordingProxy(sandbox.url);
	});
	afterAll(async () => await proxy.close());
	afterEach(() => expect(sandbox.stats.invalidRequests).toEqual([]));

	it('re-sends a request HighLevel answered 429 and succeeds', async () => {
		// Another client of the app spends the location's burst window.
		for (let i = 0; i < 3; i++) await directRequest(sandbox, 'GET', `/locations/${sandbox.locationId}/tags`);
		const limitedBefore = sandbox.stats.rateLimited;
		const contactId = [...sandbox.store.location().contacts.keys()][0];
		const result = await runNode(
			sandbox,
			{ resource: 'apiRequest', operation: 'send', apiOperation: byId('contacts:get-contact'), pathParameters: rows({ contactId }) },
			{ credentials: createCredentialStore([pitCredential(sandbox, undefined, proxy.url)]) },
		);
		expect(result.errors('HighLevel')).toEqual([]);
		expect(sandbox.stats.rateLimited).toBeGreaterThan(limitedBefore);
		const statuses = proxy.to('GET', `/contacts/${contactId}`).map((r) => r.status);
		expect(statuses[0]).toBe(429);
		expect(statuses[statuses.length - 1]).toBe(200);
		expect((result.output('HighLevel')[0].contact as IDataObject).id).toBe(contactId);
	});
});
