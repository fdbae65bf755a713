import { resetOAuthStates } from '../../../nodes/GoHighLevel/shared/transport';
import { COMPANY_ID } from '../../sandbox';
import { createCredentialStore } from '../harness';
import { byId, exchangeAuthorizationCode, oauthCredential, operationCounts, operationsSince, runNode, useSandbox } from './helpers';

/** The Location resource with an agency (Company) OAuth2 credential (FACTS.md 3.4). */
describe('Location operations with an agency credential', () => {
	const sandbox = useSandbox();
	beforeEach(() => resetOAuthStates());
	afterEach(() => expect(sandbox.stats.invalidRequests).toEqual([]));

	const agencyCredentials = async () =>
		createCredentialStore([oauthCredential(sandbox, await exchangeAuthorizationCode(sandbox, { agency: true }))]);

	it('Search is sent with the Company token itself (no token exchange, no location lookup), for the token\'s agency', async () => {
		const credentials = await agencyCredentials();
		const before = operationCounts(sandbox);
		const result = await runNode(sandbox, { resource: 'location', operation: 'search', returnAll: true }, { oauth: true, credentials });
		expect(result.errors('HighLevel')).toEqual([]);
		const companyLocations = [...sandbox.store.locations.values()].filter((d) => d.location.companyId === COMPANY_ID);
		expect(result.output('HighLevel').map((l) => l.id).sort()).toEqual(companyLocations.map((d) => d.location.id).sort());
		// A short page, then the empty page that ends offset paging; the agency id comes from the token (no get-location).
		expect(operationsSince(sandbox, before)).toEqual({ 'search-locations': 2 });
	});

	it('Get reads the location named in the Location parameter', async () => {
		const credentials = await agencyCredentials();
		const result = await runNode(
			sandbox,
			{ resource: 'location', operation: 'get', locationId: byId(sandbox.secondLocationId!) },
			{ oauth: true, credentials },
		);
		expect(result.errors('HighLevel')).toEqual([]);
		expect(result.output('HighLevel')).toEqual([expect.objectContaining({ id: sandbox.secondLocationId, companyId: COMPANY_ID })]);
	});
});
