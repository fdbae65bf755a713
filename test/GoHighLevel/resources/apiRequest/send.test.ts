/**
 * API Request → Send with a fake n8n context (the sandbox serves only some apps): location placement for the apps
 * that take `altId` + `altType` (payments, invoices), values the user gave are kept, agency-only operations are
 * marked for the transport, and the searchable list and dropdowns read the catalogue.
 */
import type { IExecutePaginationFunctions, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { apiRequestListSearch, apiRequestLoadOptions, operationLabel } from '../../../../nodes/GoHighLevel/methods/apiRequest';
import { sendApiRequest } from '../../../../nodes/GoHighLevel/resources/apiRequest/execute';
import { CATALOG, findOperation } from '../../../../nodes/GoHighLevel/shared/catalog';
import { rateLimiter } from '../../../../nodes/GoHighLevel/shared/rateLimiter';
import { fakeContext, LOCATION_ID, oauthCredentials, ok } from '../../helpers';

const rows = (values: Record<string, string>) => ({
	parameters: Object.entries(values).map(([name, value]) => ({ name, value })),
});

/** Runs Send with these parameters against a mock that answers `answer`; returns the requests sent and the items. */
async function send(parameters: Record<string, unknown>, answer: unknown = { ok: true }, oauthCompanyId?: string) {
	const { ctx, http } = fakeContext({
		parameters: oauthCompanyId ? { authentication: 'oAuth2', ...parameters } : parameters,
		...(oauthCompanyId
			? { credentials: oauthCredentials({ oauthTokenData: { access_token: 'token', locationId: LOCATION_ID, companyId: oauthCompanyId } }) }
			: {}),
	});
	http.mockImplementation(async (_type, options) =>
		// locations.json get-location answers the location's agency (transport companyIdOf, for a Private Integration Token).
		options.url === `/locations/${LOCATION_ID}` ? ok({ location: { id: LOCATION_ID, companyId: 'agencyOfPit01' } }) : ok(answer),
	);
	const items = await sendApiRequest.call(ctx as unknown as IExecutePaginationFunctions);
	return { requests: http.mock.calls.map(([, options]) => options as IHttpRequestOptions), items };
}

describe('API Request → Send (fake context)', () => {
	beforeEach(() => rateLimiter.reset());

	it('payments list-integration-providers: query altId = the location and altType = location', async () => {
		const { requests, items } = await send({ apiOperation: 'payments:list-integration-providers', queryParameters: rows({ limit: '5' }) }, { data: [], totalCount: 0 });
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({
			method: 'GET',
			url: '/payments/integrations/provider/whitelabel',
			qs: { limit: '5', altId: LOCATION_ID, altType: 'location' },
			headers: { Version: '2021-07-28' },
		});
		expect(requests[0].body).toBeUndefined();
		expect(items).toEqual([{ json: { data: [], totalCount: 0 } }]);
	});

	it('invoices create-invoice: body altId + altType added to the JSON body', async () => {
		const { requests } = await send({ apiOperation: 'invoices:create-invoice', jsonBody: '{"name": "Invoice 1"}' });
		expect(requests[0]).toMatchObject({ method: 'POST', url: '/invoices/' });
		expect(requests[0].body).toEqual({ name: 'Invoice 1', altId: LOCATION_ID, altType: 'location' });
	});

	it('keeps the location value and altType the user gave', async () => {
		const query = await send({ apiOperation: 'payments:list-integration-providers', queryParameters: rows({ altId: 'otherLoc123', altType: 'company' }) });
		expect(query.requests[0].qs).toEqual({ altId: 'otherLoc123', altType: 'company' });
		const path = await send({ apiOperation: 'locations:get-location-tags', pathParameters: rows({ locationId: 'chosenLoc77' }) });
		expect(path.requests[0].url).toBe('/locations/chosenLoc77/tags');
		const body = await send({ apiOperation: 'contacts:create-contact', jsonBody: { email: 'a@example.com', locationId: 'mine0001' } });
		expect(body.requests[0].body).toEqual({ email: 'a@example.com', locationId: 'mine0001' });
	});

	it('fills the agency id an agency operation requires, from the token or from get-location, unless given', async () => {
		const fromToken = await send({ apiOperation: 'users:search-users', queryParameters: rows({ query: 'ann' }) }, { users: [], count: 0 }, 'agencyOfToken1');
		expect(fromToken.requests).toHaveLength(1);
		expect(fromToken.requests[0]).toMatchObject({ url: '/users/search', qs: { query: 'ann', companyId: 'agencyOfToken1' } });
		const fromLocation = await send({ apiOperation: 'snapshots:get-custom-snapshots' }, { snapshots: [] });
		expect(fromLocation.requests.map((r) => r.url)).toEqual([`/locations/${LOCATION_ID}`, '/snapshots/']);
		expect(fromLocation.requests[1].qs).toEqual({ companyId: 'agencyOfPit01' });
		const given = await send({ apiOperation: 'users:search-users', queryParameters: rows({ companyId: 'mineAgency' }) }, {}, 'agencyOfToken1');
		expect(given.requests[0].qs).toMatchObject({ companyId: 'mineAgency' });
		const inPath = await send({ apiOperation: 'companies:get-company' }, {}, 'agencyOfToken1');
		expect(inPath.requests[0].url).toBe('/companies/agencyOfToken1');
	});

	it('sends a DELETE body only when one is given, and outputs an empty answer as its status', async () => {
		const withBody = await send({ apiOperation: 'contacts:remove-tags', pathParameters: rows({ contactId: 'c1' }), jsonBody: '{"tags": ["vip"]}' }, '');
		expect(withBody.requests[0]).toMatchObject({ method: 'DELETE', url: '/contacts/c1/tags', body: { tags: ['vip'] } });
		expect(withBody.items).toEqual([{ json: { statusCode: 200 } }]);
		const without = await send({ apiOperation: 'contacts:delete-contact', pathParameters: rows({ contactId: 'c1' }) });
		expect(without.requests[0].body).toBeUndefined();
	});

	it('outputs an array answer as one item per element', async () => {
		const { items } = await send({ apiOperation: 'contacts:get-contact', pathParameters: rows({ contactId: 'c1' }) }, [{ id: 1 }, 'two']);
		expect(items).toEqual([{ json: { id: 1 } }, { json: { value: 'two' } }]);
	});

	it('leaves out rows without a name or a value', async () => {
		const { requests } = await send({
			apiOperation: 'opportunities:get-pipelines',
			queryParameters: { parameters: [{ name: '', value: 'x' }, { name: 'foo', value: ' ' }, { name: 'bar', value: 'baz' }] },
		});
		expect(requests[0].qs).toEqual({ bar: 'baz', locationId: LOCATION_ID });
	});
});

describe('API Request list and dropdowns', () => {
	const loadContext = (current: Record<string, unknown> = {}) =>
		({ getCurrentNodeParameter: (name: string) => current[name] }) as unknown as ILoadOptionsFunctions;

	it('lists every operation, by app, in pages of 100, labelled with app, method, path and summary', async () => {
		const ctx = loadContext();
		const seen: string[] = [];
		let token: string | undefined;
		do {
			const page = await apiRequestListSearch.searchApiOperations.call(ctx, '', token);
			expect(page.results.length).toBeLessThanOrEqual(100);
			seen.push(...page.results.map((r) => String(r.value)));
			token = page.paginationToken as string | undefined;
		} while (token);
		expect(seen).toHaveLength(CATALOG.length);
		expect(operationLabel(findOperation('contacts:get-contact')!)).toBe('Contacts: GET /contacts/{contactId} — Get Contact');
		expect(operationLabel(findOperation('opportunities:search-opportunity')!)).toBe(
			'Opportunities: GET /opportunities/search — Search Opportunity · Return All',
		);
		expect(operationLabel(findOperation('oauth:get-installed-location')!)).toMatch(/ · agency$/);
	});

	it('finds operations by every typed word (app, method, path or summary)', async () => {
		const { results } = await apiRequestListSearch.searchApiOperations.call(loadContext(), 'contacts GET notes');
		expect(results.map((r) => r.value)).toEqual(['contacts:get-all-notes', 'contacts:get-note']);
	});

	it('offers the chosen operation\'s path and query parameters', async () => {
		const ctx = loadContext({ apiOperation: 'locations:get-custom-fields' });
		const path = await apiRequestLoadOptions.getApiPathParameters.call(ctx);
		expect(path).toEqual([{ name: 'locationId', value: 'locationId', description: 'Filled with the location of the credential unless given here' }]);
		const query = await apiRequestLoadOptions.getApiQueryParameters.call(loadContext({ apiOperation: 'opportunities:search-opportunity' }));
		expect(query.find((o) => o.value === 'status')).toEqual({
			name: 'status',
			value: 'status',
			description: 'Optional · string · one of open, won, lost, abandoned, all',
		});
		expect(query.find((o) => o.value === 'location_id')?.description).toMatch(/Filled with the location/);
		expect(await apiRequestLoadOptions.getApiPathParameters.call(loadContext({ apiOperation: '={{ $json.op }}' }))).toEqual([]);
	});
});
