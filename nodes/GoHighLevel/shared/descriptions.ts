import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { DEFAULT_AUTHENTICATION, LOCATION_PARAMETER } from './transport';

/*
 * Parameter descriptions used by more than one resource or node, each defined once here (resource folders keep only
 * what one resource uses; trigger nodes import from here, never from resources/):
 * - authenticationProperty: which credential a node uses.
 * - agencyLocationProperty(show): the Location an agency (Company) OAuth2 credential acts for.
 * - returnAllOrLimit(show): Return All + Limit of a list operation.
 * - simplifyProperty(show): the Simplify toggle.
 * - customFieldsProperty(...): Custom Fields rows of a write (contacts, opportunities).
 * - TAG_LIST_VALUE: `send.value` turning a tag list into a clean string[].
 * - recordLocator(o): a resource locator for any HighLevel record (searchable list or ID).
 * - contactLocator(name, show, required?): the Contact locator.
 * - userLocator(o) / assignedUserField(extra): a user of the location (locator), and the Assigned User (`assignedTo`) one.
 * - dateRangeFields(o): a start/end date-time pair, read with shared/time.ts in the workflow's time zone.
 * - pipelineField / stageField / STATUS_OPTIONS: Pipeline and Pipeline Stage dropdowns, opportunity statuses.
 * - pickKeys(keys): the Simplify projection of a record.
 * - collectionField(name, show, options): an Options / Filters / Sort / Additional Fields / Update Fields collection.
 * - sortDirectionField(): the Direction (ascending/descending) option of a Sort collection.
 */

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
 * The Location parameter of every node (transport.ts `LOCATION_PARAMETER`), shown for the OAuth2 credential: the
 * sub-account an agency (Company) install acts for — the list shows the locations the app is installed on
 * (listSearch `searchInstalledLocations`, oauth.json `get-installed-location`), or an ID / expression (a workflow
 * looping over locations). A credential installed on one sub-account needs no value (and refuses another location).
 * `show` adds display conditions (the webhook trigger shows it for "The Credential's Location" only).
 */
export function agencyLocationProperty(show: Record<string, string[]> = {}): INodeProperties {
	return {
		...recordLocator({
			displayName: 'Location',
			name: LOCATION_PARAMETER,
			record: 'location',
			searchListMethod: 'searchInstalledLocations',
			searchPlaceholder: 'Search locations…',
			idExample: 've9EPM428h8vShlRW1KT',
			required: false,
			show: { authentication: ['oAuth2'], ...show },
		}),
		hint: 'Only for a credential installed by an agency: the sub-account (location) to act for. Leave empty when the credential was installed on one sub-account.',
	};
}

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

/**
 * The Simplify toggle for contacts and opportunities, whose records are large: their main properties, with custom
 * field values keyed by field key (shared/customFields.ts `customFieldsByKey`).
 */
export function simplifyProperty(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		displayOptions: { show },
		default: false,
		description:
			'Whether to return a simplified version of the response instead of the raw data: the main properties, with custom fields keyed by field key (e.g. lead_score) instead of ID',
	};
}

/**
 * The Custom Fields rows of create, upsert and update: a field picked from the location's fields of `model`, or
 * named by ID, key or name in an expression, and its value — typed (or from an expression) in Value, or picked
 * in Option Names or IDs (`choices`) among the field's `picklistOptions` (loadOptions
 * `getCustomFieldValueOptions`, which reads the row's field). Resolved by shared/customFields.ts; a row without a
 * value is not sent.
 */
export function customFieldsProperty(
	model: 'contact' | 'opportunity',
	show: Record<string, string[]>,
): INodeProperties {
	return rowsField({ displayName: 'Custom Fields', name: 'customFields', placeholder: 'Add Custom Field', row: ['Field', 'values'], show }, [
		{
			displayName: 'Field Name or ID',
			name: 'field',
			type: 'options',
			typeOptions: {
				loadOptionsMethod:
					model === 'contact' ? 'getContactCustomFields' : 'getOpportunityCustomFields',
			},
			// A new row starts empty: without this n8n flags "" as "not supported" before a field is chosen.
			allowArbitraryValues: true,
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
				'For multiple options or checkboxes, separate values with commas or pass an array. Left empty, the field is not sent.',
		},
		{
			displayName: 'Option Names or IDs',
			name: 'choices',
			type: 'multiOptions',
			typeOptions: {
				loadOptionsMethod: 'getCustomFieldValueOptions',
				loadOptionsDependsOn: ['&field'],
			},
			default: [],
			description:
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'For dropdown, radio, checkbox and multiple-option fields: the field\'s options, used instead of Value',
		},
	]);
}

/**
 * `send.value` for tag lists: accepts the dropdown's array, an array from an expression, or a comma-separated
 * string, and sends a clean array of tag names (contacts.json `TagsDTO.tags`: string[]).
 */
export const TAG_LIST_VALUE =
	'={{ (Array.isArray($value) ? $value : String($value ?? "").split(",")).map(t => String(t).trim()).filter(t => t) }}';

