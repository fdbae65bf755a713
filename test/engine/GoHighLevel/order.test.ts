/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
import * as http from 'http';
import type { AddressInfo } from 'net';

import { addOrders, fulfillmentsOf, ordersOf, transactionsOf, type OrderRecord } from '../../sandbox/payments';
import { createCredentialStore } from '../harness';
import {
	byId,
	GENEROUS_RATE_LIMIT,
	operationCounts,
	operationsSince,
	pitCredential,
	runNode,
	SANDBOX_ZONE,
	useEngineSandbox,
	useSandbox,
	startFaultProxy,
} from './helpers';

/** `YYYY-MM-DD` of an ISO instant in the sandbox location's time zone (where the sandbox compares order dates). */
const dayOf = (isoDate: string) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: SANDBOX_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(isoDate));

/**
 * Order resource (payments.json): Get Many (filters; Return All over `limit` + `offset` pages until `totalCount`),
 * Get, Record Payment (major units through shared/money.ts; never re-sent), Get Many Fulfillments, Create
 * Fulfillment, through n8n-core and the sandbox.
 */
describe('Order resource', () => {
	const { sandbox, proxy, run, lastBody, errorText } = useEngineSandbox();
	const orders = () => ordersOf(sandbox.store.location());
	const newest = (list: OrderRecord[]) =>
		[...list].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
	beforeEach(() => {
		proxy.requests.length = 0;
	});

	it('Get Many, Return All: every order over ≥3 offset pages of 100 with altId and no altType, stopping at totalCount', async () => {
		addOrders(sandbox.store.location(), 230, { start: Date.UTC(2025, 10, 1), prefix: 'Bulk' });
		const all = await run({ resource: 'order', operation: 'getAll', returnAll: true });
		expect(all.errors('HighLevel')).toEqual([]);
		const ids = all.output('HighLevel').map((o) => String(o._id));
		expect(ids).toEqual(newest([...orders().values()]).map((o) => o._id));
		expect(ids.length).toBeGreaterThan(200);
		const pages = proxy.to('GET', '/payments/orders');
		expect(pages.map((p) => [p.query.limit, p.query.offset])).toEqual([
			['100', undefined],
			['100', '100'],
			['100', '200'],
		]);
		expect(pages.every((p) => p.query.altId === sandbox.locationId && p.query.altType === undefined)).toBe(true);
		expect(all.output('HighLevel')[0]).toMatchObject({ altId: sandbox.locationId, currency: 'USD', amount: 49 });
		expect(all.output('HighLevel')[0]).not.toHaveProperty('id');

		proxy.requests.length = 0;
		const limited = await run({ resource: 'order', operation: 'getAll', limit: 3 });
		expect(limited.output('HighLevel')).toHaveLength(3);
		expect(proxy.to('GET', '/payments/orders').map((p) => p.query.limit)).toEqual(['3']);
	});

	it('Get Many filters: payment status, contact (locator), date range as YYYY-MM-DD, funnel, search — only those sent', async () => {
		const contactId = [...sandbox.store.location().contacts.keys()][0];
		const [a, b] = addOrders(sandbox.store.location(), 2, { start: Date.UTC(2025, 11, 10, 15), contactId, sourceId: 'funnelFilter01' });
		ordersOf(sandbox.store.location()).get(a)!.paymentStatus = 'paid';
		const result = await run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filters: {
				paymentStatus: 'unpaid',
				contactId: byId(contactId),
				startAt: '2025-12-10T12:00:00Z',
				endAt: '2025-12-10T23:00:00Z',
				sourceId: byId('funnelFilter01'),
				search: '',
			},
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(result.output('HighLevel').map((o) => o._id)).toEqual([b]);
		const [request] = proxy.to('GET', '/payments/orders');
		expect(request.query).toEqual({
			altId: sandbox.locationId,
			paymentStatus: 'unpaid',
			contactId,
			startAt: '2025-12-10',
			endAt: '2025-12-10',
			sourceId: 'funnelFilter01',
			limit: '100',
		});

		const expected = newest([...orders().values()].filter((o) => dayOf(o.createdAt) >= '2025-09-01' && dayOf(o.createdAt) <= '2025-09-01'));
		const byDay = await run({ resource: 'order', operation: 'getAll', returnAll: true, filters: { startAt: '2025-09-01T17:00:00Z', endAt: '2025-09-01T17:00:00Z' } });
		expect(byDay.output('HighLevel').map((o) => o._id)).toEqual(expected.map((o) => o._id));
		expect(expected.length).toBeGreaterThan(0);
	});

	it('Get Many: an End Date before the Start Date fails before any request, naming the filter', async () => {
		const before = operationCounts(sandbox);
		const result = await run({ resource: 'order', operation: 'getAll', filters: { startAt: '2025-12-10T12:00:00Z', endAt: '2025-12-01T12:00:00Z' } });
		expect(errorText(result)).toMatch(/Filters → End Date/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('Get: the flat order by locator', async () => {
		const order = newest([...orders().values()])[5];
		const result = await run({ resource: 'order', operation: 'get', orderId: byId(order._id) });
		expect(result.errors('HighLevel')).toEqual([]);
		expect(result.output('HighLevel')).toEqual([expect.objectContaining({ _id: order._id, amount: order.amount, items: order.items })]);
		expect(proxy.to('GET', `/payments/orders/${order._id}`)[0].query).toEqual({ altId: sandbox.locationId });
	});

	it('Record Payment: a partial payment then the rest — exact major units, partially paid → paid, one transaction each', async () => {
		const [id] = addOrders(sandbox.store.location(), 1, { start: Date.UTC(2025, 11, 20), amount: 0.3 });
		const txns = () => [...transactionsOf(sandbox.store.location()).values()].filter((t) => t.entityId === id);
		const first = await run({
			resource: 'order',
			operation: 'recordPayment',
			orderId: byId(id),
			mode: 'cheque',
			amount: '0.1',
			additionalFields: { notes: 'First part', isPartialPayment: true, chequeNumber: '129-129' },
		});
		expect(first.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', `/payments/orders/${id}/record-payment`)).toEqual({
			altId: sandbox.locationId,
			altType: 'location',
			mode: 'cheque',
			amount: 0.1,
			notes: 'First part',
			isPartialPayment: true,
			cheque: { number: '129-129' },
		});
		expect(first.output('HighLevel')).toEqual([expect.objectContaining({ success: true })]);
		expect(orders().get(id)).toMatchObject({ paymentStatus: 'partially_paid', amountPaid: 0.1 });

		// 0.1 + 0.2 = 0.3 exactly: the order is paid, not left 0.00000000000000004 short.
		const second = await run({ resource: 'order', operation: 'recordPayment', orderId: byId(id), mode: 'cash', amount: 0.2 });
		expect(second.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', `/payments/orders/${id}/record-payment`)).toEqual({ altId: sandbox.locationId, altType: 'location', mode: 'cash', amount: 0.2 });
		expect(orders().get(id)).toMatchObject({ paymentStatus: 'paid', status: 'completed' });
		expect(txns().map((t) => [t.amount, t.paymentMode, t.paymentProviderType])).toEqual([
			[0.1, 'cheque', 'manual'],
			[0.2, 'cash', 'manual'],
		]);
	});

	it('Record Payment: a malformed amount fails before any request; more decimals than the order\'s currency, before the payment', async () => {
		const [usdOrder] = addOrders(sandbox.store.location(), 1, { amount: 100 });
		const [kwdOrder] = addOrders(sandbox.store.location(), 1, { amount: 100, currency: 'KWD' });
		const before = operationCounts(sandbox);
		const usd = await run({ resource: 'order', operation: 'recordPayment', orderId: byId(usdOrder), mode: 'cash', amount: '1.005' });
		expect(errorText(usd)).toMatch(/Amount.*1\.005 has 3 decimals; USD has 2/);
		const kwd = await run({ resource: 'order', operation: 'recordPayment', orderId: byId(kwdOrder), mode: 'cash', amount: '1.0005' });
		expect(errorText(kwd)).toMatch(/Amount.*has 4 decimals; KWD has 3/);
		// Only the orders were read (for their currency); no payment was sent.
		expect(operationsSince(sandbox, before)).toEqual({ 'get-order-by-id': 2 });
		// Not a decimal, or not above 0: refused before any request.
		const text = await run({ resource: 'order', operation: 'recordPayment', orderId: byId(usdOrder), mode: 'cash', amount: '5,00' });
		expect(errorText(text)).toMatch(/Amount.*no thousands separators/);
		const zero = await run({ resource: 'order', operation: 'recordPayment', orderId: byId(usdOrder), mode: 'cash', amount: '0.00' });
		expect(errorText(zero)).toMatch(/Amount.*0\.00 is not a payment: use an amount above 0/);
		expect(operationsSince(sandbox, before)).toEqual({ 'get-order-by-id': 2 });
		// Three decimals are fine for a three-decimal currency.
		const ok = await run({ resource: 'order', operation: 'recordPayment', orderId: byId(kwdOrder), mode: 'bank_transfer', amount: '1.005' });
		expect(ok.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', `/payments/orders/${kwdOrder}/record-payment`)).toMatchObject({ amount: 1.005, mode: 'bank_transfer' });
		expect(orders().get(kwdOrder)).toMatchObject({ amountPaid: 1.005, paymentStatus: 'partially_paid' });
	});

	it('Create Fulfillment, then Get Many Fulfillments: tracking and items sent as the spec wants; the order becomes fulfilled', async () => {
		const [id] = addOrders(sandbox.store.location(), 1, { start: Date.UTC(2025, 11, 21) });
		const priceId = orders().get(id)!.items[0].price._id;
		const created = await run({
			resource: 'order',
			operation: 'createFulfillment',
			orderId: byId(id),
			items: { item: [{ priceId, qty: 1 }] },
			trackings: { tracking: [{ trackingNumber: '40012345678', shippingCarrier: 'FedEx', trackingUrl: '' }] },
			notifyCustomer: true,
		});
		expect(created.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', `/payments/orders/${id}/fulfillments`)).toEqual({
			altId: sandbox.locationId,
			altType: 'location',
			trackings: [{ trackingNumber: '40012345678', shippingCarrier: 'FedEx' }],
			items: [{ priceId, qty: 1 }],
			notifyCustomer: true,
		});
		expect(created.output('HighLevel')).toEqual([expect.objectContaining({ items: [{ priceId, qty: 1 }], trackings: [{ trackingNumber: '40012345678', shippingCarrier: 'FedEx' }] })]);
		expect(orders().get(id)!.fulfillmentStatus).toBe('partially_fulfilled');

		await run({ resource: 'order', operation: 'createFulfillment', orderId: byId(id), items: { item: [{ priceId, qty: 1 }] }, notifyCustomer: false });
		expect(orders().get(id)!.fulfillmentStatus).toBe('fulfilled');
		expect([...fulfillmentsOf(sandbox.store.location()).values()].filter((f) => f.orderId === id)).toHaveLength(2);

		const listed = await run({ resource: 'order', operation: 'getFulfillments', orderId: byId(id) });
		expect(listed.errors('HighLevel')).toEqual([]);
		expect(listed.output('HighLevel')).toHaveLength(2);
		expect(proxy.to('GET', `/payments/orders/${id}/fulfillments`)[0].query).toEqual({ altId: sandbox.locationId, altType: 'location' });
	});

	it('webhook events: OrderCreate for a new order, OrderStatusUpdate when a payment completes it (not for a partial one)', async () => {
		const received: Array<Record<string, unknown>> = [];
		const receiver = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				received.push(JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>);
				res.writeHead(200).end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		try {
			sandbox.setWebhookUrl(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`);
			// No API creates orders: a customer's order is added as the emitter sees API changes.
			const [id] = sandbox.webhooks.capture(() => addOrders(sandbox.store.location(), 1, { amount: 20 }));
			await run({ resource: 'order', operation: 'recordPayment', orderId: byId(id), mode: 'cash', amount: '5', additionalFields: { isPartialPayment: true } });
			await run({ resource: 'order', operation: 'recordPayment', orderId: byId(id), mode: 'cash', amount: '15' });
			await sandbox.webhooks.idle();
			const mine = received.filter((e) => e._id === id);
			expect(mine.map((e) => e.type)).toEqual(['OrderCreate', 'OrderStatusUpdate']);
			expect(mine[0]).toMatchObject({ altId: sandbox.locationId, altType: 'location', amount: 20, currency: 'USD', status: 'pending' });
			expect(mine[1]).toMatchObject({ status: 'completed', paymentStatus: 'paid' });
			expect(mine[0]).not.toHaveProperty('id');
		} finally {
			sandbox.setWebhookUrl(undefined);
			await new Promise<void>((resolve) => receiver.close(() => resolve()));
		}
	});

	it('Create Fulfillment: an item without a price or a quantity below 1 fails before any request, naming the row', async () => {
		const [id] = addOrders(sandbox.store.location(), 1);
		const before = operationCounts(sandbox);
		const noPrice = await run({ resource: 'order', operation: 'createFulfillment', orderId: byId(id), items: { item: [{ priceId: '', qty: 1 }] } });
		expect(errorText(noPrice)).toMatch(/Items → row 1 → Price/);
		const zero = await run({ resource: 'order', operation: 'createFulfillment', orderId: byId(id), items: { item: [{ priceId: 'abcdef123', qty: 0 }] } });
		expect(errorText(zero)).toMatch(/Items → row 1 → Quantity/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});
});

describe('Order → Record Payment is never sent twice', () => {
	const sandbox = useSandbox({ rateLimit: GENEROUS_RATE_LIMIT });
	afterEach(() => expect(sandbox.stats.invalidRequests).toEqual([]));

	it('the connection drops after HighLevel recorded the payment: exactly one payment, and the error says it may have been processed', async () => {
		const proxy = await startFaultProxy(sandbox.url, (method, path) => (method === 'POST' && /\/record-payment$/.test(path) ? 'drop' : undefined));
		try {
			const [id] = addOrders(sandbox.store.location(), 1, { amount: 80 });
			const before = operationCounts(sandbox);
			const result = await runNode(
				sandbox,
				{ resource: 'order', operation: 'recordPayment', orderId: byId(id), mode: 'cash', amount: '30', additionalFields: { isPartialPayment: true } },
				{ credentials: createCredentialStore([pitCredential(sandbox, undefined, proxy.url)]), continueOnFail: true },
			);
			expect(proxy.faulted).toHaveLength(1);
			expect(proxy.forwarded.filter((key) => key.endsWith('/record-payment'))).toHaveLength(1);
			expect(operationsSince(sandbox, before)).toEqual({ 'get-order-by-id': 1, 'record-order-payment': 1 });
			expect([...transactionsOf(sandbox.store.location()).values()].filter((t) => t.entityId === id)).toHaveLength(1);
			expect(ordersOf(sandbox.store.location()).get(id)).toMatchObject({ paymentStatus: 'partially_paid', amountPaid: 30 });
			const errors = result.errors('HighLevel');
			expect(errors).toHaveLength(1);
			expect(`${errors[0].message} ${errors[0].description ?? ''}`).toMatch(/not re-sent automatically because it may have been processed/);
			expect(JSON.stringify(result.run)).not.toContain(sandbox.privateIntegrationToken);
		} finally {
			await proxy.close();
		}
	});
});
