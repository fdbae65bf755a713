import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { MANUAL_PAYMENT_MODES, manualPaymentAmount } from '../../shared/payments';
import { routeTo } from '../../shared/routing';
import { apiRequest } from '../../shared/transport';
import { invalidParameter, toIsoDateTime } from '../../shared/validation';
import { invoiceLocator } from './fields';

const show = { resource: ['invoice'], operation: ['recordPayment'] };

/**
 * The body of `record-invoice` (`RecordPaymentDto`: `altId, altType, mode, card {brand, last4}, cheque {number},
 * notes` required by the spec, so `card`, `cheque` and `notes` are always sent, empty when they do not apply;
 * `amount` in the invoice currency's major units, `fulfilledAt` ISO). The amount is first checked as a decimal
 * (before any request), then against the invoice's currency, read with `get-invoice`: no more decimals than the
 * currency has (money.ts). Without an amount HighLevel records the amount due.
 */
async function paymentBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const mode = this.getNodeParameter('mode', 'cash') as string;
	const options = (this.getNodeParameter('options', {}) ?? {}) as IDataObject;
	const amount = await manualPaymentAmount(this, this.getNodeParameter('amount', ''), async () => {
		const invoiceId = String(this.getNodeParameter('invoiceId', '', { extractValue: true }));
		const invoice = await apiRequest<IDataObject>(this, ENDPOINTS.getInvoice, { path: { invoiceId } });
		return String(invoice.currency ?? 'USD');
	});
	const card = { brand: String(options.cardBrand ?? '').trim(), last4: String(options.cardLast4 ?? '').trim() };
	if (card.last4 && !/^\d{4}$/.test(card.last4)) throw invalidParameter(this, 'Options → Card Last 4 Digits', 'enter exactly four digits');
	const body: IDataObject = {
		...((requestOptions.body as IDataObject | undefined) ?? {}),
		mode,
		card,
		cheque: { number: String(options.chequeNumber ?? '').trim() },
		notes: String(this.getNodeParameter('notes', '') ?? ''),
	};
	if (options.paidAt) {
		const at = toIsoDateTime(options.paidAt);
		if (!at) throw invalidParameter(this, 'Options → Paid At', `"${String(options.paidAt)}" is not a date and time`);
		body.fulfilledAt = at;
	}
	if (amount !== undefined) body.amount = amount;
	return { ...requestOptions, body };
}

/**
 * Record Payment: `POST /invoices/{invoiceId}/record-payment` (invoices.json `record-invoice`) for a payment received
 * outside HighLevel (cash, cheque, bank transfer, card, other) → `{success, invoice}`; the output is the invoice
 * (status `paid` or `partially_paid`, `amountPaid`, `amountDue`). Moves money: a POST, never re-sent after an
 * ambiguous failure (a network error after sending fails the item; check the invoice before running it again).
 */
export const option: INodePropertyOptions = {
	name: 'Record Payment',
	value: 'recordPayment',
	action: 'Record a payment for an invoice',
	description: 'Record a manual payment (cash, cheque, bank transfer…) against an invoice',
	routing: routeTo({
		endpoint: ENDPOINTS.recordInvoicePayment,
		pathParameters: { invoiceId: 'invoiceId' },
		preSend: [paymentBody],
		fieldNames: { amount: 'Amount', mode: 'Payment Method', notes: 'Note', fulfilledAt: 'Options → Paid At' },
	}),
};

export const description: INodeProperties[] = [
	invoiceLocator(show),
	{
		displayName: 'Payment Method',
		name: 'mode',
		type: 'options',
		options: MANUAL_PAYMENT_MODES,
		default: 'bank_transfer',
		displayOptions: { show },
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		default: '',
		placeholder: 'e.g. 250.00',
		displayOptions: { show },
		description: 'Amount received. Left empty: the whole amount due.',
		hint: 'In the invoice currency\'s major units, e.g. 250.00 for $250 or 12.345 for 12.345 KWD (not cents)',
	},
	{
		displayName: 'Note',
		name: 'notes',
		type: 'string',
		default: '',
		displayOptions: { show },
		placeholder: 'e.g. Paid by wire, ref. 4471',
		description: 'Recorded with the payment',
	},
	collectionField('options', show, [
		{ displayName: 'Card Brand', name: 'cardBrand', type: 'string', default: '', placeholder: 'e.g. visa', description: 'For Payment Method Card' },
		{ displayName: 'Card Last 4 Digits', name: 'cardLast4', type: 'string', default: '', placeholder: 'e.g. 4242', description: 'For Payment Method Card' },
		{ displayName: 'Cheque Number', name: 'chequeNumber', type: 'string', default: '', placeholder: 'e.g. 129-129-129-912', description: 'For Payment Method Cheque' },
		{ displayName: 'Paid At', name: 'paidAt', type: 'dateTime', default: '', description: 'When the payment was received (default: now)' },
	]),
];
