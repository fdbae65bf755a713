import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { resolveCustomFields } from '../../shared/customFields';
import { customFieldsProperty } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { validateBody } from '../../shared/validation';
import { CONTACT_BODY_RULES, contactFieldOptions, contactLocator } from './fields';

const show = { resource: ['contact'], operation: ['update'] };

/**
 * Update: `PUT /contacts/{contactId}` (contacts.json `update-contact`), root `contact`. Custom fields are sent
 * in the same `[{ id, field_value }]` shape as Create.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a contact',
	description: 'Update the fields of a contact',
	routing: routeTo({
		endpoint: ENDPOINTS.updateContact,
		pathParameters: { contactId: 'contactId' },
		preSend: [validateBody(CONTACT_BODY_RULES), resolveCustomFields('contact')],
	}),
};

export const description: INodeProperties[] = [
	contactLocator('contactId', show),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: contactFieldOptions('update'),
	},
	customFieldsProperty('contact', show),
];
