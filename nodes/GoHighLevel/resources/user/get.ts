import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { userIdLocator, userOf } from './fields';

const show = { resource: ['user'], operation: ['get'] };

/** Get: `GET /users/{userId}` (users.json `get-user`) → the user itself (`UserSuccessfulResponseDto`). */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a user',
	description: 'Retrieve one user with its roles and permissions',
	routing: routeTo({
		endpoint: ENDPOINTS.getUser,
		pathParameters: { userId: 'userId' },
		output: (body) => [userOf(body)],
	}),
};

export const description: INodeProperties[] = [userIdLocator(show)];
