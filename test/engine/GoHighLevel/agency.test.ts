import { resetOAuthStates } from '../../../nodes/GoHighLevel/shared/transport';
import type { Sandbox } from '../../sandbox';
import { createCredentialStore } from '../harness';
import {
	byId,
	exchangeAuthorizationCode,
	freshSandbox,
	GENEROUS_RATE_LIMIT,
	OAUTH_CREDENTIAL,
	oauthCredential,
	operationCounts,
	operationsSince,
	pitCredential,
	runNode,
} from './helpers';

/**
 * Agency (Company) installs (FACTS.md 3.4): one OAuth2 credential holding a Company token acts for every location the
 * app is installed on — the node's Location parameter names the location, the transport exchanges the Company token
 * for a Location token (`POST /oauth/locationToken`), caches it per location and renews it on a 401.
 */
describe('Agency (Company) OAuth2 credential', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await freshSandbox({ rateLimit: GENEROUS_RATE_LIMIT });
	});
	beforeEach(() => {
		resetOAuthStates();
		sandbox.reset();
	});
	afterAll(async () => await sandbox.close());
	afterEach(() => expect(sandbox.stats.invalidRequests).toEqual([]));

	const secondLocation = () => sandbox.secondLocationId!;
	const agencyStore = async () => {
		const tokenData = await exchangeAuthorizationCode(sandbox, { agency: true });
		return { tokenData, store: createCredentialStore([oauthCredential(sandbox, tokenData)]) };
	};
	const createContact = {
		resource: 'contact',
		operation: 'create',
		locationId: byId('={{ $json.locationId }}'),
		email: '={{ $json.email }}',
		additionalFields: { firstName: '={{ $json.firstName }}' },
	};

	it('the consent of an agency admin gives a Company token: no location, a company, the approved locations', async () => {
		const { tokenData } = await agencyStore();
		expect(tokenData).toMatchObject({ userType: 'Company', companyId: sandbox.companyId, isBulkInstallation: true });
		expect(tokenData.locationId).toBeUndefined();
		expect(tokenData.approvedLocations).toEqual(expect.arrayContaining([sandbox.locationId, secondLocation()]));
	});

	it('creates a contact in two locations in one execution, one token exchange per location, none stored', async () => {
		const { tokenData, store } = await agencyStore();
		const before = operationCounts(sandbox);
		const result = await runNode(sandbox, createContact, {
			oauth: true,
			credentials: store,
			items: [
				{ locationId: sandbox.locationId, email: 'grace@agency.example', firstName: 'Grace' },
				{ locationId: secondLocation(), email: 'linus@agency.example', firstName: 'Linus' },
				{ locationId: sandbox.locationId, email: 'edsger@agency.example', firstName: 'Edsger' },
			],
		});
		expect(result.errors('HighLevel')).toEqual([]);
		const out = result.output('HighLevel');
		expect(out.map((c) => [c.email, c.locationId])).toEqual([
			['grace@agency.example', sandbox.locationId],
			['linus@agency.example', secondLocation()],
			['edsger@agency.example', sandbox.locationId],
		]);
		const emails = (locationId: string) =>
			[...sandbox.store.location(locationId).contacts.values()].map((c) => c.email);
		expect(emails(sandbox.locationId)).toEqual(expect.arrayContaining(['grace@agency.example', 'edsger@agency.example']));
		expect(emails(secondLocation())).toContain('linus@agency.example');
		expect(emails(secondLocation())).not.toContain('grace@agency.example');
		expect(operationsSince(sandbox, before)).toEqual({ 'get-location-access-token': 2, 'create-contact': 3 });
		// The Location tokens live in the process only: the credential keeps the agency token, untouched.
		expect(store.updates).toBe(0);
		expect(store.get(OAUTH_CREDENTIAL.id).oauthTokenData).toEqual(tokenData);
		expect(JSON.stringify(result.run)).not.toContain(String(tokenData.access_token));

		// A second execution reuses the cached Location tokens.
		const again = operationCounts(sandbox);
		const second = await runNode(sandbox, { resource: 'contact', operation: 'getAll', locationId: byId(secondLocation()), limit: 100 }, {
			oauth: true,
			credentials: store,
		});
		expect(second.errors('HighLevel')).toEqual([]);
		expect(second.output('HighLevel').map((c) => c.email)).toContain('linus@agency.example');
		expect(operationsSince(sandbox, again)['get-location-access-token']).toBeUndefined();
	});

	it('renews an expired Location token after the 401 (and the expired agency token through n8n), without a duplicate write', async () => {
		const { store } = await agencyStore();
		const items = (email: string) => [{ locationId: sandbox.locationId, email, firstName: 'Ada' }];
		expect((await runNode(sandbox, createContact, { oauth: true, credentials: store, items: items('one@agency.example') })).errors('HighLevel')).toEqual([]);

		sandbox.expireAccessTokens();
		const before = operationCounts(sandbox);
		const refreshes = sandbox.stats.tokenRefreshes;
		const result = await runNode(sandbox, createContact, { oauth: true, credentials: store, items: items('two@agency.example') });
		expect(result.errors('HighLevel')).toEqual([]);
		// create (401, expired Location token) → exchange (401, expired agency token) → n8n refresh → exchange → create.
		expect(operationsSince(sandbox, before)).toEqual({
			'create-contact': 2,
			'get-location-access-token': 2,
			'get-access-token': 1,
		});
		expect(sandbox.stats.tokenRefreshes - refreshes).toBe(1);
		expect(store.updates).toBe(1);
		const created = [...sandbox.store.location().contacts.values()].filter((c) => c.email === 'two@agency.example');
		expect(created).toHaveLength(1);
	});

	it('without a Location fails before any request, naming the parameter', async () => {
		const { store } = await agencyStore();
		const requests = sandbox.stats.requests;
		const result = await runNode(sandbox, { resource: 'contact', operation: 'get', contactId: byId('abcdef123456') }, {
			oauth: true,
			credentials: store,
		});
		expect(result.errors('HighLevel')[0].message).toBe('Choose a Location: the credential is an agency (Company) install');
		expect(sandbox.stats.requests).toBe(requests);
	});

	it('a location the app is not installed on fails with the exchange refusal and the location named', async () => {
		const { store } = await agencyStore();
		sandbox.oauth.setInstalled(secondLocation(), false);
		try {
			const result = await runNode(sandbox, createContact, {
				oauth: true,
				credentials: store,
				items: [{ locationId: secondLocation(), email: 'nope@agency.example', firstName: 'No' }],
			});
			const [error] = result.errors('HighLevel');
			expect(error.message).toContain(`Could not act for location ${secondLocation()}`);
			expect(error.message).toContain('not installed');
			expect(sandbox.stats.byOperation['create-contact'] ?? 0).toBe(0);
		} finally {
			sandbox.oauth.setInstalled(secondLocation(), true);
		}
	});

	it('a Location-token credential refuses a Location parameter naming another location', async () => {
		const tokenData = await exchangeAuthorizationCode(sandbox);
		const store = createCredentialStore([oauthCredential(sandbox, tokenData)]);
		const result = await runNode(
			sandbox,
			{ resource: 'contact', operation: 'getAll', locationId: byId(secondLocation()), limit: 1 },
			{ oauth: true, credentials: store },
		);
		expect(result.errors('HighLevel')[0].message).toBe(
			`The Location parameter (${secondLocation()}) is not the credential's location (${sandbox.locationId})`,
		);
		// Its own location is accepted.
		const own = await runNode(
			sandbox,
			{ resource: 'contact', operation: 'getAll', locationId: byId(sandbox.locationId), limit: 1 },
			{ oauth: true, credentials: store },
		);
		expect(own.errors('HighLevel')).toEqual([]);
	});

	it('an agency Private Integration Token gets a clear error saying to use a sub-account token or OAuth2', async () => {
		const token = sandbox.createPrivateIntegrationToken({ agency: true });
		const store = createCredentialStore([pitCredential(sandbox, token)]);
		const result = await runNode(sandbox, { resource: 'contact', operation: 'getAll', limit: 1 }, { credentials: store });
		const [error] = result.errors('HighLevel');
		expect(error.message).toBe('An agency-level token cannot act for a sub-account here');
		expect(error.description).toContain("sub-account's own Private Integration Token");
		expect(error.description).toContain('OAuth2');
		expect(JSON.stringify(result.run)).not.toContain(token);
	});
});
