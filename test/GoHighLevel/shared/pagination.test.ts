import { NodeOperationError, type IDataObject, type IHttpRequestOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../../nodes/GoHighLevel/shared/endpoints';
import { fetchPages } from '../../../nodes/GoHighLevel/shared/pagination';
import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { buildRequest, CREDENTIAL_TYPES, type Connection } from '../../../nodes/GoHighLevel/shared/transport';
import { BASE_URL, fakeContext, LOCATION_ID, ok } from '../helpers';

const connection: Connection = {
	credentialType: CREDENTIAL_TYPES.privateIntegrationToken,
	baseUrl: BASE_URL,
	locationId: LOCATION_ID,
	rateLimitKey: `${BASE_URL}|${LOCATION_ID}`,
	tokenType: 'Location',
};

beforeEach(() => rateLimiter.reset());

/** `count` contacts numbered from `from`, each carrying its `searchAfter` cursor as POST /contacts/search does. */
function contacts(from: number, count: number): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({
		id: `c${from + i}`,
		searchAfter: [1_700_000_000_000 + from + i, `c${from + i}`],
	}));
}

function opportunities(from: number, count: number): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({ id: `o${from + i}` }));
}

/**
 * A contact search server holding `total` contacts: honours `pageLimit` and `searchAfter` like HighLevel
 * (FACTS.md 2.1), reports `total` unless `withTotal` is false.
 */
function contactServer(total: number, withTotal = true) {
	const all = contacts(0, total);
	return async (_type: string, options: IHttpRequestOptions) => {
		const body = options.body as IDataObject;
		const after = body.searchAfter as unknown[] | undefined;
		const start = after ? all.findIndex((c) => c.id === after[1]) + 1 : 0;
		const page = all.slice(start, start + Number(body.pageLimit));
		return ok(withTotal ? { contacts: page, total } : { contacts: page });
	};
}

const FILTERS = [{ field: 'tags', operator: 'eq', value: 'vip' }];
const SORT = [{ field: 'dateAdded', direction: 'desc' }];

describe('fetchPages — searchAfter (POST /contacts/search)', () => {
	const endpoint = ENDPOINTS.searchContacts;
	const first = () =>
		buildRequest(fakeContext().ctx, endpoint, connection, { body: { query: 'ada', filters: FILTERS, sort: SORT } });

	it('Return All: every page keeps location, query, filters and sort; cursor from the last record', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(contactServer(1200));
		const records = await fetchPages(ctx, endpoint, connection, first(), Infinity);
		expect(records.map((r) => r.id)).toEqual(contacts(0, 1200).map((c) => c.id));
		expect(http).toHaveBeenCalledTimes(3);
		const bodies = http.mock.calls.map(([, options]) => options.body as IDataObject);
		for (const body of bodies) {
			expect(body).toMatchObject({ locationId: LOCATION_ID, query: 'ada', filters: FILTERS, sort: SORT, pageLimit: 500 });
			expect(body).not.toHaveProperty('page');
		}
		expect(bodies[0]).not.toHaveProperty('searchAfter');
		expect(bodies[1].searchAfter).toEqual(contacts(499, 1)[0].searchAfter);
		expect(bodies[2].searchAfter).toEqual(contacts(999, 1)[0].searchAfter);
		for (const [, options] of http.mock.calls) {
			expect(options).toMatchObject({ method: 'POST', url: '/contacts/search', headers: { Version: '2021-07-28' } });
		}
	});

	it('asks for only what the limit still needs: pageLimit = min(500, remaining)', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(contactServer(5000));
		const records = await fetchPages(ctx, endpoint, connection, first(), 730);
		expect(records).toHaveLength(730);
		expect(http.mock.calls.map(([, o]) => (o.body as IDataObject).pageLimit)).toEqual([500, 230]);
	});

	it('a small limit is one small page', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(contactServer(5000));
		const records = await fetchPages(ctx, endpoint, connection, first(), 30);
		expect(records.map((r) => r.id)).toEqual(contacts(0, 30).map((c) => c.id));
		expect(http).toHaveBeenCalledTimes(1);
		expect((http.mock.calls[0][1].body as IDataObject).pageLimit).toBe(30);
	});

	it('cuts a page that returns more than the limit', async () => {
		const { ctx, http } = fakeContext();
		http.mockResolvedValue(ok({ contacts: contacts(0, 40), total: 40 }));
		const records = await fetchPages(ctx, endpoint, connection, first(), 25);
		expect(records).toHaveLength(25);
		expect(http).toHaveBeenCalledTimes(1);
	});

	it('stops when the reported total is reached, even on a full page', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(contactServer(1000));
		const records = await fetchPages(ctx, endpoint, connection, first(), Infinity);
		expect(records).toHaveLength(1000);
		expect(http).toHaveBeenCalledTimes(2);
	});

	it('stops on a short page when no total is reported', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(contactServer(620, false));
		const records = await fetchPages(ctx, endpoint, connection, first(), Infinity);
		expect(records).toHaveLength(620);
		expect(http).toHaveBeenCalledTimes(2);
	});

	it('stops when a full page carries no cursor', async () => {
		const { ctx, http } = fakeContext();
		http.mockResolvedValue(ok({ contacts: contacts(0, 500).map(({ id }) => ({ id })) }));
		const records = await fetchPages(ctx, endpoint, connection, first(), Infinity);
		expect(records).toHaveLength(500);
		expect(http).toHaveBeenCalledTimes(1);
	});

	it('stops on an empty page', async () => {
		const { ctx, http } = fakeContext();
		http.mockResolvedValue(ok({ contacts: [], total: 0 }));
		await expect(fetchPages(ctx, endpoint, connection, first(), Infinity)).resolves.toEqual([]);
		expect(http).toHaveBeenCalledTimes(1);
	});

	it('throws NodeOperationError when HighLevel repeats a cursor', async () => {
		const { ctx, http } = fakeContext();
		http.mockResolvedValue(ok({ contacts: contacts(0, 500) }));
		const error = await fetchPages(ctx, endpoint, connection, first(), Infinity).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toContain('same page');
		expect(http).toHaveBeenCalledTimes(2);
	});
});

