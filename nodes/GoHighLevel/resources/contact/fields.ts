import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ClearableField } from '../../shared/body';
import { customFieldsByKey } from '../../shared/customFields';
import { assignedUserField, pickKeys, TAG_LIST_VALUE } from '../../shared/descriptions';
import type { OutputShaper } from '../../shared/routing';
import type { HighLevelContext } from '../../shared/transport';
import type { BodyRule } from '../../shared/validation';

/** The contact operations that write fields. */
export type ContactWrite = 'create' | 'upsert' | 'update';

/**
 * The Tags hint of each write: what HighLevel does with `tags` there. Create: the new contact's tags
 * (`CreateContactDto.tags`). Create or Update and Update: "This field will overwrite all current tags associated
 * with the contact" (contacts.json `UpsertContactDto.tags`, `UpdateContactDto.tags`).
 */
export const TAGS_HINT: Record<ContactWrite, string> = {
	create:
		'Tags of the new contact. An expression may give them as an array or a comma-separated string.',
	upsert:
		'Tags of a new contact. On an existing contact they replace all its tags: to keep them, use Add Tags instead. An expression may give them as an array or a comma-separated string.',
	update:
		'Replaces all the contact\'s tags: to keep them, use Add Tags instead. An expression may give them as an array or a comma-separated string.',
};

/**
 * Contact properties a user can set, each sent as the body property of the same name of
 * `CreateContactDto` / `UpsertContactDto` / `UpdateContactDto` (contacts.json). `gender` and `companyName` are
 * not in `UpdateContactDto`, so Update leaves them out. Fields left empty are not sent (shared/body.ts).
 */
export function contactFieldOptions(operation: ContactWrite): INodeProperties[] {
	const kind = operation === 'update' ? 'update' : 'create';
	const toBody = (property: string) => ({ send: { type: 'body' as const, property } });
	const options: INodeProperties[] = [
		{
			displayName: 'Address',
			name: 'address1',
			type: 'string',
			default: '',
			routing: toBody('address1'),
		},
		assignedUserField({ routing: toBody('assignedTo'), hint: 'The user the contact is assigned to' }),
		{ displayName: 'City', name: 'city', type: 'string', default: '', routing: toBody('city') },
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			default: '',
			placeholder: 'US',
			description: 'Two-letter country code (ISO 3166-1 alpha-2)',
			routing: toBody('country'),
		},
		{
			displayName: 'Date of Birth',
			name: 'dateOfBirth',
			type: 'dateTime',
			default: '',
			description: 'Sent as YYYY-MM-DD',
			routing: toBody('dateOfBirth'),
		},
		{
			displayName: 'Do Not Disturb',
			name: 'dnd',
			type: 'boolean',
			default: false,
			description: 'Whether to block all outbound messages to the contact',
			routing: toBody('dnd'),
		},
		{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', routing: toBody('firstName') },
		{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', routing: toBody('lastName') },
		{
			displayName: 'Full Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Used when first and last name are not given separately',
			routing: toBody('name'),
		},
		{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '', routing: toBody('postalCode') },
		{
			displayName: 'Source',
			name: 'source',
			type: 'string',
			default: '',
			placeholder: 'n8n',
			description: 'Where the contact came from, shown in HighLevel',
			routing: toBody('source'),
		},
		{ displayName: 'State', name: 'state', type: 'string', default: '', routing: toBody('state') },
		tagsOption(TAGS_HINT[operation], {
			send: {
				type: 'body',
				property: 'tags',
				value: TAG_LIST_VALUE,
			},
		}),
		{
			displayName: 'Timezone',
			name: 'timezone',
			type: 'string',
			default: '',
			placeholder: 'America/New_York',
			description: 'IANA time zone name',
			routing: toBody('timezone'),
		},
		{ displayName: 'Website', name: 'website', type: 'string', default: '', routing: toBody('website') },
	];
	if (kind === 'create') {
		options.push(
			{
				displayName: 'Company Name',
				name: 'companyName',
				type: 'string',
				default: '',
				routing: toBody('companyName'),
			},
			{
				displayName: 'Gender',
				name: 'gender',
				type: 'options',
				options: [
					{ name: 'Female', value: 'female' },
					{ name: 'Male', value: 'male' },
				],
				default: 'female',
				routing: toBody('gender'),
			},
		);
	} else {
		options.push(
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				routing: toBody('email'),
			},
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				placeholder: '+14155550123',
				routing: toBody('phone'),
			},
		);
	}
	return options.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Properties kept by Simplify for contacts. */
export const SIMPLE_CONTACT_KEYS = [
	'id',
	'firstName',
	'lastName',
	'contactName',
	'email',
	'phone',
	'companyName',
	'tags',
	'assignedTo',
	'source',
	'dateAdded',
	'dateUpdated',
	'customFields',
];

/** Keeps only {@link SIMPLE_CONTACT_KEYS} of a contact record. */
export const simplifyContact = pickKeys(SIMPLE_CONTACT_KEYS);

