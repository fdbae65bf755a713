import type { IDataObject } from 'n8n-workflow';

import { pipelineNamed, seedOpportunities, useEngineSandbox } from './helpers';

const TAG = 'import-2024';

/**
 * Return All and Limit across many pages: POST /contacts/search (searchAfter, pageLimit ≤ 500) and
 * GET /opportunities/search (startAfter + startAfterId, limit ≤ 100), FACTS.md 2.14.
 */
describe('pagination with filters', () => {
	const { sandbox, proxy, run } = useEngineSandbox();
	beforeAll(async () => {
		// 5,000 contacts, 2,000 of them tagged, interleaved over the whole dateAdded range.
		for (let chunk = 0; chunk < 50; chunk++) {
			sandbox.seedContacts(40, { tags: [TAG] });
			sandbox.seedContacts(60);
		}
	});
	beforeEach(() => {
		proxy.requests.length = 0;
	});

	const contacts = () => [...sandbox.store.location().contacts.values()];

	it('Contact Get Many, Return All, tag + date range: exactly the matching set, pages of 500', async () => {
		const after = '2024-01-10T00:00:00';
		const before = '2024-05-25T00:00:00';
		const [from, to] = [Date.parse(`${after}Z`), Date.parse(`${before}Z`)];
		const expected = contacts()
			.filter((c) => c.tags.includes(TAG))
			.filter((c) => Date.parse(c.dateAdded) >= from && Date.parse(c.dateAdded) <= to)
			.map((c) => c.id)
			.sort();
		expect(expected.length).toBeGreaterThan(1500);
		expect(expected.length).toBeLessThan(contacts().filter((c) => c.tags.includes(TAG)).length);

		const searchesBefore = sandbox.stats.byOperation['search-contacts-advanced'] ?? 0;
		const result = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { tags: [TAG], dateAddedAfter: after, dateAddedBefore: before },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		const output = result.output('HighLevel');
		const ids = output.map((c) => String(c.id));
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual(expected);

		const pages = proxy.to('POST', '/contacts/search');
		const expectedPages = Math.ceil(expected.length / 500);
		expect(pages.length).toBeGreaterThanOrEqual(4);
		expect(pages).toHaveLength(expectedPages);
		expect(sandbox.stats.byOperation['search-contacts-advanced'] - searchesBefore).toBe(expectedPages);
		const filters = [
			{ field: 'tags', operator: 'eq', value: TAG },
			{ field: 'dateAdded', operator: 'range', value: { gte: `${after}.000Z`, lte: `${before}.000Z` } },
		];
		const cursors = new Set<string>();
		pages.forEach((page, i) => {
			const body = page.body as IDataObject;
			expect(page.status).toBe(200);
			expect(body).toMatchObject({ locationId: sandbox.locationId, pageLimit: 500, filters });
			if (i === 0) expect(body).not.toHaveProperty('searchAfter');
			else {
				expect(Array.isArray(body.searchAfter)).toBe(true);
				cursors.add(JSON.stringify(body.searchAfter));
			}
			expect(body).not.toHaveProperty('page');
		});
		expect(cursors.size).toBe(pages.length - 1);
	});

	it('Contact Get Many, Return All, tag only: every tagged contact in 4 requests', async () => {
		const expected = contacts()
			.filter((c) => c.tags.includes(TAG))
			.map((c) => c.id)
			.sort();
		expect(expected).toHaveLength(2000);
		const result = await run({ resource: 'contact', operation: 'getAll', returnAll: true, filters: { tags: TAG } });
		const ids = result.output('HighLevel').map((c) => String(c.id));
		expect(new Set(ids).size).toBe(2000);
		expect([...ids].sort()).toEqual(expected);
		// 2,000 = 4 full pages; the reported total stops the paging without an empty 5th request.
		expect(proxy.to('POST', '/contacts/search').map((r) => (r.body as IDataObject).pageLimit)).toEqual([
			500, 500, 500, 500,
		]);
	});

	it('Contact Get Many with a Limit stops early, asking only for what is missing', async () => {
		const all = await run({ resource: 'contact', operation: 'getAll', returnAll: true, filters: { tags: [TAG] } });
		const allIds = all.output('HighLevel').map((c) => c.id);
		proxy.requests.length = 0;

		const limited = await run({ resource: 'contact', operation: 'getAll', limit: 1200, filters: { tags: [TAG] } });
		expect(limited.output('HighLevel').map((c) => c.id)).toEqual(allIds.slice(0, 1200));
		expect(proxy.to('POST', '/contacts/search').map((r) => (r.body as IDataObject).pageLimit)).toEqual([
			500, 500, 200,
		]);
		proxy.requests.length = 0;

		const small = await run({ resource: 'contact', operation: 'getAll', limit: 30, filters: { tags: [TAG] } });
		expect(small.output('HighLevel').map((c) => c.id)).toEqual(allIds.slice(0, 30));
		expect(proxy.to('POST', '/contacts/search').map((r) => (r.body as IDataObject).pageLimit)).toEqual([30]);
	});

	describe('opportunities (keyset pages of ≤ 100)', () => {
		beforeAll(() => {
			const sales = pipelineNamed(sandbox, 'Sales Pipeline');
			const onboarding = pipelineNamed(sandbox, 'Onboarding');
			const contactIds = contacts()
				.filter((c) => c.source === 'sandbox seed')
				.map((c) => c.id);
			seedOpportunities(sandbox, 540, { pipeline: sales, contactIds, statuses: ['open', 'open', 'won'] });
			seedOpportunities(sandbox, 150, { pipeline: onboarding, contactIds: contactIds.slice(1000), statuses: ['open'] });
		});

		const openSales = () => {
			const sales = pipelineNamed(sandbox, 'Sales Pipeline');
			return [...sandbox.store.location().opportunities.values()].filter(
				(o) => o.pipelineId === sales.id && o.status === 'open',
			);
		};

		it('Return All, pipeline (by name) + status: exactly the matching set, location_id on every page', async () => {
			const sales = pipelineNamed(sandbox, 'Sales Pipeline');
			const expected = openSales()
				.map((o) => o.id)
				.sort();
			expect(expected.length).toBeGreaterThan(300);
			const result = await run({
				resource: 'opportunity',
				operation: 'getAll',
				returnAll: true,
				filters: { pipelineId: '={{ "Sales Pipeline" }}', status: 'open' },
			});
			expect(result.errors('HighLevel')).toEqual([]);
			const ids = result.output('HighLevel').map((o) => String(o.id));
			expect(new Set(ids).size).toBe(ids.length);
			expect([...ids].sort()).toEqual(expected);

			const pages = proxy.to('GET', '/opportunities/search');
			expect(pages).toHaveLength(Math.ceil(expected.length / 100));
			expect(pages.length).toBeGreaterThan(3);
			pages.forEach((page, i) => {
				expect(page.status).toBe(200);
				expect(page.query).toMatchObject({
					location_id: sandbox.locationId,
					pipeline_id: sales.id,
					status: 'open',
					limit: '100',
				});
				expect(page.query).not.toHaveProperty('locationId');
				if (i === 0) expect(page.query).not.toHaveProperty('startAfterId');
				else expect(page.query).toEqual(expect.objectContaining({ startAfter: expect.any(String), startAfterId: expect.any(String) }));
			});
		});

		it('Limit stops early: 250 records in requests of 100, 100 and 50', async () => {
			const all = await run({
				resource: 'opportunity',
				operation: 'getAll',
				returnAll: true,
				filters: { pipelineId: pipelineNamed(sandbox, 'Sales Pipeline').id, status: 'open' },
			});
			const allIds = all.output('HighLevel').map((o) => o.id);
			proxy.requests.length = 0;
			const limited = await run({
				resource: 'opportunity',
				operation: 'getAll',
				limit: 250,
				filters: { pipelineId: pipelineNamed(sandbox, 'Sales Pipeline').id, status: 'open' },
			});
			expect(limited.output('HighLevel').map((o) => o.id)).toEqual(allIds.slice(0, 250));
			expect(proxy.to('GET', '/opportunities/search').map((r) => r.query.limit)).toEqual(['100', '100', '50']);
		});
	});
});
