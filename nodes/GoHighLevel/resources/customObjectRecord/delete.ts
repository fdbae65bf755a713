import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { recordIdField, recordObjectField } from './fields';

const show = { resource: ['customObjectRecord'], operation: ['delete'] };

/**
 * Delete: `DELETE /objects/{schemaKey}/records/{id}` (objects.json `delete-object-record`), answer `{ id, success }`
 * (`ObjectRecordDeleteResponseDTO`). Output: `{ id, objectKey, deleted: true }`.
 */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a custom object record',
	description: 'Delete a record of a custom object permanently',
	routing: routeTo({
		endpoint: ENDPOINTS.deleteObjectRecord,
		pathParameters: { schemaKey: 'objectKey', id: 'recordId' },
		output() {
			return [
				{
					id: this.getNodeParameter('recordId', '', { extractValue: true }),
					objectKey: this.getNodeParameter('objectKey', '', { extractValue: true }),
					deleted: true,
				},
			];
		},
	}),
};

export const description: INodeProperties[] = [recordObjectField(show), recordIdField(show)];
