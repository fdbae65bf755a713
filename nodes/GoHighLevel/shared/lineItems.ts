import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { rowsField } from './descriptions';
import { toMajorUnits } from './money';
import { invalidParameter } from './validation';

/**
 * Line items of an invoice, estimate or text2pay invoice (invoices.json `InvoiceItemDto` / `EstimateLineItemDto`:
 * `name, currency, amount, qty` required; `description, productId, priceId, taxes, type (one_time|recurring),
 * taxInclusive` optional). `amount` is the unit price in the currency's major units with decimals (invoices.json
 * example 999 for "Macbook Pro", webhook-events/InvoicePaid.md), converted exactly by shared/money.ts.
 *
 * Two ways to give them, chosen with Line Items Input:
 * - `fields`: the fixed collection Line Items (`lineItems.item[]`), one entry per item;
 * - `expression`: Line Items (Expression), an array of objects (or its JSON text), typically `{{ $json.items }}` from
 *   a previous node, with the keys {@link EXPRESSION_KEYS}.
 * Both are checked before any request; an error names the item (1-based position in the UI, index in the array) and
 * the field.
 */

/** Keys an item given by expression may have (HighLevel's names; `quantity` is accepted for `qty`). */
export const EXPRESSION_KEYS = [
	'name',
	'description',
	'productId',
	'priceId',
	'amount',
	'qty',
	'quantity',
	'type',
	'taxes',
	'taxInclusive',
] as const;

const AMOUNT_HINT =
	'Unit price in the currency\'s major units, e.g. 19.99 for $19.99 or 1.250 for 1.250 KWD (not cents); no more decimals than the currency has';

/** The fields of one line item (fixed collection values). */
const ITEM_FIELDS: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Website audit', description: 'Required' },
	{ displayName: 'Amount', name: 'amount', type: 'string', default: '', placeholder: 'e.g. 19.99', hint: AMOUNT_HINT },
	{ displayName: 'Quantity', name: 'qty', type: 'number', default: 1, typeOptions: { minValue: 0 } },
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{
		displayName: 'Product Name or ID',
		name: 'productId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProducts' },
		allowArbitraryValues: true,
		default: '',
		description:
			'The product this item sells; optional for free items. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Price Name or ID',
		name: 'priceId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProductPrices', loadOptionsDependsOn: ['&productId'] },
		allowArbitraryValues: true,
		default: '',
		description:
			'The price of that product (listed once Product is set). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Price Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'One Time', value: 'one_time' },
			{ name: 'Recurring', value: 'recurring' },
		],
		default: 'one_time',
	},
	{
		displayName: 'Tax ID',
		name: 'taxId',
		type: 'string',
		default: '',
		description: 'ID of a tax of the location\'s invoice settings; with Tax Name and Tax Rate',
	},
	{ displayName: 'Tax Name', name: 'taxName', type: 'string', default: '', placeholder: 'e.g. VAT' },
	{
		displayName: 'Tax Rate (%)',
		name: 'taxRate',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 4 },
		description: 'Percentage of the amount, e.g. 20 for 20%',
	},
	{ displayName: 'Tax Inclusive', name: 'taxInclusive', type: 'boolean', default: false, description: 'Whether Amount already includes the tax' },
];

/**
 * Line Items Input, Line Items (fixed collection) and Line Items (Expression), shown for `show`.
 */
export function lineItemsFields(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Line Items Input',
			name: 'lineItemsInput',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Define Below', value: 'fields', description: 'Enter each item in the fields below' },
				{
					name: 'From Expression',
					value: 'expression',
					description: 'An array of items, e.g. from a previous node',
				},
			],
			default: 'fields',
			displayOptions: { show },
		},
		rowsField(
			{
				displayName: 'Line Items',
				name: 'lineItems',
				placeholder: 'Add Line Item',
				row: ['Item', 'item'],
				show: { ...show, lineItemsInput: ['fields'] },
				sortable: true,
			},
			ITEM_FIELDS,
		),
		{
			displayName: 'Line Items (Expression)',
			name: 'lineItemsExpression',
			type: 'json',
			default: '[\n  { "name": "Website audit", "amount": "199.00", "qty": 1 }\n]',
			required: true,
			displayOptions: { show: { ...show, lineItemsInput: ['expression'] } },
			hint: `An array of objects with ${EXPRESSION_KEYS.filter((k) => k !== 'quantity').join(', ')}. amount: ${AMOUNT_HINT}.`,
			description: 'An array of items, usually an expression reading a field of the previous node; each item needs name and amount, qty defaults to 1',
		},
	];
}

function isObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

function quantityOf(ctx: IExecuteSingleFunctions, value: unknown, parameter: string): number {
	const qty = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof qty !== 'number' || !Number.isFinite(qty) || qty <= 0) {
		throw invalidParameter(ctx, parameter, `${JSON.stringify(value)} is not a quantity: use a number above 0`);
	}
	return qty;
}

/** One item's taxes (`ItemTaxDto`: `_id, name, rate` required) from an expression item. */
function taxesOf(ctx: IExecuteSingleFunctions, value: unknown, parameter: string): IDataObject[] {
	if (!Array.isArray(value)) throw invalidParameter(ctx, parameter, 'use an array of { _id, name, rate } objects');
	return value.map((tax, t) => {
		if (!isObject(tax) || typeof tax._id !== 'string' || !tax._id || typeof tax.name !== 'string' || !tax.name || typeof tax.rate !== 'number') {
			throw invalidParameter(ctx, `${parameter}[${t}]`, 'each tax needs _id (text), name (text) and rate (number, percent)');
		}
		return tax;
	});
}

