import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isEmptyValue, listOf } from './body';
import { cached } from './cache';
import { recordLocator, rowsField } from './descriptions';
import { ENDPOINTS } from './endpoints';
import { toDateOnly } from './time';
import { apiRequest, getConnection, type HighLevelContext } from './transport';

/*
 * What the Custom Object, Custom Object Record, Association and Relation resources share (objects.json,
 * associations.json): the Object and Association locators, the fields of an object schema, and the Properties rows
 * of a record write.
 */

/** An option of an option-type field (objects.json `OptionDTO`): `key` is sent, `label` is shown. */
export interface ObjectFieldOption {
	key: string;
	label: string;
}

/** A field of an object schema, as `get-object-schema-by-key` with `fetchProperties=true` lists it (objects.json `ICustomField`). */
export interface ObjectField {
	id: string;
	name: string;
	/** e.g. `custom_objects.pet.name`. */
	fieldKey: string;
	/** TEXT, LARGE_TEXT, NUMERICAL, PHONE, MONETORY, CHECKBOX, SINGLE_OPTIONS, MULTIPLE_OPTIONS, DATE, TEXTBOX_LIST, FILE_UPLOAD, RADIO. */
	dataType: string;
	options?: ObjectFieldOption[];
	/** RADIO fields: whether a value outside `options` is accepted (objects.json `ICustomField.allowCustomOption`). */
	allowCustomOption?: boolean;
}

/**
 * The Object resource locator: pick one of the location's objects that have records (listSearch
 * `searchCustomObjects`: custom objects and `business`, objects.json `get-object-by-location-id`) — or, with
 * `standardObjects`, any object including contact and opportunity (listSearch `searchObjectSchemas`) — or give its
 * key (`custom_objects.pet`, Settings → Objects in HighLevel). Read with `extractValue`.
 */
export function objectLocator(
	show: Record<string, string[]>,
	description: string,
	options: { standardObjects?: boolean } = {},
): INodeProperties {
	return {
		displayName: 'Object',
		name: 'objectKey',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an object…',
				typeOptions: {
					searchListMethod: options.standardObjects ? 'searchObjectSchemas' : 'searchCustomObjects',
					searchable: true,
				},
			},
			{
				displayName: 'By Key',
				name: 'key',
				type: 'string',
				placeholder: 'e.g. custom_objects.pet',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$',
							errorMessage: 'Not an object key: custom objects read custom_objects.<name>',
						},
					},
				],
			},
		],
	};
}

/**
 * The Association resource locator: pick one of the location's associations (listSearch `searchAssociations`,
 * associations.json `find-associations`), or give its ID.
 */
export function associationLocator(o: {
	name: string;
	show?: Record<string, string[]>;
	required?: boolean;
	description: string;
}): INodeProperties {
	return recordLocator({
		displayName: 'Association',
		name: o.name,
		record: 'association',
		searchListMethod: 'searchAssociations',
		searchPlaceholder: 'Search by key or object…',
		idExample: 've9EPM428h8vShlRW1KT',
		show: o.show,
		required: o.required ?? true,
		description: o.description,
	});
}

/**
 * The fields of the object `objectKey` (objects.json `get-object-schema-by-key` with `fetchProperties=true`, root
 * `fields`), from the shared list cache (shared/cache.ts); `fresh` bypasses it.
 * @throws NodeApiError when HighLevel refuses (unknown key: 404/400; scope `objects/schema.readonly` missing: 401)
 */
export async function loadObjectFields(
	ctx: HighLevelContext,
	objectKey: string,
	options: { fresh?: boolean } = {},
): Promise<ObjectField[]> {
	const connection = await getConnection(ctx);
	return await cached(
		`${connection.rateLimitKey}|objectFields|${objectKey}`,
		async () => {
			const body = await apiRequest<{ fields?: ObjectField[] }>(
				ctx,
				ENDPOINTS.getObjectSchema,
				{ path: { key: objectKey }, qs: { fetchProperties: 'true' } },
				connection,
			);
			return body.fields ?? [];
		},
		options,
	);
}

