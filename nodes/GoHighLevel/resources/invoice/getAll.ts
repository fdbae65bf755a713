import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { dateParameter, withFirstOffset } from '../../shared/billing';
import { collectionField, locatorValue, contactFilter, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { invalidParameter } from '../../shared/validation';
import { INVOICE_STATUS_OPTIONS } from './fields';

const show = { resource: ['invoice'], operation: ['getAll'] };

/**
 * Filters and sort of Get Many → the query of `list-invoices`: `status`, `contactId`, `search`, `paymentMode`,
 * `startAt` / `endAt` (YYYY-MM-DD, the workflow's time zone), `sortField=issueDate` + `sortOrder`.
 */
async function invoiceQuery(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const filters = (this.getNodeParameter('filters', {}) ?? {}) as IDataObject;
	const sort = (this.getNodeParameter('sort', {}) ?? {}) as IDataObject;
	const qs: IDataObject = { ...((requestOptions.qs as IDataObject | undefined) ?? {}) };
	if (filters.status) qs.status = filters.status;
	if (filters.paymentMode) qs.paymentMode = filters.paymentMode;
	const search = String(filters.search ?? '').trim();
	if (search) qs.search = search;
	const contactId = locatorValue(filters.contactId);
	if (contactId) qs.contactId = contactId;
	if (filters.startDate) qs.startAt = dateParameter(this, filters.startDate, 'Filters → Start Date');
	if (filters.endDate) qs.endAt = dateParameter(this, filters.endDate, 'Filters → End Date');
	if (qs.startAt && qs.endAt && String(qs.endAt) < String(qs.startAt)) {
		throw invalidParameter(this, 'Filters → End Date', `${String(qs.endAt)} is before the Start Date ${String(qs.startAt)}`);
	}
	if (sort.direction) {
		qs.sortField = 'issueDate';
		qs.sortOrder = sort.direction === 'asc' ? 'ascend' : 'descend';
	}
	return { ...requestOptions, qs };
}

/**
 * Get Many: `GET /invoices/` (invoices.json `list-invoices`, scope `invoices.readonly`), root `invoices`; `limit` +
 * `offset` paging (both required, FACTS.md 2.11), `total` ends Return All.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many invoices',
	description: 'List the invoices of the location, filtered by status, contact, dates or text',
	routing: routeTo({
		endpoint: ENDPOINTS.getInvoices,
		preSend: [withFirstOffset, invoiceQuery],
		fieldNames: {
			status: 'Filters → Status',
			contactId: 'Filters → Contact',
			startAt: 'Filters → Start Date',
			endAt: 'Filters → End Date',
			paymentMode: 'Filters → Payment Mode',
			search: 'Filters → Search',
		},
	}),
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		{ displayName: 'Status', name: 'status', type: 'options', options: INVOICE_STATUS_OPTIONS, default: 'sent' },
		contactFilter('Only invoices of this contact'),
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: 'Only invoices from this day on (sent as YYYY-MM-DD in the workflow\'s time zone)',
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'Only invoices up to this day (sent as YYYY-MM-DD in the workflow\'s time zone)',
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			placeholder: 'e.g. INV-1001',
			description: 'Only invoices whose name or number contains this text',
		},
		{
			displayName: 'Payment Mode',
			name: 'paymentMode',
			type: 'options',
			options: [
				{ name: 'Default', value: 'default' },
				{ name: 'Live', value: 'live' },
				{ name: 'Test', value: 'test' },
			],
			default: 'live',
		},
	]),
	collectionField('sort', show, [
		{
			displayName: 'Direction (by Issue Date)',
			name: 'direction',
			type: 'options',
			options: [
				{ name: 'Ascending', value: 'asc' },
				{ name: 'Descending', value: 'desc' },
			],
			default: 'desc',
		},
	]),
];
