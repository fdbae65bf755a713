import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { afterFieldChange, buildFieldCreate, DATA_TYPE_OPTIONS, FIELD_PROPERTY_OPTIONS, fieldOptionsField, PICKLIST_TYPES } from './fields';

const show = { resource: ['customField'], operation: ['create'] };

/**
 * Create: `POST /locations/{locationId}/customFields` (locations.json `create-custom-field`, body
 * `CreateCustomFieldsDTO`: `name`, `dataType` required, `model`, `placeholder`, `position`; scope
 * `locations/customFields.write`), 201 root `customField` (`id, name, fieldKey, dataType, model, picklistOptions…`).
 * HighLevel derives the field key (`contact.<name>`) from the name.
 */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a custom field',
	description: 'Add a contact or opportunity custom field to the location',
	routing: routeTo({
		endpoint: ENDPOINTS.createCustomField,
		preSend: [buildFieldCreate],
		output: afterFieldChange(),
		fieldNames: {
			name: 'Name',
			dataType: 'Data Type',
			model: 'Model',
			options: 'Field Options',
			textBoxListOptions: 'Field Options',
			placeholder: 'Additional Fields → Placeholder',
			position: 'Additional Fields → Position',
		},
	}),
};

export const description: INodeProperties[] = [
	{
		displayName: 'Model',
		name: 'model',
		type: 'options',
		options: [
			{ name: 'Contact', value: 'contact' },
			{ name: 'Opportunity', value: 'opportunity' },
		],
		default: 'contact',
		displayOptions: { show },
		description: 'Which records get the field',
		routing: { send: { type: 'body', property: 'model' } },
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		description: 'Name of the field, e.g. Shirt Size (its key becomes contact.shirt_size)',
		routing: { send: { type: 'body', property: 'name' } },
	},
	{
		displayName: 'Data Type',
		name: 'dataType',
		type: 'options',
		options: DATA_TYPE_OPTIONS,
		required: true,
		default: 'TEXT',
		displayOptions: { show },
		description: 'Kind of value the field holds',
		routing: { send: { type: 'body', property: 'dataType' } },
	},
	fieldOptionsField({ ...show, dataType: [...PICKLIST_TYPES, 'TEXTBOX_LIST'] }),
	collectionField('additionalFields', show, FIELD_PROPERTY_OPTIONS),
];
