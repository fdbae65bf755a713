import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { recordObjectField } from './fields';

const show = { resource: ['customObjectRecord'], operation: ['search'] };

/**
 * Builds the `search-object-records` body (objects.json `SearchRecordsBody`, all four required): `page: 1`,
 * `query` (the Search Query, `''` for every record), `searchAfter: []`. The pagination (shared/pagination.ts,
 * searchAfter style) adds `pageLimit` and, from the second page on, the last record's `searchAfter`; `page` stays 1,
 * so no page is deeper than the first and the 10,000-record cap of page mode does not apply.
 */
export async function buildRecordSearch(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body: IDataObject = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	body.page = 1;
	body.query = String(this.getNodeParameter('query', '') ?? '').trim();
	body.searchAfter = [];
	return { ...requestOptions, body };
}

/**
 * Search: `POST /objects/{schemaKey}/records/search` (objects.json `search-object-records`, scope
 * `objects/record.readonly`), root `records` + `total`, read page by page with `searchAfter`.
 */
export const option: INodePropertyOptions = {
	name: 'Search',
	value: 'search',
	action: 'Search custom object records',
	description: 'Find records of a custom object by their searchable properties',
	routing: routeTo({
		endpoint: ENDPOINTS.searchObjectRecords,
		pathParameters: { schemaKey: 'objectKey' },
		preSend: [buildRecordSearch],
		fieldNames: { query: 'Search Query' },
	}),
};

export const description: INodeProperties[] = [
	recordObjectField(show),
	{
		displayName: 'Search Query',
		name: 'query',
		type: 'string',
		default: '',
		displayOptions: { show },
		placeholder: 'e.g. Buddy or name:Buddy',
		description: 'Text matched against the object\'s searchable properties (set per object in HighLevel). Left empty, every record matches.',
	},
	...returnAllOrLimit(show),
];
