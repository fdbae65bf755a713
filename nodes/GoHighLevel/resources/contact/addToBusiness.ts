import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { businessLocator, contactLocator } from '../../shared/descriptions';
import { membershipRouting } from './businessMembership';

const show = { resource: ['contact'], operation: ['addToBusiness'] };

/**
 * Add to Business: `POST /contacts/bulk/business` (contacts.json `add-remove-contact-from-business`) with
 * `ids: [contact]` and the business; a contact belongs to one business, so this moves it from any other.
 */
export const option: INodePropertyOptions = {
	name: 'Add to Business',
	value: 'addToBusiness',
	action: 'Add a contact to a business',
	description: 'Make a contact part of a business (moving it from its current business, if any)',
	routing: membershipRouting('add'),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), businessLocator(show)];
