import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { taskLocator } from './fields';

const show = { resource: ['task'], operation: ['markNotCompleted'] };

/**
 * Mark Not Completed: `PUT /contacts/{contactId}/tasks/{taskId}/completed` (contacts.json `update-task-completed`, body
 * `UpdateTaskStatusParams { completed: false }`), root `task`.
 */
export const option: INodePropertyOptions = {
	name: 'Mark Not Completed',
	value: 'markNotCompleted',
	action: 'Mark a task as not completed',
	description: 'Reopen a task of a contact',
	routing: routeTo({
		endpoint: ENDPOINTS.updateContactTaskCompleted,
		pathParameters: { contactId: 'contactId', taskId: 'taskId' },
		preSend: [
			async function (requestOptions) {
				return { ...requestOptions, body: { completed: false } };
			},
		],
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), taskLocator(show)];
