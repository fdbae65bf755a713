import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { taskLocator } from './fields';

const show = { resource: ['task'], operation: ['delete'] };

/** Delete: `DELETE /contacts/{contactId}/tasks/{taskId}` (contacts.json `delete-task`; HighLevel answers `{ succeded: true }`). */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a task of a contact',
	description: 'Delete a task of a contact permanently',
	routing: routeTo({
		endpoint: ENDPOINTS.deleteContactTask,
		pathParameters: { contactId: 'contactId', taskId: 'taskId' },
		output() {
			return [
				{
					id: this.getNodeParameter('taskId', '', { extractValue: true }),
					contactId: this.getNodeParameter('contactId', '', { extractValue: true }),
					deleted: true,
				},
			];
		},
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), taskLocator(show)];
