import { invoicesOf, type InvoiceRecord } from '../../sandbox/invoices';
import { createCredentialStore } from '../harness';
import {
	byId,
	GENEROUS_RATE_LIMIT,
	operationCounts,
	operationsSince,
	pitCredential,
	runNode,
	useEngineSandbox,
	useSandbox,
	startFaultProxy,
} from './helpers';

/**
 * Every operation of the Invoice resource (invoices.json, FACTS.md 2.11) through n8n-core and the sandbox: request
 * shape (altId + altType, amounts in major units, contact details), sandbox state (totals kept in minor units) and
 * output.
 */
describe('Invoice operations', () => {
	const { sandbox, proxy, run, last, lastBody, errorText } = useEngineSandbox();
	const invoices = () => invoicesOf(sandbox.store.location());
	const contact = () => [...sandbox.store.location().contacts.values()].find((c) => c.email && c.phone)!;
	const firstUser = () => sandbox.store.location().users[0];

	const lineItems = (...items: Array<Record<string, unknown>>) => ({ item: items });
	let draftId: string;

	it('Create: line items from the fields, 0.1 + 0.2 kept exact; contact details from the contact; altType', async () => {
		const c = contact();
		const result = await run({
			resource: 'invoice',
			operation: 'create',
			name: 'Audit',
			contactId: byId(c.id),
			currency: 'USD',
			issueDate: '2026-03-01',
			lineItems: lineItems({ name: 'Part A', amount: '0.1', qty: 1 }, { name: 'Part B', amount: 0.2, qty: 1, description: 'second' }),
			businessDetails: { name: 'Acme Services', website: '' },
			additionalFields: { dueDate: '2026-03-15', title: 'INVOICE' },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		const body = lastBody('POST', '/invoices/');
		expect(body).toMatchObject({
			altId: sandbox.locationId,
			altType: 'location',
			name: 'Audit',
			currency: 'USD',
			issueDate: '2026-03-01',
			dueDate: '2026-03-15',
			liveMode: true,
			discount: { type: 'percentage', value: 0 },
			businessDetails: { name: 'Acme Services' },
			items: [
				{ name: 'Part A', currency: 'USD', amount: 0.1, qty: 1 },
				{ name: 'Part B', currency: 'USD', amount: 0.2, qty: 1, description: 'second' },
			],
			contactDetails: { id: c.id, email: c.email, phoneNo: c.phone },
			sentTo: { email: [c.email], phoneNo: [c.phone] },
		});
		const [invoice] = result.output('HighLevel');
		expect(invoice).toMatchObject({ status: 'draft', total: 0.3, amountDue: 0.3, currency: 'USD' });
		draftId = String(invoice._id);
		const stored = invoices().get(draftId) as InvoiceRecord;
		expect(stored.items.map((i) => i.amountMinor)).toEqual([10, 20]);
	});

	it('Create: line items from an expression (array from the previous node), KWD with three decimals', async () => {
		const c = contact();
		const result = await run(
			{
				resource: 'invoice',
				operation: 'create',
				name: '={{ $json.title }}',
				contactId: byId(c.id),
				currency: 'KWD',
				lineItemsInput: 'expression',
				lineItemsExpression: '={{ $json.items }}',
				additionalFields: { discountType: 'fixed', discountValue: '0.005' },
			},
			[{ title: 'Kuwait order', items: [{ name: 'Tea', amount: '1.005', qty: 3 }, { name: 'Cups', amount: 2.25, quantity: 2, productId: 'prod123456' }] }],
		);
		expect(result.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', '/invoices/').items).toEqual([
			{ name: 'Tea', currency: 'KWD', amount: 1.005, qty: 3 },
			{ name: 'Cups', currency: 'KWD', amount: 2.25, qty: 2, productId: 'prod123456' },
		]);
		expect(lastBody('POST', '/invoices/').discount).toEqual({ type: 'fixed', value: 0.005 });
		// 3 × 1.005 + 2 × 2.250 − 0.005 = 7.510 KWD
		expect(result.output('HighLevel')[0]).toMatchObject({ name: 'Kuwait order', total: 7.51, currency: 'KWD' });
	});

	it('Create: an item tax from the fields (ID, name, rate) is sent as the item\'s taxes; an incomplete tax fails first', async () => {
		const c = contact();
		const result = await run({
			resource: 'invoice',
			operation: 'create',
			name: 'Taxed',
			contactId: byId(c.id),
			currency: 'EUR',
			lineItems: lineItems({ name: 'Consulting', amount: '99.99', qty: 1, taxId: 'vat20', taxName: 'VAT', taxRate: 20 }),
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect((lastBody('POST', '/invoices/').items as Array<Record<string, unknown>>)[0]).toMatchObject({
			amount: 99.99,
			taxes: [{ _id: 'vat20', name: 'VAT', rate: 20, calculation: 'exclusive' }],
		});
		// 99.99 + 20 % (19.998 → 20.00) = 119.99
		expect(result.output('HighLevel')[0]).toMatchObject({ total: 119.99, totalSummary: { subTotal: 99.99, tax: 20 } });
		const before = operationCounts(sandbox);
		const incomplete = await run({
			resource: 'invoice',
			operation: 'create',
			name: 'Taxed',
			contactId: byId(c.id),
			currency: 'EUR',
			lineItems: lineItems({ name: 'Consulting', amount: '10', taxRate: 20 }),
		});
		expect(errorText(incomplete)).toMatch(/Line Items → Item 1 → Tax ID/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('Create: bad line items and currencies fail before any request, naming the item and the field', async () => {
		const c = contact();
		const before = operationCounts(sandbox);
		const base = { resource: 'invoice', operation: 'create', name: 'X', contactId: byId(c.id), currency: 'USD' };
		const tooPrecise = await run(
			{ ...base, lineItemsInput: 'expression', lineItemsExpression: '={{ $json.items }}' },
			[{ items: [{ name: 'Ok', amount: '1' }, { name: 'Bad', amount: '1.005' }] }],
		);
		expect(errorText(tooPrecise)).toMatch(/Line Items \(Expression\) → \[1\]\.amount.*1\.005 has 3 decimals; USD has 2/);
		const noName = await run({ ...base, lineItems: lineItems({ name: 'A', amount: '1' }, { name: '', amount: '2' }) });
		expect(errorText(noName)).toMatch(/Line Items → Item 2 → Name/);
		const typo = await run(
			{ ...base, lineItemsInput: 'expression', lineItemsExpression: '={{ $json.items }}' },
			[{ items: [{ name: 'A', price: 5 }] }],
		);
		expect(errorText(typo)).toMatch(/\[0\]\.price.*unknown key/);
		const notArray = await run({ ...base, lineItemsInput: 'expression', lineItemsExpression: '"text"' });
		expect(errorText(notArray)).toMatch(/Line Items \(Expression\)/);
		const badQty = await run({ ...base, lineItems: lineItems({ name: 'A', amount: '1', qty: 0 }) });
		expect(errorText(badQty)).toMatch(/Line Items → Item 1 → Quantity/);
		const badCurrency = await run({ ...base, currency: '={{ "XYZ" }}', lineItems: lineItems({ name: 'A', amount: '1' }) });
		expect(errorText(badCurrency)).toMatch(/Invalid Currency.*"XYZ" is not an ISO 4217 currency code/);
		const jpyDecimals = await run({ ...base, currency: 'JPY', lineItems: lineItems({ name: 'A', amount: '10.5' }) });
		expect(errorText(jpyDecimals)).toMatch(/Item 1 → Amount.*JPY has 0/);
		const discount = await run({ ...base, lineItems: lineItems({ name: 'A', amount: '1' }), additionalFields: { discountValue: '150' } });
		expect(errorText(discount)).toMatch(/Discount Value.*0 to 100/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('Get and Update (name, replaced line items; required fields taken from the invoice)', async () => {
		const got = await run({ resource: 'invoice', operation: 'get', invoiceId: byId(draftId) });
		expect(got.output('HighLevel')[0]).toMatchObject({ _id: draftId, name: 'Audit', total: 0.3 });
		expect(last('GET', `/invoices/${draftId}`).query).toEqual({ altId: sandbox.locationId, altType: 'location' });

		const updated = await run({
			resource: 'invoice',
			operation: 'update',
			invoiceId: byId(draftId),
			replaceLineItems: true,
			lineItems: lineItems({ name: 'Full audit', amount: '0.30', qty: 2 }),
			updateFields: { name: 'Audit (revised)' },
		});
		expect(updated.errors('HighLevel')).toEqual([]);
		expect(lastBody('PUT', `/invoices/${draftId}`)).toEqual({
			altId: sandbox.locationId,
			altType: 'location',
			name: 'Audit (revised)',
			currency: 'USD',
			invoiceItems: [{ name: 'Full audit', currency: 'USD', amount: 0.3, qty: 2, type: 'one_time' }],
			issueDate: '2026-03-01',
			dueDate: '2026-03-15',
			discount: { type: 'percentage', value: 0 },
		});
		expect(updated.output('HighLevel')[0]).toMatchObject({ name: 'Audit (revised)', total: 0.6 });
	});

	it('Send: by e-mail on behalf of the first user of the location when none is chosen', async () => {
		const result = await run({ resource: 'invoice', operation: 'send', invoiceId: byId(draftId), action: 'email' });
		expect(result.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', `/invoices/${draftId}/send`)).toEqual({
			altId: sandbox.locationId,
			altType: 'location',
			action: 'email',
			liveMode: true,
			userId: firstUser().id,
		});
		expect(result.output('HighLevel')[0]).toMatchObject({ _id: draftId, status: 'sent' });
		expect(invoices().get(draftId)?.sends).toHaveLength(1);
	});

	it('Record Payment: 0.1 then 0.2 of 0.6 → partially paid; the rest (no amount) → paid; exact sums', async () => {
		const first = await run({ resource: 'invoice', operation: 'recordPayment', invoiceId: byId(draftId), mode: 'cash', amount: '0.1', notes: 'deposit' });
		expect(first.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', `/invoices/${draftId}/record-payment`)).toEqual({
			altId: sandbox.locationId,
			altType: 'location',
			mode: 'cash',
			amount: 0.1,
			notes: 'deposit',
			card: { brand: '', last4: '' },
			cheque: { number: '' },
		});
		expect(first.output('HighLevel')[0]).toMatchObject({ status: 'partially_paid', amountPaid: 0.1, amountDue: 0.5 });
		const second = await run({
			resource: 'invoice',
			operation: 'recordPayment',
			invoiceId: byId(draftId),
			mode: 'cheque',
			amount: 0.2,
			options: { chequeNumber: '129-912' },
		});
		expect(second.output('HighLevel')[0]).toMatchObject({ status: 'partially_paid', amountPaid: 0.3, amountDue: 0.3 });
		const rest = await run({ resource: 'invoice', operation: 'recordPayment', invoiceId: byId(draftId), mode: 'bank_transfer', notes: 'wire' });
		expect(lastBody('POST', `/invoices/${draftId}/record-payment`)).not.toHaveProperty('amount');
		expect(rest.output('HighLevel')[0]).toMatchObject({ status: 'paid', amountPaid: 0.6, amountDue: 0 });
		expect(invoices().get(draftId)?.payments.map((p) => [p.mode, p.amountMinor])).toEqual([
			['cash', 10],
			['cheque', 20],
			['bank_transfer', 30],
		]);
	});

	it('Record Payment: an amount that is not a decimal fails before any request; too many decimals after reading the currency', async () => {
		const before = operationCounts(sandbox);
		const bad = await run({ resource: 'invoice', operation: 'recordPayment', invoiceId: byId(draftId), mode: 'cash', amount: '12,50' });
		expect(errorText(bad)).toMatch(/Invalid Amount/);
		expect(operationsSince(sandbox, before)).toEqual({});
		const precise = await run({ resource: 'invoice', operation: 'recordPayment', invoiceId: byId(draftId), mode: 'cash', amount: '0.001' });
		expect(errorText(precise)).toMatch(/Amount.*USD has 2/);
		expect(operationsSince(sandbox, before)).toEqual({ 'get-invoice': 1 });
	});

	it('Void and Delete a draft; Generate Invoice Number increments', async () => {
		const c = contact();
		const created = await run({
			resource: 'invoice',
			operation: 'create',
			name: 'To void',
			contactId: byId(c.id),
			currency: 'EUR',
			lineItems: lineItems({ name: 'A', amount: '5' }),
		});
		const id = String(created.output('HighLevel')[0]._id);
		const voided = await run({ resource: 'invoice', operation: 'void', invoiceId: byId(id) });
		expect(lastBody('POST', `/invoices/${id}/void`)).toEqual({ altId: sandbox.locationId, altType: 'location' });
		expect(voided.output('HighLevel')[0]).toMatchObject({ status: 'void' });
		const deleted = await run({ resource: 'invoice', operation: 'delete', invoiceId: byId(id) });
		expect(deleted.output('HighLevel')[0]).toMatchObject({ id, deleted: true });
		expect(invoices().has(id)).toBe(false);

		const one = await run({ resource: 'invoice', operation: 'generateNumber' });
		const two = await run({ resource: 'invoice', operation: 'generateNumber' });
		const [a, b] = [one.output('HighLevel')[0].invoiceNumber, two.output('HighLevel')[0].invoiceNumber] as number[];
		expect(b).toBe(a + 1);
	});

	it('Text2Pay: creates and sends in one request; the output carries the invoice URL', async () => {
		const c = contact();
		const user = firstUser();
		const result = await run({
			resource: 'invoice',
			operation: 'text2Pay',
			name: 'Pay by text',
			contactId: byId(c.id),
			currency: 'USD',
			lineItems: lineItems({ name: 'Visit', amount: '49.99', qty: 1 }),
			userId: byId(user.id),
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', '/invoices/text2pay')).toMatchObject({ action: 'send', userId: user.id, altType: 'location', items: [{ amount: 49.99 }] });
		expect(result.output('HighLevel')[0]).toMatchObject({ status: 'sent', total: 49.99, invoiceUrl: expect.stringContaining('http') });
	});

	it('Get Many: filters and sort in the query; Return All over 3+ pages with limit + offset', async () => {
		const c = contact();
		const location = sandbox.store.location();
		for (let i = 0; i < 230; i++) {
			const id = sandbox.store.ids.id();
			const day = `2025-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`;
			invoicesOf(location).set(id, {
				id,
				altId: location.id,
				name: `Seeded ${i}`,
				status: i % 2 ? 'sent' : 'paid',
				currency: 'USD',
				liveMode: true,
				invoiceNumber: String(5000 + i),
				items: [{ _id: `${id}i`, name: 'x', currency: 'USD', amountMinor: 100 + i, qty: 1 }],
				discount: { type: 'percentage', value: 0 },
				businessDetails: {},
				contactDetails: { id: i % 5 === 0 ? c.id : 'othercontact1', name: 'X' },
				issueDate: day,
				dueDate: day,
				title: 'INVOICE',
				paidMinor: i % 2 ? 0 : 100 + i,
				payments: [],
				sends: [],
				createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
				updatedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
			});
		}
		proxy.requests.length = 0;
		const all = await run({ resource: 'invoice', operation: 'getAll', returnAll: true });
		const total = invoices().size;
		expect(all.output('HighLevel')).toHaveLength(total);
		const pages = proxy.to('GET', '/invoices/');
		expect(pages.length).toBeGreaterThanOrEqual(3);
		expect(pages.map((p) => [p.query.limit, p.query.offset])).toEqual(pages.map((_, i) => ['100', String(i * 100)]));
		expect(new Set(all.output('HighLevel').map((i) => i._id)).size).toBe(total);

		const filtered = await run({
			resource: 'invoice',
			operation: 'getAll',
			limit: 5,
			filters: { status: 'paid', contactId: byId(c.id), startDate: '2025-02-01', endDate: '2025-06-30', paymentMode: 'live' },
			sort: { direction: 'asc' },
		});
		expect(last('GET', '/invoices/').query).toEqual({
			altId: sandbox.locationId,
			altType: 'location',
			offset: '0',
			limit: '5',
			status: 'paid',
			contactId: c.id,
			startAt: '2025-02-01',
			endAt: '2025-06-30',
			paymentMode: 'live',
			sortField: 'issueDate',
			sortOrder: 'ascend',
		});
		const out = filtered.output('HighLevel');
		expect(out.length).toBeGreaterThan(0);
		expect(out.every((i) => i.status === 'paid' && (i.contactDetails as { id: string }).id === c.id)).toBe(true);
		const days = out.map((i) => String(i.issueDate));
		expect(days).toEqual([...days].sort());
	});
});

describe('Invoice → Record Payment is never sent twice', () => {
	const sandbox = useSandbox({ rateLimit: GENEROUS_RATE_LIMIT });
	afterEach(() => expect(sandbox.stats.invalidRequests).toEqual([]));

	it('a network failure after HighLevel recorded the payment fails the item without a second payment', async () => {
		const proxy = await startFaultProxy(sandbox.url, (method, path) => (method === 'POST' && /\/record-payment$/.test(path) ? 'drop' : undefined));
		try {
			const credentials = createCredentialStore([pitCredential(sandbox, undefined, proxy.url)]);
			const c = [...sandbox.store.location().contacts.values()].find((x) => x.email && x.phone)!;
			const created = await runNode(
				sandbox,
				{ resource: 'invoice', operation: 'create', name: 'Once', contactId: byId(c.id), currency: 'USD', lineItems: { item: [{ name: 'A', amount: '10', qty: 1 }] } },
				{ credentials },
			);
			const id = String(created.output('HighLevel')[0]._id);
			const before = operationCounts(sandbox);
			const result = await runNode(
				sandbox,
				{ resource: 'invoice', operation: 'recordPayment', invoiceId: byId(id), mode: 'cash', amount: '4' },
				{ credentials, continueOnFail: true },
			);
			expect(proxy.faulted).toHaveLength(1);
			expect(operationsSince(sandbox, before)).toEqual({ 'get-invoice': 1, 'record-invoice': 1 });
			expect(invoicesOf(sandbox.store.location()).get(id)?.payments).toHaveLength(1);
			expect(result.errors('HighLevel').length + result.output('HighLevel').filter((j) => j.error).length).toBeGreaterThan(0);
		} finally {
			await proxy.close();
		}
	});
});

describe('Invoice → Create after a 429 is re-sent as usual', () => {
	const sandbox = useSandbox({ rateLimit: GENEROUS_RATE_LIMIT });
	afterEach(() => expect(sandbox.stats.invalidRequests).toEqual([]));

	it('a 429 (nothing created) is waited out and the invoice created once', async () => {
		const proxy = await startFaultProxy(sandbox.url, (method, path) => (method === 'POST' && path === '/invoices/' ? '429' : undefined));
		try {
			const credentials = createCredentialStore([pitCredential(sandbox, undefined, proxy.url)]);
			const c = [...sandbox.store.location().contacts.values()].find((x) => x.email && x.phone)!;
			const before = operationCounts(sandbox);
			const result = await runNode(
				sandbox,
				{ resource: 'invoice', operation: 'create', name: 'After 429', contactId: byId(c.id), currency: 'USD', lineItems: { item: [{ name: 'A', amount: '10', qty: 1 }] } },
				{ credentials },
			);
			expect(result.errors('HighLevel')).toEqual([]);
			expect(proxy.faulted).toHaveLength(1);
			expect(operationsSince(sandbox, before)).toEqual({ 'get-contact': 1, 'create-invoice': 1 });
			expect([...invoicesOf(sandbox.store.location()).values()].filter((i) => i.name === 'After 429')).toHaveLength(1);
		} finally {
			await proxy.close();
		}
	});
});
