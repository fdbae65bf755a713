import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { applyFieldsToClear, fieldsToClearProperty } from '../../shared/body';
import { resolveCustomFields } from '../../shared/customFields';
import { collectionField, customFieldsProperty } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { validateBody } from '../../shared/validation';
import {
	CONTACT_BODY_RULES,
	contactFieldOptions,
	emailField,
	phoneField,
	UPSERT_CLEARABLE,
} from './fields';

const show = { resource: ['contact'], operation: ['upsert'] };

/**
 * Create or Update: `POST /contacts/upsert` (contacts.json `upsert-contact`). HighLevel matches an existing contact
 * by e-mail and/or phone following the location's "Allow Duplicate Contact" setting. The output is the contact
 * plus `new` (true when it was created), as HighLevel reports it. Fields left empty are not sent, so they keep
 * their value on a matched contact; Fields to Clear empties them on purpose.
 */
export const option: INodePropertyOptions = {
	name: 'Create or Update',
	value: 'upsert',
	action: 'Create or update a contact',
	description: 'Create a new contact, or update the current one if it already exists (upsert)',
	routing: routeTo({
		endpoint: ENDPOINTS.upsertContact,
		preSend: [
			validateBody(CONTACT_BODY_RULES, {
				anyOf: ['email', 'phone'],
				message: 'Enter an Email or a Phone: HighLevel finds the contact to update by them',
			}),
			resolveCustomFields('contact'),
			applyFieldsToClear(UPSERT_CLEARABLE),
		],
		output: (body, records) => records.map((contact) => ({ ...contact, new: body.new })),
	}),
};

export const description: INodeProperties[] = [
	emailField(show, 'Used to find an existing contact'),
	phoneField(show, 'Used to find an existing contact when there is no email match'),
	collectionField('additionalFields', show, contactFieldOptions('upsert')),
	customFieldsProperty('contact', show),
	fieldsToClearProperty(UPSERT_CLEARABLE, show, 'contact it updates'),
];
