import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { collectionField, locatorValue, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { associationLocator, firstPageOffset } from '../../shared/objects';
import { routeTo } from '../../shared/routing';

const show = { resource: ['relation'], operation: ['getAll'] };

/** The Association filter, an option of the Filters collection. */
const associationFilter: INodeProperties = associationLocator({
	name: 'associationId',
	required: false,
	description: 'Only relations of this association',
});

/**
 * `preSend`: Filters → Association as `associationIds` (associations.json: an array of ids in the query, form style,
 * so one id reads `associationIds=<id>`).
 */
async function associationIds(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const id = locatorValue(this.getNodeParameter('filters.associationId', '') as unknown);
	if (!id) return requestOptions;
	return { ...requestOptions, qs: { ...((requestOptions.qs as IDataObject | undefined) ?? {}), associationIds: id } };
}

/**
 * Get Many: `GET /associations/relations/{recordId}?locationId=&skip=&limit=` (associations.json
 * `get-relations-by-record-id`, scope `associations/relation.readonly`), root `relations`, offset-paged (`skip` +
 * `limit`, both required; `total` ends the reading).
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many relations of a record',
	description: 'List the relations of a record (a contact, a custom object record…) to other records',
	routing: routeTo({
		endpoint: ENDPOINTS.getRecordRelations,
		pathParameters: { recordId: 'recordId' },
		preSend: [firstPageOffset, associationIds],
		fieldNames: { associationIds: 'Filters → Association', recordId: 'Record ID' },
	}),
};

export const description: INodeProperties[] = [
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		placeholder: 'e.g. a contact ID or a custom object record ID',
		description: 'ID of the record whose relations are listed, on either side of the association',
	},
	...returnAllOrLimit(show),
	collectionField('filters', show, [associationFilter]),
];
