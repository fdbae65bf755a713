import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { collectionField, recordLocator, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['funnel'], operation: ['getPages'] };

/**
 * Get Pages: `GET /funnels/page?locationId=&funnelId=` (funnels.json `getPagesByFunnelId`, scope
 * `funnels/page.readonly`), one item per page (`_id, funnelId, name, stepId, deleted, updatedAt, locationId`), paged
 * with `limit` + `offset` (both required: the first page asks for offset 0) until a page comes back empty.
 */
export const option: INodePropertyOptions = {
	name: 'Get Pages',
	value: 'getPages',
	action: 'Get the pages of a funnel',
	description: 'List the pages of a funnel or website',
	routing: routeTo({
		endpoint: ENDPOINTS.getFunnelPages,
		fieldNames: { funnelId: 'Funnel', name: 'Filters → Name' },
		preSend: [
			async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
				const funnelId = String(this.getNodeParameter('funnelId', '', { extractValue: true }) ?? '').trim();
				const qs: IDataObject = { ...((requestOptions.qs as IDataObject | undefined) ?? {}), funnelId, offset: 0 };
				return { ...requestOptions, qs };
			},
		],
	}),
};

export const description: INodeProperties[] = [
	recordLocator({
		displayName: 'Funnel',
		name: 'funnelId',
		record: 'funnel',
		searchListMethod: 'searchFunnels',
		searchPlaceholder: 'Search by name…',
		idExample: 'SkIDfu0S4m3NYQyvWHC6',
		show,
		description: 'The funnel or website, searched by name, or given by ID',
	}),
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Thank You',
			description: 'Only pages whose name matches',
			routing: { send: { type: 'query', property: 'name' } },
		},
	]),
];
