import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { noteLocator } from './fields';

const show = { resource: ['note'], operation: ['delete'] };

/** Delete: `DELETE /contacts/{contactId}/notes/{id}` (contacts.json `delete-note`; HighLevel answers `{ succeded: true }`). */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a note of a contact',
	description: 'Delete a note of a contact permanently',
	routing: routeTo({
		endpoint: ENDPOINTS.deleteContactNote,
		pathParameters: { contactId: 'contactId', id: 'noteId' },
		output() {
			return [
				{
					id: this.getNodeParameter('noteId', '', { extractValue: true }),
					contactId: this.getNodeParameter('contactId', '', { extractValue: true }),
					deleted: true,
				},
			];
		},
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), noteLocator(show)];
