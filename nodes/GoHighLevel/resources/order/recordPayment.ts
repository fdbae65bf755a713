import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { MANUAL_PAYMENT_MODES, manualPaymentAmount } from '../../shared/payments';
import { routeTo } from '../../shared/routing';
import { apiRequest } from '../../shared/transport';
import { invalidParameter } from '../../shared/validation';
import { orderLocator } from './fields';

const show = { resource: ['order'], operation: ['recordPayment'] };

/**
 * Unit of `amount` in payments.json `record-order-payment` (`PostRecordOrderPaymentBody.amount`: `type: number`,
 * example `100`, "Amount to be paid against the invoice"): major units of the order's currency, the unit of the
 * order's own `amount` (`OrderResponseSchema.amount`, example `100`, "Order value"). Nothing in the spec mentions
 * cents.
 */
export const AMOUNT_HINT =
	'In major units of the order\'s currency (e.g. 49.99 for $49.99), as payments.json record-order-payment defines it; at most as many decimals as the currency has';

/**
 * Builds `PostRecordOrderPaymentBody`: `altType: location`, `mode`, `amount` (major units through shared/money.ts,
 * exact, checked against the decimals of the order's currency — read with get-order-by-id — before the payment is sent), `notes`, `card {type, last4}` for a card,
 * `cheque {number}` for a cheque, `isPartialPayment`. Empty fields are not sent.
 * @throws NodeOperationError naming the parameter for an invalid amount, card or cheque detail
 */
async function paymentBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body: IDataObject = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	const mode = String(this.getNodeParameter('mode'));
	const extra = (this.getNodeParameter('additionalFields', {}) ?? {}) as IDataObject;
	// The amount is in the order's currency: read it (payments.json get-order-by-id), so that its decimals are checked.
	const amount = await manualPaymentAmount(this, this.getNodeParameter('amount', ''), async () => {
		const orderId = String(this.getNodeParameter('orderId', '', { extractValue: true }));
		const order = await apiRequest<IDataObject>(this, ENDPOINTS.getOrder, { path: { orderId } });
		return String(order.currency ?? 'USD');
	});
	if (amount !== undefined) body.amount = amount;
	body.mode = mode;
	const notes = String(extra.notes ?? '').trim();
	if (notes) body.notes = notes;
	if (extra.isPartialPayment !== undefined) body.isPartialPayment = extra.isPartialPayment === true;
	if (mode === 'card') {
		const last4 = String(extra.cardLast4 ?? '').trim();
		if (last4 && !/^\d{4}$/.test(last4)) throw invalidParameter(this, 'Additional Fields → Card Last 4 Digits', `"${last4}" is not 4 digits`);
		if (last4) body.card = { type: String(extra.cardType || 'other'), last4 };
	}
	if (mode === 'cheque') {
		const number = String(extra.chequeNumber ?? '').trim();
		if (number) body.cheque = { number };
	}
	return { ...requestOptions, body };
}

/**
 * Record Payment: `POST /payments/orders/{orderId}/record-payment` (payments.json `record-order-payment`, scope
 * `payments/orders.collectPayment`): a manual payment (cash, card, cheque, bank transfer, other) against an order;
 * HighLevel answers `{success}` and records a transaction. Moves money: never re-sent after a network failure or a
 * 502/503/504 (shared/transport.ts); a 429 is re-sent (HighLevel did not process it).
 */
export const option: INodePropertyOptions = {
	name: 'Record Payment',
	value: 'recordPayment',
	action: 'Record a manual payment for an order',
	description: 'Record a cash, card, cheque or bank transfer payment against an order',
	routing: routeTo({
		endpoint: ENDPOINTS.recordOrderPayment,
		pathParameters: { orderId: 'orderId' },
		preSend: [paymentBody],
		fieldNames: {
			amount: 'Amount',
			mode: 'Payment Method',
			notes: 'Additional Fields → Note',
			'card.last4': 'Additional Fields → Card Last 4 Digits',
			'card.type': 'Additional Fields → Card Type',
			'cheque.number': 'Additional Fields → Cheque Number',
		},
	}),
};

export const description: INodeProperties[] = [
	orderLocator(show),
	{
		displayName: 'Payment Method',
		name: 'mode',
		type: 'options',
		required: true,
		options: MANUAL_PAYMENT_MODES,
		default: 'cash',
		displayOptions: { show },
		description: 'How the customer paid outside HighLevel',
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		default: '',
		placeholder: 'e.g. 49.99',
		displayOptions: { show },
		description: 'How much was paid. Leave empty to let HighLevel take the amount due (the spec does not require an amount).',
		hint: AMOUNT_HINT,
	},
	collectionField('additionalFields', show, [
		{
			displayName: 'Note',
			name: 'notes',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'A note recorded with the transaction',
		},
		{
			displayName: 'Partial Payment',
			name: 'isPartialPayment',
			type: 'boolean',
			default: true,
			description: 'Whether the amount pays only part of the order',
		},
		{
			displayName: 'Card Type',
			name: 'cardType',
			type: 'options',
			options: [
				{ name: 'Mastercard', value: 'mastercard' },
				{ name: 'Other', value: 'other' },
				{ name: 'Visa', value: 'visa' },
			],
			default: 'visa',
			description: 'For Payment Method Card: the card network (sent with the last 4 digits)',
		},
		{
			displayName: 'Card Last 4 Digits',
			name: 'cardLast4',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1234',
			description: 'For Payment Method Card: the last 4 digits of the card',
		},
		{
			displayName: 'Cheque Number',
			name: 'chequeNumber',
			type: 'string',
			default: '',
			placeholder: 'e.g. 129-129-129-912',
			description: 'For Payment Method Cheque: the cheque number',
		},
	]),
];
