import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, recordLocator, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { paymentContactFilter, paymentDateFilters, paymentListQuery, paymentModeFilter } from '../../shared/payments';
import { routeTo } from '../../shared/routing';

const show = { resource: ['transaction'], operation: ['getAll'] };

/**
 * Get Many: `GET /payments/transactions?altId=&altType=location` (payments.json `list-transactions`, scope
 * `payments/transactions.readonly`), one item per transaction (`_id, contactId, currency, amount` in major units,
 * `status, entityType, entityId, subscriptionId, createdAt, …`), newest first, paged with `limit` (100) + `offset`
 * until `totalCount` is reached (FACTS.md 2.10).
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many transactions',
	description: 'List the location\'s payment transactions, optionally filtered by date, contact, subscription or payment mode',
	routing: routeTo({
		endpoint: ENDPOINTS.getTransactions,
		preSend: [paymentListQuery({ altType: true, locators: { subscriptionId: 'subscriptionId' } })],
		fieldNames: {
			paymentMode: 'Filters → Payment Mode',
			startAt: 'Filters → Start Date',
			endAt: 'Filters → End Date',
			contactId: 'Filters → Contact',
			subscriptionId: 'Filters → Subscription',
			entityId: 'Filters → Order or Invoice ID',
			search: 'Filters → Search',
		},
	}),
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		...paymentDateFilters('transactions'),
		paymentContactFilter('transactions'),
		recordLocator({
			displayName: 'Subscription',
			name: 'subscriptionId',
			record: 'subscription',
			searchListMethod: 'searchSubscriptions',
			searchPlaceholder: 'Search subscriptions…',
			idExample: 'sub_1KGcXDCScnf89tZoVkoEMCEL',
			required: false,
			description: 'Only payments of this subscription',
		}),
		paymentModeFilter,
		{
			displayName: 'Order or Invoice ID',
			name: 'entityId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 61dd0fe9c077f73e67f78803',
			description: 'Only transactions of this order, invoice or other payment source (the transaction\'s entityId)',
			routing: { send: { type: 'query', property: 'entityId' } },
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Only transactions whose name contains this text',
			routing: { send: { type: 'query', property: 'search' } },
		},
	]),
];
