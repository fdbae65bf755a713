import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { assertCurrency, toMajorUnits } from '../../shared/money';
import { apiRequest } from '../../shared/transport';
import { invalidParameter } from '../../shared/validation';

/**
 * Unit of every amount of a price: products.json `CreatePriceDto` / `UpdatePriceDto` take `amount`,
 * `compareAtPrice` and `setupFee` as numbers in **major units** of the price's currency (examples 99.99, 19.99,
 * 10.99), converted exactly by shared/money.ts `toMajorUnits`.
 */
export const MAJOR_UNITS_HINT =
	'In major units of the currency, e.g. 19.99 for $19.99 (HighLevel\'s price API, products.json). No more decimals than the currency has (0 for JPY, 3 for KWD).';

/** `type` of a price (products.json `CreatePriceDto.type`). */
export const PRICE_TYPE_OPTIONS = [
	{ name: 'One Time', value: 'one_time' },
	{ name: 'Recurring', value: 'recurring' },
];

/** `recurring.interval` (products.json `RecurringDto.interval`). */
export const INTERVAL_OPTIONS = [
	{ name: 'Day', value: 'day' },
	{ name: 'Week', value: 'week' },
	{ name: 'Month', value: 'month' },
	{ name: 'Year', value: 'year' },
];

/** The Amount parameter of a price (a decimal string or number, converted by {@link priceBody}). */
export function amountField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 19.99',
		displayOptions: { show },
		description: 'The price, at least 0',
		hint: MAJOR_UNITS_HINT,
	};
}

/** Billing Interval + Interval Count of a recurring price (`RecurringDto`, both required for a recurring price). */
export const RECURRING_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Billing Interval',
		name: 'interval',
		type: 'options',
		options: INTERVAL_OPTIONS,
		default: 'month',
		description: 'How often a recurring price is charged',
	},
	{
		displayName: 'Interval Count',
		name: 'intervalCount',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'Number of intervals between charges, e.g. 3 with Month for every quarter',
	},
];

/** Optional price properties of Create and Update (`CreatePriceDto` / `UpdatePriceDto`); amounts in major units. */
export const PRICE_FIELD_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Allow Out-of-Stock Purchases',
		name: 'allowOutOfStockPurchases',
		type: 'boolean',
		default: false,
		description: 'Whether the price keeps selling when its stock is 0',
	},
	{
		displayName: 'Available Quantity',
		name: 'availableQuantity',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Stock quantity, for a price that tracks inventory',
	},
	{
		displayName: 'Compare-At Price',
		name: 'compareAtPrice',
		type: 'string',
		default: '',
		placeholder: 'e.g. 24.99',
		description: 'The former or list price shown struck through beside the amount',
		hint: MAJOR_UNITS_HINT,
	},
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{
		displayName: 'Setup Fee',
		name: 'setupFee',
		type: 'string',
		default: '',
		placeholder: 'e.g. 10',
		description: 'One-off fee charged with the first payment of a recurring price',
		hint: MAJOR_UNITS_HINT,
	},
	{ displayName: 'SKU', name: 'sku', type: 'string', default: '', placeholder: 'e.g. KIT-001' },
	{
		displayName: 'Total Cycles',
		name: 'totalCycles',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 12,
		description: 'Number of charges after which a recurring price stops',
	},
	{
		displayName: 'Track Inventory',
		name: 'trackInventory',
		type: 'boolean',
		default: true,
		description: 'Whether the stock quantity of this price is tracked',
	},
	{
		displayName: 'Trial Period (Days)',
		name: 'trialPeriod',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 7,
		description: 'Days before the first charge of a recurring price',
	},
];

/** Properties of {@link PRICE_FIELD_OPTIONS} sent as they are (the amounts are converted). */
const PLAIN = ['allowOutOfStockPurchases', 'availableQuantity', 'description', 'sku', 'totalCycles', 'trackInventory', 'trialPeriod'];
/** Amount properties of a price, all major units (products.json `CreatePriceDto`). */
const AMOUNTS: Record<string, string> = { compareAtPrice: 'Compare-At Price', setupFee: 'Setup Fee' };

/** Whether a collection value was left empty (not added, or an expression that gave nothing). */
const isBlank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

