import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { rowsField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { invalidParameter } from '../../shared/validation';

const show = { resource: ['inventory'], operation: ['update'] };

/** One row of Items as n8n gives it. */
interface ItemRow {
	priceId?: string;
	availableQuantity?: string | number;
	allowOutOfStockPurchases?: '' | 'allow' | 'refuse';
}

/**
 * Builds `UpdateInventoryDto` (products.json `update-inventory`): `altType: location` and `items[]` of
 * `{ priceId, availableQuantity?, allowOutOfStockPurchases? }` from the Items rows (the transport adds `altId`).
 * Each row needs a price and at least one change; a quantity must be a whole number ≥ 0. Checked before any request,
 * naming the row (from 1).
 */
async function inventoryBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const rows = ((this.getNodeParameter('items', {}) as IDataObject).item ?? []) as ItemRow[];
	if (!rows.length) throw invalidParameter(this, 'Items', 'add at least one item (a price and its new stock)');
	const items = rows.map((row, index) => {
		const where = `Items → row ${index + 1}`;
		const priceId = String(row.priceId ?? '').trim();
		if (!priceId) throw invalidParameter(this, `${where} → Price`, 'choose the price (variant) whose stock changes');
		const item: IDataObject = { priceId };
		const quantity = String(row.availableQuantity ?? '').trim();
		if (quantity) {
			if (!/^\d+$/.test(quantity) || !Number.isSafeInteger(Number(quantity))) {
				throw invalidParameter(this, `${where} → Available Quantity`, `"${quantity}" is not a whole number of 0 or more`);
			}
			item.availableQuantity = Number(quantity);
		}
		if (row.allowOutOfStockPurchases) item.allowOutOfStockPurchases = row.allowOutOfStockPurchases === 'allow';
		if (Object.keys(item).length === 1) {
			throw invalidParameter(this, where, 'set Available Quantity or Out-of-Stock Purchases; nothing would change');
		}
		return item;
	});
	return { ...requestOptions, body: { ...((requestOptions.body as IDataObject | undefined) ?? {}), altType: 'location', items } };
}

/**
 * Update: `POST /products/inventory` (products.json `update-inventory`) → 201 `{ status, message }`; the output is
 * that answer with the items sent.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update inventory quantities',
	description: 'Set the stock quantity of prices (variants) and whether they sell when out of stock',
	routing: routeTo({
		endpoint: ENDPOINTS.updateInventory,
		preSend: [inventoryBody],
		output(body) {
			const { traceId, ...answer } = body;
			void traceId;
			const sent = inventoryItemsOf(this.getNodeParameter('items', {}) as IDataObject);
			return [{ ...answer, items: sent }];
		},
	}),
};

/** The price ids and quantities of the Items rows, as echoed in the output (without validation). */
function inventoryItemsOf(items: IDataObject): IDataObject[] {
	return ((items.item ?? []) as ItemRow[]).map((row) => {
		const out: IDataObject = { priceId: String(row.priceId ?? '').trim() };
		const quantity = String(row.availableQuantity ?? '').trim();
		if (quantity) out.availableQuantity = Number(quantity);
		if (row.allowOutOfStockPurchases) out.allowOutOfStockPurchases = row.allowOutOfStockPurchases === 'allow';
		return out;
	});
}

export const description: INodeProperties[] = [
	rowsField({ displayName: 'Items', name: 'items', placeholder: 'Add Item', row: ['Item', 'item'], show, required: true }, [
		{
			displayName: 'Price Name or ID',
			name: 'priceId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getInventoryPrices' },
			allowArbitraryValues: true,
			default: '',
			description:
				'The price (variant) whose stock changes. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Available Quantity',
			name: 'availableQuantity',
			type: 'string',
			default: '',
			placeholder: 'e.g. 25',
			description: 'The new stock quantity (a whole number). Left empty, the quantity is not changed.',
		},
		{
			displayName: 'Out-of-Stock Purchases',
			name: 'allowOutOfStockPurchases',
			type: 'options',
			options: [
				{ name: 'Leave Unchanged', value: '' },
				{ name: 'Allow', value: 'allow' },
				{ name: 'Refuse', value: 'refuse' },
			],
			default: '',
			description: 'Whether the price keeps selling when its stock is 0',
		},
	]),
];
