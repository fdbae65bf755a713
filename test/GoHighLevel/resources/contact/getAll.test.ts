import { NodeOperationError, type IDataObject, type IHttpRequestOptions } from 'n8n-workflow';

import { buildContactSearch, MAX_QUERY_LENGTH } from '../../../../nodes/GoHighLevel/resources/contact/getAll';
import { fakeContext, LOCATION_ID } from '../../helpers';

/** Runs the preSend hook with the given node parameters on a search request that already has the location. */
async function build(parameters: Record<string, unknown>, itemIndex = 0) {
	const { ctx } = fakeContext({ parameters, itemIndex });
	const request: IHttpRequestOptions = { method: 'POST', url: '/contacts/search', body: { locationId: LOCATION_ID } };
	const result = await buildContactSearch.call(ctx, request);
	return result.body as IDataObject;
}

async function failure(parameters: Record<string, unknown>) {
	return (await build(parameters, 1).catch((e: unknown) => e)) as NodeOperationError;
}

describe('buildContactSearch', () => {
	it('sends only the location when nothing is set', async () => {
		await expect(build({})).resolves.toEqual({ locationId: LOCATION_ID });
	});

	it('one eq filter per tag (all must match), from a list or a comma-separated string', async () => {
		const expected = [
			{ field: 'tags', operator: 'eq', value: 'vip' },
			{ field: 'tags', operator: 'eq', value: 'newsletter' },
		];
		expect((await build({ filters: { tags: ['vip', ' newsletter ', ''] } })).filters).toEqual(expected);
		expect((await build({ filters: { tags: 'vip, newsletter,' } })).filters).toEqual(expected);
	});

	it('email eq filter, trimmed and lower-cased', async () => {
		const body = await build({ filters: { email: ' Ada.Lovelace@Example.COM ' } });
		expect(body.filters).toEqual([{ field: 'email', operator: 'eq', value: 'ada.lovelace@example.com' }]);
	});

	it('phone and assigned user eq filters', async () => {
		const body = await build({ filters: { phone: ' +14155550123 ', assignedTo: 'user-1' } });
		expect(body.filters).toEqual([
			{ field: 'phone', operator: 'eq', value: '+14155550123' },
			{ field: 'assignedTo', operator: 'eq', value: 'user-1' },
		]);
	});

	it('assigned user from the resource locator (list or ID mode); an empty locator adds no filter', async () => {
		const expected = [{ field: 'assignedTo', operator: 'eq', value: 'user-1' }];
		const list = { __rl: true, mode: 'list', value: 'user-1' };
		expect((await build({ filters: { assignedTo: list } })).filters).toEqual(expected);
		expect((await build({ filters: { assignedTo: { ...list, mode: 'id', value: ' user-1 ' } } })).filters).toEqual(expected);
		expect(await build({ filters: { assignedTo: { ...list, value: '' } } })).toEqual({ locationId: LOCATION_ID });
	});

	it('date added range: gte / lte in ISO 8601 UTC', async () => {
		const body = await build({
			filters: { dateAddedAfter: '2024-01-01T00:00:00+01:00', dateAddedBefore: '2024-02-01T12:00:00Z' },
		});
		expect(body.filters).toEqual([
			{
				field: 'dateAdded',
				operator: 'range',
				value: { gte: '2023-12-31T23:00:00.000Z', lte: '2024-02-01T12:00:00.000Z' },
			},
		]);
	});

	it('an open range has one bound only', async () => {
		const body = await build({ filters: { dateAddedAfter: '2024-01-01T00:00:00Z' } });
		expect(body.filters).toEqual([
			{ field: 'dateAdded', operator: 'range', value: { gte: '2024-01-01T00:00:00.000Z' } },
		]);
	});

	it('combines query, filters and sort, keeping the body it was given', async () => {
		const body = await build({
			query: '  ada  ',
			filters: { tags: ['vip'], email: 'ada@example.com' },
			sort: { field: 'dateUpdated', direction: 'asc' },
		});
		expect(body).toEqual({
			locationId: LOCATION_ID,
			query: 'ada',
			filters: [
				{ field: 'tags', operator: 'eq', value: 'vip' },
				{ field: 'email', operator: 'eq', value: 'ada@example.com' },
			],
			sort: [{ field: 'dateUpdated', direction: 'asc' }],
		});
	});

	it('sort direction defaults to desc', async () => {
		expect((await build({ sort: { field: 'dateAdded' } })).sort).toEqual([{ field: 'dateAdded', direction: 'desc' }]);
	});

	it(`accepts a query of exactly ${MAX_QUERY_LENGTH} characters`, async () => {
		const query = 'q'.repeat(MAX_QUERY_LENGTH);
		expect((await build({ query })).query).toBe(query);
	});

	it(`query longer than ${MAX_QUERY_LENGTH} characters: error naming "Search Query"`, async () => {
		const error = await failure({ query: 'q'.repeat(MAX_QUERY_LENGTH + 1) });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Invalid Search Query');
		expect(error.description).toContain('Parameter "Search Query"');
		expect(error.description).toContain(String(MAX_QUERY_LENGTH + 1));
		expect(error.context.itemIndex).toBe(1);
	});

	it('Date Added After later than Date Added Before: error naming them', async () => {
		const error = await failure({
			filters: { dateAddedAfter: '2024-03-01T00:00:00Z', dateAddedBefore: '2024-02-01T00:00:00Z' },
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Invalid Date Added After');
		expect(error.description).toContain('Date Added Before');
	});

	it('compares the range in UTC, not as written', async () => {
		// 01:00+02:00 is 23:00Z the day before: earlier than 00:30Z.
		const body = await build({
			filters: { dateAddedAfter: '2024-03-02T01:00:00+02:00', dateAddedBefore: '2024-03-02T00:30:00Z' },
		});
		expect(body.filters).toHaveLength(1);
	});

	it.each([
		['Email', { email: 'not-an-email' }],
		['Phone', { phone: '12ab' }],
		['Date Added After', { dateAddedAfter: 'yesterday-ish' }],
		['Date Added Before', { dateAddedBefore: 'soon' }],
	])('malformed %s: error naming the parameter', async (parameter, filters) => {
		const error = await failure({ filters });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(`Invalid ${parameter}`);
		expect(error.description).toContain(`Parameter "${parameter}"`);
	});
});
