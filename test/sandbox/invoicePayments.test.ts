import { startSandbox, type Sandbox } from './index';
import { invoicesOf } from './invoices';
import { transactionsOf } from './payments';
import { call } from './testClient';

/**
 * A payment recorded against an invoice (invoices.json `record-invoice`) is also a transaction of the location
 * (payments.json `list-transactions` / `get-transaction-by-id`), as HighLevel lists invoice payments.
 */
describe('sandbox: invoice payments are transactions', () => {
	let sandbox: Sandbox;
	let loc: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: false });
		loc = sandbox.locationId;
	});
	afterAll(async () => {
		await sandbox.close();
	});

	const createInvoice = async (contactId: string, currency: string, amount: number) => {
		const res = await call(sandbox, 'POST', '/invoices/', {
			body: {
				altId: loc,
				altType: 'location',
				name: 'Course',
				businessDetails: {},
				currency,
				items: [{ name: 'Course', currency, amount, qty: 1 }],
				discount: { type: 'percentage', value: 0 },
				contactDetails: { id: contactId, name: 'Payer', email: 'payer@example.com', phoneNo: '' },
				issueDate: '2026-03-01',
				sentTo: { email: ['payer@example.com'] },
				liveMode: false,
			},
		});
		expect(res.status).toBe(200);
		return String(res.body._id);
	};
	const pay = async (invoiceId: string, body: Record<string, unknown>) =>
		await call(sandbox, 'POST', `/invoices/${invoiceId}/record-payment`, {
			body: { altId: loc, altType: 'location', card: { brand: '', last4: '' }, cheque: { number: '' }, notes: '', ...body },
		});
	const transactionsOfInvoice = async (invoiceId: string) => {
		const res = await call(sandbox, 'GET', `/payments/transactions?altId=${loc}&altType=location&entityId=${invoiceId}`);
		expect(res.status).toBe(200);
		return res.body as { data: Array<Record<string, unknown>>; totalCount: number };
	};

	it('records one transaction per payment: entity and source invoice, the contact, major units of the invoice currency', async () => {
		const contactId = [...sandbox.store.location(loc).contacts.keys()][0];
		const before = transactionsOf(sandbox.store.location(loc)).size;
		const invoiceId = await createInvoice(contactId, 'KWD', 12.345);

		expect((await pay(invoiceId, { mode: 'cash', amount: 10.005, notes: 'deposit' })).status).toBe(200);
		const rest = await pay(invoiceId, { mode: 'bank_transfer' });
		expect(rest.status).toBe(200);
		expect(rest.body.invoice).toMatchObject({ status: 'paid', amountPaid: 12.345, amountDue: 0 });

		const listed = await transactionsOfInvoice(invoiceId);
		expect(listed.totalCount).toBe(2);
		expect(listed.data.map((t) => t.amount as number).sort((a, b) => a - b)).toEqual([2.34, 10.005]);
		for (const txn of listed.data) {
			expect(txn).toMatchObject({
				contactId,
				currency: 'KWD',
				status: 'succeeded',
				liveMode: false,
				entityType: 'invoice',
				entityId: invoiceId,
				entitySourceType: 'invoice',
				entitySourceName: 'Course',
				paymentProviderType: 'manual',
			});
		}
		const cash = listed.data.find((t) => t.paymentMode === 'cash')!;
		expect(cash.notes).toBe('deposit');
		const read = await call(sandbox, 'GET', `/payments/transactions/${String(cash._id)}?altId=${loc}&altType=location`);
		expect(read.status).toBe(200);
		expect(read.body).toMatchObject({ _id: cash._id, entityId: invoiceId, amount: 10.005 });
		// Other transactions are untouched: exactly the two new ones.
		expect(transactionsOf(sandbox.store.location(loc)).size).toBe(before + 2);
		expect(invoicesOf(sandbox.store.location(loc)).get(invoiceId)?.payments).toHaveLength(2);
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});

	it('records no transaction for a refused payment', async () => {
		const contactId = [...sandbox.store.location(loc).contacts.keys()][0];
		const invoiceId = await createInvoice(contactId, 'USD', 49.99);
		const tooMuch = await pay(invoiceId, { mode: 'cash', amount: 50 });
		expect(tooMuch.status).toBe(400);
		expect((await transactionsOfInvoice(invoiceId)).totalCount).toBe(0);
		expect((await pay(invoiceId, { mode: 'cash' })).status).toBe(200);
		const paid = await transactionsOfInvoice(invoiceId);
		expect(paid.data.map((t) => [t.amount, t.currency, t.contactId])).toEqual([[49.99, 'USD', contactId]]);
		expect((await pay(invoiceId, { mode: 'cash', amount: 1 })).status).toBe(400);
		expect((await transactionsOfInvoice(invoiceId)).totalCount).toBe(1);
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});
});