/**
 * A `preSend` hook building the body of `create-price-for-product` / `update-price-by-id-for-product`: `currency`
 * (ISO 4217, checked), `amount` and the other amounts in major units (exact, shared/money.ts), `type` with
 * `recurring: { interval, intervalCount }` for a recurring price, and the optional fields set in `collection`.
 * Every check runs before any request and names the parameter. On an update, a name or type not set is taken from
 * the current price (`get-price-by-id-for-product`; the spec requires both), and so is the billing interval of a
 * price that stays recurring. Amounts are never copied from an answer.
 */
export function priceBody(mode: 'create' | 'update') {
	const collection = mode === 'create' ? 'additionalFields' : 'updateFields';
	const label = mode === 'create' ? 'Additional Fields' : 'Update Fields';
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const fields = this.getNodeParameter(collection, {}) as IDataObject;
		const currency = assertCurrency(this, this.getNodeParameter('currency', ''), 'Currency');
		const body: IDataObject = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
		body.currency = currency;
		const amount = toMajorUnits(this, this.getNodeParameter('amount', ''), currency, 'Amount');
		if (amount < 0) throw invalidParameter(this, 'Amount', 'must be 0 or more');
		body.amount = amount;
		for (const [property, name] of Object.entries(AMOUNTS)) {
			if (isBlank(fields[property])) continue;
			const value = toMajorUnits(this, fields[property], currency, `${label} → ${name}`);
			if (value < 0) throw invalidParameter(this, `${label} → ${name}`, 'must be 0 or more');
			body[property] = value;
		}
		for (const property of PLAIN) if (!isBlank(fields[property])) body[property] = fields[property];

		const own = mode === 'create' ? this.getNodeParameter('type', 'one_time') as string : (fields.type as string | undefined);
		let type = isBlank(own) ? undefined : own;
		let name = mode === 'create' ? this.getNodeParameter('name', '') : fields.name;
		let current: IDataObject | undefined;
		// Billing Interval and Interval Count are shown (and readable) on Create only for a recurring price.
		const createsRecurring = mode === 'create' && type === 'recurring';
		const interval = createsRecurring ? this.getNodeParameter('interval', 'month') : fields.interval;
		const intervalCount = createsRecurring ? this.getNodeParameter('intervalCount', 1) : fields.intervalCount;
		if (mode === 'update' && (isBlank(name) || !type || (type !== 'one_time' && (isBlank(interval) || isBlank(intervalCount))))) {
			current = await apiRequest<IDataObject>(this, ENDPOINTS.getPrice, {
				path: {
					productId: String(this.getNodeParameter('productId', '', { extractValue: true }) ?? ''),
					priceId: String(this.getNodeParameter('priceId', '') ?? ''),
				},
			});
			if (isBlank(name)) name = current.name;
			type ??= String(current.type ?? 'one_time');
		}
		if (isBlank(name)) throw invalidParameter(this, 'Name', 'enter the name of the price');
		body.name = String(name).trim();
		body.type = type ?? 'one_time';
		if (body.type === 'recurring') {
			const was = (current?.recurring ?? {}) as IDataObject;
			const recurring = {
				interval: isBlank(interval) ? was.interval : interval,
				intervalCount: isBlank(intervalCount) ? (was.intervalCount ?? 1) : intervalCount,
			};
			const where = mode === 'create' ? '' : `${label} → `;
			if (isBlank(recurring.interval)) {
				throw invalidParameter(this, `${where}Billing Interval`, 'a recurring price needs its billing interval (day, week, month or year)');
			}
			const count = Number(recurring.intervalCount);
			if (!Number.isInteger(count) || count < 1) {
				throw invalidParameter(this, `${where}Interval Count`, `"${String(recurring.intervalCount)}" is not a whole number of 1 or more`);
			}
			body.recurring = { interval: recurring.interval, intervalCount: count };
		}
		return { ...requestOptions, body };
	};
}

/**
 * A price as output: the answer without HighLevel's `traceId` (products.json answers get, create and update with the
 * price itself, `GetPriceResponseDto`, id `_id`; `amount` as the API gives it).
 */
export function priceOutput(body: IDataObject): IDataObject[] {
	const { traceId, ...price } = body;
	void traceId;
	return [price];
}
