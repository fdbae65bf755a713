import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { recordIdField, recordObjectField } from './fields';

const show = { resource: ['customObjectRecord'], operation: ['get'] };

/** Get: `GET /objects/{schemaKey}/records/{id}` (objects.json `get-record-by-id`), root `record`. */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a custom object record',
	description: 'Retrieve one record of a custom object',
	routing: routeTo({
		endpoint: ENDPOINTS.getObjectRecord,
		pathParameters: { schemaKey: 'objectKey', id: 'recordId' },
	}),
};

export const description: INodeProperties[] = [recordObjectField(show), recordIdField(show)];
