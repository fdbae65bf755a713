import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { userLocator } from '../../shared/descriptions';
import { getConnection, requireLocation, type Connection } from '../../shared/transport';
import { invalidParameter } from '../../shared/validation';

/** `routing.send` of a body property (dot notation for nested ones, e.g. `permissions.campaignsEnabled`). */
const toBody = (property: string) => ({ send: { type: 'body' as const, property } });

/** The User locator of Get, Update and Delete: a user of the location (listSearch `searchUsers`), or a user ID. */
export function userIdLocator(show: Record<string, string[]>): INodeProperties {
	return userLocator({ displayName: 'User', name: 'userId', show });
}

/** User types (users.json `CreateUserDto.type`, example `account`): a sub-account user or an agency user. */
export const USER_TYPE_OPTIONS = [
	{ name: 'Account (Sub-Account User)', value: 'account' },
	{ name: 'Agency', value: 'agency' },
];

/** User roles (users.json `CreateUserDto.role`, example `admin`). */
export const USER_ROLE_OPTIONS = [
	{ name: 'Admin', value: 'admin' },
	{ name: 'User', value: 'user' },
];

/** Platform languages (users.json `CreateUserDto.platformLanguage` enum). */
const LANGUAGE_OPTIONS = [
	{ name: 'Danish', value: 'da' },
	{ name: 'Dutch', value: 'nl' },
	{ name: 'English (US)', value: 'en_US' },
	{ name: 'Finnish', value: 'fi' },
	{ name: 'French (Canada)', value: 'fr_CA' },
	{ name: 'French (France)', value: 'fr_FR' },
	{ name: 'German', value: 'de' },
	{ name: 'Italian', value: 'it' },
	{ name: 'Norwegian', value: 'no' },
	{ name: 'Portuguese (Brazil)', value: 'pt_BR' },
	{ name: 'Portuguese (Portugal)', value: 'pt_PT' },
	{ name: 'Spanish', value: 'es' },
	{ name: 'Swedish', value: 'sv' },
];

/** The switches of users.json `PermissionsDto`, in the spec's order. */
const PERMISSIONS = [
	'campaignsEnabled',
	'campaignsReadOnly',
	'contactsEnabled',
	'workflowsEnabled',
	'workflowsReadOnly',
	'triggersEnabled',
	'funnelsEnabled',
	'websitesEnabled',
	'opportunitiesEnabled',
	'dashboardStatsEnabled',
	'bulkRequestsEnabled',
	'appointmentsEnabled',
	'reviewsEnabled',
	'onlineListingsEnabled',
	'phoneCallEnabled',
	'conversationsEnabled',
	'assignedDataOnly',
	'adwordsReportingEnabled',
	'membershipEnabled',
	'facebookAdsReportingEnabled',
	'attributionsReportingEnabled',
	'settingsEnabled',
	'tagsEnabled',
	'leadValueEnabled',
	'marketingEnabled',
	'agentReportingEnabled',
	'botService',
	'socialPlanner',
	'bloggingEnabled',
	'invoiceEnabled',
	'affiliateManagerEnabled',
	'contentAiEnabled',
	'refundsEnabled',
	'recordPaymentEnabled',
	'cancelSubscriptionEnabled',
	'paymentsEnabled',
	'communitiesEnabled',
	'exportPaymentsEnabled',
] as const;

/** `campaignsReadOnly` → `Campaigns Read Only`. */
function labelOf(key: string): string {
	const words = key.replace(/([a-z])([A-Z])/g, '$1 $2');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The Permissions collection of Create and Update: the switches of users.json `PermissionsDto`, each sent as
 * `permissions.<key>` only when added. Switches not added keep HighLevel's value (its defaults on create).
 */
export function permissionsField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Permissions',
		name: 'permissions',
		type: 'collection',
		placeholder: 'Add Permission',
		default: {},
		displayOptions: { show },
		description: 'Features the user may use; those not added keep HighLevel\'s setting',
		options: PERMISSIONS.map((key) => ({
			displayName: labelOf(key),
			name: key,
			type: 'boolean' as const,
			default: false,
			description: `Whether the user has the "${labelOf(key)}" permission (${key})`,
			routing: toBody(`permissions.${key}`),
		})).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** Optional user properties of Create and Update (users.json `CreateUserDto` / `UpdateUserDto`). */
export const USER_FIELD_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: 'e.g. +18832327657',
		routing: toBody('phone'),
	},
	{
		displayName: 'Platform Language',
		name: 'platformLanguage',
		type: 'options',
		options: LANGUAGE_OPTIONS,
		default: 'en_US',
		description: 'Language of HighLevel\'s interface for the user',
		routing: toBody('platformLanguage'),
	},
	{
		displayName: 'Profile Photo URL',
		name: 'profilePhoto',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/photo.png',
		routing: toBody('profilePhoto'),
	},
];

/** Splits a list of ids given as an array or a comma-separated string; blanks dropped. */
export function idList(value: unknown): string[] {
	const items = Array.isArray(value) ? value : String(value ?? '').split(',');
	return items.map((item) => String(item).trim()).filter((item) => item !== '');
}

const ID = /^[A-Za-z0-9_-]{6,64}$/;

/**
 * Location ids typed by the user (`parameter` names the field in errors), checked before any request.
 * @throws NodeOperationError naming the parameter when an id is not a HighLevel id
 */
export function locationIdsOf(ctx: IExecuteSingleFunctions, value: unknown, parameter: string): string[] {
	const ids = idList(value);
	const bad = ids.find((id) => !ID.test(id));
	if (bad) throw invalidParameter(ctx, parameter, `"${bad}" is not a location ID; separate IDs with commas.`);
	return ids;
}

/**
 * The node's connection and its location, checked: with an agency (Company) credential the node's Location must be
 * set (transport.ts `requireLocation`).
 */
export async function connectionLocation(
	ctx: IExecuteSingleFunctions,
): Promise<{ locationId: string; connection: Connection }> {
	const connection = await getConnection(ctx);
	requireLocation(ctx, connection);
	return { locationId: connection.locationId, connection };
}

/** The request body as an object (RoutingNode always builds one for POST/PUT). */
export const bodyOf = (request: IHttpRequestOptions): IDataObject => (request.body ?? {}) as IDataObject;

/**
 * The user of a `get-user` / `create-user` / `update-user` answer, which is the user itself
 * (`UserSuccessfulResponseDto`), without HighLevel's `traceId` (every answer carries one).
 */
export function userOf(body: IDataObject): IDataObject {
	const user = { ...body };
	delete user.traceId;
	return user;
}
