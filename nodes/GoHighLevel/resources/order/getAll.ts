import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, recordLocator, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { paymentContactFilter, paymentDateFilters, paymentListQuery, paymentModeFilter } from '../../shared/payments';
import { routeTo } from '../../shared/routing';

const show = { resource: ['order'], operation: ['getAll'] };

/**
 * Get Many: `GET /payments/orders?altId=` (payments.json `list-orders`, scope `payments/orders.readonly`), one item
 * per order (`_id, contactId, currency, amount, subtotal, discount` in major units, `status, createdAt, …`), newest
 * first, paged with `limit` (100) + `offset` until `totalCount` is reached (FACTS.md 2.10). list-orders declares no
 * `altType`, so none is sent.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many orders',
	description: 'List the location\'s orders, optionally filtered by status, payment, contact, funnel or date',
	routing: routeTo({
		endpoint: ENDPOINTS.getOrders,
		preSend: [paymentListQuery({ altType: false, locators: { sourceId: 'sourceId' } })],
		fieldNames: {
			status: 'Filters → Status',
			paymentStatus: 'Filters → Payment Status',
			paymentMode: 'Filters → Payment Mode',
			startAt: 'Filters → Start Date',
			endAt: 'Filters → End Date',
			search: 'Filters → Search',
			contactId: 'Filters → Contact',
			funnelProductIds: 'Filters → Funnel Product IDs',
			sourceId: 'Filters → Funnel',
		},
	}),
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		{
			displayName: 'Status',
			name: 'status',
			type: 'string',
			default: '',
			placeholder: 'e.g. completed',
			description: 'Only orders with this order status (HighLevel\'s value, e.g. completed)',
			routing: { send: { type: 'query', property: 'status' } },
		},
		{
			displayName: 'Payment Status',
			name: 'paymentStatus',
			type: 'options',
			options: [
				{ name: 'Paid', value: 'paid' },
				{ name: 'Partially Paid', value: 'partially_paid' },
				{ name: 'Refunded', value: 'refunded' },
				{ name: 'Unpaid', value: 'unpaid' },
			],
			default: 'paid',
			description: 'Only orders with this payment status',
			routing: { send: { type: 'query', property: 'paymentStatus' } },
		},
		paymentModeFilter,
		...paymentDateFilters('orders'),
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Only orders whose name contains this text',
			routing: { send: { type: 'query', property: 'search' } },
		},
		paymentContactFilter('orders'),
		recordLocator({
			displayName: 'Funnel',
			name: 'sourceId',
			record: 'funnel',
			searchListMethod: 'searchFunnels',
			searchPlaceholder: 'Search by funnel name…',
			idExample: 'kDj7BHej9Zyyq3QakJmz',
			required: false,
			description: 'Only orders placed through this funnel or website (the order\'s source)',
		}),
		{
			displayName: 'Funnel Product IDs',
			name: 'funnelProductIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 61dd0c7dc077f712a5f787ff,61d6afc9d39ac5e35965c017',
			description: 'Only orders holding one of these funnel products, IDs separated by commas',
			routing: { send: { type: 'query', property: 'funnelProductIds', value: '={{ String($value).split(",").map(s => s.trim()).filter(Boolean).join(",") }}' } },
		},
	]),
];