/**
 * The line items of the current item as HighLevel wants them (`InvoiceItemDto[]`), each with `currency` and
 * `amount` in major units of `currency`.
 * @param currency ISO 4217 code, already checked (money.ts `assertCurrency`)
 * @throws NodeOperationError naming the item and field (before any request): no items, missing name, an amount that
 *   is not a decimal or has more decimals than the currency, a quantity not above 0, unknown keys, incomplete tax
 */
export function readLineItems(ctx: IExecuteSingleFunctions, currency: string): IDataObject[] {
	const input = ctx.getNodeParameter('lineItemsInput', 'fields') as string;
	if (input === 'expression') return expressionItems(ctx, currency);
	const entries = ((ctx.getNodeParameter('lineItems', {}) as IDataObject).item ?? []) as IDataObject[];
	if (!entries.length) throw invalidParameter(ctx, 'Line Items', 'add at least one item');
	return entries.map((entry, i) => {
		const at = `Line Items → Item ${i + 1}`;
		const name = String(entry.name ?? '').trim();
		if (!name) throw invalidParameter(ctx, `${at} → Name`, 'enter the item name');
		if (entry.amount === undefined || String(entry.amount).trim() === '') {
			throw invalidParameter(ctx, `${at} → Amount`, 'enter the unit price, e.g. 19.99');
		}
		const item: IDataObject = {
			name,
			currency,
			amount: toMajorUnits(ctx, entry.amount, currency, `${at} → Amount`),
			qty: quantityOf(ctx, entry.qty ?? 1, `${at} → Quantity`),
		};
		for (const key of ['description', 'productId', 'priceId'] as const) {
			const value = String(entry[key] ?? '').trim();
			if (value) item[key] = value;
		}
		if (entry.type) item.type = entry.type;
		if (entry.taxInclusive === true) item.taxInclusive = true;
		const taxRate = Number(entry.taxRate ?? 0);
		if (taxRate > 0 || String(entry.taxId ?? '').trim() || String(entry.taxName ?? '').trim()) {
			const taxId = String(entry.taxId ?? '').trim();
			const taxName = String(entry.taxName ?? '').trim();
			if (!taxId || !taxName) {
				throw invalidParameter(ctx, `${at} → Tax ID`, 'a tax needs Tax ID, Tax Name and Tax Rate (%)');
			}
			item.taxes = [{ _id: taxId, name: taxName, rate: taxRate, calculation: 'exclusive' }];
		}
		return item;
	});
}

function expressionItems(ctx: IExecuteSingleFunctions, currency: string): IDataObject[] {
	const parameter = 'Line Items (Expression)';
	let value = ctx.getNodeParameter('lineItemsExpression', '[]') as unknown;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value) as unknown;
		} catch {
			throw invalidParameter(ctx, parameter, 'not valid JSON: give an array of items, e.g. {{ $json.items }}');
		}
	}
	if (isObject(value)) value = [value];
	if (!Array.isArray(value)) throw invalidParameter(ctx, parameter, 'give an array of items, e.g. {{ $json.items }}');
	if (!value.length) throw invalidParameter(ctx, parameter, 'the array is empty: give at least one item');
	return value.map((entry: unknown, i) => {
		const at = `${parameter} → [${i}]`;
		if (!isObject(entry)) throw invalidParameter(ctx, at, `item ${i} is ${JSON.stringify(entry)}, not an object`);
		const unknown = Object.keys(entry).filter((k) => !(EXPRESSION_KEYS as readonly string[]).includes(k) && k !== 'currency');
		if (unknown.length) {
			throw invalidParameter(ctx, `${at}.${unknown[0]}`, `unknown key; items take ${EXPRESSION_KEYS.join(', ')}`);
		}
		if (typeof entry.name !== 'string' || !entry.name.trim()) {
			throw invalidParameter(ctx, `${at}.name`, 'every item needs a name (text)');
		}
		if (entry.currency !== undefined && String(entry.currency).toUpperCase() !== currency) {
			throw invalidParameter(ctx, `${at}.currency`, `"${String(entry.currency)}" differs from the Currency ${currency}; every item is in the document's currency`);
		}
		if (entry.amount === undefined || entry.amount === null || String(entry.amount).trim() === '') {
			throw invalidParameter(ctx, `${at}.amount`, 'every item needs an amount (unit price in major units, e.g. "19.99")');
		}
		const item: IDataObject = {
			name: entry.name.trim(),
			currency,
			amount: toMajorUnits(ctx, entry.amount, currency, `${at}.amount`),
			qty: quantityOf(ctx, entry.qty ?? entry.quantity ?? 1, `${at}.qty`),
		};
		for (const key of ['description', 'productId', 'priceId'] as const) {
			if (entry[key] === undefined || entry[key] === null || entry[key] === '') continue;
			if (typeof entry[key] !== 'string') throw invalidParameter(ctx, `${at}.${key}`, 'use text');
			item[key] = (entry[key] as string).trim();
		}
		if (entry.type !== undefined) {
			if (entry.type !== 'one_time' && entry.type !== 'recurring') {
				throw invalidParameter(ctx, `${at}.type`, `"${String(entry.type)}" is not one_time or recurring`);
			}
			item.type = entry.type;
		}
		if (entry.taxInclusive !== undefined) item.taxInclusive = entry.taxInclusive === true;
		if (entry.taxes !== undefined) item.taxes = taxesOf(ctx, entry.taxes, `${at}.taxes`);
		return item;
	});
}
