import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { companyIdOf } from '../../shared/transport';
import { validateBody } from '../../shared/validation';
import {
	bodyOf,
	connectionLocation,
	locationIdsOf,
	permissionsField,
	USER_FIELD_OPTIONS,
	USER_ROLE_OPTIONS,
	USER_TYPE_OPTIONS,
	userOf,
} from './fields';

const show = { resource: ['user'], operation: ['create'] };

const toBody = (property: string) => ({ send: { type: 'body' as const, property } });

/**
 * Completes the body with what the spec requires besides the typed fields (users.json `CreateUserDto`):
 * `companyId` (the location's agency, transport.ts `companyIdOf`) and `locationIds` = the connection's location
 * plus Additional Fields → Other Location IDs.
 */
async function completeUser(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const { locationId, connection } = await connectionLocation(this);
	const others = locationIdsOf(
		this,
		this.getNodeParameter('additionalFields.otherLocationIds', '') as string,
		'Additional Fields → Other Location IDs',
	);
	const body = bodyOf(request);
	return {
		...request,
		body: {
			...body,
			companyId: await companyIdOf(this, connection),
			locationIds: [...new Set([locationId, ...others])],
		},
	};
}

/**
 * Create: `POST /users/` (users.json `create-user`, body `CreateUserDto`) → 201, the user itself. Accepted with a
 * Location token as well as an agency one (security `Location-Access` or `Agency-Access`).
 */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a user',
	description: 'Add a user (team member) to the location',
	routing: routeTo({
		endpoint: ENDPOINTS.createUser,
		preSend: [validateBody([{ property: 'email', parameter: 'Email', kind: 'email' }, { property: 'phone', parameter: 'Additional Fields → Phone', kind: 'phone' }]), completeUser],
		output: (body) => [userOf(body)],
		fieldNames: {
			firstName: 'First Name',
			lastName: 'Last Name',
			email: 'Email',
			password: 'Password',
			type: 'Type',
			role: 'Role',
			locationIds: 'Additional Fields → Other Location IDs',
			phone: 'Additional Fields → Phone',
		},
	}),
};

export const description: INodeProperties[] = [
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		routing: toBody('firstName'),
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		routing: toBody('lastName'),
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show },
		description: 'The user\'s login e-mail; it cannot be changed later through the API',
		routing: toBody('email'),
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: { show },
		description: 'Initial password of the user',
		routing: toBody('password'),
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: USER_TYPE_OPTIONS,
		required: true,
		default: 'account',
		displayOptions: { show },
		description: 'Account: a user of sub-accounts. Agency: a user of the agency (needs an agency install).',
		routing: toBody('type'),
	},
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: USER_ROLE_OPTIONS,
		required: true,
		default: 'user',
		displayOptions: { show },
		routing: toBody('role'),
	},
	collectionField('additionalFields', show, [
		...USER_FIELD_OPTIONS,
		{
			displayName: 'Other Location IDs',
			name: 'otherLocationIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. C2QujeCh8ZnC7al2InWR,M2QrtfVt8ZnC7cv2InDL',
			description: 'More sub-accounts the user gets access to, by location ID, separated by commas. The user always gets the location of the node.',
		},
	]),
	permissionsField(show),
];
