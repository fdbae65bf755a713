import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { paymentContactFilter, paymentDateFilters, paymentListQuery, paymentModeFilter } from '../../shared/payments';
import { routeTo } from '../../shared/routing';

const show = { resource: ['subscription'], operation: ['getAll'] };

/**
 * Get Many: `GET /payments/subscriptions?altId=&altType=location` (payments.json `list-subscriptions`, scope
 * `payments/subscriptions.readonly`), one item per subscription (`_id, contactId, currency, amount` in major units,
 * `status, entityId, subscriptionId, createdAt, …`), newest first, paged with `limit` (100) + `offset` until
 * `totalCount` is reached (FACTS.md 2.10). The spec declares no status filter; `status` is in each record.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many subscriptions',
	description: 'List the location\'s subscriptions, optionally filtered by date, contact or payment mode',
	routing: routeTo({
		endpoint: ENDPOINTS.getSubscriptions,
		preSend: [paymentListQuery({ altType: true })],
		fieldNames: {
			paymentMode: 'Filters → Payment Mode',
			startAt: 'Filters → Start Date',
			endAt: 'Filters → End Date',
			contactId: 'Filters → Contact',
			entityId: 'Filters → Order ID',
			search: 'Filters → Search',
		},
	}),
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		...paymentDateFilters('subscriptions'),
		paymentContactFilter('subscriptions'),
		paymentModeFilter,
		{
			displayName: 'Order ID',
			name: 'entityId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 61dd0fe9c077f73e67f78803',
			description: 'Only subscriptions started by this order (the subscription\'s entityId)',
			routing: { send: { type: 'query', property: 'entityId' } },
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Only subscriptions whose name contains this text',
			routing: { send: { type: 'query', property: 'search' } },
		},
	]),
];
