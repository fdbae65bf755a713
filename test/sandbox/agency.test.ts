import { startSandbox, type Sandbox } from './index';
import { call, fakeClock } from './testClient';

/** Agency (Company) installs in the sandbox (FACTS.md 3.2, 3.4): Company tokens, the token exchange, installed locations. */
describe('sandbox agency installs', () => {
	const clock = fakeClock();
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ now: clock.now, accessTokenTtlSeconds: 3600 });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());
	afterEach(() => expect(sandbox.stats.invalidRequests).toEqual([]));

	const client = { client_id: '', client_secret: '' };
	const grant = async (form: Record<string, string>) => {
		client.client_id = sandbox.oauth.clientId;
		client.client_secret = sandbox.oauth.clientSecret;
		return await call(sandbox, 'POST', '/oauth/token', { token: null, version: null, form: { ...client, ...form } });
	};
	const agencyPair = async () =>
		(await grant({ grant_type: 'authorization_code', code: sandbox.oauth.agencyAuthorizationCode(), user_type: 'Company' }))
			.body;
	const exchange = (token: string, form: Record<string, string>) =>
		call(sandbox, 'POST', '/oauth/locationToken', { token, form });
	const installed = (token: string, query: string) => call(sandbox, 'GET', `/oauth/installedLocations?${query}`, { token });

	it('an agency code gives a Company pair whose refresh keeps it a Company pair', async () => {
		const first = await agencyPair();
		expect(first).toMatchObject({ userType: 'Company', companyId: sandbox.companyId, isBulkInstallation: true });
		expect(first).not.toHaveProperty('locationId');
		const refreshed = await grant({ grant_type: 'refresh_token', refresh_token: first.refresh_token, user_type: 'Company' });
		expect(refreshed.status).toBe(200);
		expect(refreshed.body).toMatchObject({ userType: 'Company', companyId: sandbox.companyId });
		expect(refreshed.body.refresh_token).not.toBe(first.refresh_token);
	});

	it('a Company token is refused on sub-account routes and exchanges for a Location token that works there', async () => {
		const agency = await agencyPair();
		const contacts = `/contacts/?locationId=${sandbox.locationId}`;
		const refused = await call(sandbox, 'GET', contacts, { token: agency.access_token });
		expect(refused.status).toBe(401);
		expect(refused.body.message).toMatch(/authClass type is not allowed/);

		const res = await exchange(agency.access_token, { companyId: sandbox.companyId, locationId: sandbox.secondLocationId! });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			token_type: 'Bearer',
			expires_in: 3600,
			userType: 'Location',
			locationId: sandbox.secondLocationId,
			companyId: sandbox.companyId,
		});
		expect(res.body.refresh_token).toEqual(expect.any(String));
		const own = `/contacts/?locationId=${sandbox.secondLocationId}`;
		expect((await call(sandbox, 'GET', own, { token: res.body.access_token })).status).toBe(200);
		// The Location token reaches its own location only.
		expect((await call(sandbox, 'GET', contacts, { token: res.body.access_token })).status).toBe(403);

		// Its refresh token rotates like any other, into a Location pair of the same location.
		const rotated = await grant({ grant_type: 'refresh_token', refresh_token: res.body.refresh_token, user_type: 'Location' });
		expect(rotated.status).toBe(200);
		expect(rotated.body).toMatchObject({ userType: 'Location', locationId: sandbox.secondLocationId });
		expect(rotated.body.refresh_token).not.toBe(res.body.refresh_token);
		expect((await call(sandbox, 'GET', own, { token: rotated.body.access_token })).status).toBe(200);
	});

	it('refuses the exchange for another company, an uninstalled location, and a Private Integration Token', async () => {
		const agency = await agencyPair();
		expect((await exchange(agency.access_token, { companyId: 'otherCompany01', locationId: sandbox.locationId })).status).toBe(403);
		sandbox.oauth.setInstalled(sandbox.locationId, false);
		const uninstalled = await exchange(agency.access_token, { companyId: sandbox.companyId, locationId: sandbox.locationId });
		expect(uninstalled.status).toBe(400);
		expect(uninstalled.body.message).toContain('not installed');
		sandbox.oauth.setInstalled(sandbox.locationId, true);

		const pit = sandbox.createPrivateIntegrationToken({ agency: true });
		const byPit = await exchange(pit, { companyId: sandbox.companyId, locationId: sandbox.locationId });
		expect(byPit.status).toBe(401);
		expect(byPit.body.message).toBe('OAuth access token only');
		// A sub-account token is not an agency token either.
		const sub = await exchange(sandbox.privateIntegrationToken, { companyId: sandbox.companyId, locationId: sandbox.locationId });
		expect(sub.status).toBe(401);
	});

	it('lists installed locations by name with skip/limit paging, count, query and isInstalled', async () => {
		const { access_token: token } = await agencyPair();
		const base = `companyId=${sandbox.companyId}&appId=${sandbox.oauth.appId}`;
		const all = await installed(token, base);
		expect(all.status).toBe(200);
		const ids = all.body.locations.map((l: { _id: string }) => l._id);
		expect(ids).toEqual(expect.arrayContaining([sandbox.locationId, sandbox.secondLocationId]));
		expect(all.body.count).toBe(ids.length);
		const page = await installed(token, `${base}&skip=1&limit=1`);
		expect(page.body.locations.map((l: { _id: string }) => l._id)).toEqual([ids[1]]);
		expect(page.body.count).toBe(ids.length);

		sandbox.oauth.setInstalled(sandbox.secondLocationId!, false);
		const onlyInstalled = await installed(token, `${base}&isInstalled=true`);
		expect(onlyInstalled.body.locations.map((l: { _id: string }) => l._id)).not.toContain(sandbox.secondLocationId);
		sandbox.oauth.setInstalled(sandbox.secondLocationId!, true);

		expect((await installed(token, `companyId=${sandbox.companyId}&appId=someOtherApp`)).status).toBe(400);
		expect((await installed(sandbox.privateIntegrationToken, base)).status).toBe(401);
	});
});
