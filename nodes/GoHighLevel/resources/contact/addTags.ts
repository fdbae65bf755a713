import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { requireTags, tagsField, tagsOutput } from './fields';

const show = { resource: ['contact'], operation: ['addTags'] };

/** Add Tags: `POST /contacts/{contactId}/tags` (contacts.json `add-tags`, body `TagsDTO`). */
export const option: INodePropertyOptions = {
	name: 'Add Tags',
	value: 'addTags',
	action: 'Add tags to a contact',
	description: 'Add tags to a contact, keeping the ones it has',
	routing: routeTo({
		endpoint: ENDPOINTS.addContactTags,
		pathParameters: { contactId: 'contactId' },
		preSend: [requireTags],
		output: tagsOutput,
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), tagsField(show)];
