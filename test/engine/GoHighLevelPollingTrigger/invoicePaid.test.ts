import type { IDataObject } from 'n8n-workflow';

import { invoicesOf, type InvoiceRecord } from '../../sandbox/invoices';
import { STATE_KEY } from '../../../nodes/GoHighLevelPollingTrigger/shared/poll';
import { activeTrigger, usePollingSandbox } from './helpers';

const ids = (items: IDataObject[]) => items.map((i) => String(i._id));

/**
 * Invoice Paid of the polling trigger over the sandbox (n8n-core PollContext, trigger mode): GET /invoices/?status=paid
 * read over every page (limit + offset), new paid invoices found by id snapshot.
 */
describe('Polling trigger invoicePaid', () => {
	const { sandbox, proxy, credentials } = usePollingSandbox();

	const invoices = () => invoicesOf(sandbox.store.location());
	let serial = 0;
	/** Adds an invoice of 10.00 USD with the given status (paid ones fully paid). */
	const addInvoice = (status: InvoiceRecord['status']): string => {
		const id = `inv${String(serial++).padStart(8, '0')}`;
		const at = new Date(Date.UTC(2025, 5, 1) + serial * 1000).toISOString();
		invoices().set(id, {
			id,
			altId: sandbox.locationId,
			name: `Invoice ${id}`,
			status,
			currency: 'USD',
			liveMode: true,
			invoiceNumber: String(serial),
			items: [{ _id: `${id}i`, name: 'Service', currency: 'USD', amountMinor: 1000, qty: 1 }],
			discount: { type: 'percentage', value: 0 },
			businessDetails: {},
			contactDetails: { id: 'contact00001', name: 'Ada' },
			issueDate: at.slice(0, 10),
			dueDate: at.slice(0, 10),
			title: 'INVOICE',
			paidMinor: status === 'paid' ? 1000 : status === 'partially_paid' ? 400 : 0,
			payments: [],
			sends: [],
			createdAt: at,
			updatedAt: at,
		});
		return id;
	};
	const setStatus = (id: string, status: InvoiceRecord['status'], paidMinor: number) => {
		const invoice = invoices().get(id)!;
		invoices().set(id, { ...invoice, status, paidMinor, updatedAt: new Date().toISOString() });
	};

	it('emits nothing on activation, then each newly paid invoice once across ≥3 pages; partial payments wait for the full one', async () => {
		for (let i = 0; i < 60; i++) addInvoice('paid');
		const unpaid = Array.from({ length: 260 }, () => addInvoice('sent'));
		const partial = addInvoice('partially_paid');
		const trigger = activeTrigger({ event: 'invoicePaid' }, credentials);
		expect(await trigger.poll()).toEqual([]);
		expect(trigger.staticData()[STATE_KEY]).toBeDefined();

		const paidNow = unpaid.slice(0, 250);
		for (const id of paidNow) setStatus(id, 'paid', 1000);
		setStatus(partial, 'partially_paid', 800);
		proxy.requests.length = 0;
		const first = await trigger.poll();
		expect(first).toHaveLength(250);
		expect(new Set(ids(first))).toEqual(new Set(paidNow));
		expect(first[0]).toMatchObject({ type: 'InvoicePaid', status: 'paid', amountPaid: 10, amountDue: 0, total: 10, currency: 'USD' });
		const pages = proxy.to('GET', '/invoices/');
		expect(pages.length).toBeGreaterThanOrEqual(3);
		expect(pages.map((p) => p.query.offset)).toEqual(pages.map((_, i) => String(i * 100)));
		for (const p of pages) expect(p.query).toMatchObject({ altId: sandbox.locationId, altType: 'location', status: 'paid', limit: '100' });

		// Nothing repeats, also when a paid invoice changes later (its updatedAt moves on).
		expect(await trigger.poll()).toEqual([]);
		setStatus(paidNow[0], 'paid', 1000);
		expect(await trigger.poll()).toEqual([]);

		setStatus(partial, 'paid', 1000);
		setStatus(unpaid[255], 'paid', 1000);
		expect(new Set(ids(await trigger.poll()))).toEqual(new Set([partial, unpaid[255]]));
		expect(await trigger.poll()).toEqual([]);
	});

	it('an invoice paid through the API (record-payment) is emitted on the next poll', async () => {
		const id = addInvoice('sent');
		const trigger = activeTrigger({ event: 'invoicePaid' }, credentials);
		expect(await trigger.poll()).toEqual([]);
		const answer = await fetch(`${sandbox.url}/invoices/${id}/record-payment`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${sandbox.privateIntegrationToken}`, Version: '2021-07-28', 'Content-Type': 'application/json' },
			body: JSON.stringify({ altId: sandbox.locationId, altType: 'location', mode: 'cash', card: { brand: '', last4: '' }, cheque: { number: '' }, notes: '', amount: 10 }),
		});
		expect(answer.status).toBe(200);
		expect(ids(await trigger.poll())).toEqual([id]);
	});
});
