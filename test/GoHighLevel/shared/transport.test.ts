import { NodeApiError, NodeOperationError, sleep, sleepWithAbort, type IDataObject } from 'n8n-workflow';

import { DEFAULT_BASE_URL, ENDPOINTS, type Endpoint } from '../../../nodes/GoHighLevel/shared/endpoints';
import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import {
	apiRequest,
	buildRequest,
	CREDENTIAL_TYPES,
	getConnection,
	MAX_RATE_LIMIT_RETRIES,
	MAX_TRANSIENT_RETRIES,
	recordsOf,
	REFRESH_AHEAD_MS,
	resetOAuthStates,
	sendRequest,
	type Connection,
} from '../../../nodes/GoHighLevel/shared/transport';
import {
	BASE_URL,
	everythingIn,
	fakeContext,
	httpError,
	LOCATION_ID,
	n8nHttpStatus,
	networkError,
	oauthCredentials,
	ok,
	pitCredentials,
	SECRET_TOKEN,
	testNode,
} from '../helpers';

// Real waits are shortened to at most 5 ms (the rate limiter re-checks the real clock, so its pacing still holds);
// the delays asked for are recorded.
jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
	return {
		...actual,
		sleepWithAbort: jest.fn(async (ms: number, signal?: AbortSignal) => await actual.sleepWithAbort(Math.min(ms, 5), signal)),
	};
});
const sleepMock = jest.mocked(sleepWithAbort);

const connection: Connection = {
	credentialType: CREDENTIAL_TYPES.privateIntegrationToken,
	baseUrl: BASE_URL,
	locationId: LOCATION_ID,
	rateLimitKey: `${BASE_URL}|${LOCATION_ID}`,
	tokenType: 'Location',
};

/** Headers of a 429 that keep the real-clock back-off tiny. */
const TINY_429 = { 'X-RateLimit-Interval-Milliseconds': '20', 'X-RateLimit-Max': '100', 'X-RateLimit-Remaining': '0' };

beforeEach(() => {
	rateLimiter.reset();
	resetOAuthStates();
	sleepMock.mockClear();
});

