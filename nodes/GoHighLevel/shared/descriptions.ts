import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_AUTHENTICATION } from './transport';

/** The `authentication` parameter: which of the two credentials a node uses. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Private Integration Token', value: 'privateIntegrationToken' },
		{ name: 'OAuth2 (Marketplace App)', value: 'oAuth2' },
	],
	default: DEFAULT_AUTHENTICATION,
};

/**
 * Return All + Limit for a list operation; `show` is the operation's display condition. The numbers are read
 * by the transport's pagination (shared/pagination.ts), which asks for the endpoint's largest page.
 */
export function returnAllOrLimit(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/** The Simplify toggle for operations whose records are large. */
export function simplifyProperty(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		displayOptions: { show },
		default: false,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	};
}

/**
 * The Custom Fields rows of create, upsert and update: a field picked from the location's fields of `model`, or
 * named by ID, key or name in an expression, and its value. Resolved by shared/customFields.ts.
 */
export function customFieldsProperty(
	model: 'contact' | 'opportunity',
	show: Record<string, string[]>,
): INodeProperties {
	return {
		displayName: 'Custom Fields',
		name: 'customFields',
		placeholder: 'Add Custom Field',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		displayOptions: { show },
		default: {},
		options: [
			{
				displayName: 'Field',
				name: 'values',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: {
							loadOptionsMethod:
								model === 'contact' ? 'getContactCustomFields' : 'getOpportunityCustomFields',
						},
						default: '',
						description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						hint: `An expression may also name the field by key (e.g. ${model}.my_field) or by name`,
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'For multiple options or checkboxes, separate values with commas or pass an array',
					},
				],
			},
		],
	};
}

/**
 * `send.value` for tag lists: accepts the dropdown's array, an array from an expression, or a comma-separated
 * string, and sends a clean array of tag names (contacts.json `TagsDTO.tags`: string[]).
 */
export const TAG_LIST_VALUE =
	'={{ (Array.isArray($value) ? $value : String($value ?? "").split(",")).map(t => String(t).trim()).filter(t => t) }}';

/**
 * The user dropdown for `assignedTo` fields: users of the location from `getUsers` (users.json
 * `get-user-by-location`). `extra` adds the field's routing or a hint.
 */
export function assignedUserField(extra: Pick<INodeProperties, 'routing' | 'hint'> = {}): INodeProperties {
	return {
		displayName: 'Assigned User Name or ID',
		name: 'assignedTo',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		...extra,
	};
}
