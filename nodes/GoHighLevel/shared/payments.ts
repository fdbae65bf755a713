import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { locatorValue, contactFilter } from './descriptions';
import { parseDecimal, toMajorUnits } from './money';
import { dateOnlyRange } from './time';
import { invalidParameter } from './validation';

/*
 * Pieces the payments.json resources (Order, Transaction, Subscription, Coupon) share: list filters (date range,
 * contact, payment mode) and their conversion before the request; and what the two manual payments (Order and
 * Invoice → Record Payment) share: the payment methods and the amount.
 */

/**
 * Manual payment methods: invoices.json `RecordPaymentDto.mode` and payments.json `PostRecordOrderPaymentBody.mode`
 * (the same enum: `cash`, `card`, `cheque`, `bank_transfer`, `other`).
 */
export const MANUAL_PAYMENT_MODES: INodePropertyOptions[] = [
	{ name: 'Bank Transfer', value: 'bank_transfer' },
	{ name: 'Card', value: 'card' },
	{ name: 'Cash', value: 'cash' },
	{ name: 'Cheque', value: 'cheque' },
	{ name: 'Other', value: 'other' },
];

/**
 * The Amount of a manual payment in major units of the paid record's currency (invoices.json `RecordPaymentDto.amount`,
 * payments.json `PostRecordOrderPaymentBody.amount`), or undefined when left empty (HighLevel then records the amount
 * due). Checked first without any request: a decimal above 0; then against the decimals of the currency that
 * `currencyOf` reads (one GET of the invoice or order, shared/money.ts `toMajorUnits`).
 * @throws NodeOperationError naming "Amount"
 */
export async function manualPaymentAmount(
	ctx: IExecuteSingleFunctions,
	raw: unknown,
	currencyOf: () => Promise<string>,
): Promise<number | undefined> {
	if (raw === undefined || raw === null || String(raw).trim() === '') return undefined;
	const parsed = parseDecimal(raw);
	if (typeof parsed === 'string') throw invalidParameter(ctx, 'Amount', parsed);
	if (parsed.negative || /^0*$/.test(parsed.integer + parsed.fraction)) {
		throw invalidParameter(ctx, 'Amount', `${String(raw)} is not a payment: use an amount above 0`);
	}
	return toMajorUnits(ctx, raw, await currencyOf(), 'Amount');
}

/**
 * Hint of the Start Date / End Date filters: payments.json lists take whole dates (`startAt` / `endAt`, examples
 * `2024-02-01`) and do not document the time zone they compare them in.
 */
export const PAYMENT_DATE_HINT =
	'Only the date is sent (YYYY-MM-DD, this day included), taken in the workflow\'s time zone (workflow settings). HighLevel does not document which time zone it compares dates in, so a record near midnight may fall on the neighbouring day.';

/** Filters → Start Date / End Date of a payments list (`record`: e.g. `orders`), read by {@link paymentListQuery}. */
export function paymentDateFilters(record: string): INodeProperties[] {
	return [
		{
			displayName: 'Start Date',
			name: 'startAt',
			type: 'dateTime',
			default: '',
			description: `Only ${record} created on or after this date`,
			hint: PAYMENT_DATE_HINT,
		},
		{
			displayName: 'End Date',
			name: 'endAt',
			type: 'dateTime',
			default: '',
			description: `Only ${record} created on or before this date`,
			hint: PAYMENT_DATE_HINT,
		},
	];
}

/** Filters → Contact (resource locator) of a payments list, sent as `contactId` by {@link paymentListQuery}. */
export function paymentContactFilter(record: string): INodeProperties {
	return contactFilter(`Only ${record} of this contact`);
}

/** Filters → Payment Mode (`paymentMode`: `live` or `test`, the spec's example `live`). */
export const paymentModeFilter: INodeProperties = {
	displayName: 'Payment Mode',
	name: 'paymentMode',
	type: 'options',
	options: [
		{ name: 'Live', value: 'live' },
		{ name: 'Test', value: 'test' },
	],
	default: 'live',
	description: 'Only live-mode or only test-mode payments',
	routing: { send: { type: 'query', property: 'paymentMode' } },
};

/**
 * preSend of a payments list: Filters → Start Date / End Date become `startAt` / `endAt` (`YYYY-MM-DD` in the
 * workflow's time zone, shared/time.ts `toDateOnly`), resource-locator filters (`locators`: filter name → query
 * parameter) their ids; empty ones are not sent. Adds `altType=location` when `altType` is true.
 * @throws NodeOperationError naming the parameter, before any request, for a value that is not a date or an End
 *   Date before the Start Date
 */
export function paymentListQuery(o: { altType: boolean; locators?: Record<string, string> }) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const filters = (this.getNodeParameter('filters', {}) ?? {}) as IDataObject;
		const qs: IDataObject = {
			...((requestOptions.qs as IDataObject | undefined) ?? {}),
			...dateOnlyRange(this, filters, { startAt: 'Filters → Start Date', endAt: 'Filters → End Date' }),
		};
		if (o.altType) qs.altType = 'location';
		for (const [filter, property] of Object.entries({ contactId: 'contactId', ...(o.locators ?? {}) })) {
			const id = locatorValue(filters[filter]);
			if (id) qs[property] = id;
			else delete qs[property];
		}
		return { ...requestOptions, qs };
	};
}
