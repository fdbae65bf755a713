import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireChanges } from '../../shared/body';
import { collectionField, contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { NOTE_FIELD_OPTIONS, noteBodyField, noteLocator } from './fields';

const show = { resource: ['note'], operation: ['update'] };

/**
 * Update: `PUT /contacts/{contactId}/notes/{id}` (contacts.json `update-note`, body `UpdateNoteDTO`), root `note`.
 * Only the fields set are sent; nothing set fails before the request.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a note of a contact',
	description: 'Change the text, title, colour, pin or author of a note',
	routing: routeTo({
		endpoint: ENDPOINTS.updateContactNote,
		pathParameters: { contactId: 'contactId', id: 'noteId' },
		preSend: [requireChanges('Body or Update Fields')],
		fieldNames: { body: 'Body', userId: 'Update Fields → User' },
	}),
};

export const description: INodeProperties[] = [
	contactLocator('contactId', show),
	noteLocator(show),
	noteBodyField(show, false),
	collectionField('updateFields', show, NOTE_FIELD_OPTIONS),
];