describe('fetchPages — startAfterMeta (GET /opportunities/search)', () => {
	const endpoint = ENDPOINTS.searchOpportunities;
	const first = () =>
		buildRequest(fakeContext().ctx, endpoint, connection, { qs: { pipeline_id: 'p1', status: 'open', order: 'added_desc' } });

	/** A server holding `total` opportunities, paging with startAfterId like HighLevel's meta (opportunities.json). */
	function opportunityServer(total: number) {
		const all = opportunities(0, total);
		return async (_type: string, options: IHttpRequestOptions) => {
			const qs = options.qs as IDataObject;
			const start = qs.startAfterId ? all.findIndex((o) => o.id === qs.startAfterId) + 1 : 0;
			const page = all.slice(start, start + Number(qs.limit));
			const last = page[page.length - 1];
			const more = start + page.length < total;
			return ok({
				opportunities: page,
				meta: {
					total,
					startAfterId: last?.id,
					startAfter: last ? 1_700_000_000_000 + start + page.length : undefined,
					nextPageUrl: more ? `${BASE_URL}/opportunities/search?startAfterId=${String(last.id)}` : null,
				},
			});
		};
	}

	it('Return All: every page keeps location_id and filters in the query; cursor from meta', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(opportunityServer(250));
		const records = await fetchPages(ctx, endpoint, connection, first(), Infinity);
		expect(records.map((r) => r.id)).toEqual(opportunities(0, 250).map((o) => o.id));
		expect(http).toHaveBeenCalledTimes(3);
		const queries = http.mock.calls.map(([, options]) => options.qs as IDataObject);
		for (const qs of queries) {
			expect(qs).toMatchObject({ location_id: LOCATION_ID, pipeline_id: 'p1', status: 'open', order: 'added_desc', limit: 100 });
		}
		expect(queries[0]).not.toHaveProperty('startAfterId');
		expect(queries[1]).toMatchObject({ startAfterId: 'o99', startAfter: 1_700_000_000_100 });
		expect(queries[2]).toMatchObject({ startAfterId: 'o199', startAfter: 1_700_000_000_200 });
		for (const [, options] of http.mock.calls) {
			expect(options).not.toHaveProperty('body');
			expect(options.method).toBe('GET');
		}
	});

	it('stops on nextPageUrl: null even though a cursor is present', async () => {
		const { ctx, http } = fakeContext();
		http.mockResolvedValue(
			ok({
				opportunities: opportunities(0, 100),
				meta: { startAfterId: 'o99', startAfter: 1_700_000_000_099, nextPageUrl: null },
			}),
		);
		const records = await fetchPages(ctx, endpoint, connection, first(), Infinity);
		expect(records).toHaveLength(100);
		expect(http).toHaveBeenCalledTimes(1);
	});

	it('asks for only what the limit still needs: limit = min(100, remaining)', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(opportunityServer(1000));
		const records = await fetchPages(ctx, endpoint, connection, first(), 130);
		expect(records).toHaveLength(130);
		expect(http.mock.calls.map(([, o]) => (o.qs as IDataObject).limit)).toEqual([100, 30]);
	});

	it('stops when meta.total is reached', async () => {
		const { ctx, http } = fakeContext();
		http.mockResolvedValue(
			ok({
				opportunities: opportunities(0, 100),
				meta: { total: 100, startAfterId: 'o99', startAfter: 1, nextPageUrl: `${BASE_URL}/next` },
			}),
		);
		await fetchPages(ctx, endpoint, connection, first(), Infinity);
		expect(http).toHaveBeenCalledTimes(1);
	});

	it('throws NodeOperationError when HighLevel repeats a cursor', async () => {
		const { ctx, http } = fakeContext();
		http.mockResolvedValue(
			ok({
				opportunities: opportunities(0, 100),
				meta: { startAfterId: 'o99', startAfter: 1, nextPageUrl: `${BASE_URL}/next` },
			}),
		);
		const error = await fetchPages(ctx, endpoint, connection, first(), Infinity).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(http).toHaveBeenCalledTimes(2);
	});
});

