import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { customFieldLocator } from './fields';

const show = { resource: ['customField'], operation: ['get'] };

/** Get: `GET /locations/{locationId}/customFields/{id}` (locations.json `get-custom-field`), root `customField`. */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a custom field',
	description: 'Retrieve one contact or opportunity custom field with its key, type and options',
	routing: routeTo({ endpoint: ENDPOINTS.getCustomField, pathParameters: { id: 'customFieldId' } }),
};

export const description: INodeProperties[] = [customFieldLocator(show)];
