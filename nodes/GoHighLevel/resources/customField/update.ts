import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { afterFieldChange, buildFieldUpdate, customFieldLocator, FIELD_PROPERTY_OPTIONS, fieldOptionsField } from './fields';

const show = { resource: ['customField'], operation: ['update'] };

/**
 * Update: `PUT /locations/{locationId}/customFields/{id}` (locations.json `update-custom-field`, body
 * `UpdateCustomFieldsDTO`, `name` required), root `customField`. Only the fields set are sent; the current name is
 * read first (`get-custom-field`) when it is not changed. The key, data type and model do not change.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a custom field',
	description: 'Rename a custom field or change its placeholder, position or options',
	routing: routeTo({
		endpoint: ENDPOINTS.updateCustomField,
		pathParameters: { id: 'customFieldId' },
		preSend: [buildFieldUpdate],
		output: afterFieldChange(),
		fieldNames: {
			name: 'Update Fields → Name',
			options: 'Update Fields → Field Options',
			textBoxListOptions: 'Update Fields → Field Options',
			placeholder: 'Update Fields → Placeholder',
			position: 'Update Fields → Position',
		},
	}),
};

export const description: INodeProperties[] = [
	customFieldLocator(show),
	collectionField('updateFields', show, [
		...FIELD_PROPERTY_OPTIONS,
		fieldOptionsField(),
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'New name of the field (its key does not change)',
			routing: { send: { type: 'body', property: 'name' } },
		},
	]),
];
