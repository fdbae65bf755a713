import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['contact'], operation: ['delete'] };

/** Delete: `DELETE /contacts/{contactId}` (contacts.json `delete-contact`; HighLevel answers `{ succeded: true }`). */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a contact',
	description: 'Delete a contact permanently',
	routing: routeTo({
		endpoint: ENDPOINTS.deleteContact,
		pathParameters: { contactId: 'contactId' },
		output() {
			return [{ id: this.getNodeParameter('contactId', '', { extractValue: true }), deleted: true }];
		},
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show)];
