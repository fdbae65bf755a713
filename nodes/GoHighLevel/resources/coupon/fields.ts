import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { listOf } from '../../shared/body';
import { recordLocator, TIME_ZONE_HINT } from '../../shared/descriptions';
import { assertCurrency, currencyField, toMajorUnits } from '../../shared/money';
import { toEpochMs } from '../../shared/time';
import { invalidParameter } from '../../shared/validation';

/** The Coupon resource locator (`couponId`): pick from the location's coupons (list `searchCoupons`), or paste an ID. */
export function couponLocator(show: Record<string, string[]>): INodeProperties {
	return recordLocator({
		displayName: 'Coupon',
		name: 'couponId',
		record: 'coupon',
		searchListMethod: 'searchCoupons',
		searchPlaceholder: 'Search by name or code…',
		idExample: '6241712be68f7a98102ba272',
		show,
		description: 'The coupon, picked from the location\'s coupons or given by ID',
	});
}

/**
 * Units of `discountValue` (payments.json `CreateCouponParams` / `UpdateCouponParams`: `type: number`, "Discount
 * Value", example `10`; `CreateCouponResponseDto.discountValue`: "Value of the discount (percentage or fixed
 * amount)"): a percentage (0–100) for `discountType: percentage`, else an amount in major units of the location's
 * currency (the coupon has no currency field).
 */
export const DISCOUNT_VALUE_HINT =
	'Percentage: a percent from 0 to 100 (e.g. 15 for 15%). Fixed Amount: in major units of the location\'s currency (e.g. 5.5 for $5.50), as payments.json create-coupon defines it';

/**
 * The fields Create and Update share (the spec requires `name`, `code`, `discountType`, `discountValue` and
 * `startDate` on both): Name, Code, Discount Type, Discount Value, Currency (checks a fixed amount's decimals; not
 * sent), Start Date, and the Additional Fields collection.
 */
export function couponFields(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. New Year Sale',
			displayOptions: { show },
			description: 'Name of the coupon shown in HighLevel',
		},
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. NEWYEAR15',
			displayOptions: { show },
			description: 'The code customers enter at checkout',
		},
		{
			displayName: 'Discount Type',
			name: 'discountType',
			type: 'options',
			options: [
				{ name: 'Percentage', value: 'percentage' },
				{ name: 'Fixed Amount', value: 'amount' },
			],
			default: 'percentage',
			displayOptions: { show },
			description: 'Whether the discount is a percentage of the price or a fixed amount off',
		},
		{
			displayName: 'Discount Value',
			name: 'discountValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 15',
			displayOptions: { show },
			description: 'How much is taken off',
			hint: DISCOUNT_VALUE_HINT,
		},
		currencyField({
			show: { ...show, discountType: ['amount'] },
			description: 'The location\'s currency (ISO 4217). Not sent: it checks that a fixed amount has no more decimals than the currency allows.',
		}),
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: { show },
			description: 'When the coupon becomes usable',
			hint: TIME_ZONE_HINT,
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show },
			options: [
				{
					displayName: 'Apply to Future Subscription Payments',
					name: 'applyToFuturePayments',
					type: 'boolean',
					default: true,
					description: 'Whether the discount also applies to later payments of a subscription (HighLevel\'s default: yes, forever)',
				},
				{
					displayName: 'End Date',
					name: 'endDate',
					type: 'dateTime',
					default: '',
					description: 'When the coupon expires',
					hint: TIME_ZONE_HINT,
				},
				{
					displayName: 'Once Per Customer',
					name: 'limitPerCustomer',
					type: 'boolean',
					default: false,
					description: 'Whether each customer can redeem the coupon only once',
				},
				{
					displayName: 'Product Names or IDs',
					name: 'productIds',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getCouponProducts' },
					default: [],
					description:
						'Only these products get the discount (empty: every product). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Usage Limit',
					name: 'usageLimit',
					type: 'number',
					typeOptions: { minValue: 1, numberPrecision: 0 },
					default: 100,
					description: 'How many times the coupon can be redeemed in total',
				},
			],
		},
	];
}

