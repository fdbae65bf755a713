import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { resolveCustomFields } from '../../shared/customFields';
import { collectionField, customFieldsProperty } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { validateBody } from '../../shared/validation';
import { CONTACT_BODY_RULES, contactFieldOptions, emailField, phoneField } from './fields';

const show = { resource: ['contact'], operation: ['create'] };

/** Create: `POST /contacts/` (contacts.json `create-contact`). */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a contact',
	description: 'Create a new contact. Fails if the location does not allow duplicates and one exists.',
	routing: routeTo({
		endpoint: ENDPOINTS.createContact,
		preSend: [
			validateBody(CONTACT_BODY_RULES, {
				anyOf: ['email', 'phone', 'firstName', 'lastName', 'name'],
				message: 'Enter an Email, a Phone or a name for the new contact',
			}),
			resolveCustomFields('contact'),
		],
	}),
};

export const description: INodeProperties[] = [
	emailField(show),
	phoneField(show, 'Phone number, ideally in E.164 form'),
	collectionField('additionalFields', show, contactFieldOptions('create')),
	customFieldsProperty('contact', show),
];
