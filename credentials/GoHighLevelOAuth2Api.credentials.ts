import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Scopes requested by default: every operation this package offers — the action node, the triggers' Include Full
 * Record and the polling trigger (FACTS.md 3.5; the `security` scope of each endpoint the nodes call, as listed in
 * nodes/GoHighLevel/shared/endpoints/). Users can edit the list.
 */
export const DEFAULT_SCOPES = [
	'contacts.readonly',
	'contacts.write',
	'opportunities.readonly',
	'opportunities.write',
	'locations.readonly',
	'locations/customFields.readonly',
	'locations/customFields.write',
	'locations/customValues.readonly',
	'locations/customValues.write',
	'locations/tags.readonly',
	'locations/tags.write',
	'locations/templates.readonly',
	'locations/tasks.readonly',
	'users.readonly',
	'users.write',
	'businesses.readonly',
	'businesses.write',
	'invoices.readonly',
	'invoices.write',
	'invoices/estimate.readonly',
	'invoices/estimate.write',
	'calendars.readonly',
	'calendars.write',
	'calendars/groups.readonly',
	'calendars/events.readonly',
	'calendars/events.write',
	'conversations.readonly',
	'conversations.write',
	'conversations/message.readonly',
	'conversations/message.write',
	'workflows.readonly',
	'campaigns.readonly',
	'objects/schema.readonly',
	'objects/record.readonly',
	'objects/record.write',
	'associations.readonly',
	'associations/relation.readonly',
	'associations/relation.write',
	'forms.readonly',
	'surveys.readonly',
	'funnels/funnel.readonly',
	'funnels/page.readonly',
	'links.readonly',
	'medias.readonly',
	'medias.write',
	'payments/orders.readonly',
	'payments/orders.write',
	'payments/orders.collectPayment',
	'payments/transactions.readonly',
	'payments/subscriptions.readonly',
	'payments/coupons.readonly',
	'payments/coupons.write',
	'products.readonly',
	'products.write',
	'products/prices.readonly',
	'products/prices.write',
	'products/collection.readonly',
	// Agency (Company) installs: the Location list and the exchange of the agency token for a location's (FACTS.md 3.4).
	'oauth.readonly',
	'oauth.write',
];

/**
 * OAuth2 (authorization code) credential for a HighLevel Marketplace app (FACTS.md 3.1–3.3).
 *
 * - Authorization URL: `<domain>/v2/oauth/chooselocation` on the standard or the white-labeled marketplace domain,
 *   chosen in the first field, "Authorization Domain" (the parent `oAuth2Api` field `authUrl`: n8n's credential form
 *   keeps the parent's field order, and `authUrl` comes before Client ID there).
 * - Token URL: `<API base URL>/oauth/token` (oauth.json `get-access-token`), client id and secret sent in the body.
 * - The location the app was installed on comes from the token response (`oauthTokenData.locationId`). An agency
 *   install gives a Company token (`userType: "Company"`, `companyId`, no location; FACTS.md 3.4): the nodes then
 *   ask for a Location and exchange the token for that location's (transport.ts `sendRequest`).
 *   Refresh tokens are single-use and rotate; n8n stores the new pair after every refresh.
 */
/** Path of HighLevel's authorization page (choose location) on both marketplace domains (FACTS.md 3.1). */
export const CHOOSE_LOCATION_PATH = '/v2/oauth/chooselocation';

export class GoHighLevelOAuth2Api implements ICredentialType {
	name = 'goHighLevelOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'GoHighLevel OAuth2 API';

	documentationUrl = 'https://github.com/n8n-nodes-gohighlevel/n8n-nodes-gohighlevel#oauth2-marketplace-app';

	icon: Icon = { light: 'file:../icons/gohighlevel.svg', dark: 'file:../icons/gohighlevel.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization Domain',
			name: 'authUrl',
			type: 'options',
			options: [
				{
					name: 'Standard (marketplace.gohighlevel.com)',
					value: `https://marketplace.gohighlevel.com${CHOOSE_LOCATION_PATH}`,
				},
				{
					name: 'White-Label (marketplace.leadconnectorhq.com)',
					value: `https://marketplace.leadconnectorhq.com${CHOOSE_LOCATION_PATH}`,
				},
			],
			default: `https://marketplace.gohighlevel.com${CHOOSE_LOCATION_PATH}`,
			description:
				'Where the user signs in and chooses the sub-account. White-Label is HighLevel\'s white-labeled authorization page (no HighLevel branding), for agencies whose users know HighLevel under another brand.',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{$self["baseUrl"].replace(/\\/+$/, "")}}/oauth/token',
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			typeOptions: { rows: 4 },
			default: DEFAULT_SCOPES.join(' '),
			description:
				'Space-separated scopes. They must also be enabled in the Marketplace app settings. The default covers every operation of this package.',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com',
			description:
				'Advanced: change only to go through a proxy or to use a local HighLevel sandbox. The token URL follows it.',
		},
	];
}
