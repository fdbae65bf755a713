import { startSandbox, type Sandbox } from './index';
import { call, fakeClock } from './testClient';

describe('sandbox rate limiting (100 per 10 s burst, daily limit, per app per location)', () => {
	const clock = fakeClock();
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ now: clock.now });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.setRateLimit(undefined);
		sandbox.reset();
	});

	const create = (i: number, token?: string) =>
		call(sandbox, 'POST', '/contacts/', {
			token,
			body: {
				locationId: sandbox.locationId,
				firstName: `Burst${i}`,
				email: `burst${i}@example.com`,
			},
		});

	it('sends the X-RateLimit-* headers on every HighLevel response', async () => {
		const ok = await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`);
		expect(ok.headers).toMatchObject({
			'x-ratelimit-limit-daily': '200000',
			'x-ratelimit-daily-remaining': '199999',
			'x-ratelimit-interval-milliseconds': '10000',
			'x-ratelimit-max': '100',
			'x-ratelimit-remaining': '99',
		});
		const invalid = await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`, {
			version: null,
		});
		expect(invalid.status).toBe(422);
		expect(invalid.headers['x-ratelimit-remaining']).toBe('98');
		const notFound = await call(sandbox, 'GET', '/contacts/unknownContactId1234');
		expect(notFound.status).toBe(404);
		expect(notFound.headers['x-ratelimit-remaining']).toBe('97');
		const unauthorized = await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`, {
			token: 'nope',
		});
		expect(unauthorized.headers['x-ratelimit-max']).toBe('100');
	});

	it('answers the 101st request in the window with 429 without executing it', async () => {
		const first = await Promise.all(Array.from({ length: 100 }, (_, i) => create(i)));
		expect(first.every((r) => r.status === 201)).toBe(true);
		const before = sandbox.store.location().contacts.size;
		const over = await create(100);
		expect(over).toMatchObject({
			status: 429,
			body: { statusCode: 429, message: 'Too Many Requests' },
		});
		expect(over.headers['x-ratelimit-remaining']).toBe('0');
		expect(over.headers['x-ratelimit-daily-remaining']).toBe('199900');
		expect(sandbox.store.location().contacts.size).toBe(before);
		expect(sandbox.stats.rateLimited).toBe(1);
		expect(sandbox.stats.creates.contact).toBe(100);

		// the window slides: 10 s after the burst requests are allowed again
		clock.advance(10_001);
		expect((await create(101)).status).toBe(201);
	});

	it('keeps separate buckets per location and per app; /oauth/token is not limited', async () => {
		sandbox.setRateLimit({ max: 3, intervalMs: 1000, daily: 1000 });
		for (let i = 0; i < 3; i++)
			expect((await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`)).status).toBe(
				200,
			);
		expect((await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`)).status).toBe(
			429,
		);
		const secondToken = sandbox.createPrivateIntegrationToken({
			locationId: sandbox.secondLocationId,
		});
		expect(
			(
				await call(sandbox, 'GET', `/users/?locationId=${sandbox.secondLocationId}`, {
					token: secondToken,
				})
			).status,
		).toBe(200);
		const otherApp = sandbox.createPrivateIntegrationToken();
		expect(
			(await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`, { token: otherApp }))
				.status,
		).toBe(200);
		for (let i = 0; i < 5; i++) {
			const res = await call(sandbox, 'POST', '/oauth/token', {
				token: null,
				version: null,
				form: {
					client_id: sandbox.oauth.clientId,
					client_secret: sandbox.oauth.clientSecret,
					grant_type: 'authorization_code',
					code: sandbox.oauth.authorizationCode(),
				},
			});
			expect(res.status).toBe(200);
		}
	});

	it('answers 429 with Daily-Remaining 0 once the daily limit is used up, until the next UTC day', async () => {
		sandbox.setRateLimit({ max: 100, intervalMs: 10_000, daily: 5 });
		for (let i = 0; i < 5; i++) {
			clock.advance(60_000);
			expect((await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`)).status).toBe(
				200,
			);
		}
		clock.advance(60_000);
		const res = await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`);
		expect(res.status).toBe(429);
		expect(res.headers['x-ratelimit-daily-remaining']).toBe('0');
		expect(res.headers['x-ratelimit-remaining']).toBe('100');
		clock.advance(24 * 3600_000);
		expect((await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`)).status).toBe(
			200,
		);
	});

	it('can be switched off (no 429, no headers)', async () => {
		sandbox.setRateLimit(false);
		const results = await Promise.all(
			Array.from({ length: 120 }, () =>
				call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`),
			),
		);
		expect(results.every((r) => r.status === 200)).toBe(true);
		expect(results[0].headers['x-ratelimit-remaining']).toBeUndefined();
	});

	it('tracks in-flight concurrency with injected latency', async () => {
		sandbox.setRateLimit(false);
		sandbox.setLatency(40);
		try {
			await Promise.all(
				Array.from({ length: 8 }, () =>
					call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`),
				),
			);
		} finally {
			sandbox.setLatency(0);
		}
		expect(sandbox.stats.maxConcurrent).toBeGreaterThanOrEqual(2);
		expect(sandbox.stats.inFlight).toBe(0);
		expect(sandbox.stats.requests).toBe(8);
	});
});
