import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { recordPropertiesField, resolveRecordProperties } from '../../shared/objects';
import { routeTo } from '../../shared/routing';
import { OWNER_AND_FOLLOWERS, recordFieldNames, recordObjectField, sendOwner } from './fields';

const show = { resource: ['customObjectRecord'], operation: ['create'] };

/** `preSend`: a record is created with at least one property, checked before the request. */
async function requireProperties(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const properties = (requestOptions.body as IDataObject | undefined)?.properties;
	if (properties && Object.keys(properties).length) return requestOptions;
	throw new NodeOperationError(this.getNode(), 'No properties to create the record with', {
		description: 'Parameter "Properties": add at least one property with a value (e.g. the object\'s primary display property).',
		itemIndex: this.getItemIndex(),
	});
}

/**
 * Create: `POST /objects/{schemaKey}/records` (objects.json `create-object-record`, scope `objects/record.write`),
 * body `{ locationId, properties, owner[], followers[] }`, 201 root `record`.
 */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a custom object record',
	description: 'Create a record of a custom object (or of the business object)',
	routing: routeTo({
		endpoint: ENDPOINTS.createObjectRecord,
		pathParameters: { schemaKey: 'objectKey' },
		preSend: [resolveRecordProperties, requireProperties, sendOwner('additionalFields')],
		fieldNames: recordFieldNames('Additional Fields'),
	}),
};

export const description: INodeProperties[] = [
	recordObjectField(show),
	recordPropertiesField(show),
	collectionField('additionalFields', show, OWNER_AND_FOLLOWERS),
];
