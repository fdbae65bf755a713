import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { recordLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['subscription'], operation: ['get'] };

/**
 * Get: `GET /payments/subscriptions/{subscriptionId}?altId=&altType=location` (payments.json `get-subscription-by-id`,
 * scope `payments/subscriptions.readonly`), the flat subscription (`amount` in major units).
 */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a subscription',
	description: 'Retrieve one subscription',
	routing: routeTo({ endpoint: ENDPOINTS.getSubscription, pathParameters: { subscriptionId: 'subscriptionId' } }),
};

export const description: INodeProperties[] = [
	recordLocator({
		displayName: 'Subscription',
		name: 'subscriptionId',
		record: 'subscription',
		searchListMethod: 'searchSubscriptions',
		searchPlaceholder: 'Search subscriptions…',
		idExample: '6322e9c9e39fc14ab3ed7042',
		show,
		description: 'The subscription, picked from the location\'s subscriptions or given by ID',
	}),
];
