import { estimatesOf, invoicesOf } from '../../sandbox/invoices';
import { byId, operationCounts, operationsSince, useEngineSandbox } from './helpers';

/** Every operation of the Estimate resource (invoices.json estimates, FACTS.md 2.11) through n8n-core and the sandbox. */
describe('Estimate operations', () => {
	const { sandbox, proxy, run, last, lastBody, errorText } = useEngineSandbox();
	const estimates = () => estimatesOf(sandbox.store.location());
	const contact = () => [...sandbox.store.location().contacts.values()].find((c) => c.email && c.phone)!;
	let estimateId: string;

	it('Create: line items (expression), currency, dates, contact details, a one-off frequency setting', async () => {
		const c = contact();
		const result = await run(
			{
				resource: 'estimate',
				operation: 'create',
				name: 'Roof repair',
				contactId: byId(c.id),
				currency: 'GBP',
				lineItemsInput: 'expression',
				lineItemsExpression: '={{ $json.items }}',
				additionalFields: { issueDate: '2026-04-01', expiryDate: '2026-04-30', discountType: 'percentage', discountValue: '10' },
			},
			[{ items: [{ name: 'Labour', amount: '120.10', qty: 3 }, { name: 'Tiles', amount: 0.2, qty: 1 }] }],
		);
		expect(result.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', '/invoices/estimate')).toMatchObject({
			altId: sandbox.locationId,
			altType: 'location',
			name: 'Roof repair',
			currency: 'GBP',
			items: [
				{ name: 'Labour', currency: 'GBP', amount: 120.1, qty: 3 },
				{ name: 'Tiles', currency: 'GBP', amount: 0.2, qty: 1 },
			],
			discount: { type: 'percentage', value: 10 },
			frequencySettings: { enabled: false, schedule: {} },
			issueDate: '2026-04-01',
			expiryDate: '2026-04-30',
			contactDetails: { id: c.id, email: c.email },
		});
		// (360.30 + 0.20) − 10 % (36.05) = 324.45
		const [estimate] = result.output('HighLevel');
		expect(estimate).toMatchObject({ status: 'draft', total: 324.45 });
		estimateId = String(estimate._id);
		expect(estimates().get(estimateId)?.items.map((i) => i.amountMinor)).toEqual([12010, 20]);
	});

	it('Create: an expiry before the issue date or a bad item fails before any request', async () => {
		const before = operationCounts(sandbox);
		const base = { resource: 'estimate', operation: 'create', name: 'X', contactId: byId(contact().id), currency: 'USD' };
		const dates = await run({ ...base, lineItems: { item: [{ name: 'A', amount: '1' }] }, additionalFields: { issueDate: '2026-05-02', expiryDate: '2026-05-01' } });
		expect(errorText(dates)).toMatch(/Expiry Date/);
		const item = await run({ ...base, lineItems: { item: [{ name: 'A', amount: 'abc' }] } });
		expect(errorText(item)).toMatch(/Line Items → Item 1 → Amount/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('Get Many: filters in the query, Return All with limit + offset', async () => {
		const c = contact();
		const filtered = await run({ resource: 'estimate', operation: 'getAll', limit: 10, filters: { status: 'draft', contactId: byId(c.id), search: 'roof' } });
		expect(last('GET', '/invoices/estimate/list').query).toEqual({
			altId: sandbox.locationId,
			altType: 'location',
			offset: '0',
			limit: '10',
			status: 'draft',
			contactId: c.id,
			search: 'roof',
		});
		expect(filtered.output('HighLevel').map((e) => e._id)).toEqual([estimateId]);
		proxy.requests.length = 0;
		const all = await run({ resource: 'estimate', operation: 'getAll', returnAll: true });
		expect(all.output('HighLevel')).toHaveLength(estimates().size);
	});

	it('Send: by SMS on behalf of the chosen user', async () => {
		const user = sandbox.store.location().users[0];
		const result = await run({ resource: 'estimate', operation: 'send', estimateId: byId(estimateId), action: 'sms', userId: byId(user.id), liveMode: false });
		expect(result.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', `/invoices/estimate/${estimateId}/send`)).toEqual({
			altId: sandbox.locationId,
			altType: 'location',
			action: 'sms',
			liveMode: false,
			userId: user.id,
		});
		expect(result.output('HighLevel')[0]).toMatchObject({ _id: estimateId, status: 'sent' });
	});

	it('Convert to Invoice: a draft invoice with the estimate\'s items; the estimate is marked invoiced', async () => {
		const result = await run({ resource: 'estimate', operation: 'convertToInvoice', estimateId: byId(estimateId) });
		expect(result.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', `/invoices/estimate/${estimateId}/invoice`)).toEqual({
			altId: sandbox.locationId,
			altType: 'location',
			markAsInvoiced: true,
		});
		const [invoice] = result.output('HighLevel');
		expect(invoice).toMatchObject({ status: 'draft', total: 324.45, currency: 'GBP', estimate: { _id: estimateId, status: 'invoiced' } });
		expect(invoicesOf(sandbox.store.location()).get(String(invoice._id))?.items.map((i) => i.amountMinor)).toEqual([12010, 20]);
		expect(estimates().get(estimateId)?.status).toBe('invoiced');
	});
});