/**
 * The Assigned User of a contact or an opportunity (body `assignedTo`, search filter `assigned_to`): a resource
 * locator — pick from the location's users (listSearch `searchUsers`, users.json `search-users`) or
 * paste a user ID. A resource locator, unlike a dropdown, accepts being empty, so adding it to a collection does
 * not flag `""` as an unsupported value. `extra` adds the field's routing or a hint; an empty locator is not sent
 * (shared/body.ts).
 */
export function assignedUserField(extra: Pick<INodeProperties, 'routing' | 'hint'> = {}): INodeProperties {
	return {
		...userLocator({ displayName: 'Assigned User', name: 'assignedTo', required: false }),
		...extra,
	};
}

/**
 * A resource locator for a user of the location (listSearch `searchUsers`, users.json `search-users`), or a
 * user ID; e.g. `userLocator({ displayName: 'User', name: 'userId', show })` for calendar events of a user. Read the
 * id with {@link locatorValue}.
 */
export function userLocator(o: {
	displayName: string;
	name: string;
	show?: Record<string, string[]>;
	required?: boolean;
	description?: string;
}): INodeProperties {
	return recordLocator({
		displayName: o.displayName,
		name: o.name,
		record: 'user',
		searchListMethod: 'searchUsers',
		searchPlaceholder: 'Search by name or e-mail…',
		idExample: 'y0BeYjuRIlDwsDcOHOJo',
		show: o.show,
		required: o.required ?? true,
		description: o.description ?? 'A user of the location, searched by name or e-mail, or given by ID',
	});
}

/** Hint of every date-time parameter: which time zone a value without offset is read in (shared/time.ts). */
export const TIME_ZONE_HINT =
	'Without a UTC offset, the time is read in the workflow\'s time zone (workflow settings); expressions such as {{ $now }} and epoch milliseconds are accepted too';

/**
 * A Start / End date-time pair, e.g. the window of Get Free Slots or of calendar events. Both are n8n `dateTime`
 * parameters; convert their values with shared/time.ts (`toEpochMs`, `toZonedIso`, with `this.getTimezone()`) and
 * check them with `assertRange` before any request. Defaults: `startTime` / `endTime`, Start Time / End Time.
 */
export function dateRangeFields(o: {
	show: Record<string, string[]>;
	start?: { name: string; displayName: string; description?: string };
	end?: { name: string; displayName: string; description?: string };
	required?: boolean;
}): INodeProperties[] {
	const start = o.start ?? { name: 'startTime', displayName: 'Start Time' };
	const end = o.end ?? { name: 'endTime', displayName: 'End Time' };
	return [start, end].map((f) => ({
		displayName: f.displayName,
		name: f.name,
		type: 'dateTime' as const,
		required: o.required ?? true,
		default: '',
		displayOptions: { show: o.show },
		...(f.description ? { description: f.description } : {}),
		hint: TIME_ZONE_HINT,
	}));
}

/**
 * The id held by a resource locator value as a collection returns it (`{ __rl, mode, value }`: Assigned User,
 * Contact filters) or, in workflows saved before the field was a locator, a plain string.
 * @returns the trimmed id, `''` when empty
 */
