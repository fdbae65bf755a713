import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { noteLocator } from './fields';

const show = { resource: ['note'], operation: ['get'] };

/** Get: `GET /contacts/{contactId}/notes/{id}` (contacts.json `get-note`), root `note`. */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a note of a contact',
	description: 'Retrieve one note of a contact',
	routing: routeTo({
		endpoint: ENDPOINTS.getContactNote,
		pathParameters: { contactId: 'contactId', id: 'noteId' },
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), noteLocator(show)];
