import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator, simplifyProperty } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { simplifyContacts } from './fields';

const show = { resource: ['contact'], operation: ['get'] };

/** Get: `GET /contacts/{contactId}` (contacts.json `get-contact`), root `contact`. */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a contact',
	description: 'Retrieve a contact by ID',
	routing: routeTo({
		endpoint: ENDPOINTS.getContact,
		pathParameters: { contactId: 'contactId' },
		async output(_body, records) {
			return this.getNodeParameter('simplify', false) ? await simplifyContacts(this, records) : records;
		},
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), simplifyProperty(show)];
