/**
 * Invoice events of the polling trigger, read from invoices.json `list-invoices` (FACTS.md 2.11).
 */
import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS } from '../../GoHighLevel/shared/endpoints';
import { fetchPages } from '../../GoHighLevel/shared/pagination';
import { buildRequest, type Connection, type HighLevelContext } from '../../GoHighLevel/shared/transport';
import type { EventRecord, EventSource } from './sources';

function toMs(value: unknown): number {
	return typeof value === 'string' ? Date.parse(value) : typeof value === 'number' ? value : NaN;
}

/**
 * Every paid invoice of the location: `GET /invoices/?status=paid` with `altType=location`, `limit` (100) + `offset`
 * (both required strings, starting at 0) until `total` is reached or a page comes back empty.
 * @param maxRecords stop after this many (manual runs)
 * @throws NodeOperationError when HighLevel repeats a page
 */
async function readPaidInvoices(ctx: HighLevelContext, connection: Connection, maxRecords = Infinity): Promise<IDataObject[]> {
	const endpoint = ENDPOINTS.getInvoices;
	const qs: IDataObject = { status: 'paid', offset: 0 };
	return await fetchPages(ctx, endpoint, connection, buildRequest(ctx, endpoint, connection, { qs }), maxRecords);
}

/**
 * Paid invoices as InvoicePaid carries them (webhook-events/InvoicePaid.md: the invoice object `_id, status,
 * amountPaid, altId, invoiceNumber, currency, contactDetails, invoiceItems, total, amountDue, …`; amounts in major
 * units), with `type: 'InvoicePaid'` first. Key: the invoice id (an invoice is paid once); time: `updatedAt`.
 */
export function invoicePaidRecords(invoices: IDataObject[]): EventRecord[] {
	return invoices
		.filter((invoice) => invoice.status === 'paid')
		.map((invoice) => ({
			key: String(invoice._id ?? invoice.id),
			ts: toMs(invoice.updatedAt),
			item: { type: 'InvoicePaid', ...invoice },
		}));
}

/**
 * Invoice Paid. HighLevel's list offers no filter or order on the time an invoice became paid (only `issueDate`, and
 * `updatedAt` changes again on later edits), so the event is found by id snapshot: every poll reads all paid
 * invoices, and an invoice id not paid at the previous polls is new (watermark.ts `advanceSnapshot`). An invoice
 * paid in several payments (partially_paid first) fires once, when it is paid in full.
 */
export const invoicePaidSource: EventSource = {
	webhookType: 'InvoicePaid',
	detection: 'snapshot',
	async read(ctx, connection) {
		return invoicePaidRecords(await readPaidInvoices(ctx, connection));
	},
	async latest(ctx, connection) {
		return invoicePaidRecords(await readPaidInvoices(ctx, connection, 100));
	},
};
