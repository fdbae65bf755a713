import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { requireTags, tagsField, tagsOutput } from './fields';

const show = { resource: ['contact'], operation: ['removeTags'] };

/** Remove Tags: `DELETE /contacts/{contactId}/tags` (contacts.json `remove-tags`, body `TagsDTO`). */
export const option: INodePropertyOptions = {
	name: 'Remove Tags',
	value: 'removeTags',
	action: 'Remove tags from a contact',
	description: 'Remove tags from a contact',
	routing: routeTo({
		endpoint: ENDPOINTS.removeContactTags,
		pathParameters: { contactId: 'contactId' },
		preSend: [requireTags],
		output: tagsOutput,
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), tagsField(show)];