/**
 * The key a record's `properties` use for a field: its `fieldKey` without the object prefix
 * (`custom_objects.pet.name` → `name`; objects.json `IRecordSchema.properties` example `{ customer_number: 1424 }`).
 * The spec also writes the prefix `custom_object.` (singular), so the last segment is used when the object key
 * does not match.
 */
export function propertyKey(field: ObjectField, objectKey: string): string {
	const key = field.fieldKey || field.id;
	if (key.startsWith(`${objectKey}.`)) return key.slice(objectKey.length + 1);
	return key.slice(key.lastIndexOf('.') + 1);
}

const normalise = (s: string) => s.trim().toLowerCase();

/** The field a user meant: by property key (`name`), full field key, id, or name (case ignored). */
export function findObjectField(fields: ObjectField[], objectKey: string, reference: string): ObjectField | undefined {
	const ref = normalise(reference);
	if (!ref) return undefined;
	return (
		fields.find((f) => normalise(propertyKey(f, objectKey)) === ref) ??
		fields.find((f) => normalise(f.fieldKey ?? '') === ref) ??
		fields.find((f) => f.id === reference.trim()) ??
		fields.find((f) => normalise(f.name ?? '') === ref)
	);
}

const LIST_TYPES = new Set(['CHECKBOX', 'MULTIPLE_OPTIONS']);
const CHOICE_TYPES = new Set(['SINGLE_OPTIONS', 'RADIO']);

/** An option of `field` by key or label (case ignored); its key. */
function optionKey(field: ObjectField, value: string): string | undefined {
	const v = normalise(value);
	return (field.options ?? []).find((o) => normalise(o.key) === v || normalise(o.label ?? '') === v)?.key;
}

function optionList(field: ObjectField): string {
	return (field.options ?? []).map((o) => (o.label && o.label !== o.key ? `${o.label} (${o.key})` : o.key)).join(', ');
}

/**
 * Converts a value from n8n into what a record property of the field's data type holds (objects.json
 * `IRecordSchema.properties` example): a number for NUMERICAL; `{ currency: 'default', value }` for MONETORY (an
 * object from an expression is sent as it is); option keys for SINGLE_OPTIONS / RADIO (one) and CHECKBOX /
 * MULTIPLE_OPTIONS (a list; a comma-separated string is split), given by key or label; a `YYYY-MM-DD` date for
 * DATE (read in `timeZone`); `[{ url }]` for FILE_UPLOAD from URLs; the text otherwise. Objects and arrays from
 * expressions are sent unchanged for the other types.
 * @returns the value, or an error message naming what is wrong
 */
export function toPropertyValue(
	ctx: IExecuteSingleFunctions,
	field: ObjectField,
	value: unknown,
): { value: unknown } | { error: string } {
	const type = (field.dataType ?? '').toUpperCase();
	if (LIST_TYPES.has(type)) {
		const list = listOf(value);
		const keys: string[] = [];
		for (const item of list) {
			const key = field.options?.length ? optionKey(field, item) : item;
			if (!key) return { error: `"${item}" is not an option of "${field.name}" (options: ${optionList(field)})` };
			keys.push(key);
		}
		return { value: keys };
	}
	if (CHOICE_TYPES.has(type)) {
		const text = String(value ?? '').trim();
		const key = field.options?.length ? optionKey(field, text) : text;
		if (key) return { value: key };
		if (type === 'RADIO' && field.allowCustomOption) return { value: text };
		return { error: `"${text}" is not an option of "${field.name}" (options: ${optionList(field)})` };
	}
	if (type === 'NUMERICAL' || (type === 'MONETORY' && (typeof value !== 'object' || value === null))) {
		const n = typeof value === 'number' ? value : Number(String(value ?? '').replace(/[\s,]/g, ''));
		if (!Number.isFinite(n)) return { error: `"${String(value)}" is not a number, but "${field.name}" is ${type}` };
		return { value: type === 'MONETORY' ? { currency: 'default', value: n } : n };
	}
	if (type === 'DATE') {
		try {
			const date = toDateOnly(value, {
				node: ctx.getNode(),
				parameter: `Properties → ${field.name}`,
				timeZone: ctx.getTimezone(),
				itemIndex: ctx.getItemIndex(),
			});
			return { value: date };
		} catch (error) {
			return { error: (error as Error).message };
		}
	}
	if (type === 'FILE_UPLOAD' && !(typeof value === 'object' && value !== null)) {
		const urls = listOf(value);
		return { value: urls.map((url) => ({ url })) };
	}
	if (typeof value === 'object' && value !== null) return { value };
	return { value: String(value ?? '') };
}

