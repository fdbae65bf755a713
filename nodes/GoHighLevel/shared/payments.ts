import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { locatorValue, contactFilter } from './descriptions';
import { dateOnlyRange } from './time';

/*
 * Pieces the payments.json resources (Order, Transaction, Subscription, Coupon) share: list filters (date range, contact, payment mode) and their conversion before the request.
 */

/**
 * Hint of the Start Date / End Date filters: payments.json lists take whole dates (`startAt` / `endAt`, examples
 * `2024-02-01`) and do not document the time zone they compare them in.
 */
export const PAYMENT_DATE_HINT =
	'Only the date is sent (YYYY-MM-DD, this day included), taken in the workflow\'s time zone (workflow settings). HighLevel does not document which time zone it compares dates in, so a record near midnight may fall on the neighbouring day.';

/** Filters → Start Date / End Date of a payments list (`record`: e.g. `orders`), read by {@link paymentListQuery}. */
export function paymentDateFilters(record: string): INodeProperties[] {
	return [
		{
			displayName: 'Start Date',
			name: 'startAt',
			type: 'dateTime',
			default: '',
			description: `Only ${record} created on or after this date`,
			hint: PAYMENT_DATE_HINT,
		},
		{
			displayName: 'End Date',
			name: 'endAt',
			type: 'dateTime',
			default: '',
			description: `Only ${record} created on or before this date`,
			hint: PAYMENT_DATE_HINT,
		},
	];
}

/** Filters → Contact (resource locator) of a payments list, sent as `contactId` by {@link paymentListQuery}. */
export function paymentContactFilter(record: string): INodeProperties {
	return contactFilter(`Only ${record} of this contact`);
}

/** Filters → Payment Mode (`paymentMode`: `live` or `test`, the spec's example `live`). */
export const paymentModeFilter: INodeProperties = {
	displayName: 'Payment Mode',
	name: 'paymentMode',
	type: 'options',
	options: [
		{ name: 'Live', value: 'live' },
		{ name: 'Test', value: 'test' },
	],
	default: 'live',
	description: 'Only live-mode or only test-mode payments',
	routing: { send: { type: 'query', property: 'paymentMode' } },
};

/**
 * preSend of a payments list: Filters → Start Date / End Date become `startAt` / `endAt` (`YYYY-MM-DD` in the
 * workflow's time zone, shared/time.ts `toDateOnly`), resource-locator filters (`locators`: filter name → query
 * parameter) their ids; empty ones are not sent. Adds `altType=location` when `altType` is true.
 * @throws NodeOperationError naming the parameter, before any request, for a value that is not a date or an End
 *   Date before the Start Date
 */
export function paymentListQuery(o: { altType: boolean; locators?: Record<string, string> }) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const filters = (this.getNodeParameter('filters', {}) ?? {}) as IDataObject;
		const qs: IDataObject = {
			...((requestOptions.qs as IDataObject | undefined) ?? {}),
			...dateOnlyRange(this, filters, { startAt: 'Filters → Start Date', endAt: 'Filters → End Date' }),
		};
		if (o.altType) qs.altType = 'location';
		for (const [filter, property] of Object.entries({ contactId: 'contactId', ...(o.locators ?? {}) })) {
			const id = locatorValue(filters[filter]);
			if (id) qs[property] = id;
			else delete qs[property];
		}
		return { ...requestOptions, qs };
	};
}
