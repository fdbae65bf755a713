/** How `sendRequest` (shared/transport.ts) reports every granted slot to the rate limiter. */
import { ENDPOINTS } from '../../../nodes/GoHighLevel/shared/endpoints';
import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import {
	buildRequest,
	CREDENTIAL_TYPES,
	resetOAuthStates,
	sendRequest,
	type Connection,
} from '../../../nodes/GoHighLevel/shared/transport';
import { BASE_URL, fakeContext, httpError, LOCATION_ID, oauthCredentials, ok } from '../helpers';

beforeEach(() => {
	rateLimiter.reset();
	resetOAuthStates();
});

const pit: Connection = {
	credentialType: CREDENTIAL_TYPES.privateIntegrationToken,
	baseUrl: BASE_URL,
	locationId: LOCATION_ID,
	rateLimitKey: `${BASE_URL}|${LOCATION_ID}`,
	tokenType: 'Location',
};

const getContact = (ctx: ReturnType<typeof fakeContext>['ctx'], connection: Connection) =>
	sendRequest(ctx, ENDPOINTS.getContact, connection, buildRequest(ctx, ENDPOINTS.getContact, connection, { path: { contactId: 'c1' } }));

describe('sendRequest and the rate limiter', () => {
	it('an answered request is in flight no more; it counts in the window from its answer', async () => {
		const { ctx, http } = fakeContext();
		http.mockResolvedValue(ok({ contact: { id: 'c1' } }, { 'X-RateLimit-Max': '100', 'X-RateLimit-Remaining': '99' }));
		await getContact(ctx, pit);
		expect(rateLimiter.pacingOf(pit.rateLimitKey)).toEqual({ shared: false, share: 100, inFlight: 0 });
	});

	it('a request n8n throws for (a 400) is in flight no more', async () => {
		const { ctx, http } = fakeContext();
		rateLimiter.observe(pit.rateLimitKey, {});
		http.mockRejectedValue(httpError(400, { message: 'bad' }));
		await expect(getContact(ctx, pit)).rejects.toThrow();
		expect(rateLimiter.pacingOf(pit.rateLimitKey).inFlight).toBe(0);
	});

	it('an agency token whose Location token exchange fails: the slot granted for the location is given back', async () => {
		const agency: Connection = {
			credentialType: CREDENTIAL_TYPES.oAuth2,
			baseUrl: BASE_URL,
			locationId: LOCATION_ID,
			rateLimitKey: `${BASE_URL}|${LOCATION_ID}`,
			companyId: 'company-1',
			tokenType: 'Company',
		};
		const { ctx, http } = fakeContext({
			credentials: oauthCredentials({ oauthTokenData: { access_token: 'agency', companyId: 'company-1', userType: 'Company' } }),
		});
		rateLimiter.observe(agency.rateLimitKey, {});
		http.mockRejectedValue(httpError(400, { message: 'This app is not installed on the location' }));
		await expect(getContact(ctx, agency)).rejects.toThrow(/Could not act for location/);
		// Nothing was sent for the location: its request does not hold a slot.
		expect(rateLimiter.pacingOf(agency.rateLimitKey).inFlight).toBe(0);
	});
});
