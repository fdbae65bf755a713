import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { orderLocator } from './fields';

const show = { resource: ['order'], operation: ['getFulfillments'] };

/**
 * Get Fulfillments: `GET /payments/orders/{orderId}/fulfillments?altId=&altType=location` (payments.json
 * `list-order-fulfillment`, scope `payments/orders.readonly`), one item per fulfillment (`_id, trackings[], items[],
 * createdAt`). HighLevel answers every fulfillment of the order at once (not paged).
 */
export const option: INodePropertyOptions = {
	name: 'Get Many Fulfillments',
	value: 'getFulfillments',
	action: 'Get many fulfillments of an order',
	description: 'List the shipments recorded for an order',
	routing: routeTo({ endpoint: ENDPOINTS.getOrderFulfillments, pathParameters: { orderId: 'orderId' } }),
};

export const description: INodeProperties[] = [orderLocator(show)];
