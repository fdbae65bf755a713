import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { membershipRouting } from './businessMembership';

const show = { resource: ['contact'], operation: ['removeFromBusiness'] };

/**
 * Remove from Business: `POST /contacts/bulk/business` (contacts.json `add-remove-contact-from-business`) with
 * `ids: [contact]` and `businessId: null`, which takes the contact out of whatever business it belongs to.
 */
export const option: INodePropertyOptions = {
	name: 'Remove From Business',
	value: 'removeFromBusiness',
	action: 'Remove a contact from its business',
	description: 'Take a contact out of the business it belongs to',
	routing: membershipRouting('remove'),
};

export const description: INodeProperties[] = [contactLocator('contactId', show)];
