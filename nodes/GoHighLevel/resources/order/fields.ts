import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../shared/descriptions';

/** The Order resource locator (`orderId`): pick from the location's orders (list `searchOrders`), or paste an ID. */
export function orderLocator(show: Record<string, string[]>): INodeProperties {
	return recordLocator({
		displayName: 'Order',
		name: 'orderId',
		record: 'order',
		searchListMethod: 'searchOrders',
		searchPlaceholder: 'Search by order name…',
		idExample: '653f5e0cde5a1314e62a837c',
		show,
		description: 'The order, picked from the location\'s orders or given by ID',
	});
}
