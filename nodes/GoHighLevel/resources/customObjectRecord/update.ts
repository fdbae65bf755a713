import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireChanges } from '../../shared/body';
import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { recordPropertiesField, resolveRecordProperties } from '../../shared/objects';
import { routeTo } from '../../shared/routing';
import { OWNER_AND_FOLLOWERS, recordFieldNames, recordIdField, recordObjectField, sendOwner } from './fields';

const show = { resource: ['customObjectRecord'], operation: ['update'] };

/**
 * Update: `PUT /objects/{schemaKey}/records/{id}?locationId=` (objects.json `update-object-record`), body
 * `{ properties, owner[], followers[] }`, root `record`. Only the properties and fields set are sent; nothing set
 * fails before the request.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a custom object record',
	description: 'Change properties, owner or followers of a record',
	routing: routeTo({
		endpoint: ENDPOINTS.updateObjectRecord,
		pathParameters: { schemaKey: 'objectKey', id: 'recordId' },
		preSend: [resolveRecordProperties, sendOwner('updateFields'), requireChanges('Properties or Update Fields')],
		fieldNames: recordFieldNames('Update Fields'),
	}),
};

export const description: INodeProperties[] = [
	recordObjectField(show),
	recordIdField(show),
	recordPropertiesField(show),
	collectionField('updateFields', show, OWNER_AND_FOLLOWERS),
];