describe('buildRequest', () => {
	const { ctx } = fakeContext();

	it('puts the location in the query for GET /opportunities/search (location_id), over any given value', () => {
		const options = buildRequest(ctx, ENDPOINTS.searchOpportunities, connection, {
			qs: { status: 'open', location_id: 'other-location' },
			body: { ignored: true },
		});
		expect(options).toEqual({
			method: 'GET',
			baseURL: BASE_URL,
			url: '/opportunities/search',
			headers: { Accept: 'application/json', Version: '2021-07-28' },
			json: true,
			qs: { status: 'open', location_id: LOCATION_ID },
		});
	});

	it('puts the location in the body for creates, over any given value', () => {
		const options = buildRequest(ctx, ENDPOINTS.createContact, connection, {
			body: { firstName: 'Ada', locationId: 'other-location' },
		});
		expect(options.body).toEqual({ firstName: 'Ada', locationId: LOCATION_ID });
		expect(options.qs).toBeUndefined();
		expect(options.method).toBe('POST');
		expect(options.url).toBe('/contacts/');
	});

	it('puts the location in the path for /locations/{locationId}/…, encoded, and not in the query', () => {
		const options = buildRequest(
			ctx,
			ENDPOINTS.getCustomFields,
			{ ...connection, locationId: 'loc 1/x' },
			{ qs: { model: 'contact' } },
		);
		expect(options.url).toBe('/locations/loc%201%2Fx/customFields');
		expect(options.qs).toEqual({ model: 'contact' });
	});

	it('encodes and trims path parameters', () => {
		const options = buildRequest(ctx, ENDPOINTS.getContact, connection, { path: { contactId: ' a/b?c#d ' } });
		expect(options.url).toBe('/contacts/a%2Fb%3Fc%23d');
	});

	it.each([
		['absent', {}],
		['empty', { contactId: '' }],
		['blank', { contactId: '   ' }],
	])('throws NodeOperationError naming the path parameter when it is %s', (_label, path) => {
		let error: unknown;
		try {
			buildRequest(ctx, ENDPOINTS.getContact, connection, { path });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toContain('contactId');
		expect((error as NodeOperationError).description).toContain('GET /contacts/{contactId}');
	});

	it('sends the endpoint’s Version header', () => {
		const calendar: Endpoint = { ...ENDPOINTS.searchUsers, version: '2021-04-15' };
		expect(buildRequest(ctx, calendar, connection).headers).toEqual({
			Accept: 'application/json',
			Version: '2021-04-15',
		});
	});

	it('sends no body on GET', () => {
		const options = buildRequest(ctx, ENDPOINTS.getContact, connection, { path: { contactId: 'c1' }, body: { a: 1 } });
		expect(options).not.toHaveProperty('body');
	});

	it('sends a body on DELETE only when one is given', () => {
		const bare = buildRequest(ctx, ENDPOINTS.deleteContact, connection, { path: { contactId: 'c1' } });
		expect(bare).not.toHaveProperty('body');
		const empty = buildRequest(ctx, ENDPOINTS.deleteContact, connection, { path: { contactId: 'c1' }, body: {} });
		expect(empty).not.toHaveProperty('body');
		const tags = buildRequest(ctx, ENDPOINTS.removeContactTags, connection, {
			path: { contactId: 'c1' },
			body: { tags: ['vip'] },
		});
		expect(tags.method).toBe('DELETE');
		expect(tags.body).toEqual({ tags: ['vip'] });
	});

	it('always sends a JSON body on POST and PUT, without adding a location where the spec has none', () => {
		expect(buildRequest(ctx, ENDPOINTS.addContactTags, connection, { path: { contactId: 'c1' } }).body).toEqual({});
		const put = buildRequest(ctx, ENDPOINTS.updateContact, connection, {
			path: { contactId: 'c1' },
			body: { firstName: 'Ada' },
		});
		expect(put.body).toEqual({ firstName: 'Ada' });
	});

	it('does not modify the parts it is given', () => {
		const parts = { path: { contactId: 'c1' }, qs: { a: 1 } as IDataObject, body: { b: 2 } as IDataObject };
		const copy = JSON.parse(JSON.stringify(parts));
		buildRequest(ctx, ENDPOINTS.createContact, connection, parts);
		buildRequest(ctx, ENDPOINTS.searchOpportunities, connection, parts);
		expect(parts).toEqual(copy);
	});
});

describe('getConnection', () => {
	it('uses the Private Integration Token credential by default', async () => {
		const { ctx, getCredentials } = fakeContext();
		await expect(getConnection(ctx)).resolves.toEqual({
			credentialType: 'goHighLevelPrivateIntegrationTokenApi',
			baseUrl: BASE_URL,
			locationId: LOCATION_ID,
			rateLimitKey: `${BASE_URL}|${LOCATION_ID}`,
			companyId: undefined,
			tokenType: 'Location',
		});
		expect(getCredentials).toHaveBeenCalledWith('goHighLevelPrivateIntegrationTokenApi');
	});

	it('reads the OAuth2 credential’s location from oauthTokenData, not from a credential field', async () => {
		const { ctx, getCredentials } = fakeContext({
			parameters: { authentication: 'oAuth2' },
			credentials: oauthCredentials({ locationId: 'stale-field' }),
		});
		const conn = await getConnection(ctx);
		expect(getCredentials).toHaveBeenCalledWith('goHighLevelOAuth2Api');
		expect(conn.credentialType).toBe('goHighLevelOAuth2Api');
		expect(conn.locationId).toBe(LOCATION_ID);
	});

	it('strips trailing slashes from the base URL and trims the location id', async () => {
		const { ctx } = fakeContext({
			credentials: pitCredentials({ baseUrl: 'https://api.example.test//', locationId: `  ${LOCATION_ID} ` }),
		});
		const conn = await getConnection(ctx);
		expect(conn.baseUrl).toBe('https://api.example.test');
		expect(conn.locationId).toBe(LOCATION_ID);
		expect(conn.rateLimitKey).toBe(`https://api.example.test|${LOCATION_ID}`);
	});

	it('falls back to the production base URL', async () => {
		const { ctx } = fakeContext({ credentials: pitCredentials({ baseUrl: '' }) });
		expect((await getConnection(ctx)).baseUrl).toBe(DEFAULT_BASE_URL);
	});

	it.each([
		['PIT without Location ID', {}, pitCredentials({ locationId: '' }), /Location ID/],
		['PIT with a blank Location ID', {}, pitCredentials({ locationId: '   ' }), /Location ID/],
		[
			'OAuth2 credential saved but never connected (no token data)',
			{ authentication: 'oAuth2' },
			(() => {
				const saved = oauthCredentials();
				delete saved.oauthTokenData;
				return saved;
			})(),
			/^The OAuth2 credential is not connected yet$/,
		],
		[
			'OAuth2 credential with token data but no access token',
			{ authentication: 'oAuth2' },
			oauthCredentials({ oauthTokenData: { callbackQueryString: {} } }),
			/^The OAuth2 credential is not connected yet$/,
		],
		[
			'OAuth2 token with neither a location nor an agency',
			{ authentication: 'oAuth2' },
			oauthCredentials({ oauthTokenData: { access_token: SECRET_TOKEN, userType: 'Location' } }),
			/neither a location nor an agency/,
		],
		[
			'OAuth2 Location token and a Location parameter naming another location',
			{ authentication: 'oAuth2', locationId: 'other-location' },
			oauthCredentials(),
			/The Location parameter \(other-location\) is not the credential's location/,
		],
	])('%s → NodeOperationError', async (_label, parameters, credentials, message) => {
		const { ctx } = fakeContext({ parameters, credentials });
		const error = await getConnection(ctx).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(message);
		expect(everythingIn(error)).not.toContain(SECRET_TOKEN);
	});
});

describe('sendRequest', () => {
	const request = () =>
		buildRequest(fakeContext().ctx, ENDPOINTS.getContact, connection, { path: { contactId: 'c1' } });
	const post = () =>
		buildRequest(fakeContext().ctx, ENDPOINTS.createContact, connection, { body: { firstName: 'Ada' } });

	it('sends with the credential and returnFullResponse, returns the response, learns the limit headers', async () => {
		const response = ok({ contact: { id: 'c1' } }, { 'X-RateLimit-Max': '50', 'X-RateLimit-Interval-Milliseconds': '5000' });
		const { ctx, http } = fakeContext();
		http.mockResolvedValueOnce(response);
		const options = request();
		await expect(sendRequest(ctx, ENDPOINTS.getContact, connection, options)).resolves.toBe(response);
		expect(http).toHaveBeenCalledTimes(1);
		expect(http.mock.calls[0][0]).toBe(connection.credentialType);
		expect(http.mock.calls[0][1]).toMatchObject({ ...options, returnFullResponse: true });
		expect(http.mock.calls[0][1].headers).not.toBe(options.headers);
		expect(rateLimiter.limitOf(connection.rateLimitKey)).toMatchObject({ max: 50, intervalMs: 5000, learned: true });
	});

	it('429 then 200: waits and re-sends the same request', async () => {
		const { ctx, http } = fakeContext();
		http.mockRejectedValueOnce(httpError(429, { message: 'Too many requests' }, TINY_429));
		http.mockResolvedValueOnce(ok({ contact: { id: 'c1' } }));
		const options = post();
		const response = await sendRequest(ctx, ENDPOINTS.createContact, connection, options);
		expect(response.body).toEqual({ contact: { id: 'c1' } });
		expect(http).toHaveBeenCalledTimes(2);
		expect(http.mock.calls[1]).toEqual(http.mock.calls[0]);
		expect(http.mock.calls[1][1].body).toEqual({ firstName: 'Ada', locationId: LOCATION_ID });
		expect(rateLimiter.limitOf(connection.rateLimitKey).intervalMs).toBe(20);
	});

	it(`gives up after ${MAX_RATE_LIMIT_RETRIES} re-sends on repeated 429`, async () => {
		const { ctx, http } = fakeContext();
		http.mockRejectedValue(httpError(429, { message: 'Too many requests' }, TINY_429));
		const error = await sendRequest(ctx, ENDPOINTS.getContact, connection, request()).catch((e: unknown) => e);
		expect(http).toHaveBeenCalledTimes(MAX_RATE_LIMIT_RETRIES + 1);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe('HighLevel rate limit: too many requests');
		expect((error as NodeApiError).httpCode).toBe('429');
	});

	it('429 with the daily quota spent: fails at once with the daily message, and so do later requests', async () => {
		const { ctx, http } = fakeContext();
		http.mockRejectedValue(httpError(429, {}, { ...TINY_429, 'X-RateLimit-Daily-Remaining': '0' }));
		const first = await sendRequest(ctx, ENDPOINTS.createContact, connection, post()).catch((e: unknown) => e);
		expect(http).toHaveBeenCalledTimes(1);
		expect(first).toBeInstanceOf(NodeApiError);
		expect((first as NodeApiError).message).toBe('HighLevel daily API limit reached for this location');
		const second = await sendRequest(ctx, ENDPOINTS.getContact, connection, request()).catch((e: unknown) => e);
		expect(http).toHaveBeenCalledTimes(1);
		expect((second as NodeApiError).message).toBe('HighLevel daily API limit reached for this location');
	});

	// The next tests answer as n8n-core's httpRequestWithAuthentication does (n8nHttpStatus): a thrown
	// `NodeApiError(node, axiosError)` without the response headers, or the full response with ignoreHttpStatusErrors.
	// The interval is learned beforehand so that a back-off without headers stays short.
	it('429 as n8n answers it is re-sent', async () => {
		rateLimiter.observe(connection.rateLimitKey, { 'x-ratelimit-interval-milliseconds': '20' });
		const { ctx, http } = fakeContext();
		http.mockImplementationOnce(n8nHttpStatus(429, {}, TINY_429));
		http.mockResolvedValueOnce(ok({ contact: { id: 'c1' } }));
		await expect(sendRequest(ctx, ENDPOINTS.getContact, connection, request())).resolves.toMatchObject({
			body: { contact: { id: 'c1' } },
		});
		expect(http).toHaveBeenCalledTimes(2);
	});

	it('429 with the daily quota spent, as n8n answers it: fails at once with the daily message', async () => {
		rateLimiter.observe(connection.rateLimitKey, { 'x-ratelimit-interval-milliseconds': '20' });
		const { ctx, http } = fakeContext();
		http.mockImplementation(n8nHttpStatus(429, {}, { ...TINY_429, 'X-RateLimit-Daily-Remaining': '0' }));
		const error = await sendRequest(ctx, ENDPOINTS.getContact, connection, request()).catch((e: unknown) => e);
		expect((error as NodeApiError).message).toBe('HighLevel daily API limit reached for this location');
		expect(http).toHaveBeenCalledTimes(1);
	});

	it.each([
		['axios', () => networkError('ECONNRESET')],
		['as n8n throws it (NodeApiError)', () => new NodeApiError(testNode, networkError('ECONNRESET') as never)],
	])('POST + network error (%s): sent exactly once', async (_label, make) => {
		const { ctx, http } = fakeContext();
		http.mockRejectedValue(make());
		const error = await sendRequest(ctx, ENDPOINTS.createContact, connection, post()).catch((e: unknown) => e);
		expect(http).toHaveBeenCalledTimes(1);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).description).toContain('not re-sent');
	});

	it.each([
		['axios error', () => Promise.reject(httpError(503, { message: 'Service Unavailable' }))],
		['as n8n answers it', n8nHttpStatus(503, { message: 'Service Unavailable' })],
	])(`GET + 503 (%s): re-sent ${MAX_TRANSIENT_RETRIES} times with growing waits, then fails`, async (_label, answer) => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(answer);
		const error = await sendRequest(ctx, ENDPOINTS.getContact, connection, request()).catch((e: unknown) => e);
		expect(http).toHaveBeenCalledTimes(MAX_TRANSIENT_RETRIES + 1);
		expect(sleepMock.mock.calls.map(([ms]) => ms)).toEqual([1000, 2000]);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe('HighLevel had an internal error (503)');
	});

	it('GET + network error then 200: returns the retried response', async () => {
		const { ctx, http } = fakeContext();
		http.mockRejectedValueOnce(networkError('ETIMEDOUT'));
		http.mockResolvedValueOnce(ok({ contact: { id: 'c1' } }));
		await expect(sendRequest(ctx, ENDPOINTS.getContact, connection, request())).resolves.toMatchObject({
			statusCode: 200,
		});
		expect(http).toHaveBeenCalledTimes(2);
	});

	it.each<[string, Endpoint, number, number]>([
		['PUT 502', ENDPOINTS.updateContact, 502, MAX_TRANSIENT_RETRIES + 1],
		['DELETE 504', ENDPOINTS.deleteContact, 504, MAX_TRANSIENT_RETRIES + 1],
		['POST 503', ENDPOINTS.createContact, 503, 1],
		['GET 500', ENDPOINTS.getContact, 500, 1],
		['GET 404', ENDPOINTS.getContact, 404, 1],
		['PUT 422', ENDPOINTS.updateContact, 422, 1],
	])('%s: sent the expected number of times', async (_label, endpoint, status, calls) => {
		const { ctx, http } = fakeContext();
		http.mockRejectedValue(httpError(status, { message: 'x' }));
		const options = buildRequest(ctx, endpoint, connection, { path: { contactId: 'c1' }, body: { firstName: 'A' } });
		const error = await sendRequest(ctx, endpoint, connection, options).catch((e: unknown) => e);
		expect(http).toHaveBeenCalledTimes(calls);
		expect((error as NodeApiError).httpCode).toBe(String(status));
	});

	it.each([
		['401', () => Promise.reject(httpError(401, { message: 'Invalid JWT' }))],
		['401 as n8n answers it', n8nHttpStatus(401, { message: 'Invalid JWT' })],
		['network', () => Promise.reject(networkError('ECONNREFUSED'))],
		['network as n8n throws it', () => Promise.reject(new NodeApiError(testNode, networkError('ECONNREFUSED') as never))],
		['429 daily', () => Promise.reject(httpError(429, {}, { 'x-ratelimit-daily-remaining': '0' }))],
	])('the error thrown for %s is a NodeApiError without the token', async (_label, answer) => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(answer);
		const error = await sendRequest(ctx, ENDPOINTS.createContact, connection, post()).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(JSON.stringify(error)).not.toContain(SECRET_TOKEN);
		expect(everythingIn(error)).not.toContain(SECRET_TOKEN);
	});

	it('does not send when the execution is already cancelled', async () => {
		const { ctx, http } = fakeContext();
		const controller = new AbortController();
		controller.abort(new Error('cancelled'));
		Object.assign(ctx, { getExecutionCancelSignal: () => controller.signal });
		await expect(sendRequest(ctx, ENDPOINTS.getContact, connection, request())).rejects.toThrow('cancelled');
		expect(http).not.toHaveBeenCalled();
	});
});