it('fetchPages refuses an endpoint that does not page', async () => {
	const { ctx, http } = fakeContext();
	const first = buildRequest(ctx, ENDPOINTS.getPipelines, connection);
	await expect(fetchPages(ctx, ENDPOINTS.getPipelines, connection, first, 10)).rejects.toBeInstanceOf(NodeOperationError);
	expect(http).not.toHaveBeenCalled();
});

describe('fetchPages — stop predicate', () => {
	it('ends after the page for which stop() is true, even though a cursor follows', async () => {
		const endpoint = ENDPOINTS.searchContacts;
		const { ctx, http } = fakeContext();
		http.mockImplementation(contactServer(2000));
		const seen: number[] = [];
		const records = await fetchPages(
			ctx,
			endpoint,
			connection,
			buildRequest(ctx, endpoint, connection, { body: {} }),
			Infinity,
			{
				stop: (page) => {
					seen.push(page.length);
					return seen.length === 2;
				},
			},
		);
		expect(records).toHaveLength(1000);
		expect(http).toHaveBeenCalledTimes(2);
		expect(seen).toEqual([500, 500]);
	});
});

describe('fetchPages — shapePage', () => {
	it('keeps only shaped records, page by page, while cursors and Limit still come from the pages as sent', async () => {
		const endpoint = ENDPOINTS.searchContacts;
		const { ctx, http } = fakeContext();
		http.mockImplementation(contactServer(1200));
		const shapedPages: number[] = [];
		const records = await fetchPages(
			ctx,
			endpoint,
			connection,
			buildRequest(ctx, endpoint, connection, { body: {} }),
			1100,
			{
				shapePage: async (page) => {
					shapedPages.push(page.length);
					return page.map((record) => ({ shaped: record.id }));
				},
			},
		);
		expect(shapedPages).toEqual([500, 500, 100]);
		expect(records).toEqual(contacts(0, 1100).map((c) => ({ shaped: c.id })));
		const bodies = http.mock.calls.map(([, options]) => options.body as IDataObject);
		expect(bodies[1].searchAfter).toEqual(contacts(499, 1)[0].searchAfter);
		expect(bodies[2]).toMatchObject({ pageLimit: 100, searchAfter: contacts(999, 1)[0].searchAfter });
	});
});

describe('fetchPages — nextCursor (GET /conversations/messages/export)', () => {
	const endpoint = ENDPOINTS.exportMessages;
	/** An export holding `total` messages, `limit` per page, `nextCursor` null on the last page. */
	function exportServer(total: number) {
		return async (_type: string, options: IHttpRequestOptions) => {
			const qs = options.qs as IDataObject;
			const start = qs.cursor ? Number(String(qs.cursor).slice(1)) : 0;
			const end = Math.min(total, start + Number(qs.limit));
			const messages = Array.from({ length: end - start }, (_, i) => ({ id: `m${start + i}` }));
			return ok({ messages, nextCursor: end < total ? `n${end}` : null, total });
		};
	}

	it('follows nextCursor in the query, keeping every other parameter, until it is null', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(exportServer(1100));
		const request = buildRequest(ctx, endpoint, connection, { qs: { channel: 'Email', sortBy: 'createdAt' } });
		const records = await fetchPages(ctx, endpoint, connection, request, Infinity);
		expect(records.map((r) => r.id)).toEqual(Array.from({ length: 1100 }, (_, i) => `m${i}`));
		const queries = http.mock.calls.map(([, o]) => o.qs as IDataObject);
		expect(queries.map((q) => q.cursor)).toEqual([undefined, 'n500', 'n1000']);
		for (const q of queries) {
			expect(q).toMatchObject({ locationId: LOCATION_ID, channel: 'Email', sortBy: 'createdAt', limit: 500 });
		}
	});

	it('never asks for fewer than the endpoint\'s minimum page size (10)', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(exportServer(100));
		const records = await fetchPages(ctx, endpoint, connection, buildRequest(ctx, endpoint, connection), 3);
		expect(records).toHaveLength(3);
		expect((http.mock.calls[0][1].qs as IDataObject).limit).toBe(10);
	});
});

