import type { IDataObject, INodeProperties } from 'n8n-workflow';

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

/** What differs between the resource locators of HighLevel records. */
export interface RecordLocatorOptions {
	/** e.g. `Contact`. */
	displayName: string;
	/** Parameter name, e.g. `contactId`. */
	name: string;
	/** Lower-case record name for messages, e.g. `contact`. */
	record: string;
	/** listSearch method of the node (methods/listSearch.ts). */
	searchListMethod: string;
	searchPlaceholder: string;
	/** An id from the spec's examples, shown as placeholder. */
	idExample: string;
	show: Record<string, string[]>;
	description?: string;
	required?: boolean;
}

/**
 * A resource locator for one HighLevel record: pick from a searchable list, or paste an ID (HighLevel ids are 6–64
 * letters, digits, `_` or `-`; checked in the editor).
 */
export function recordLocator(o: RecordLocatorOptions): INodeProperties {
	return {
		displayName: o.displayName,
		name: o.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: o.required ?? true,
		displayOptions: { show: o.show },
		...(o.description ? { description: o.description } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: o.searchPlaceholder,
				typeOptions: { searchListMethod: o.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${o.idExample}`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[A-Za-z0-9_-]{6,64}$',
							errorMessage: `Not a valid HighLevel ${o.record} ID`,
						},
					},
				],
			},
		],
	};
}

/** Simplify: keeps only `keys` of a record, in that order. */
export function pickKeys(keys: readonly string[]) {
	return (record: IDataObject): IDataObject => {
		const out: IDataObject = {};
		for (const key of keys) if (record[key] !== undefined) out[key] = record[key];
		return out;
	};
}
