import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { couponLocator } from './fields';

const show = { resource: ['coupon'], operation: ['get'] };

/**
 * Get: `GET /payments/coupon?altId=&altType=location&id=&code=` (payments.json `get-coupon`, scope
 * `payments/coupons.readonly`; the spec requires both `id` and `code`), the flat coupon.
 */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a coupon',
	description: 'Retrieve one coupon by its ID and code',
	routing: routeTo({ endpoint: ENDPOINTS.getCoupon, fieldNames: { id: 'Coupon', code: 'Code' } }),
};

export const description: INodeProperties[] = [
	{
		...couponLocator(show),
		routing: { send: { type: 'query', property: 'id', value: '={{ $value }}' } },
	},
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. DEAL50',
		displayOptions: { show },
		description: 'The coupon\'s code; HighLevel needs it together with the ID',
		routing: { send: { type: 'query', property: 'code' } },
	},
];
