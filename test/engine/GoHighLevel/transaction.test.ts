import { addSubscriptions, addTransactions, subscriptionsOf, transactionsOf } from '../../sandbox/payments';
import { byId, SANDBOX_ZONE, useEngineSandbox } from './helpers';

/** `YYYY-MM-DD` of an ISO instant in the sandbox location's time zone (where the sandbox compares dates). */
const dayOf = (isoDate: string) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: SANDBOX_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(isoDate));

const newestFirst = <T extends { createdAt: string; id: string }>(list: T[]) =>
	[...list].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));

/**
 * Transaction and Subscription resources (payments.json): Get Many (Return All over `limit` + `offset` pages until
 * `totalCount`, with `altId` + `altType=location`; date range, contact, subscription, payment mode filters) and Get,
 * through n8n-core and the sandbox.
 */
describe('Transaction resource', () => {
	const { sandbox, proxy, run, errorText } = useEngineSandbox();
	const txns = () => [...transactionsOf(sandbox.store.location()).values()];
	beforeEach(() => {
		proxy.requests.length = 0;
	});

	it('Get Many, Return All: every transaction over ≥3 offset pages of 100, altId + altType=location, stopping at totalCount', async () => {
		addTransactions(sandbox.store.location(), 240, { start: Date.UTC(2025, 10, 1) });
		const all = await run({ resource: 'transaction', operation: 'getAll', returnAll: true });
		expect(all.errors('HighLevel')).toEqual([]);
		expect(all.output('HighLevel').map((t) => t._id)).toEqual(newestFirst(txns()).map((t) => t._id));
		const pages = proxy.to('GET', '/payments/transactions');
		expect(pages.map((p) => [p.query.limit, p.query.offset])).toEqual([
			['100', undefined],
			['100', '100'],
			['100', '200'],
		]);
		expect(pages.every((p) => p.query.altId === sandbox.locationId && p.query.altType === 'location')).toBe(true);

		proxy.requests.length = 0;
		const limited = await run({ resource: 'transaction', operation: 'getAll', limit: 5 });
		expect(limited.output('HighLevel')).toHaveLength(5);
		expect(proxy.to('GET', '/payments/transactions').map((p) => p.query.limit)).toEqual(['5']);
	});

	it('Get Many filters: contact, subscription (locators), payment mode and a date range as YYYY-MM-DD', async () => {
		const contactId = [...sandbox.store.location().contacts.keys()][1];
		const [subId] = addSubscriptions(sandbox.store.location(), 1, { start: Date.UTC(2025, 11, 5, 15), contactId });
		addTransactions(sandbox.store.location(), 2, { start: Date.UTC(2025, 11, 6, 15), contactId, subscriptionId: subId });
		addTransactions(sandbox.store.location(), 1, { start: Date.UTC(2025, 11, 6, 16), contactId, subscriptionId: subId, liveMode: false });
		const result = await run({
			resource: 'transaction',
			operation: 'getAll',
			returnAll: true,
			filters: {
				contactId: byId(contactId),
				subscriptionId: byId(subId),
				paymentMode: 'live',
				startAt: '2025-12-06T12:00:00Z',
				endAt: '2025-12-06T12:00:00Z',
			},
		});
		expect(result.errors('HighLevel')).toEqual([]);
		const expected = newestFirst(
			txns().filter((t) => t.contactId === contactId && t.subscriptionId === subId && t.liveMode && dayOf(t.createdAt) === '2025-12-06'),
		);
		expect(expected).toHaveLength(2);
		expect(result.output('HighLevel').map((t) => t._id)).toEqual(expected.map((t) => t._id));
		expect(proxy.to('GET', '/payments/transactions')[0].query).toEqual({
			altId: sandbox.locationId,
			altType: 'location',
			contactId,
			subscriptionId: subId,
			paymentMode: 'live',
			startAt: '2025-12-06',
			endAt: '2025-12-06',
			limit: '100',
		});
	});

	it('Get: the flat transaction; a date that is not a date fails before any request', async () => {
		const txn = newestFirst(txns())[3];
		const got = await run({ resource: 'transaction', operation: 'get', transactionId: byId(txn._id) });
		expect(got.errors('HighLevel')).toEqual([]);
		expect(got.output('HighLevel')).toEqual([expect.objectContaining({ _id: txn._id, amount: txn.amount, currency: 'USD' })]);
		expect(proxy.to('GET', `/payments/transactions/${txn._id}`)[0].query).toEqual({ altId: sandbox.locationId, altType: 'location' });

		proxy.requests.length = 0;
		const bad = await run({ resource: 'transaction', operation: 'getAll', filters: { startAt: 'next tuesday-ish' } });
		expect(errorText(bad)).toMatch(/Start Date/);
		expect(proxy.requests).toEqual([]);
	});
});

describe('Subscription resource', () => {
	const { sandbox, proxy, run } = useEngineSandbox();
	const subs = () => [...subscriptionsOf(sandbox.store.location()).values()];
	beforeEach(() => {
		proxy.requests.length = 0;
	});

	it('Get Many, Return All over ≥3 pages; contact and date filters; Get', async () => {
		addSubscriptions(sandbox.store.location(), 210, { start: Date.UTC(2024, 0, 1) });
		const all = await run({ resource: 'subscription', operation: 'getAll', returnAll: true });
		expect(all.errors('HighLevel')).toEqual([]);
		expect(all.output('HighLevel').map((s) => s._id)).toEqual(newestFirst(subs()).map((s) => s._id));
		const pages = proxy.to('GET', '/payments/subscriptions');
		expect(pages.map((p) => p.query.offset)).toEqual([undefined, '100', '200']);
		expect(pages.every((p) => p.query.altType === 'location' && p.query.altId === sandbox.locationId)).toBe(true);

		const contactId = [...sandbox.store.location().contacts.keys()][2];
		const [mine] = addSubscriptions(sandbox.store.location(), 1, { start: Date.UTC(2025, 11, 24, 15), contactId });
		proxy.requests.length = 0;
		const filtered = await run({
			resource: 'subscription',
			operation: 'getAll',
			returnAll: true,
			filters: { contactId: byId(contactId), startAt: '2025-12-24T12:00:00Z', endAt: '2025-12-25T12:00:00Z' },
		});
		expect(filtered.output('HighLevel').map((s) => s._id)).toEqual([mine]);
		expect(proxy.to('GET', '/payments/subscriptions')[0].query).toMatchObject({ contactId, startAt: '2025-12-24', endAt: '2025-12-25' });

		const got = await run({ resource: 'subscription', operation: 'get', subscriptionId: byId(mine) });
		expect(got.errors('HighLevel')).toEqual([]);
		expect(got.output('HighLevel')).toEqual([expect.objectContaining({ _id: mine, contactId, amount: 29.99, status: expect.any(String) })]);
	});
});
