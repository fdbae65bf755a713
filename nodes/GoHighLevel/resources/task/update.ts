import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireChanges } from '../../shared/body';
import { collectionField, contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { convertDueDate, keepTitleAndDueDate, taskFieldOptions, taskLocator } from './fields';

const show = { resource: ['task'], operation: ['update'] };

/**
 * Update: `PUT /contacts/{contactId}/tasks/{taskId}` (contacts.json `update-task`, body `UpdateTaskBody`), root
 * `task`. Only the fields set are changed; the task's title and due date are sent along (see
 * `keepTitleAndDueDate`).
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a task of a contact',
	description: 'Change the title, description, due date, assigned user or state of a task',
	routing: routeTo({
		endpoint: ENDPOINTS.updateContactTask,
		pathParameters: { contactId: 'contactId', taskId: 'taskId' },
		preSend: [convertDueDate, requireChanges('Update Fields'), keepTitleAndDueDate],
		fieldNames: {
			title: 'Update Fields → Title',
			dueDate: 'Update Fields → Due Date',
			assignedTo: 'Update Fields → Assigned User',
			body: 'Update Fields → Description',
		},
	}),
};

export const description: INodeProperties[] = [
	contactLocator('contactId', show),
	taskLocator(show),
	collectionField('updateFields', show, taskFieldOptions('update')),
];
