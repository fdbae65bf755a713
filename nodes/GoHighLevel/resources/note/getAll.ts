import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { limitRecords, routeTo } from '../../shared/routing';

const show = { resource: ['note'], operation: ['getAll'] };

/**
 * Get Many: `GET /contacts/{contactId}/notes` (contacts.json `get-all-notes`), root `notes`. Not paged
 * (FACTS.md 2.14): HighLevel answers every note at once and Limit keeps the first ones.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many notes of a contact',
	description: 'List the notes of a contact',
	routing: routeTo({
		endpoint: ENDPOINTS.getContactNotes,
		pathParameters: { contactId: 'contactId' },
		output: limitRecords(),
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), ...returnAllOrLimit(show)];
