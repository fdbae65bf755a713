import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { applyFieldsToClear, fieldsToClearProperty, requireChanges } from '../../shared/body';
import { resolveCustomFields } from '../../shared/customFields';
import { collectionField, contactLocator, customFieldsProperty } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { validateBody } from '../../shared/validation';
import { CONTACT_BODY_RULES, contactFieldOptions, UPDATE_CLEARABLE } from './fields';

const show = { resource: ['contact'], operation: ['update'] };

/**
 * Update: `PUT /contacts/{contactId}` (contacts.json `update-contact`), root `contact`. Custom fields are sent
 * in the same `[{ id, field_value }]` shape as Create. Fields left empty are not sent; Fields to Clear empties
 * fields on purpose.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a contact',
	description: 'Update the fields of a contact',
	routing: routeTo({
		endpoint: ENDPOINTS.updateContact,
		pathParameters: { contactId: 'contactId' },
		preSend: [
			validateBody(CONTACT_BODY_RULES),
			resolveCustomFields('contact'),
			applyFieldsToClear(UPDATE_CLEARABLE),
			requireChanges('Update Fields, Custom Fields or Fields to Clear'),
		],
	}),
};

export const description: INodeProperties[] = [
	contactLocator('contactId', show),
	collectionField('updateFields', show, contactFieldOptions('update')),
	customFieldsProperty('contact', show),
	fieldsToClearProperty(UPDATE_CLEARABLE, show, 'contact'),
];
