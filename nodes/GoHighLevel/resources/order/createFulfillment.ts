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
import { orderLocator } from './fields';

const show = { resource: ['order'], operation: ['createFulfillment'] };

/**
 * Builds `CreateFulfillmentDto` (payments.json `create-order-fulfillment`): `altType: location`, `trackings[]` of
 * `{trackingNumber, shippingCarrier, trackingUrl}` (empty values left out), `items[]` of `{priceId, qty}` and
 * `notifyCustomer`, all required by the spec (the transport adds `altId`). Each item needs a price and a whole
 * quantity ≥ 1; checked before any request, naming the row (from 1).
 */
async function fulfillmentBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const rows = ((this.getNodeParameter('items', {}) as IDataObject).item ?? []) as IDataObject[];
	if (!rows.length) throw invalidParameter(this, 'Items', 'add at least one item (the price shipped and its quantity)');
	const items = rows.map((row, index) => {
		const where = `Items → row ${index + 1}`;
		const priceId = String(row.priceId ?? '').trim();
		if (!priceId) throw invalidParameter(this, `${where} → Price`, 'choose the order item (price) that was shipped');
		const qty = Number(row.qty);
		if (!Number.isInteger(qty) || qty < 1) throw invalidParameter(this, `${where} → Quantity`, `${String(row.qty)} is not a whole number of at least 1`);
		return { priceId, qty };
	});
	const trackingRows = ((this.getNodeParameter('trackings', {}) as IDataObject).tracking ?? []) as IDataObject[];
	const trackings = trackingRows
		.map((row, index) => {
			const tracking: IDataObject = {};
			for (const key of ['trackingNumber', 'shippingCarrier', 'trackingUrl']) {
				const value = String(row[key] ?? '').trim();
				if (value) tracking[key] = value;
			}
			if (tracking.trackingUrl && !/^https?:\/\/\S+$/i.test(String(tracking.trackingUrl))) {
				throw invalidParameter(this, `Tracking → row ${index + 1} → Tracking URL`, `"${String(tracking.trackingUrl)}" is not an http(s) address`);
			}
			return tracking;
		})
		.filter((t) => Object.keys(t).length);
	const body: IDataObject = {
		...((requestOptions.body as IDataObject | undefined) ?? {}),
		trackings,
		items,
		notifyCustomer: this.getNodeParameter('notifyCustomer', false) === true,
	};
	return { ...requestOptions, body };
}

/**
 * Create Fulfillment: `POST /payments/orders/{orderId}/fulfillments` (payments.json `create-order-fulfillment`, scope
 * `payments/orders.write`): records a shipment of some or all of the order's items with its tracking numbers and
 * carriers; root `data` (the fulfillment: `_id, trackings[], items[], createdAt`).
 */
export const option: INodePropertyOptions = {
	name: 'Create Fulfillment',
	value: 'createFulfillment',
	action: 'Create a fulfillment for an order',
	description: 'Record a shipment of order items with tracking number and carrier',
	routing: routeTo({
		endpoint: ENDPOINTS.createOrderFulfillment,
		pathParameters: { orderId: 'orderId' },
		preSend: [fulfillmentBody],
		fieldNames: (request) => {
			const names: Record<string, string> = { notifyCustomer: 'Notify Customer', trackings: 'Tracking', items: 'Items' };
			((request.body as IDataObject | undefined)?.items as IDataObject[] | undefined)?.forEach((_, i) => {
				names[`items.${i}.priceId`] = `Items → row ${i + 1} → Price`;
				names[`items.${i}.qty`] = `Items → row ${i + 1} → Quantity`;
			});
			return names;
		},
	}),
};

export const description: INodeProperties[] = [
	orderLocator(show),
	rowsField({ displayName: 'Items', name: 'items', placeholder: 'Add Item', row: ['Item', 'item'], show, required: true }, [
		{
			displayName: 'Price Name or ID',
			name: 'priceId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getOrderPrices', loadOptionsDependsOn: ['orderId.value'] },
			allowArbitraryValues: true,
			default: '',
			description:
				'The order item (its product price) that was shipped. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Quantity',
			name: 'qty',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			description: 'How many of this item were shipped',
		},
	]),
	rowsField({ displayName: 'Tracking', name: 'trackings', placeholder: 'Add Tracking', row: ['Tracking', 'tracking'], show }, [
		{
			displayName: 'Tracking Number',
			name: 'trackingNumber',
			type: 'string',
			default: '',
			placeholder: 'e.g. 40012345678',
			description: 'Tracking number given by the shipping carrier',
		},
		{
			displayName: 'Carrier',
			name: 'shippingCarrier',
			type: 'string',
			default: '',
			placeholder: 'e.g. FedEx',
			description: 'Name of the shipping carrier',
		},
		{
			displayName: 'Tracking URL',
			name: 'trackingUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://www.fedex.com/wtrk/track/?trknbr=40012345678',
			description: 'Where the customer can follow the shipment',
		},
	]),
	{
		displayName: 'Notify Customer',
		name: 'notifyCustomer',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description: 'Whether HighLevel sends the customer a shipping notification',
	},
];
