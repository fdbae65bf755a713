import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { orderLocator } from './fields';

const show = { resource: ['order'], operation: ['get'] };

/**
 * Get: `GET /payments/orders/{orderId}?altId=` (payments.json `get-order-by-id`, scope `payments/orders.readonly`),
 * the flat order (`_id, contactId, currency, amount` in major units, `status, amountSummary, items, …`).
 */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an order',
	description: 'Retrieve one order with its items and amounts',
	routing: routeTo({ endpoint: ENDPOINTS.getOrder, pathParameters: { orderId: 'orderId' } }),
};

export const description: INodeProperties[] = [orderLocator(show)];
