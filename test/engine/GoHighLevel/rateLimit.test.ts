/* eslint-disable no-console -- prints the achieved request rate (a figure, not an assertion) */
import { sleep } from 'n8n-workflow';

import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { directRequest, runNode, useSandbox } from './helpers';

const ITEMS = 1000;
const LIMIT = { max: 100, intervalMs: 1000, daily: 200_000 };

describe('1,000 contact creates against the rate-limited sandbox', () => {
	const sandbox = useSandbox({ rateLimit: LIMIT });

	it('creates every contact exactly once, sharing the window with the competitor (429s, if any, re-sent)', async () => {
		const items = Array.from({ length: ITEMS }, (_, i) => ({
			email: `bulk.${i}@example.com`,
			firstName: `Bulk${i}`,
		}));
		// One request first: the node learns the location's limit (X-RateLimit-Max / -Interval-Milliseconds).
		const warmUp = await runNode(sandbox, { resource: 'pipeline', operation: 'getAll' });
		expect(warmUp.status).toBe('success');
		expect(rateLimiter.limitOf(`${sandbox.url}|${sandbox.locationId}`)).toMatchObject({ max: 100, intervalMs: 1000 });

		const contactsBefore = sandbox.store.location().contacts.size;
		const createsBefore = sandbox.stats.creates.contact;

		// A competing client of the same app and location spends part of the quota while the node runs.
		let running = true;
		const competitor = { sent: 0, refused: 0 };
		const competing = (async () => {
			while (running) {
				const statuses = await Promise.all(
					Array.from({ length: 20 }, async () =>
						await directRequest(sandbox, 'GET', `/locations/${sandbox.locationId}/tags`),
					),
				);
				competitor.sent += statuses.length;
				competitor.refused += statuses.filter((s) => s === 429).length;
				await sleep(1000);
			}
		})();

		const started = Date.now();
		const result = await runNode(
			sandbox,
			{
				resource: 'contact',
				operation: 'create',
				email: '={{ $json.email }}',
				additionalFields: { firstName: '={{ $json.firstName }}' },
			},
			{ items },
		);
		const elapsedMs = Date.now() - started;
		running = false;
		await competing;

		const createRequests = sandbox.stats.byOperation['create-contact'];
		const nodeRetries = createRequests - ITEMS;
		console.log(
			`${ITEMS} creates in ${(elapsedMs / 1000).toFixed(1)} s: ${((createRequests / elapsedMs) * 1000).toFixed(1)} requests/s ` +
				`(${createRequests} create requests, ${nodeRetries} re-sent after 429; competitor sent ${competitor.sent}, ${competitor.refused} refused; ` +
				`sandbox 429s: ${sandbox.stats.rateLimited})`,
		);

		expect(result.errors('HighLevel')).toEqual([]);
		expect(result.status).toBe('success');
		const output = result.output('HighLevel');
		expect(output).toHaveLength(ITEMS);
		expect(output.map((c) => c.email)).toEqual(items.map((i) => i.email));

		const contacts = [...sandbox.store.location().contacts.values()];
		expect(contacts).toHaveLength(contactsBefore + ITEMS);
		expect(sandbox.stats.creates.contact - createsBefore).toBe(ITEMS);
		const bulkEmails = contacts.map((c) => c.email).filter((e) => e?.startsWith('bulk.'));
		expect(new Set(bulkEmails).size).toBe(ITEMS);
		expect(new Set(output.map((c) => c.id)).size).toBe(ITEMS);

		// The competitor shows in X-RateLimit-Remaining: the node shares the window instead of leaning on 429s.
		// Every create request beyond one per item was a re-send after a 429 (the competitor never creates).
		expect(nodeRetries).toBeLessThan(ITEMS * 0.05);
		expect(sandbox.stats.rateLimited).toBe(nodeRetries + competitor.refused);
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});
});

/**
 * A trial account's Private Integration Token: 25 requests per window instead of the published 100 (the window
 * is scaled from 10 s to 2 s to keep the test short). The node has learned nothing about the location.
 */
describe('a location whose limit is 25 per window, from the very first request', () => {
	const TRIAL = { max: 25, intervalMs: 2000, daily: 10_000 };
	const sandbox = useSandbox({ rateLimit: TRIAL, latencyMs: 20 });

	it('60 creates in the first run: no 429 at all, every contact created once', async () => {
		const key = `${sandbox.url}|${sandbox.locationId}`;
		expect(rateLimiter.limitOf(key).learned).toBe(false);
		const items = Array.from({ length: 60 }, (_, i) => ({ email: `trial.${i}@example.com` }));
		const result = await runNode(
			sandbox,
			{ resource: 'contact', operation: 'create', email: '={{ $json.email }}' },
			{ items },
		);
		expect(result.errors('HighLevel')).toEqual([]);
		expect(result.output('HighLevel').map((c) => c.email)).toEqual(items.map((i) => i.email));
		expect(sandbox.stats.rateLimited).toBe(0);
		expect(sandbox.stats.byOperation['create-contact']).toBe(60);
		expect(rateLimiter.limitOf(key)).toMatchObject({ max: 25, intervalMs: 2000, learned: true, dailyLimit: 10_000 });
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});
});
