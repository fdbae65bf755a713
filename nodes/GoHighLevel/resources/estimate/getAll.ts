import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { dateParameter, withFirstOffset } from '../../shared/billing';
import { collectionField, locatorValue, contactFilter, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { ESTIMATE_STATUS_OPTIONS } from './fields';

const show = { resource: ['estimate'], operation: ['getAll'] };

/** Filters → the query of `list-estimates`: `status`, `contactId`, `search`, `startAt` / `endAt` (YYYY-MM-DD). */
async function estimateQuery(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const filters = (this.getNodeParameter('filters', {}) ?? {}) as IDataObject;
	const qs: IDataObject = { ...((requestOptions.qs as IDataObject | undefined) ?? {}) };
	if (filters.status) qs.status = filters.status;
	const search = String(filters.search ?? '').trim();
	if (search) qs.search = search;
	const contactId = locatorValue(filters.contactId);
	if (contactId) qs.contactId = contactId;
	if (filters.startDate) qs.startAt = dateParameter(this, filters.startDate, 'Filters → Start Date');
	if (filters.endDate) qs.endAt = dateParameter(this, filters.endDate, 'Filters → End Date');
	return { ...requestOptions, qs };
}

/**
 * Get Many: `GET /invoices/estimate/list` (invoices.json `list-estimates`, scope `invoices/estimate.readonly`), root
 * `estimates`; `limit` + `offset` paging (both required), `total` ends Return All.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many estimates',
	description: 'List the estimates of the location, filtered by status, contact, dates or text',
	routing: routeTo({
		endpoint: ENDPOINTS.getEstimates,
		preSend: [withFirstOffset, estimateQuery],
		fieldNames: { status: 'Filters → Status', contactId: 'Filters → Contact', search: 'Filters → Search' },
	}),
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		{ displayName: 'Status', name: 'status', type: 'options', options: ESTIMATE_STATUS_OPTIONS, default: 'sent' },
		contactFilter('Only estimates of this contact'),
		{ displayName: 'Start Date', name: 'startDate', type: 'dateTime', default: '', description: 'Sent as YYYY-MM-DD in the workflow\'s time zone' },
		{ displayName: 'End Date', name: 'endDate', type: 'dateTime', default: '', description: 'Sent as YYYY-MM-DD in the workflow\'s time zone' },
		{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Only estimates whose name or number contains this text' },
	]),
];
