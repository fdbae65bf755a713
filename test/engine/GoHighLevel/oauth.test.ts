import type { IDataObject } from 'n8n-workflow';

import { REFRESH_AHEAD_MS, resetOAuthStates } from '../../../nodes/GoHighLevel/shared/transport';
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
		resetOAuthStates();
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
		expect(errors[0].message).toBe('HighLevel refused to refresh the OAuth2 token: reconnect the credential');
		expect(errors[0].description).toContain('Invalid refresh token');
		expect(errors[0].description).not.toContain('HighLevel answered');
		expect(sandbox.stats.byOperation['get-access-token'] - tokenRequests).toBe(1);
	});

	it('a credential saved but never connected (no token data): "not connected yet", sending nothing', async () => {
		const credential = oauthCredential(sandbox, {});
		delete credential.data.oauthTokenData;
		const store = createCredentialStore([credential]);
		const requests = sandbox.stats.requests;
		const result = await runNode(sandbox, getAda, { oauth: true, credentials: store, items: [{ id: adaId() }] });
		expect(result.status).toBe('error');
		const [error] = result.errors('HighLevel');
		expect(error.message).toBe('The OAuth2 credential is not connected yet');
		expect(error.description).toContain('Connect my account');
		expect(sandbox.stats.requests).toBe(requests);
	});

	it('a credential without a location in its token data is taken for an agency install and asks for a Location, sending nothing', async () => {
		const tokenData = await exchangeAuthorizationCode(sandbox);
		delete tokenData.locationId;
		const store = createCredentialStore([oauthCredential(sandbox, tokenData)]);
		const requests = sandbox.stats.requests;
		const result = await runNode(sandbox, getAda, { oauth: true, credentials: store, items: [{ id: adaId() }] });
		expect(result.status).toBe('error');
		const [error] = result.errors('HighLevel');
		expect(error.message).toBe('Choose a Location: the credential is an agency (Company) install');
		// Thrown as a NodeOperationError before any request; n8n-core's RoutingNode re-wraps it (no HTTP code).
		expect(error.httpCode).toBe('none');
		expect(sandbox.stats.requests).toBe(requests);
		expect(JSON.stringify(result.run)).not.toContain(String(tokenData.access_token));
	});
});

/**
 * Refresh as one flight per credential, tested with HighLevel's 30 s refresh-token grace switched off: a second
 * refresh with the same refresh token is refused, so any duplicate refresh fails an execution.
 */
describe('OAuth2 credential: one refresh per credential (refresh-token grace off)', () => {
	const clock = offsetClock();
	let sandbox: Sandbox;
	beforeAll(async () => {
		resetOAuthStates();
		sandbox = await freshSandbox({
			rateLimit: GENEROUS_RATE_LIMIT,
			now: clock.now,
			refreshTokenGraceMs: 0,
			latencyMs: 20,
			accessTokenTtlSeconds: 3600,
		});
	});
	afterAll(async () => await sandbox.close());
	afterEach(() => {
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});

	const ids = () => [...sandbox.store.location().contacts.keys()];
	const getContact = { resource: 'contact', operation: 'get', contactId: byId('={{ $json.id }}') };

	it('2 concurrent executions after expiry (10 items each): 0 failures, exactly 1 refresh, stored pair usable', async () => {
		const store = createCredentialStore([oauthCredential(sandbox, await exchangeAuthorizationCode(sandbox))]);
		const items = Array.from({ length: 10 }, (_, i) => ({ id: ids()[i % ids().length] }));
		// Warm up: the limit is learned, the token works.
		expect((await runNode(sandbox, getContact, { oauth: true, credentials: store, items: items.slice(0, 1) })).status).toBe(
			'success',
		);
		sandbox.expireAccessTokens();
		sandbox.stats.reset();
		const runs = await Promise.all([
			runNode(sandbox, getContact, { oauth: true, credentials: store, items }),
			runNode(sandbox, getContact, { oauth: true, credentials: store, items }),
		]);
		for (const run of runs) {
			expect(run.errors('HighLevel')).toEqual([]);
			expect(run.output('HighLevel').map((c) => c.id)).toEqual(items.map((i) => i.id));
		}
		expect(sandbox.stats.tokenRefreshes).toBe(1);
		expect(sandbox.stats.tokenRefreshReplays).toBe(0);
		expect(sandbox.stats.byOperation['get-access-token']).toBe(1);
		// At most one 401 per request in flight when the token expired (n8n stores no issue time for this token);
		// none is re-sent with the expired token.
		expect(sandbox.stats.unauthorized).toBeLessThanOrEqual(2 * items.length);
		expect(sandbox.stats.byOperation['get-contact']).toBe(2 * items.length + sandbox.stats.unauthorized);
	});

	it('a token this process refreshed is renewed before it expires: no 401 at all, 1 refresh', async () => {
		const store = createCredentialStore([oauthCredential(sandbox, await exchangeAuthorizationCode(sandbox))]);
		const items = ids().slice(0, 5).map((id) => ({ id }));
		sandbox.expireAccessTokens();
		expect((await runNode(sandbox, getContact, { oauth: true, credentials: store, items: items.slice(0, 1) })).status).toBe(
			'success',
		);
		// The refreshed token lives 3600 s; move the node's and the sandbox's clocks to just past its renewal point.
		const now = jest.spyOn(Date, 'now');
		const realNow = now.getMockImplementation() ?? (() => new Date().getTime());
		const skip = 3600_000 - REFRESH_AHEAD_MS + 1000;
		now.mockImplementation(() => realNow() + skip);
		clock.advance(skip);
		try {
			sandbox.stats.reset();
			const runs = await Promise.all([
				runNode(sandbox, getContact, { oauth: true, credentials: store, items }),
				runNode(sandbox, getContact, { oauth: true, credentials: store, items }),
			]);
			for (const run of runs) expect(run.errors('HighLevel')).toEqual([]);
			expect(sandbox.stats.unauthorized).toBe(0);
			expect(sandbox.stats.tokenRefreshes).toBe(1);
		} finally {
			now.mockRestore();
		}
	});
});
