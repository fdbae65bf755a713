import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { couponLocator } from './fields';

const show = { resource: ['coupon'], operation: ['delete'] };

/** Body of delete-coupon: `altType: location` and `id` (the transport adds `altId`). */
async function deleteBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const id = String(this.getNodeParameter('couponId', '', { extractValue: true }) ?? '').trim();
	return { ...requestOptions, body: { ...((requestOptions.body as object | undefined) ?? {}), altType: 'location', id } };
}

/** Delete: `DELETE /payments/coupon` (payments.json `delete-coupon`, scope `payments/coupons.write`) → `{success, traceId}`. */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a coupon',
	description: 'Delete a coupon so its code no longer works',
	routing: routeTo({ endpoint: ENDPOINTS.deleteCoupon, preSend: [deleteBody], fieldNames: { id: 'Coupon' } }),
};

export const description: INodeProperties[] = [couponLocator(show)];
