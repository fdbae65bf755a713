import { startSandbox, type Sandbox } from './index';
import { call, fakeClock } from './testClient';

describe('sandbox OAuth token endpoint', () => {
	const clock = fakeClock();
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ now: clock.now, accessTokenTtlSeconds: 3600 });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const client = (): Record<string, string> => ({
		client_id: sandbox.oauth.clientId,
		client_secret: sandbox.oauth.clientSecret,
	});
	const token = (form: Record<string, string>, headers?: Record<string, string>) =>
		call(sandbox, 'POST', '/oauth/token', { token: null, version: null, form, headers });
	const getUsers = (access: string) =>
		call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`, { token: access });

	it('exchanges an authorization code once, answering GetAccessCodeSuccessfulResponseDto', async () => {
		const code = sandbox.oauth.authorizationCode(undefined, [
			'users.readonly',
			'contacts.readonly',
		]);
		const res = await token({
			...client(),
			grant_type: 'authorization_code',
			code,
			user_type: 'Location',
			redirect_uri: 'http://x/cb',
		});
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			token_type: 'Bearer',
			expires_in: 3600,
			scope: 'users.readonly contacts.readonly',
			userType: 'Location',
			locationId: sandbox.locationId,
			companyId: sandbox.store.location().location.companyId,
			userId: sandbox.store.location().users[0].id,
		});
		expect(res.body.access_token).not.toEqual(res.body.refresh_token);
		expect(res.headers['x-ratelimit-remaining']).toBeUndefined();
		expect((await getUsers(res.body.access_token)).status).toBe(200);
		const again = await token({ ...client(), grant_type: 'authorization_code', code });
		expect(again.status).toBe(401);
		expect(sandbox.stats.unauthorized).toBe(1);
	});

	it('accepts client credentials as HTTP Basic', async () => {
		const basic = Buffer.from(`${sandbox.oauth.clientId}:${sandbox.oauth.clientSecret}`).toString(
			'base64',
		);
		const res = await token(
			{ grant_type: 'authorization_code', code: sandbox.oauth.authorizationCode() },
			{ Authorization: `Basic ${basic}` },
		);
		expect(res.status).toBe(200);
	});

	it('rejects a wrong client secret and validates the form against the spec', async () => {
		const wrong = await token({
			...client(),
			client_secret: 'nope',
			grant_type: 'authorization_code',
			code: sandbox.oauth.authorizationCode(),
		});
		expect(wrong.status).toBe(401);
		const invalid = await token({ client_id: sandbox.oauth.clientId, grant_type: 'password' });
		expect(invalid.status).toBe(422);
		expect(invalid.body.message).toEqual(
			expect.arrayContaining([
				'client_secret should not be empty',
				'grant_type must be one of the following values: authorization_code, refresh_token, client_credentials',
			]),
		);
	});

	it('rotates refresh tokens: single use, with a 30-second idempotency window', async () => {
		const first = (
			await token({
				...client(),
				grant_type: 'authorization_code',
				code: sandbox.oauth.authorizationCode(),
			})
		).body;
		clock.advance(60_000);
		const refreshed = await token({
			...client(),
			grant_type: 'refresh_token',
			refresh_token: first.refresh_token,
		});
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.refresh_token).not.toBe(first.refresh_token);
		expect(refreshed.body.access_token).not.toBe(first.access_token);
		expect(sandbox.stats.tokenRefreshes).toBe(1);

		// a concurrent/retried refresh with the same token inside the window gets the same pair
		clock.advance(29_000); // HighLevel's window is 30 s (FACTS.md 3.3)
		const replay = await token({
			...client(),
			grant_type: 'refresh_token',
			refresh_token: first.refresh_token,
		});
		expect(replay.status).toBe(200);
		expect(replay.body.access_token).toBe(refreshed.body.access_token);
		expect(replay.body.refresh_token).toBe(refreshed.body.refresh_token);
		expect(sandbox.stats.tokenRefreshes).toBe(1);
		expect(sandbox.stats.tokenRefreshReplays).toBe(1);

		// after the window the spent token is refused
		clock.advance(2_000);
		const late = await token({
			...client(),
			grant_type: 'refresh_token',
			refresh_token: first.refresh_token,
		});
		expect(late).toMatchObject({
			status: 401,
			body: { statusCode: 401, message: 'Invalid refresh token', error: 'Unauthorized' },
		});

		// the new refresh token works, once
		const next = await token({
			...client(),
			grant_type: 'refresh_token',
			refresh_token: refreshed.body.refresh_token,
		});
		expect(next.status).toBe(200);
		expect(sandbox.stats.tokenRefreshes).toBe(2);
		expect((await getUsers(next.body.access_token)).status).toBe(200);
	});

	it('expires access tokens after expires_in seconds of the sandbox clock', async () => {
		const pair = (
			await token({
				...client(),
				grant_type: 'authorization_code',
				code: sandbox.oauth.authorizationCode(),
			})
		).body;
		clock.advance(3599_000);
		expect((await getUsers(pair.access_token)).status).toBe(200);
		clock.advance(1_000);
		expect((await getUsers(pair.access_token)).body).toEqual({
			statusCode: 401,
			message: 'Invalid JWT',
		});
		const refreshed = await token({
			...client(),
			grant_type: 'refresh_token',
			refresh_token: pair.refresh_token,
		});
		expect((await getUsers(refreshed.body.access_token)).status).toBe(200);
	});

	it('limits an OAuth token to the scopes it was granted', async () => {
		const code = sandbox.oauth.authorizationCode(undefined, ['contacts.readonly']);
		const pair = (await token({ ...client(), grant_type: 'authorization_code', code })).body;
		const res = await getUsers(pair.access_token);
		expect(res.body).toEqual({
			statusCode: 401,
			message: 'The token is not authorized for this scope.',
		});
	});

	it('binds a token issued for the second location to that location', async () => {
		const second = sandbox.secondLocationId as string;
		const pair = (
			await token({
				...client(),
				grant_type: 'authorization_code',
				code: sandbox.oauth.authorizationCode(second),
			})
		).body;
		expect(pair.locationId).toBe(second);
		expect((await getUsers(pair.access_token)).status).toBe(403);
	});

	it('redirects the consent URL back with a code and the state', async () => {
		const redirect = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
		const url = `/oauth/chooselocation?response_type=code&client_id=${sandbox.oauth.clientId}&redirect_uri=${encodeURIComponent(redirect)}&scope=${encodeURIComponent('contacts.readonly users.readonly')}&state=abc`;
		const res = await call(sandbox, 'GET', url, { token: null, version: null });
		expect(res.status).toBe(302);
		const location = new URL(res.headers.location);
		expect(`${location.origin}${location.pathname}`).toBe(redirect);
		expect(location.searchParams.get('state')).toBe('abc');
		const pair = await token({
			...client(),
			grant_type: 'authorization_code',
			code: location.searchParams.get('code') as string,
		});
		expect(pair.body.scope).toBe('contacts.readonly users.readonly');
	});
});
