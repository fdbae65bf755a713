import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isEmptyValue, listOf } from './body';
import { cached } from './cache';
import { ENDPOINTS } from './endpoints';
import { apiRequest, getConnection, type Connection, type HighLevelContext } from './transport';

/** HighLevel objects with classic custom fields (`GET /locations/{locationId}/customFields?model=`, FACTS.md 2.7). */
export type CustomFieldModel = 'contact' | 'opportunity';

/** A custom field definition as `get-custom-fields` returns it (locations.json `CustomFieldSchema`). */
export interface CustomFieldDefinition {
	id: string;
	name: string;
	/** e.g. `contact.lead_score`. */
	fieldKey: string;
	/** e.g. TEXT, LARGE_TEXT, NUMERICAL, MONETORY, CHECKBOX, SINGLE_OPTIONS, MULTIPLE_OPTIONS, DATE. */
	dataType: string;
	picklistOptions?: string[];
	model?: string;
}

/**
 * The custom fields of `model` in the credential's location (`get-custom-fields`), from the shared list cache
 * (shared/cache.ts). `fresh` bypasses the cache.
 * @throws NodeApiError when HighLevel refuses (e.g. the scope `locations/customFields.readonly` is missing)
 */
export async function loadCustomFields(
	ctx: HighLevelContext,
	model: CustomFieldModel,
	options: { fresh?: boolean; connection?: Connection } = {},
): Promise<CustomFieldDefinition[]> {
	const connection = options.connection ?? (await getConnection(ctx));
	return await cached(
		`${connection.rateLimitKey}|customFields|${model}`,
		async () => {
			const body = await apiRequest<{ customFields?: CustomFieldDefinition[] }>(
				ctx,
				ENDPOINTS.getCustomFields,
				{ qs: { model } },
				connection,
			);
			return (body.customFields ?? []).filter((f) => !f.model || f.model === model);
		},
		options,
	);
}

const normalise = (s: string) => s.trim().toLowerCase();

/**
 * Finds the definition a user meant: by id, by field key (`contact.lead_score`, or `lead_score` without the
 * model prefix), or by name (case and surrounding spaces ignored).
 */
export function findCustomField(
	fields: CustomFieldDefinition[],
	model: CustomFieldModel,
	reference: string,
): CustomFieldDefinition | undefined {
	const ref = normalise(reference);
	if (!ref) return undefined;
	return (
		fields.find((f) => f.id === reference.trim()) ??
		fields.find((f) => normalise(f.fieldKey ?? '') === ref) ??
		fields.find((f) => normalise(f.fieldKey ?? '') === `${model}.${ref}`) ??
		fields.find((f) => normalise(f.name ?? '') === ref)
	);
}

const LIST_TYPES = new Set(['CHECKBOX', 'MULTIPLE_OPTIONS']);
const NUMBER_TYPES = new Set(['NUMERICAL', 'MONETORY', 'FLOAT']);

/**
 * Converts a value from n8n into the `field_value` HighLevel expects for the field's data type
 * (contacts.json `TextField`, `NumericField`, `MultiSelectField`, `CheckboxField`, …): arrays of strings for
 * CHECKBOX / MULTIPLE_OPTIONS (a comma-separated string is split), numbers for NUMERICAL / MONETORY / FLOAT,
 * strings otherwise. Options must be among the field's `picklistOptions` when it has any.
 * @returns the value, or an error message naming what is wrong
 */
export function toFieldValue(
	field: CustomFieldDefinition,
	value: unknown,
): { value: unknown } | { error: string } {
	const type = (field.dataType ?? '').toUpperCase();
	if (LIST_TYPES.has(type)) {
		const list = listOf(value);
		const unknown = field.picklistOptions?.length
			? list.filter((v) => !field.picklistOptions!.includes(v))
			: [];
		if (unknown.length) {
			return {
				error: `"${unknown.join('", "')}" is not an option of "${field.name}" (options: ${field.picklistOptions!.join(', ')})`,
			};
		}
		return { value: list };
	}
	if (NUMBER_TYPES.has(type)) {
		if (value === null || value === undefined || String(value).replace(/[\s,]/g, '') === '') return { value: null };
		const n = typeof value === 'number' ? value : Number(String(value).replace(/[\s,]/g, ''));
		if (!Number.isFinite(n)) return { error: `"${String(value)}" is not a number, but "${field.name}" is ${type}` };
		return { value: n };
	}
	const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
	if ((type === 'SINGLE_OPTIONS' || type === 'RADIO') && text && field.picklistOptions?.length) {
		if (!field.picklistOptions.includes(text)) {
			return {
				error: `"${text}" is not an option of "${field.name}" (options: ${field.picklistOptions.join(', ')})`,
			};
		}
	}
	return { value: text };
}

/**
 * The node's custom field rows: `customFields.values[]` of a fixedCollection with `field`, `value` and `choices`
 * (options picked from the field's `picklistOptions`; absent in workflows saved before it existed).
 */
export interface CustomFieldInput {
	field: string;
	value: unknown;
	choices?: string[] | string;
}

/** Data types whose value is one of the field's options. */
const SINGLE_CHOICE_TYPES = new Set(['SINGLE_OPTIONS', 'RADIO']);

/** Data types whose value is picked from the field's `picklistOptions` (single or several). */
export const OPTION_TYPES = new Set([...SINGLE_CHOICE_TYPES, ...LIST_TYPES]);

/**
 * The value of one row: the options picked in `choices` if any (one for SINGLE_OPTIONS / RADIO, a list
 * otherwise), else `value`.
 * @returns the value (possibly empty: the row is then not sent), or an error message
 */