/** A Properties row of the node: a field of the chosen object (by key, name or id) and its value. */
export interface PropertyInput {
	field: string;
	value: unknown;
}

/**
 * The Properties rows of Create and Update of a record: a field of the object chosen above (loadOptions
 * `getObjectRecordFields`, depending on `objectKey`; value = the property key) and its value. Resolved by
 * {@link resolveRecordProperties}; a row without a value is not sent.
 */
export function recordPropertiesField(show: Record<string, string[]>): INodeProperties {
	return rowsField({ displayName: 'Properties', name: 'properties', placeholder: 'Add Property', row: ['Property', 'values'], show }, [
		{
			displayName: 'Field Name or ID',
			name: 'field',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getObjectRecordFields', loadOptionsDependsOn: ['objectKey.value'] },
			// A new row starts empty: without this n8n flags "" as "not supported" before a field is chosen.
			allowArbitraryValues: true,
			default: '',
			description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'A field of the object above. An expression may also name it by key (e.g. name or custom_objects.pet.name) or by name.',
		},
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			default: '',
			description:
				'Options by key or label (several separated by commas), numbers as digits, dates as YYYY-MM-DD or any date-time. Left empty, the property is not sent.',
		},
	]);
}

/**
 * A `preSend` hook for record Create and Update: reads the node's Properties rows, resolves each field against the
 * object's fields ({@link loadObjectFields}, re-read once when a field is not found), converts each value
 * ({@link toPropertyValue}) and sends `properties: { <property key>: value }`. Rows without a value are left out.
 * @throws NodeOperationError before any write when a field is unknown or a value does not fit its type
 */
export async function resolveRecordProperties(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const rows = (this.getNodeParameter('properties.values', []) as PropertyInput[]).filter(
		(row) => String(row.field ?? '').trim() !== '' && !isEmptyValue(row.value),
	);
	if (!rows.length) return requestOptions;
	const objectKey = String(this.getNodeParameter('objectKey', '', { extractValue: true }) ?? '').trim();
	let fields = await loadObjectFields(this, objectKey);
	const properties: IDataObject = {};
	for (const row of rows) {
		const reference = String(row.field);
		let field = findObjectField(fields, objectKey, reference);
		if (!field) {
			fields = await loadObjectFields(this, objectKey, { fresh: true });
			field = findObjectField(fields, objectKey, reference);
		}
		if (!field) {
			throw new NodeOperationError(this.getNode(), `Unknown field "${reference}" of ${objectKey}`, {
				description: `Parameter "Properties": pick the field from the list, or name it by key, field key or name. Fields of ${objectKey}: ${fields.map((f) => `${f.name} (${propertyKey(f, objectKey)})`).join(', ') || 'none'}.`,
				itemIndex: this.getItemIndex(),
			});
		}
		const converted = toPropertyValue(this, field, row.value);
		if ('error' in converted) {
			throw new NodeOperationError(this.getNode(), `Invalid value for "${field.name}"`, {
				description: `Parameter "Properties": ${converted.error}.`,
				itemIndex: this.getItemIndex(),
			});
		}
		if (isEmptyValue(converted.value)) continue;
		properties[propertyKey(field, objectKey)] = converted.value as IDataObject[keyof IDataObject];
	}
	if (!Object.keys(properties).length) return requestOptions;
	const body = { ...((requestOptions.body as IDataObject | undefined) ?? {}), properties };
	return { ...requestOptions, body };
}

/**
 * A `preSend` hook for the offset-paged association lists (associations.json `find-associations`,
 * `get-relations-by-record-id`), whose `skip` is required: the first page asks for `skip: 0` (the pagination,
 * shared/pagination.ts offset style, sets it from the second page on, and `limit` on every page).
 */
export async function firstPageOffset(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return { ...requestOptions, qs: { ...((requestOptions.qs as IDataObject | undefined) ?? {}), skip: 0 } };
}
