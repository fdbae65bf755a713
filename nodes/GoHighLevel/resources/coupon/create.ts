import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { COUPON_FIELD_NAMES, couponBody, couponFields } from './fields';

const show = { resource: ['coupon'], operation: ['create'] };

/**
 * Create: `POST /payments/coupon` (payments.json `create-coupon`, scope `payments/coupons.write`), body built by
 * `couponBody`; answers the flat coupon (201).
 */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a coupon',
	description: 'Create a percentage or fixed-amount discount code',
	routing: routeTo({ endpoint: ENDPOINTS.createCoupon, preSend: [couponBody], fieldNames: COUPON_FIELD_NAMES }),
};

export const description: INodeProperties[] = couponFields(show);
