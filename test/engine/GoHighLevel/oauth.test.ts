import type { IDataObject } from 'n8n-workflow';

import { REFRESH_IDEMPOTENCY_WINDOW_MS, type Sandbox } from '../../sandbox';
import { createCredentialStore, type CredentialStore } from '../harness';
import {
	byId,
	exchangeAuthorizationCode,
	freshSandbox,
	GENEROUS_RATE_LIMIT,
	OAUTH_CREDENTIAL,
	oauthCredential,
	offsetClock,
	runNode,
} from './helpers';

/** OAuth2 (Marketplace app) credential: n8n's refresh with HighLevel's single-use, rotating refresh tokens (FACTS.md 3.3). */
describe('OAuth2 credential', () => {
	const clock = offsetClock();
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await freshSandbox({ rateLimit: GENEROUS_RATE_LIMIT, now: clock.now });
	});
	afterAll(async () => await sandbox.close());
	afterEach(() => {
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});

	const tokens = (store: CredentialStore) => store.get(OAUTH_CREDENTIAL.id).oauthTokenData as IDataObject;
	const refreshWith = async (refreshToken: string) =>
		await fetch(sandbox.oauth.tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				client_id: sandbox.oauth.clientId,
				client_secret: sandbox.oauth.clientSecret,
				grant_type: 'refresh_token',
				refresh_token: refreshToken,
			}).toString(),
		});
	const adaId = () => [...sandbox.store.location().contacts.values()].find((c) => c.email === 'ada@example.com')!.id;
	const getAda = { resource: 'contact', operation: 'get', contactId: byId('={{ $json.id }}') };

	it('refreshes an expired access token, stores the rotated pair, and the old refresh token is spent', async () => {
		const initial = await exchangeAuthorizationCode(sandbox);
		const store = createCredentialStore([oauthCredential(sandbox, initial)]);
		const first = await runNode(sandbox, getAda, { oauth: true, credentials: store, items: [{ id: adaId() }] });
		expect(first.errors('HighLevel')).toEqual([]);
		expect(first.output('HighLevel')[0].email).toBe('ada@example.com');
		expect(store.updates).toBe(0);

		sandbox.expireAccessTokens();
		const refreshesBefore = sandbox.stats.tokenRefreshes;
		const second = await runNode(sandbox, getAda, { oauth: true, credentials: store, items: [{ id: adaId() }] });
		expect(second.errors('HighLevel')).toEqual([]);
		expect(second.status).toBe('success');
		expect(second.output('HighLevel')[0].email).toBe('ada@example.com');
		expect(sandbox.stats.tokenRefreshes - refreshesBefore).toBe(1);

		const rotated = tokens(store);
		expect(store.updates).toBeGreaterThanOrEqual(1);
		expect(rotated.access_token).toEqual(expect.any(String));
		expect(rotated.refresh_token).toEqual(expect.any(String));
		expect(rotated.access_token).not.toBe(initial.access_token);
		expect(rotated.refresh_token).not.toBe(initial.refresh_token);

		// Past the 30 s idempotency window the spent refresh token is refused; the stored one still works.
		clock.advance(REFRESH_IDEMPOTENCY_WINDOW_MS + 1000);
		expect((await refreshWith(String(initial.refresh_token))).status).toBe(401);
		const third = await runNode(sandbox, getAda, { oauth: true, credentials: store, items: [{ id: adaId() }] });
		expect(third.errors('HighLevel')).toEqual([]);
		expect(tokens(store).access_token).toBe(rotated.access_token);

		for (const result of [first, second, third]) {
			const text = JSON.stringify(result.run);
			for (const secret of [initial.access_token, initial.refresh_token, rotated.access_token, rotated.refresh_token]) {
				expect(text).not.toContain(String(secret));
			}
		}
	});

	it('50 items on an expired token: every item succeeds; concurrent refreshes are absorbed by the 30 s window', async () => {
		const store = createCredentialStore([oauthCredential(sandbox, await exchangeAuthorizationCode(sandbox))]);
		sandbox.expireAccessTokens();
		const [refreshes, replays] = [sandbox.stats.tokenRefreshes, sandbox.stats.tokenRefreshReplays];
		const tokenRequests = sandbox.stats.byOperation['get-access-token'] ?? 0;
		const ids = [...sandbox.store.location().contacts.keys()];
		const items = Array.from({ length: 50 }, (_, i) => ({ id: ids[i % ids.length] }));

		const result = await runNode(sandbox, getAda, { oauth: true, credentials: store, items });
		expect(result.errors('HighLevel')).toEqual([]);
		expect(result.output('HighLevel').map((c) => c.id)).toEqual(items.map((i) => i.id));

		const rotations = sandbox.stats.tokenRefreshes - refreshes;
		const repeats = sandbox.stats.tokenRefreshReplays - replays;
		expect(rotations).toBe(1);
		expect(rotations + repeats).toBe(sandbox.stats.byOperation['get-access-token'] - tokenRequests);
		// The stored pair is the rotated one and is usable without another refresh.
		sandbox.stats.reset();
		const again = await runNode(sandbox, getAda, { oauth: true, credentials: store, items: items.slice(0, 3) });
		expect(again.errors('HighLevel')).toEqual([]);
		expect(sandbox.stats.byOperation['get-access-token']).toBeUndefined();
		expect(sandbox.stats.unauthorized).toBe(0);
	});

	it('a refresh HighLevel refuses: a credential error, not retried, no token in the execution data', async () => {
		const initial = await exchangeAuthorizationCode(sandbox);
		// Spend the refresh token elsewhere, then let its idempotency window pass.
		expect((await refreshWith(String(initial.refresh_token))).status).toBe(200);
		clock.advance(REFRESH_IDEMPOTENCY_WINDOW_MS + 1000);
		sandbox.expireAccessTokens();
		const store = createCredentialStore([oauthCredential(sandbox, initial)]);
		const tokenRequests = sandbox.stats.byOperation['get-access-token'] ?? 0;
		const result = await runNode(sandbox, getAda, { oauth: true, credentials: store, items: [{ id: adaId() }] });
		expect(result.status).toBe('error');
		expect(store.updates).toBe(0);
		const text = JSON.stringify(result.run);
		expect(text).not.toContain(String(initial.access_token));
		expect(text).not.toContain(String(initial.refresh_token));
		expect(text).not.toContain(sandbox.oauth.clientSecret);
		// HighLevel answered (401 "Invalid refresh token"): this is a credential problem, not a network failure,
		// and the dead refresh token is not presented again.
		const errors = result.errors('HighLevel');
		expect(errors).toHaveLength(1);
		expect(errors[0].message).toBe('HighLevel rejected the credential');
		expect(sandbox.stats.byOperation['get-access-token'] - tokenRequests).toBe(1);
	});

	it('a credential without a location in its token data fails with a clear message, sending nothing', async () => {
		const tokenData = await exchangeAuthorizationCode(sandbox);
		delete tokenData.locationId;
		const store = createCredentialStore([oauthCredential(sandbox, tokenData)]);
		const requests = sandbox.stats.requests;
		const result = await runNode(sandbox, getAda, { oauth: true, credentials: store, items: [{ id: adaId() }] });
		expect(result.status).toBe('error');
		const [error] = result.errors('HighLevel');
		expect(error.message).toBe(
			'The OAuth2 credential has no location: reconnect it and choose a sub-account (location), not the agency',
		);
		// Thrown as a NodeOperationError before any request; n8n-core's RoutingNode re-wraps it (no HTTP code).
		expect(error.httpCode).toBe('none');
		expect(sandbox.stats.requests).toBe(requests);
		expect(JSON.stringify(result.run)).not.toContain(String(tokenData.access_token));
	});
});