/**
 * preSend of Create and Update: builds `CreateCouponParams` / `UpdateCouponParams` (payments.json `create-coupon`,
 * `update-coupon`): `altType: location`, `name`, `code`, `discountType`, `discountValue` (a percent 0–100, or major
 * units through shared/money.ts `toMajorUnits`), `startDate` / `endDate` (ISO 8601 in UTC, `…Z`, the spec's "YYYY-MM-DDTHH:mm:ssZ format"; a value without offset is read in the workflow's time zone),
 * `usageLimit`, `productIds`, `applyToFuturePayments`, `limitPerCustomer`; `id` for Update. Checked before any
 * request.
 * @throws NodeOperationError naming the parameter
 */
export async function couponBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body: IDataObject = { ...((requestOptions.body as IDataObject | undefined) ?? {}), altType: 'location' };
	const input = { node: this.getNode(), itemIndex: this.getItemIndex(), timeZone: this.getTimezone() };
	for (const [name, label] of [
		['name', 'Name'],
		['code', 'Code'],
	] as const) {
		const value = String(this.getNodeParameter(name, '') ?? '').trim();
		if (!value) throw invalidParameter(this, label, 'enter a value (HighLevel requires it)');
		body[name] = value;
	}
	if (/\s/.test(String(body.code))) throw invalidParameter(this, 'Code', `"${String(body.code)}" contains spaces; customers type the code at checkout`);
	const discountType = String(this.getNodeParameter('discountType', 'percentage'));
	body.discountType = discountType;
	const raw = this.getNodeParameter('discountValue', '');
	if (discountType === 'amount') {
		const currency = assertCurrency(this, this.getNodeParameter('currency', 'USD'), 'Currency');
		body.discountValue = toMajorUnits(this, raw, currency, 'Discount Value');
	} else {
		const text = String(raw ?? '').trim();
		if (!/^\d+(\.\d{1,2})?$/.test(text) || Number(text) > 100) {
			throw invalidParameter(this, 'Discount Value', `"${text}" is not a percentage from 0 to 100 (at most two decimals)`);
		}
		body.discountValue = Number(text);
	}
	if (!(Number(body.discountValue) > 0)) throw invalidParameter(this, 'Discount Value', 'the discount must be more than 0');
	body.startDate = new Date(toEpochMs(this.getNodeParameter('startDate', ''), { ...input, parameter: 'Start Date' })).toISOString();
	const extra = (this.getNodeParameter('additionalFields', {}) ?? {}) as IDataObject;
	if (extra.endDate) {
		body.endDate = new Date(toEpochMs(extra.endDate, { ...input, parameter: 'Additional Fields → End Date' })).toISOString();
		if (Date.parse(String(body.endDate)) <= Date.parse(String(body.startDate))) {
			throw invalidParameter(this, 'Additional Fields → End Date', `${String(body.endDate)} is not after the Start Date ${String(body.startDate)}`);
		}
	}
	if (extra.usageLimit !== undefined && extra.usageLimit !== '') body.usageLimit = Number(extra.usageLimit);
	const products = listOf(extra.productIds);
	if (products.length) body.productIds = products;
	if (extra.applyToFuturePayments !== undefined) body.applyToFuturePayments = extra.applyToFuturePayments === true;
	if (extra.limitPerCustomer !== undefined) body.limitPerCustomer = extra.limitPerCustomer === true;
	return { ...requestOptions, body };
}

/** Field names of Create / Update for HighLevel's validation messages. */
export const COUPON_FIELD_NAMES = {
	name: 'Name',
	code: 'Code',
	discountType: 'Discount Type',
	discountValue: 'Discount Value',
	startDate: 'Start Date',
	endDate: 'Additional Fields → End Date',
	usageLimit: 'Additional Fields → Usage Limit',
	productIds: 'Additional Fields → Product Names or IDs',
	id: 'Coupon',
};