describe('sendRequest with an OAuth2 credential', () => {
	const oauthConnection: Connection = { ...connection, credentialType: CREDENTIAL_TYPES.oAuth2 };
	const EXPIRED = 'Invalid JWT';

	/**
	 * A context whose access token is `token-<generation>`; the server accepts only the current generation, and
	 * `refreshOAuth2Token` (n8n's helper) moves to the next one after `refreshMs` of real time.
	 */
	function oauthContext(options: { refuse?: boolean; refreshMs?: number; expiresIn?: number } = {}) {
		const { ctx, http } = fakeContext({ parameters: { authentication: 'oAuth2' }, credentials: oauthCredentials() });
		let generation = 0;
		const tokenSeen: string[] = [];
		Object.assign(ctx, {
			getCredentials: jest.fn(async () => oauthCredentials({ oauthTokenData: { access_token: `token-${generation}`, locationId: LOCATION_ID } })),
		});
		const refreshOAuth2Token = jest.fn(async () => {
			await sleep(0);
			await sleepWithAbort(options.refreshMs ?? 1);
			if (options.refuse) {
				throw Object.assign(new Error('Unauthorized'), {
					code: 'EAUTH',
					body: { statusCode: 401, message: 'Invalid refresh token', error: 'Unauthorized' },
				});
			}
			generation++;
			return { access_token: `token-${generation}`, refresh_token: `refresh-${generation}`, expires_in: options.expiresIn ?? 86399 };
		});
		Object.assign(ctx.helpers, { refreshOAuth2Token });
		// The token a request carries is read when n8n signs it, i.e. at send time.
		http.mockImplementation(async (_type, request) => {
			const sentWith = `token-${generation}`;
			tokenSeen.push(sentWith);
			await sleep(0);
			if (request.ignoreHttpStatusErrors === false) throw new Error('sent without ignoreHttpStatusErrors');
			return sentWith === `token-${generation}` ? ok({ contact: { id: 'c1' } }) : ok({ statusCode: 401, message: EXPIRED }, {}, 401);
		});
		return { ctx, http, refreshOAuth2Token, tokenSeen };
	}
	/** The limit is known, so concurrent requests are sent at once (no first request going alone). */
	const limitKnown = () => rateLimiter.observe(oauthConnection.rateLimitKey, {});
	const get = (ctx: ReturnType<typeof oauthContext>['ctx']) =>
		sendRequest(ctx, ENDPOINTS.getContact, oauthConnection, buildRequest(ctx, ENDPOINTS.getContact, oauthConnection, { path: { contactId: 'c1' } }));

	it('a 401: refreshes once through n8n, then re-sends the request with the new token', async () => {
		const { ctx, http, refreshOAuth2Token } = oauthContext();
		let first = true;
		const answer = http.getMockImplementation()!;
		http.mockImplementation(async (type, request) => {
			if (first) {
				first = false;
				return ok({ statusCode: 401, message: EXPIRED }, {}, 401);
			}
			return await answer(type, request);
		});
		await expect(get(ctx)).resolves.toMatchObject({ statusCode: 200 });
		expect(refreshOAuth2Token).toHaveBeenCalledTimes(1);
		expect(refreshOAuth2Token).toHaveBeenCalledWith('goHighLevelOAuth2Api');
		expect(http).toHaveBeenCalledTimes(2);
	});

	it('5 concurrent requests all answered 401: one refresh, every request re-sent once with the new token', async () => {
		const { ctx, http, refreshOAuth2Token } = oauthContext({ refreshMs: 20 });
		limitKnown();
		let expired = true;
		const answer = http.getMockImplementation()!;
		http.mockImplementation(async (type, request) => {
			if (expired) {
				await sleep(0);
				return ok({ statusCode: 401, message: EXPIRED }, {}, 401);
			}
			return await answer(type, request);
		});
		refreshOAuth2Token.mockImplementationOnce(async () => {
			await sleepWithAbort(20);
			expired = false;
			return { access_token: 'token-0', refresh_token: 'refresh-0', expires_in: 86399 };
		});
		const results = await Promise.all(Array.from({ length: 5 }, async () => await get(ctx)));
		expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
		expect(refreshOAuth2Token).toHaveBeenCalledTimes(1);
		expect(http).toHaveBeenCalledTimes(10);
	});

	it('a request about to be sent while a refresh runs waits for it: no 401 for it', async () => {
		const { ctx, http, refreshOAuth2Token } = oauthContext({ refreshMs: 30 });
		limitKnown();
		const answer = http.getMockImplementation()!;
		let first = true;
		http.mockImplementation(async (type, request) => {
			if (first) {
				first = false;
				return ok({ statusCode: 401, message: EXPIRED }, {}, 401);
			}
			return await answer(type, request);
		});
		const one = get(ctx);
		await sleep(10);
		const two = get(ctx);
		await expect(Promise.all([one, two])).resolves.toHaveLength(2);
		expect(refreshOAuth2Token).toHaveBeenCalledTimes(1);
		// one: 401 + re-send; two: sent once, after the refresh.
		expect(http).toHaveBeenCalledTimes(3);
	});

	it('a refused refresh: "reconnect the credential", the token endpoint asked once for 3 concurrent requests', async () => {
		const { ctx, http, refreshOAuth2Token } = oauthContext({ refuse: true, refreshMs: 10 });
		limitKnown();
		http.mockImplementation(async () => {
			await sleep(0);
			return ok({ statusCode: 401, message: EXPIRED }, {}, 401);
		});
		const errors = await Promise.all(Array.from({ length: 3 }, async () => await get(ctx).catch((e: unknown) => e)));
		for (const error of errors) {
			expect(error).toBeInstanceOf(NodeApiError);
			expect((error as Error).message).toBe('HighLevel refused to refresh the OAuth2 token: reconnect the credential');
			expect((error as NodeApiError).description).toContain('Invalid refresh token');
			expect(everythingIn(error)).not.toContain(SECRET_TOKEN);
		}
		expect(refreshOAuth2Token).toHaveBeenCalledTimes(1);
		expect(http).toHaveBeenCalledTimes(3);
	});

	it('a 401 for a missing scope is not cured by a refresh: no refresh, the scope error', async () => {
		const { ctx, http, refreshOAuth2Token } = oauthContext();
		http.mockResolvedValue(ok({ statusCode: 401, message: 'The token is not authorized for this scope.' }, {}, 401));
		const error = await get(ctx).catch((e: unknown) => e);
		expect((error as Error).message).toContain('missing the HighLevel scope');
		expect(refreshOAuth2Token).not.toHaveBeenCalled();
		expect(http).toHaveBeenCalledTimes(1);
	});

	it('a token this process refreshed is renewed before it expires, without a 401', async () => {
		const { ctx, http, refreshOAuth2Token, tokenSeen } = oauthContext({ expiresIn: 3600 });
		const answer = http.getMockImplementation()!;
		let first = true;
		http.mockImplementation(async (type, request) => {
			if (first) {
				first = false;
				return ok({ statusCode: 401, message: EXPIRED }, {}, 401);
			}
			return await answer(type, request);
		});
		await get(ctx);
		expect(refreshOAuth2Token).toHaveBeenCalledTimes(1);
		const realNow = Date.now();
		const now = jest.spyOn(Date, 'now');
		try {
			now.mockReturnValue(realNow + 3600_000 - REFRESH_AHEAD_MS - 5_000);
			await get(ctx);
			expect(refreshOAuth2Token).toHaveBeenCalledTimes(1);
			now.mockReturnValue(realNow + 3600_000 - REFRESH_AHEAD_MS + 5_000);
			await get(ctx);
			expect(refreshOAuth2Token).toHaveBeenCalledTimes(2);
		} finally {
			now.mockRestore();
		}
		// 401 once (the first expiry, unknown to this process), then 200s only, each with the current token.
		expect(http).toHaveBeenCalledTimes(4);
		expect(tokenSeen).toEqual(['token-1', 'token-1', 'token-2']);
	});

	it('without refreshOAuth2Token (older n8n): the 401 is re-sent once for n8n to refresh', async () => {
		const { ctx, http } = oauthContext();
		Object.assign(ctx.helpers, { refreshOAuth2Token: undefined });
		http.mockResolvedValueOnce(ok({ statusCode: 401, message: EXPIRED }, {}, 401)).mockResolvedValueOnce(ok({ contact: {} }));
		await expect(get(ctx)).resolves.toMatchObject({ statusCode: 200 });
		expect(http.mock.calls.map((c) => c[1].ignoreHttpStatusErrors)).toEqual([true, false]);
	});
});

