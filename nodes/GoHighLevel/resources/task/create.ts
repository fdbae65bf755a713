import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { convertDueDate, defaultNotCompleted, dueDateField, taskFieldOptions } from './fields';

const show = { resource: ['task'], operation: ['create'] };

/**
 * Create: `POST /contacts/{contactId}/tasks` (contacts.json `create-task`, body `CreateTaskParams`: `title`,
 * `dueDate`, `completed` required; `body`, `assignedTo`), 201 root `task`.
 */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a task for a contact',
	description: 'Create a task on a contact, with a due date and an assigned user',
	routing: routeTo({
		endpoint: ENDPOINTS.createContactTask,
		pathParameters: { contactId: 'contactId' },
		preSend: [convertDueDate, defaultNotCompleted],
		fieldNames: {
			title: 'Title',
			dueDate: 'Due Date',
			assignedTo: 'Additional Fields → Assigned User',
			body: 'Additional Fields → Description',
		},
	}),
};

export const description: INodeProperties[] = [
	contactLocator('contactId', show),
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'title' } },
	},
	dueDateField({ required: true, displayOptions: { show } }),
	collectionField('additionalFields', show, taskFieldOptions('create')),
];
