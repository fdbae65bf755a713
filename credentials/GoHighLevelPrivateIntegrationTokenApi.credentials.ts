import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Private Integration Token credential: a static bearer token generated in a sub-account's
 * Settings → Private Integrations (FACTS.md 3.4), plus the Location ID it belongs to.
 * The token does not expire or refresh; it is rotated by the user in HighLevel.
 */
export class GoHighLevelPrivateIntegrationTokenApi implements ICredentialType {
	name = 'goHighLevelPrivateIntegrationTokenApi';

	displayName = 'GoHighLevel Private Integration Token API';

	documentationUrl =
		'https://github.com/n8n-nodes-gohighlevel/n8n-nodes-gohighlevel#private-integration-token';

	icon: Icon = { light: 'file:../icons/gohighlevel.svg', dark: 'file:../icons/gohighlevel.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Private Integration Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'pit-…',
			description:
				'Created in HighLevel under Settings → Private Integrations of the sub-account, with the scopes the workflow needs',
		},
		{
			displayName: 'Location ID',
			name: 'locationId',
			type: 'string',
			default: '',
			required: true,
			description: 'The sub-account (location) the token belongs to: Settings → Business Profile → Location ID',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com',
			description: 'Advanced: change only to go through a proxy or to use a local HighLevel sandbox',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.token}}',
			},
		},
	};

	/** Searches one contact of the location: proves the token, its `contacts.readonly` scope and the location. */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/contacts/search',
			method: 'POST',
			headers: { Version: '2021-07-28' },
			body: { locationId: '={{$credentials.locationId}}', pageLimit: 1 },
		},
	};
}