/**
 * Simplify for contacts: {@link SIMPLE_CONTACT_KEYS}, with `customFields` keyed by field key without the
 * `contact.` prefix (shared/customFields.ts `customFieldsByKey`), e.g. `{ lead_score: 92 }`.
 */
export async function simplifyContacts(ctx: HighLevelContext, records: IDataObject[]): Promise<IDataObject[]> {
	const byKey = await customFieldsByKey(ctx, 'contact', records);
	return records.map((record) => byKey(simplifyContact(record)));
}

/**
 * Fields Update may clear: the `nullable` properties of contacts.json `UpdateContactDto` that the node offers
 * (sent as `null`), and `tags` (sent as `[]`, which "will overwrite all current tags").
 */
export const UPDATE_CLEARABLE: ClearableField[] = [
	{ property: 'address1', name: 'Address', clearWith: null },
	{ property: 'assignedTo', name: 'Assigned User', clearWith: null },
	{ property: 'city', name: 'City', clearWith: null },
	{ property: 'dateOfBirth', name: 'Date of Birth', clearWith: null },
	{ property: 'email', name: 'Email', clearWith: null },
	{ property: 'firstName', name: 'First Name', clearWith: null },
	{ property: 'lastName', name: 'Last Name', clearWith: null },
	{ property: 'phone', name: 'Phone', clearWith: null },
	{ property: 'source', name: 'Source', clearWith: null },
	{ property: 'state', name: 'State', clearWith: null },
	{ property: 'tags', name: 'Tags', clearWith: [] },
	{ property: 'timezone', name: 'Timezone', clearWith: null },
	{ property: 'website', name: 'Website', clearWith: null },
];

/**
 * Fields Create or Update may clear on the contact it updates: the `nullable` properties of contacts.json
 * `UpsertContactDto` that the node offers (not `source` nor `assignedTo`, which are not nullable there), and
 * `tags` (`[]`).
 */
export const UPSERT_CLEARABLE: ClearableField[] = [
	...UPDATE_CLEARABLE.filter((f) => f.property !== 'source' && f.property !== 'assignedTo'),
	{ property: 'companyName', name: 'Company Name', clearWith: null },
];

/** Local checks of the e-mail and phone a contact write sends. */
export const CONTACT_BODY_RULES: BodyRule[] = [
	{ property: 'email', parameter: 'Email', kind: 'email' },
	{ property: 'phone', parameter: 'Phone', kind: 'phone' },
	{ property: 'dateOfBirth', parameter: 'Date of Birth', kind: 'date' },
];

/** The tag list of Add Tags and Remove Tags (body `TagsDTO.tags`). */
export function tagsField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Tag Names or IDs',
		name: 'tags',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		required: true,
		default: [],
		displayOptions: { show },
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'An expression may give new tags as an array or a comma-separated string',
		routing: { send: { type: 'body', property: 'tags', value: TAG_LIST_VALUE } },
	};
}

/**
 * A `preSend` hook of Add Tags and Remove Tags: `TagsDTO.tags` is required (contacts.json), and a tag list left
 * empty is not sent (shared/body.ts), so it fails here, before any request.
 * @throws NodeOperationError naming the Tag Names or IDs parameter
 */
export async function requireTags(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const tags = (requestOptions.body as IDataObject | undefined)?.tags;
	if (!Array.isArray(tags) || tags.length === 0) {
		throw new NodeOperationError(this.getNode(), 'No tags given', {
			description: 'Parameter "Tag Names or IDs": choose at least one tag, or give tag names in an expression.',
			itemIndex: this.getItemIndex(),
		});
	}
	return requestOptions;
}

/** Output of Add Tags and Remove Tags: the contact id and its tags after the change (`{ tags }` from HighLevel). */
export const tagsOutput: OutputShaper = function (body) {
	return [{ id: this.getNodeParameter('contactId', '', { extractValue: true }), tags: body.tags ?? [] }];
};

/** The top-level Email of Create and Create or Update (body `email`). */
export function emailField(show: Record<string, string[]>, description?: string): INodeProperties {
	return {
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		displayOptions: { show },
		...(description ? { description } : {}),
		routing: { send: { type: 'body', property: 'email' } },
	};
}

/** The top-level Phone of Create and Create or Update (body `phone`). */
export function phoneField(show: Record<string, string[]>, description: string): INodeProperties {
	return {
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		placeholder: '+14155550123',
		default: '',
		displayOptions: { show },
		description,
		routing: { send: { type: 'body', property: 'phone' } },
	};
}

/**
 * The Tag Names or IDs option of a contact write or search: the location's tags (loadOptions `getTags`), or names
 * from an expression; `hint` says what the tags do there, `routing` how a write sends them.
 */
export function tagsOption(hint: string, routing?: INodeProperties['routing']): INodeProperties {
	return {
		displayName: 'Tag Names or IDs',
		name: 'tags',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint,
		...(routing ? { routing } : {}),
	};
}
