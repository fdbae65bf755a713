import { eventsOfChange } from './index';
import { invoiceToApi, totalsOf, type InvoiceRecord, type StoredItem } from './invoices';
import { toMajor, toMinor } from './money';

/** Exact money of the sandbox's invoices (minor units inside, major units in answers) and their webhook events. */
describe('sandbox invoices', () => {
	it('converts major-unit numbers to minor units from their digits and back without float error', () => {
		expect(toMinor(0.1, 'USD')).toBe(10);
		expect(toMinor(0.2, 'USD')).toBe(20);
		expect(toMajor(toMinor(0.1, 'USD')! + toMinor(0.2, 'USD')!, 'USD')).toBe(0.3);
		expect(0.1 + 0.2).not.toBe(0.3);
		expect(toMinor(1.005, 'KWD')).toBe(1005);
		expect(toMajor(5, 'KWD')).toBe(0.005);
		expect(toMinor(1.005, 'USD')).toBeUndefined();
		expect(toMinor(12.5, 'JPY')).toBeUndefined();
		expect(toMinor(1500, 'JPY')).toBe(1500);
		expect(toMajor(-50, 'USD')).toBe(-0.5);
	});

	const item = (amountMinor: number, qty: number, currency = 'USD', extra: Partial<StoredItem> = {}): StoredItem => ({
		_id: `i${amountMinor}`,
		name: 'x',
		currency,
		amountMinor,
		qty,
		...extra,
	});

	it('sums lines, discount and exclusive taxes in minor units', () => {
		expect(totalsOf({ items: [item(10, 1), item(20, 1)], discount: { type: 'percentage', value: 0 }, currency: 'USD' })).toEqual({
			subTotal: 30,
			discount: 0,
			tax: 0,
			total: 30,
		});
		// 3 × 1.005 KWD + 2 × 2.250 KWD = 7.515; fixed discount 0.005; tax 10 % of the first line (0.3015 → 0.302)
		expect(
			totalsOf({
				items: [item(1005, 3, 'KWD', { taxes: [{ _id: 't1', name: 'VAT', rate: 10 }] }), item(2250, 2, 'KWD')],
				discount: { type: 'fixed', value: 0.005 },
				currency: 'KWD',
			}),
		).toEqual({ subTotal: 7515, discount: 5, tax: 302, total: 7812 });
	});

	const invoice = (status: InvoiceRecord['status'], paidMinor: number): InvoiceRecord => ({
		id: 'inv000001',
		altId: 'loc1',
		name: 'A',
		status,
		currency: 'USD',
		liveMode: true,
		invoiceNumber: '1001',
		items: [item(10, 1), item(20, 1)],
		discount: { type: 'percentage', value: 0 },
		businessDetails: {},
		contactDetails: { id: 'c1' },
		issueDate: '2026-01-01',
		dueDate: '2026-01-01',
		title: 'INVOICE',
		paidMinor,
		payments: [],
		sends: [],
		createdAt: '2026-01-01T00:00:00.000Z',
		updatedAt: '2026-01-01T00:00:00.000Z',
	});

	it('answers amounts in major units', () => {
		expect(invoiceToApi(invoice('partially_paid', 10))).toMatchObject({ total: 0.3, amountPaid: 0.1, amountDue: 0.2, totalSummary: { subTotal: 0.3 } });
		expect(invoiceToApi(invoice('void', 0))).toMatchObject({ amountDue: 0 });
	});

	it('derives InvoiceCreate / Sent / PartiallyPaid / Paid / Void / Update / Delete from status changes', () => {
		const change = (before?: InvoiceRecord, after?: InvoiceRecord) => ({ collection: 'invoices', locationId: 'loc1', id: 'inv000001', before, after });
		const types = (before?: InvoiceRecord, after?: InvoiceRecord) => eventsOfChange(change(before, after)).map((e) => e.type);
		expect(types(undefined, invoice('draft', 0))).toEqual(['InvoiceCreate']);
		expect(types(invoice('draft', 0), invoice('sent', 0))).toEqual(['InvoiceSent']);
		expect(types(invoice('sent', 0), invoice('partially_paid', 10))).toEqual(['InvoicePartiallyPaid']);
		expect(types(invoice('partially_paid', 10), invoice('partially_paid', 20))).toEqual(['InvoicePartiallyPaid']);
		expect(types(invoice('partially_paid', 20), invoice('paid', 30))).toEqual(['InvoicePaid']);
		expect(types(invoice('draft', 0), invoice('void', 0))).toEqual(['InvoiceVoid']);
		expect(types(invoice('draft', 0), { ...invoice('draft', 0), name: 'B' })).toEqual(['InvoiceUpdate']);
		expect(types(invoice('void', 0), undefined)).toEqual(['InvoiceDelete']);
		const [paid] = eventsOfChange(change(invoice('sent', 0), invoice('paid', 30)));
		expect(paid.fields).toMatchObject({ _id: 'inv000001', status: 'paid', amountPaid: 0.3, total: 0.3, altType: 'location' });
		expect(paid.fields).not.toHaveProperty('paidMinor');
	});
});