describe('fetchPages — offset (POST /locations/{locationId}/tasks/search)', () => {
	const endpoint = ENDPOINTS.searchLocationTasks;

	it('moves skip by what each page returned and stops only on an empty page (a short page may be a cap)', async () => {
		const { ctx, http } = fakeContext();
		const total = 130;
		http.mockImplementation(async (_type: string, options: IHttpRequestOptions) => {
			const body = options.body as IDataObject;
			const skip = Number(body.skip ?? 0);
			// The server caps pages at 40 whatever limit is asked for.
			const count = Math.max(0, Math.min(40, Number(body.limit), total - skip));
			return ok({ tasks: Array.from({ length: count }, (_, i) => ({ id: `t${skip + i}` })) });
		});
		const records = await fetchPages(ctx, endpoint, connection, buildRequest(ctx, endpoint, connection), Infinity);
		expect(records.map((r) => r.id)).toEqual(Array.from({ length: total }, (_, i) => `t${i}`));
		const bodies = http.mock.calls.map(([, o]) => o.body as IDataObject);
		expect(bodies.map((b) => b.skip)).toEqual([undefined, 40, 80, 120, 130]);
		expect(bodies.every((b) => b.limit === 100)).toBe(true);
		expect(http.mock.calls[0][1].url).toBe(`/locations/${LOCATION_ID}/tasks/search`);
	});
});

describe('fetchPages — lastMessageId (GET /conversations/{id}/messages)', () => {
	const endpoint = ENDPOINTS.getConversationMessages;
	const all = Array.from({ length: 45 }, (_, i) => ({ id: `m${i}` }));
	/** A server capping pages at 20 (the documented default) whatever `limit` asks, flat (spec) or nested shape. */
	const server = (nested: boolean) => async (_type: string, options: IHttpRequestOptions) => {
		const qs = options.qs as IDataObject;
		const start = qs.lastMessageId ? all.findIndex((m) => m.id === qs.lastMessageId) + 1 : 0;
		const page = all.slice(start, start + Math.min(20, Number(qs.limit)));
		const inner = { lastMessageId: page[page.length - 1]?.id, nextPage: start + page.length < all.length, messages: page };
		return ok(nested ? { messages: inner } : inner);
	};
	const first = () => buildRequest(fakeContext().ctx, endpoint, connection, { path: { conversationId: 'conv1' }, qs: { type: 'TYPE_SMS' } });

	it.each([
		['the spec\'s flat shape', false],
		['the nested shape clients see', true],
	])('Return All follows lastMessageId while nextPage is true, also past short pages (%s)', async (_label, nested) => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(server(nested));
		const records = await fetchPages(ctx, endpoint, connection, first(), Infinity);
		expect(records.map((r) => r.id)).toEqual(all.map((m) => m.id));
		const queries = http.mock.calls.map(([, options]) => options.qs as IDataObject);
		expect(queries.map((q) => q.lastMessageId)).toEqual([undefined, 'm19', 'm39']);
		expect(queries.every((q) => q.type === 'TYPE_SMS' && q.limit === 100)).toBe(true);
	});
});

describe('fetchPages — startAfterDate (GET /conversations/search)', () => {
	const endpoint = ENDPOINTS.searchConversations;
	const all = Array.from({ length: 130 }, (_, i) => ({ id: `v${i}`, lastMessageDate: 2_000_000 - i * 10, sort: [2_000_000 - i * 10] }));
	it('Return All: startAfterDate = the last record\'s sort value; a page shorter than asked does not end the list while total is not reached', async () => {
		const { ctx, http } = fakeContext();
		http.mockImplementation(async (_type: string, options: IHttpRequestOptions) => {
			const qs = options.qs as IDataObject;
			const start = qs.startAfterDate === undefined ? 0 : all.findIndex((c) => c.lastMessageDate < Number(qs.startAfterDate));
			return ok({ conversations: all.slice(start, start + 60), total: all.length });
		});
		const records = await fetchPages(ctx, endpoint, connection, buildRequest(ctx, endpoint, connection, { qs: { status: 'unread' } }), Infinity);
		expect(records.map((r) => r.id)).toEqual(all.map((c) => c.id));
		const queries = http.mock.calls.map(([, options]) => options.qs as IDataObject);
		expect(queries.map((q) => q.startAfterDate)).toEqual([undefined, 2_000_000 - 590, 2_000_000 - 1190]);
		expect(queries.every((q) => q.status === 'unread' && q.locationId === LOCATION_ID)).toBe(true);
	});
});
