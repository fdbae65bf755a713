import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { taskLocator } from './fields';

const show = { resource: ['task'], operation: ['get'] };

/** Get: `GET /contacts/{contactId}/tasks/{taskId}` (contacts.json `get-task`), root `task`. */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a task of a contact',
	description: 'Retrieve one task of a contact',
	routing: routeTo({
		endpoint: ENDPOINTS.getContactTask,
		pathParameters: { contactId: 'contactId', taskId: 'taskId' },
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), taskLocator(show)];
