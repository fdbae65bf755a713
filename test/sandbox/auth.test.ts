import { AuthRegistry } from './auth';
import { startSandbox, type Sandbox } from './index';
import { call } from './testClient';

describe('sandbox auth: tokens, locations, scopes', () => {
	let sandbox: Sandbox;
	let second: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: false });
		second = sandbox.secondLocationId as string;
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('accepts the Private Integration Token of the default location', async () => {
		expect(sandbox.privateIntegrationToken).toMatch(/^pit-[0-9a-f-]{36}$/);
		const res = await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`);
		expect(res.status).toBe(200);
		expect(res.body.users.length).toBeGreaterThanOrEqual(2);
	});

	it.each([
		['no Authorization header', null],
		['an unknown token', 'pit-00000000-0000-4000-8000-000000000000'],
	])('answers 401 Invalid JWT for %s', async (_label, token) => {
		const res = await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`, { token });
		expect(res).toMatchObject({ status: 401, body: { statusCode: 401, message: 'Invalid JWT' } });
		expect(sandbox.stats.unauthorized).toBe(1);
		expect(sandbox.stats.invalidRequests).toHaveLength(0);
	});

	it('checks auth before validation (no Version + bad token → 401)', async () => {
		const res = await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`, {
			token: 'garbage',
			version: null,
		});
		expect(res.status).toBe(401);
	});

	it('answers 403 when the token is used on another location (query, snake_case query, path, body)', async () => {
		const expected = {
			status: 403,
			body: { statusCode: 403, message: 'The token does not have access to this location.' },
		};
		expect(await call(sandbox, 'GET', `/users/?locationId=${second}`)).toMatchObject(expected);
		expect(await call(sandbox, 'GET', `/opportunities/search?location_id=${second}`)).toMatchObject(
			expected,
		);
		expect(await call(sandbox, 'GET', `/locations/${second}/customFields`)).toMatchObject(expected);
		expect(
			await call(sandbox, 'POST', '/contacts/', {
				body: { locationId: second, firstName: 'Mallory' },
			}),
		).toMatchObject(expected);
		expect(sandbox.store.location(second).contacts.size).toBe(3);
		expect(sandbox.stats.forbidden).toBe(4);
	});

	it('answers 403 for a record owned by another location and 404 for an unknown one', async () => {
		const foreign = [...sandbox.store.location(second).contacts.values()][0];
		const res = await call(sandbox, 'GET', `/contacts/${foreign.id}`);
		expect(res).toMatchObject({
			status: 403,
			body: { message: 'The token does not have access to this location.' },
		});
		const del = await call(sandbox, 'DELETE', `/contacts/${foreign.id}`);
		expect(del.status).toBe(403);
		expect(sandbox.store.location(second).contacts.has(foreign.id)).toBe(true);
		const missing = await call(sandbox, 'GET', '/contacts/doesNotExist12345678');
		expect(missing).toMatchObject({
			status: 404,
			body: { statusCode: 404, message: 'Contact not found' },
		});
		const foreignOpp = [...sandbox.store.location(second).opportunities.values()][0];
		expect((await call(sandbox, 'GET', `/opportunities/${foreignOpp.id}`)).status).toBe(403);
	});

	it('lets a token of the second location see only its own data', async () => {
		const token = sandbox.createPrivateIntegrationToken({ locationId: second });
		const res = await call(sandbox, 'POST', '/contacts/search', {
			token,
			body: { locationId: second, pageLimit: 100 },
		});
		expect(res.status).toBe(200);
		expect(res.body.total).toBe(3);
		expect(res.body.contacts.every((c: { locationId: string }) => c.locationId === second)).toBe(
			true,
		);
		expect(
			(await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`, { token })).status,
		).toBe(403);
	});

	it('answers 401 "not authorized for this scope" when the token lacks the scope', async () => {
		const readOnly = sandbox.createPrivateIntegrationToken({ scopes: ['contacts.readonly'] });
		const read = await call(sandbox, 'POST', '/contacts/search', {
			token: readOnly,
			body: { locationId: sandbox.locationId, pageLimit: 1 },
		});
		expect(read.status).toBe(200);
		const write = await call(sandbox, 'POST', '/contacts/', {
			token: readOnly,
			body: { locationId: sandbox.locationId, firstName: 'No' },
		});
		expect(write).toMatchObject({
			status: 401,
			body: { statusCode: 401, message: 'The token is not authorized for this scope.' },
		});
		const opps = await call(
			sandbox,
			'GET',
			`/opportunities/pipelines?locationId=${sandbox.locationId}`,
			{ token: readOnly },
		);
		expect(opps.status).toBe(401);
		expect(sandbox.stats.creates.contact).toBe(0);
	});

	it('refuses agency-only operations to a sub-account token', async () => {
		const res = await call(sandbox, 'GET', '/oauth/installedLocations?companyId=x&appId=y');
		expect(res.status).toBe(401);
		expect(res.body.message).toContain('authClass');
	});

	it('answers 401 Invalid JWT for an expired OAuth access token', async () => {
		const code = sandbox.oauth.authorizationCode();
		const token = await call(sandbox, 'POST', '/oauth/token', {
			token: null,
			version: null,
			form: {
				client_id: sandbox.oauth.clientId,
				client_secret: sandbox.oauth.clientSecret,
				grant_type: 'authorization_code',
				code,
			},
		});
		const access = token.body.access_token as string;
		expect(
			(await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`, { token: access }))
				.status,
		).toBe(200);
		sandbox.expireAccessTokens();
		const res = await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`, {
			token: access,
		});
		expect(res).toMatchObject({ status: 401, body: { statusCode: 401, message: 'Invalid JWT' } });
		expect((await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`)).status).toBe(
			200,
		);
	});
});

describe('sandbox auth: refresh-token grace switch', () => {
	const subject = { locationId: 'loc1', companyId: 'co1', userId: 'u1' };
	const exchange = (registry: AuthRegistry) => {
		const pair = registry.exchangeCode(registry.issueCode(subject));
		if (!pair.ok) throw new Error('code exchange failed');
		return pair.body.refresh_token;
	};

	it('by default a second use inside the window returns the same pair (HighLevel, FACTS.md 3.3)', () => {
		const registry = new AuthRegistry(() => 1_000, 86399);
		const refreshToken = exchange(registry);
		expect(registry.refresh(refreshToken, registry.clientId)).toMatchObject({ ok: true, replay: false });
		expect(registry.refresh(refreshToken, registry.clientId)).toMatchObject({ ok: true, replay: true });
	});

	it('with the grace at 0 any second use is refused at once', () => {
		const registry = new AuthRegistry(() => 1_000, 86399, 0);
		const refreshToken = exchange(registry);
		expect(registry.refresh(refreshToken, registry.clientId)).toMatchObject({ ok: true, replay: false });
		expect(registry.refresh(refreshToken, registry.clientId)).toMatchObject({
			ok: false,
			status: 401,
			body: { message: 'Invalid refresh token' },
		});
	});
});
