import { listSearch } from '../../../nodes/GoHighLevel/methods/listSearch';
import { estimatesOf, invoicesOf, type EstimateRecord, type InvoiceRecord } from '../../sandbox/invoices';
import { loadOptionsContext, useMethodsSandbox } from './helpers';

describe('Invoice and Estimate locator lists (invoices.json list-invoices, list-estimates)', () => {
	const sandbox = useMethodsSandbox();
	afterEach(() => expect(sandbox.stats.invalidRequests).toEqual([]));

	const base = (i: number) => {
		const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
		return {
			id: `rec${String(i).padStart(6, '0')}`,
			altId: sandbox.locationId,
			name: i % 10 === 0 ? `Roofing ${i}` : `Service ${i}`,
			currency: 'USD',
			liveMode: true,
			items: [{ _id: `item${i}`, name: 'x', currency: 'USD', amountMinor: 100, qty: 1 }],
			discount: { type: 'percentage', value: 0 },
			businessDetails: {},
			contactDetails: { id: 'contact0001', name: 'Ada Lovelace' },
			title: 'X',
			createdAt: at,
			updatedAt: at,
		};
	};

	it('searchInvoices: `search` and pages of 50 by offset, labelled with number, name, contact and status', async () => {
		for (let i = 0; i < 120; i++) {
			const record: InvoiceRecord = { ...base(i), status: 'sent', invoiceNumber: String(2000 + i), issueDate: '2025-01-01', dueDate: '2025-01-01', paidMinor: 0, payments: [], sends: [] };
			invoicesOf(sandbox.store.location()).set(record.id, record);
		}
		const seen: string[] = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const page = await listSearch.searchInvoices.call(loadOptionsContext(sandbox), '', token);
			seen.push(...page.results.map((r) => String(r.value)));
			token = page.paginationToken as string | undefined;
			pages++;
		} while (token);
		expect(pages).toBe(3);
		expect(new Set(seen).size).toBe(120);
		const roofing = await listSearch.searchInvoices.call(loadOptionsContext(sandbox), 'roofing 11');
		expect(roofing.results).toEqual([{ name: '#2110 Roofing 110 (Ada Lovelace, sent)', value: 'rec000110' }]);
	});

	it('searchEstimates: the typed text filters by name', async () => {
		const record: EstimateRecord = { ...base(7), id: 'est000007', name: 'Garden quote', status: 'draft', estimateNumber: 1007 };
		estimatesOf(sandbox.store.location()).set(record.id, record);
		const found = await listSearch.searchEstimates.call(loadOptionsContext(sandbox), 'garden');
		expect(found.results).toEqual([{ name: '#1007 Garden quote (Ada Lovelace)', value: 'est000007' }]);
	});
});