export function locatorValue(value: unknown): string {
	const raw = value && typeof value === 'object' ? (value as IDataObject).value : value;
	return raw === undefined || raw === null ? '' : String(raw).trim();
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
	/** Display condition; left out for an option of a collection. */
	show?: Record<string, string[]>;
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
		...(o.show ? { displayOptions: { show: o.show } } : {}),
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

/**
 * The Contact resource locator: pick from a searchable list (name, e-mail or phone, via `POST /contacts/search`
 * with `query`), or paste an ID. `name` is the parameter name; `show` its display condition (undefined inside a
 * collection).
 */
export function contactLocator(
	name: string,
	show: Record<string, string[]> | undefined,
	required = true,
): INodeProperties {
	return recordLocator({
		displayName: 'Contact',
		name,
		record: 'contact',
		searchListMethod: 'searchContacts',
		searchPlaceholder: 'Search by name, e-mail or phone…',
		idExample: 'sx6wyHhbFdRXh302LLNR',
		show,
		required,
		description: 'The contact, searched by name, e-mail or phone, or given by ID',
	});
}

/**
 * The optional Contact locator of a Filters collection (`contactId`; no display condition), e.g. "Only invoices of
 * this contact"; same list and ID check as {@link contactLocator}.
 */
export function contactFilter(description: string): INodeProperties {
	return { ...contactLocator('contactId', undefined, false), description };
}

/** Opportunity statuses (opportunities.json `CreateDto.status` enum, without `all`, which only filters). */
export const STATUS_OPTIONS = [
	{ name: 'Abandoned', value: 'abandoned' },
	{ name: 'Lost', value: 'lost' },
	{ name: 'Open', value: 'open' },
	{ name: 'Won', value: 'won' },
];

/** The Pipeline dropdown (`getPipelines`), also accepting an ID or a name from an expression. */
export function pipelineField(
	name: string,
	extra: Partial<INodeProperties> & { routing?: INodeProperties['routing'] },
): INodeProperties {
	return {
		displayName: 'Pipeline Name or ID',
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPipelines' },
		// Pipelines may also be named in an expression, and an optional field starts empty: n8n must not flag either.
		allowArbitraryValues: true,
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'An expression may also give the pipeline\'s name',
		...extra,
	};
}

/** The Pipeline Stage dropdown (stages of the chosen pipeline), also accepting an ID or a name. */
export function stageField(
	name: string,
	pipelineParameter: string,
	extra: Partial<INodeProperties> & { routing?: INodeProperties['routing'] },
): INodeProperties {
	return {
		displayName: 'Pipeline Stage Name or ID',
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPipelineStages', loadOptionsDependsOn: [pipelineParameter] },
		allowArbitraryValues: true,
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'A stage of the chosen pipeline. An expression may also give the stage\'s name.',
		...extra,
	};
}

/**
 * The Conversation resource locator (conversation and message resources): pick from the location's conversations
 * (listSearch `searchConversations`, conversations.json `search-conversation` with `query`), or paste an ID.
 */
export function conversationLocator(
	name: string,
	show: Record<string, string[]>,
	required = true,
): INodeProperties {
	return recordLocator({
		displayName: 'Conversation',
		name,
		record: 'conversation',
		searchListMethod: 'searchConversations',
		searchPlaceholder: 'Search by contact name, e-mail or phone…',
		idExample: 'tDtDnQdgm2LXpyiqYvZ6',
		show,
		required,
		description: 'The conversation, searched by its contact, or given by ID',
	});
}

/** Display name and "add" button text of the collections operations use, by parameter name. */
const COLLECTION_LABELS = {
	options: ['Options', 'Add Option'],
	emailOptions: ['Email Options', 'Add Option'],
	filters: ['Filters', 'Add Filter'],
	sort: ['Sort', 'Add Sort'],
	additionalFields: ['Additional Fields', 'Add Field'],
	updateFields: ['Update Fields', 'Add Field'],
} as const;

/** Options of {@link rowsField}. */
export interface RowsFieldOptions {
	displayName: string;
	name: string;
	/** The add button, e.g. `Add Item`. */
	placeholder: string;
	/** Display name and name of one row, e.g. `['Item', 'item']`: the values are read as `<name>.<row name>[]`. */
	row: [displayName: string, name: string];
	show: Record<string, string[]>;
	required?: boolean;
	/** Rows can be reordered (their order is sent). */
	sortable?: boolean;
	description?: string;
}

/**
 * A list of rows the user adds one by one (a `fixedCollection` with multiple values): line items, custom field
 * rows, tracking numbers, key/value parameters. `values` are the fields of one row; default `{}` (no rows).
 */
export function rowsField(o: RowsFieldOptions, values: INodeProperties[]): INodeProperties {
	return {
		displayName: o.displayName,
		name: o.name,
		type: 'fixedCollection',
		typeOptions: o.sortable ? { multipleValues: true, sortable: true } : { multipleValues: true },
		placeholder: o.placeholder,
		...(o.required ? { required: true } : {}),
		default: {},
		displayOptions: { show: o.show },
		...(o.description ? { description: o.description } : {}),
		options: [{ displayName: o.row[0], name: o.row[1], values }],
	};
}

/**
 * A collection parameter of an operation, e.g. `collectionField('options', show, [...])`: Options (Add Option),
 * Email Options, Filters (Add Filter), Sort (Add Sort), Additional Fields / Update Fields (Add Field); default `{}`.
 * Its values are read by the operation's preSend hook or routed by each option's own `routing`.
 */
export function collectionField(
	name: keyof typeof COLLECTION_LABELS,
	show: Record<string, string[]>,
	options: INodeProperties[],
): INodeProperties {
	const [displayName, placeholder] = COLLECTION_LABELS[name];
	// n8n lists a collection's entries alphabetically (its lint rule sees only collection literals, so sort here).
	const sorted = [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return { displayName, name, type: 'collection', placeholder, default: {}, displayOptions: { show }, options: sorted };
}

/** The Direction option of a Sort collection: `asc` / `desc`, sent as the endpoint's sort-order field. */
export function sortDirectionField(defaultDirection: 'asc' | 'desc' = 'desc'): INodeProperties {
	return {
		displayName: 'Direction',
		name: 'direction',
		type: 'options',
		options: [
			{ name: 'Ascending', value: 'asc' },
			{ name: 'Descending', value: 'desc' },
		],
		default: defaultDirection,
	};
}

/**
 * The Business resource locator (Business resource, Contact → Get Many by Business / Add to Business): pick from the
 * location's businesses (listSearch `searchBusinesses`, businesses.json `get-businesses-by-location`), or paste an ID.
 */
export function businessLocator(show: Record<string, string[]>, name = 'businessId'): INodeProperties {
	return recordLocator({
		displayName: 'Business',
		name,
		record: 'business',
		searchListMethod: 'searchBusinesses',
		searchPlaceholder: 'Search by name, e-mail or city…',
		idExample: '63771dcac1116f0e21de8e12',
		show,
		description: 'A business of the location, picked from the list or given by ID',
	});
}
