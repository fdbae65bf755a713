import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['coupon'], operation: ['getAll'] };

/**
 * Get Many: `GET /payments/coupon/list?altId=&altType=location` (payments.json `list-coupons`, scope
 * `payments/coupons.readonly`), one item per coupon (`_id, name, code, discountType, discountValue, status,
 * startDate, endDate, usageCount, …`), paged with `limit` (100) + `offset` until `totalCount` is reached.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many coupons',
	description: 'List the location\'s coupons, optionally by status or by name or code',
	routing: routeTo({
		endpoint: ENDPOINTS.getCoupons,
		fieldNames: { status: 'Filters → Status', search: 'Filters → Search' },
	}),
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Active', value: 'active' },
				{ name: 'Expired', value: 'expired' },
				{ name: 'Scheduled', value: 'scheduled' },
			],
			default: 'active',
			description: 'Only coupons in this state (scheduled: the start date is still ahead)',
			routing: { send: { type: 'query', property: 'status' } },
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			placeholder: 'e.g. DEAL50',
			description: 'Only coupons whose name or code contains this text',
			routing: { send: { type: 'query', property: 'search' } },
		},
	]),
];
