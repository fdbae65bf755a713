/* eslint-disable no-console -- test code runs in Node and Jest, not inside n8n */
import { DEFAULT_LOCATION_ID, SECOND_LOCATION_ID, startSandbox, type Sandbox } from './index';
import { call } from './testClient';

describe('sandbox store, seed and admin endpoints', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: false });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('seeds two locations with their own users, tags, custom fields, pipelines, contacts and opportunities', () => {
		const main = sandbox.store.location();
		expect(main.id).toBe(DEFAULT_LOCATION_ID);
		expect(main.id).toMatch(/^[A-Za-z0-9]{20}$/);
		expect(main.users.length).toBeGreaterThanOrEqual(2);
		expect(main.users.length).toBeLessThanOrEqual(3);
		const fields = [...main.customFields.values()];
		expect(fields.find((f) => f.fieldKey === 'contact.lead_score')).toMatchObject({
			name: 'Lead Score',
			dataType: 'NUMERICAL',
			model: 'contact',
		});
		expect(fields.find((f) => f.fieldKey === 'contact.favourite_colour')).toMatchObject({
			dataType: 'SINGLE_OPTIONS',
			picklistOptions: expect.any(Array),
		});
		expect(fields.find((f) => f.fieldKey === 'contact.interests')).toMatchObject({
			dataType: 'MULTIPLE_OPTIONS',
		});
		expect(fields.find((f) => f.fieldKey === 'opportunity.deal_source')).toMatchObject({
			dataType: 'TEXT',
			model: 'opportunity',
		});
		expect(main.pipelines).toHaveLength(2);
		for (const p of main.pipelines) expect(p.stages.length).toBeGreaterThanOrEqual(3);
		expect(main.contacts.size).toBe(6);
		expect(main.opportunities.size).toBe(4);
		const second = sandbox.store.location(SECOND_LOCATION_ID);
		expect(second.contacts.size).toBe(3);
		const mainIds = new Set([
			...main.contacts.keys(),
			...main.customFields.keys(),
			...main.users.map((u) => u.id),
		]);
		for (const id of [
			...second.contacts.keys(),
			...second.customFields.keys(),
			...second.users.map((u) => u.id),
		])
			expect(mainIds.has(id)).toBe(false);
	});

	it('is deterministic: two sandboxes seed the same ids, names and PIT', async () => {
		const other = await startSandbox({ rateLimit: false });
		try {
			sandbox.seedContacts(50, { tags: ['x'] });
			other.seedContacts(50, { tags: ['x'] });
			expect([...other.store.location().contacts.values()]).toEqual([
				...sandbox.store.location().contacts.values(),
			]);
			expect(other.store.location().pipelines).toEqual(sandbox.store.location().pipelines);
			expect(other.privateIntegrationToken).toBe(sandbox.privateIntegrationToken);
			expect(other.oauth.clientId).toBe(sandbox.oauth.clientId);
		} finally {
			await other.close();
		}
	});

	it('generates 5000 contacts with unique emails and phones, spread dates and the given tags', async () => {
		const started = Date.now();
		sandbox.seedContacts(5000, { tags: ['Bulk'] });
		const contacts = [...sandbox.store.location().contacts.values()].filter((c) =>
			c.tags.includes('bulk'),
		);
		expect(contacts).toHaveLength(5000);
		expect(new Set(contacts.map((c) => c.email)).size).toBe(5000);
		expect(new Set(contacts.map((c) => c.phone)).size).toBe(5000);
		expect(contacts.every((c) => /^\+1555\d{7}$/.test(c.phone ?? ''))).toBe(true);
		expect(new Set(contacts.map((c) => c.dateAdded.slice(0, 10))).size).toBeGreaterThan(100);
		const search = await call(sandbox, 'POST', '/contacts/search', {
			body: {
				locationId: sandbox.locationId,
				pageLimit: 500,
				filters: [{ field: 'tags', operator: 'eq', value: 'bulk' }],
			},
		});
		expect(search.body.total).toBe(5000);
		expect(search.body.contacts).toHaveLength(500);
		console.log(`seedContacts(5000) + one 500-record search page: ${Date.now() - started} ms`);
	});

	it('reset() restores the seed and zeroes the stats', async () => {
		await call(sandbox, 'POST', '/contacts/', {
			body: { locationId: sandbox.locationId, firstName: 'Temp' },
		});
		sandbox.seedContacts(10);
		expect(sandbox.stats.requests).toBe(1);
		sandbox.reset();
		expect(sandbox.store.location().contacts.size).toBe(6);
		expect(sandbox.stats).toMatchObject({
			requests: 0,
			creates: { contact: 0, opportunity: 0 },
			byOperation: {},
		});
		// tokens survive a reset
		expect((await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`)).status).toBe(
			200,
		);
	});

	it('serves the admin endpoints without auth, validation, rate limiting or counting', async () => {
		const admin = (method: string, path: string, body?: unknown) =>
			call(sandbox, method, path, { token: null, version: null, body });
		const seeded = await admin('POST', '/__sandbox/seed', { contacts: 12, tags: ['e2e'] });
		expect(seeded.body).toEqual({ added: 12, total: 18 });
		const state = await admin('GET', '/__sandbox/state');
		expect(state.body.location.id).toBe(sandbox.locationId);
		expect(state.body.contacts).toHaveLength(18);
		expect(
			state.body.contacts.filter((c: { tags: string[] }) => c.tags.includes('e2e')),
		).toHaveLength(12);
		expect(state.body.pipelines).toHaveLength(2);

		await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`);
		const stats = await admin('GET', '/__sandbox/stats');
		expect(stats.body).toMatchObject({
			requests: 1,
			byOperation: { 'get-user-by-location': 1 },
			invalidRequests: [],
		});

		const info = await admin('GET', '/__sandbox/info');
		expect(info.body).toMatchObject({
			url: sandbox.url,
			locationId: sandbox.locationId,
			privateIntegrationToken: sandbox.privateIntegrationToken,
		});

		const code = (await admin('POST', '/__sandbox/oauth/code', {})).body.code;
		const pair = await call(sandbox, 'POST', '/oauth/token', {
			token: null,
			version: null,
			form: {
				client_id: sandbox.oauth.clientId,
				client_secret: sandbox.oauth.clientSecret,
				grant_type: 'authorization_code',
				code,
			},
		});
		expect((await admin('POST', '/__sandbox/expire-tokens')).status).toBe(200);
		expect(
			(
				await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`, {
					token: pair.body.access_token,
				})
			).status,
		).toBe(401);

		await admin('POST', '/__sandbox/rate-limit', { max: 1, intervalMs: 60_000, daily: 100 });
		expect((await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`)).status).toBe(
			200,
		);
		expect((await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`)).status).toBe(
			429,
		);
		await admin('POST', '/__sandbox/rate-limit', { enabled: false });

		expect((await admin('POST', '/__sandbox/reset')).body).toEqual({ ok: true });
		expect((await admin('GET', '/__sandbox/stats')).body.requests).toBe(0);
		expect(sandbox.store.location().contacts.size).toBe(6);
		expect((await admin('GET', '/__sandbox/nothing')).status).toBe(404);
	});
});