describe('apiRequest and recordsOf', () => {
	it('apiRequest builds the request from the credential and returns the body', async () => {
		const { ctx, http } = fakeContext();
		http.mockResolvedValueOnce(ok({ pipelines: [{ id: 'p1' }] }));
		await expect(apiRequest(ctx, ENDPOINTS.getPipelines)).resolves.toEqual({ pipelines: [{ id: 'p1' }] });
		expect(http.mock.calls[0][1]).toMatchObject({
			method: 'GET',
			baseURL: BASE_URL,
			url: '/opportunities/pipelines',
			qs: { locationId: LOCATION_ID },
		});
	});

	it.each<[string, Endpoint, unknown, unknown[]]>([
		['array under the root', ENDPOINTS.searchContacts, { contacts: [{ id: 'a' }, { id: 'b' }], total: 2 }, [{ id: 'a' }, { id: 'b' }]],
		['object under the root', ENDPOINTS.getContact, { contact: { id: 'a' } }, [{ id: 'a' }]],
		['root absent', ENDPOINTS.getContact, { traceId: 't' }, []],
		['no root: the whole body', ENDPOINTS.deleteContact, { succeded: true }, [{ succeded: true }]],
		['no body', ENDPOINTS.getContact, undefined, []],
	])('recordsOf: %s', (_label, endpoint, body, expected) => {
		expect(recordsOf(endpoint, body)).toEqual(expected);
	});
});
