import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireChanges } from '../../shared/body';
import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { validateBody } from '../../shared/validation';
import {
	bodyOf,
	locationIdsOf,
	permissionsField,
	USER_FIELD_OPTIONS,
	USER_ROLE_OPTIONS,
	USER_TYPE_OPTIONS,
	userIdLocator,
	userOf,
} from './fields';

const show = { resource: ['user'], operation: ['update'] };

const toBody = (property: string) => ({ send: { type: 'body' as const, property } });

/** Sends Update Fields → Location IDs as the `locationIds` array, checked before any request. */
async function sendLocationIds(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('updateFields.locationIds', '') as string;
	const ids = locationIdsOf(this, raw, 'Update Fields → Location IDs');
	return ids.length ? { ...request, body: { ...bodyOf(request), locationIds: ids } } : request;
}

/**
 * Update: `PUT /users/{userId}` (users.json `update-user`, body `UpdateUserDto`) → the user itself. Only the fields
 * set are sent (the e-mail cannot be changed: "Email update is no longer supported"); nothing set fails before the
 * request.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a user',
	description: 'Change the name, phone, password, role, locations or permissions of a user',
	routing: routeTo({
		endpoint: ENDPOINTS.updateUser,
		pathParameters: { userId: 'userId' },
		preSend: [
			validateBody([{ property: 'phone', parameter: 'Update Fields → Phone', kind: 'phone' }]),
			sendLocationIds,
			requireChanges('Update Fields or Permissions'),
		],
		output: (body) => [userOf(body)],
		fieldNames: { locationIds: 'Update Fields → Location IDs', phone: 'Update Fields → Phone' },
	}),
};

export const description: INodeProperties[] = [
	userIdLocator(show),
	collectionField('updateFields', show, [
		...USER_FIELD_OPTIONS,
		{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', routing: toBody('firstName') },
		{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', routing: toBody('lastName') },
		{
			displayName: 'Location IDs',
			name: 'locationIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. C2QujeCh8ZnC7al2InWR,M2QrtfVt8ZnC7cv2InDL',
			description: 'The sub-accounts the user has access to, by location ID, separated by commas; replaces the current list',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			routing: toBody('password'),
		},
		{ displayName: 'Role', name: 'role', type: 'options', options: USER_ROLE_OPTIONS, default: 'user', routing: toBody('role') },
		{ displayName: 'Type', name: 'type', type: 'options', options: USER_TYPE_OPTIONS, default: 'account', routing: toBody('type') },
	]),
	permissionsField(show),
];