export function rowValue(field: CustomFieldDefinition, row: CustomFieldInput): { value: unknown } | { error: string } {
	const choices = (Array.isArray(row.choices) ? row.choices : String(row.choices ?? '').split(','))
		.map((c) => String(c).trim())
		.filter(Boolean);
	if (!choices.length) return { value: row.value };
	if (!isEmptyValue(row.value)) {
		return { error: 'give either a Value or Option Names or IDs, not both' };
	}
	if (SINGLE_CHOICE_TYPES.has((field.dataType ?? '').toUpperCase())) {
		if (choices.length > 1) return { error: `"${field.name}" takes one option, got ${choices.length}` };
		return { value: choices[0] };
	}
	return { value: choices };
}

/**
 * A `preSend` hook for create, upsert and update of `model`: reads the node's `customFields` rows, resolves
 * each field reference (picked in the dropdown, or named by id, key or name in an expression) to the field id,
 * converts the value for the field's type, and sends `customFields: [{ id, field_value }]` — the same shape for
 * create and update (n8n's built-in node sends different shapes: n8n-io/n8n#20474). A row with neither a Value
 * nor a picked option is left out: an empty `field_value` would clear the field (shared/body.ts).
 * @throws NodeOperationError before any write when a field is unknown or a value does not fit its type
 */
export function resolveCustomFields(model: CustomFieldModel) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const rows = (this.getNodeParameter('customFields.values', []) as CustomFieldInput[]).filter(
			(row) => String(row.field ?? '').trim() !== '' && !(isEmptyValue(row.value) && isEmptyValue(row.choices)),
		);
		if (!rows.length) return requestOptions;
		let fields = await loadCustomFields(this, model);
		const resolved: IDataObject[] = [];
		for (const row of rows) {
			const reference = String(row.field);
			let field = findCustomField(fields, model, reference);
			if (!field) {
				fields = await loadCustomFields(this, model, { fresh: true });
				field = findCustomField(fields, model, reference);
			}
			if (!field) {
				throw new NodeOperationError(this.getNode(), `Unknown ${model} custom field "${reference}"`, {
					description: `Parameter "Custom Fields": pick the field from the list, or name it by ID, key (e.g. ${model}.my_field) or name. Fields of this location: ${fields.map((f) => `${f.name} (${f.fieldKey})`).join(', ') || 'none'}.`,
					itemIndex: this.getItemIndex(),
				});
			}
			const given = rowValue(field, row);
			const converted = 'error' in given ? given : toFieldValue(field, given.value);
			if ('error' in converted) {
				throw new NodeOperationError(this.getNode(), `Invalid value for custom field "${field.name}"`, {
					description: `Parameter "Custom Fields": ${converted.error}.`,
					itemIndex: this.getItemIndex(),
				});
			}
			// A value that converts to nothing (e.g. " , " for a checkbox) is left empty: not sent.
			if (isEmptyValue(converted.value)) continue;
			resolved.push({ id: field.id, field_value: converted.value as IDataObject[keyof IDataObject] });
		}
		if (!resolved.length) return requestOptions;
		const body = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
		body.customFields = resolved;
		return { ...requestOptions, body };
	};
}

/**
 * The short key Simplify uses for a custom field: its `fieldKey` without the `contact.` / `opportunity.` prefix
 * (`contact.lead_score` → `lead_score`). Field keys are unique in a location and stable when a field is
 * renamed, and read well in expressions (`$json.customFields.lead_score`).
 */
export function shortFieldKey(field: CustomFieldDefinition, model: CustomFieldModel): string {
	const key = field.fieldKey || field.id;
	return key.startsWith(`${model}.`) ? key.slice(model.length + 1) : key;
}

/**
 * Simplify for custom field values: turns a record's `customFields` list — `[{ id, value }]` on contacts
 * (contacts.json `CustomFieldSchema`), `[{ id, fieldValue }]` on opportunities (opportunities.json
 * `CustomFieldResponseSchema`) — into an object keyed by {@link shortFieldKey}, e.g.
 * `{ lead_score: 92, interests: ['Tech', 'Music'] }`. A value whose field is not in the definitions keeps its
 * id as key (a field deleted since, or one created less than `LIST_CACHE_MS` ago while the cached list is
 * reused). Reads the location's definitions once per execution at most (the list cache, shared/cache.ts), and
 * only when a record has custom field values.
 * @returns a function mapping one record (its other properties unchanged)
 * @throws NodeApiError when the definitions cannot be read (e.g. the scope `locations/customFields.readonly` is
 * missing)
 */
export async function customFieldsByKey(
	ctx: HighLevelContext,
	model: CustomFieldModel,
	records: IDataObject[],
): Promise<(record: IDataObject) => IDataObject> {
	const hasValues = records.some((r) => Array.isArray(r.customFields) && r.customFields.length > 0);
	const fields = hasValues ? await loadCustomFields(ctx, model) : [];
	const byId = new Map(fields.map((f) => [f.id, shortFieldKey(f, model)]));
	return (record) => {
		if (!Array.isArray(record.customFields)) return record;
		const values: IDataObject = {};
		for (const item of record.customFields as IDataObject[]) {
			if (!item || typeof item.id !== 'string') continue;
			const value = 'fieldValue' in item ? item.fieldValue : item.value;
			values[byId.get(item.id) ?? item.id] = value as IDataObject[keyof IDataObject];
		}
		return { ...record, customFields: values };
	};
}
