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

	/**
	 * Searches one contact of the location (contacts.json `search-contacts-advanced`, answer root `contacts[]`,
	 * FACTS.md 2.1): proves the token, its `contacts.readonly` scope and the location.
	 *
	 * HighLevel's error answers are read as data (`ignoreHttpStatusErrors`) and matched by `rules` in order: when the
	 * test request fails, n8n's credential tester (n8n 2.x) shows only the generic text of the HTTP status
	 * ("Authorization failed - please check your credentials", "Forbidden - perhaps check your credentials?"), and
	 * applies `rules` only to an answered body. Bodies (FACTS.md 6): 401 `{statusCode, message: "Invalid JWT"}` for a
	 * wrong or revoked token, 401 "The token is not authorized for this scope." for a missing scope, 403 "The token
	 * does not have access to this location.", 429 when the rate limit is used up. Any other answer without
	 * `contacts` (another error, a proxy's page) fails with the last rule.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/contacts/search',
			method: 'POST',
			headers: { Version: '2021-07-28' },
			body: { locationId: '={{$credentials.locationId}}', pageLimit: 1 },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'message',
					value: 'The token is not authorized for this scope.',
					message:
						'The Private Integration Token lacks the contacts.readonly scope (401). Edit the integration in the sub-account\'s Settings → Private Integrations and add the scopes the workflow needs.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'statusCode',
					value: 401,
					message:
						'HighLevel rejected the Private Integration Token (401): it is mistyped, or was deleted or rotated. Copy the current token from the sub-account\'s Settings → Private Integrations.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'statusCode',
					value: 403,
					message:
						'The token is valid but has no access to this Location ID (403). Enter the ID of the sub-account the token was created in: Settings → Business Profile → Location ID.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'statusCode',
					value: 429,
					message:
						'HighLevel\'s rate limit for this location is used up (429). Test again in a few seconds, or after the daily limit resets.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'contacts',
					value: undefined,
					message:
						'The answer is not a HighLevel contact search result. Check the API Base URL (default https://services.leadconnectorhq.com) and the Location ID.',
				},
			},
		],
	};
}
