import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { taskLocator } from './fields';

const show = { resource: ['task'], operation: ['markCompleted'] };

/**
 * Mark Completed: `PUT /contacts/{contactId}/tasks/{taskId}/completed` (contacts.json `update-task-completed`, body
 * `UpdateTaskStatusParams { completed: true }`), root `task`.
 */
export const option: INodePropertyOptions = {
	name: 'Mark Completed',
	value: 'markCompleted',
	action: 'Mark a task as completed',
	description: 'Mark a task of a contact as done',
	routing: routeTo({
		endpoint: ENDPOINTS.updateContactTaskCompleted,
		pathParameters: { contactId: 'contactId', taskId: 'taskId' },
		preSend: [
			async function (requestOptions) {
				return { ...requestOptions, body: { completed: true } };
			},
		],
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), taskLocator(show)];
