import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { userIdLocator } from './fields';

const show = { resource: ['user'], operation: ['delete'] };

/**
 * Delete: `DELETE /users/{userId}` (users.json `delete-user`) → `{ succeded, message }`. HighLevel queues the
 * deletion ("Will take effect in a few minutes"); the output keeps its message.
 */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a user',
	description: 'Delete a user; HighLevel completes the deletion within a few minutes',
	routing: routeTo({
		endpoint: ENDPOINTS.deleteUser,
		pathParameters: { userId: 'userId' },
		output(body) {
			const id = this.getNodeParameter('userId', '', { extractValue: true }) as string;
			return [{ id, deleted: body.succeded !== false, ...(body.message ? { message: body.message } : {}) }];
		},
	}),
};

export const description: INodeProperties[] = [userIdLocator(show)];
