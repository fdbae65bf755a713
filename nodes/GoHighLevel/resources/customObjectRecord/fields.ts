import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { locatorValue, recordLocator, userLocator } from '../../shared/descriptions';
import { objectLocator } from '../../shared/objects';

/** The Object locator of every record operation (path `{schemaKey}`). */
export function recordObjectField(show: Record<string, string[]>): INodeProperties {
	return objectLocator(
		show,
		'The custom object (or business object) of the record, picked from the location\'s objects or given by key (e.g. custom_objects.pet)',
	);
}

/**
 * The Record locator: a record of the object chosen above, searched in its searchable properties (listSearch
 * `searchObjectRecords`, objects.json `search-object-records`), or a record ID.
 */
export function recordIdField(show: Record<string, string[]>): INodeProperties {
	return recordLocator({
		displayName: 'Record',
		name: 'recordId',
		record: 'record',
		searchListMethod: 'searchObjectRecords',
		searchPlaceholder: 'Search the object\'s searchable properties…',
		idExample: '661c06b4ffde146bdb469442',
		show,
		description: 'A record of the object above, searched by its searchable properties, or given by ID',
	});
}

/**
 * Owner and Followers of a record (objects.json `IRecordSchema.owner` — one user id, custom objects only — and
 * `followers` — up to 10 user ids): Owner is read by {@link sendOwner}; Followers are sent as an array.
 */
export const OWNER_AND_FOLLOWERS: INodeProperties[] = [
	{
		displayName: 'Follower Names or IDs',
		name: 'followers',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLocationUsers' },
		default: [],
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Users of the location who follow the record (at most 10)',
		routing: {
			send: {
				type: 'body',
				property: 'followers',
				value: '={{ (Array.isArray($value) ? $value : String($value ?? "").split(",")).map(t => String(t).trim()).filter(t => t) }}',
			},
		},
	},
	userLocator({
		displayName: 'Owner',
		name: 'owner',
		required: false,
		description: 'The user who owns the record (custom objects only), searched by name or e-mail, or given by ID',
	}),
];

/**
 * A `preSend` hook: the Owner of `collection` (Additional Fields or Update Fields) as `owner: [userId]`
 * (objects.json `IRecordSchema.owner`, "Limited to 1 for now"); not sent when empty. Followers over 10 fail here.
 */
export function sendOwner(collection: 'additionalFields' | 'updateFields') {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
		const owner = locatorValue(this.getNodeParameter(`${collection}.owner`, '') as unknown);
		if (owner) body.owner = [owner];
		if (Array.isArray(body.followers) && body.followers.length > 10) {
			const label = collection === 'additionalFields' ? 'Additional Fields' : 'Update Fields';
			throw new NodeOperationError(this.getNode(), `Too many followers: ${body.followers.length}`, {
				description: `Parameter "${label} → Followers": HighLevel allows at most 10 followers per record.`,
				itemIndex: this.getItemIndex(),
			});
		}
		return { ...requestOptions, body };
	};
}

/** Error field names of record writes (errors.ts `nameNodeFields`). */
export function recordFieldNames(collection: 'Additional Fields' | 'Update Fields') {
	return { properties: 'Properties', owner: `${collection} → Owner`, followers: `${collection} → Followers` };
}
