import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { completeCustomValue, customValueFields, customValueLocator } from './fields';

const show = { resource: ['customValue'], operation: ['update'] };

/**
 * Update: `PUT /locations/{locationId}/customValues/{id}` (locations.json `update-custom-value`, body
 * `customValuesDTO`, where `name` and `value` are both required), root `customValue`. A field left empty keeps its
 * current content (read first with `get-custom-value`); both empty fails before any request.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a custom value',
	description: 'Change the name or the value of a custom value',
	routing: routeTo({
		endpoint: ENDPOINTS.updateCustomValue,
		pathParameters: { id: 'customValueId' },
		preSend: [completeCustomValue],
		fieldNames: { name: 'Name', value: 'Value' },
	}),
};

export const description: INodeProperties[] = [customValueLocator(show), ...customValueFields(show, true)];
