import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { COUPON_FIELD_NAMES, couponBody, couponFields, couponLocator } from './fields';

const show = { resource: ['coupon'], operation: ['update'] };

/** Adds the coupon's `id` (the Coupon locator) to the update body. */
async function couponId(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const id = String(this.getNodeParameter('couponId', '', { extractValue: true }) ?? '').trim();
	return { ...requestOptions, body: { ...((requestOptions.body as object | undefined) ?? {}), id } };
}

/**
 * Update: `PUT /payments/coupon` (payments.json `update-coupon`, scope `payments/coupons.write`). The spec requires
 * the whole coupon again (`name`, `code`, `discountType`, `discountValue`, `startDate`) plus `id`, so the fields are
 * those of Create; answers the flat coupon.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a coupon',
	description: 'Change a coupon (HighLevel needs all of its main fields again)',
	routing: routeTo({ endpoint: ENDPOINTS.updateCoupon, preSend: [couponBody, couponId], fieldNames: COUPON_FIELD_NAMES }),
};

export const description: INodeProperties[] = [couponLocator(show), ...couponFields(show)];
