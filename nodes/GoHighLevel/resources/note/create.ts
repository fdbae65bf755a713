import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { NOTE_FIELD_OPTIONS, noteBodyField } from './fields';

const show = { resource: ['note'], operation: ['create'] };

/** Create: `POST /contacts/{contactId}/notes` (contacts.json `create-note`, body `NotesDTO`), 201 root `note`. */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Add a note to a contact',
	description: 'Add a note to a contact',
	routing: routeTo({
		endpoint: ENDPOINTS.createContactNote,
		pathParameters: { contactId: 'contactId' },
		fieldNames: { body: 'Body', userId: 'Additional Fields → User' },
	}),
};

export const description: INodeProperties[] = [
	contactLocator('contactId', show),
	noteBodyField(show, true),
	collectionField('additionalFields', show, NOTE_FIELD_OPTIONS),
];
