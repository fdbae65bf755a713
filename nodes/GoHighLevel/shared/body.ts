import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Whether a value counts as "left empty" and must not be sent: `undefined`, `null`, a string of only spaces, an
 * empty array, or an object whose properties are all empty. `false` and `0` are values a user chose and count as
 * set.
 */
export function isEmptyValue(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		return Object.values(value as IDataObject).every(isEmptyValue);
	}
	return false;
}

/**
 * A copy of `values` (a request body or query) without the properties that are {@link isEmptyValue empty};
 * nested plain objects lose their empty properties too. Array items are left as they are.
 */
export function withoutEmptyValues(values: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (isEmptyValue(value)) continue;
		out[key] =
			typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype
				? withoutEmptyValues(value as IDataObject)
				: value;
	}
	return out;
}

/**
 * The first `preSend` hook of every operation (shared/routing.ts `routeTo`): removes from the request body and
 * query every property a user left empty — a field added to Additional Fields but not filled in, an expression
 * that resolved to `""`, `null` or `[]`, a top-level Email or Phone left blank. HighLevel reads `""` and `null` as
 * "clear this field" (contacts.json `UpdateContactDto` / `UpsertContactDto` mark them `nullable`), so sending them
 * would wipe data, e.g. the phone of a contact an upsert matched by e-mail. Later hooks (validation, pipeline and
 * custom field resolution, {@link applyFieldsToClear}) run on the cleaned request, so whatever they add is sent.
 */
export async function dropEmptyValues(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const cleaned = { ...requestOptions };
	if (requestOptions.body && typeof requestOptions.body === 'object' && !Array.isArray(requestOptions.body)) {
		cleaned.body = withoutEmptyValues(requestOptions.body as IDataObject);
	}
	if (requestOptions.qs) cleaned.qs = withoutEmptyValues(requestOptions.qs);
	return cleaned;
}

/** A body property a user may clear on purpose, and the value HighLevel takes as "clear". */
export interface ClearableField {
	/** Body property, e.g. `phone`. */
	property: string;
	/** The node's name for it, e.g. `Phone`. */
	name: string;
	/**
	 * What is sent to clear it: `null` for the properties the spec marks `nullable` (contacts.json
	 * `UpdateContactDto` / `UpsertContactDto`), `[]` for `tags` ("will overwrite all current tags").
	 */
	clearWith: null | [];
}

/** Name of the Fields to Clear parameter. */
export const FIELDS_TO_CLEAR = 'fieldsToClear';

/**
 * The Fields to Clear multi-select of an update or upsert: the explicit way to empty a field, since empty fields
 * are never sent ({@link dropEmptyValues}). Read by {@link applyFieldsToClear}.
 */
export function fieldsToClearProperty(
	fields: ClearableField[],
	show: Record<string, string[]>,
	record: string,
): INodeProperties {
	return {
		displayName: 'Fields to Clear',
		name: FIELDS_TO_CLEAR,
		type: 'multiOptions',
		options: [...fields]
			.sort((a, b) => a.name.localeCompare(b.name))
			.map((f) => ({ name: f.name, value: f.property })),
		default: [],
		displayOptions: { show },
		description: `Fields to empty on the ${record}. Fields left empty above are not sent and keep their value.`,
	};
}

/**
 * A `preSend` hook, placed after validation: sends each field chosen in Fields to Clear with its clear value
 * ({@link ClearableField.clearWith}).
 * @throws NodeOperationError when a field is both given a value and chosen to be cleared, or is not clearable
 */
export function applyFieldsToClear(fields: ClearableField[]) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const chosen = this.getNodeParameter(FIELDS_TO_CLEAR, []) as string[] | string;
		const list = (Array.isArray(chosen) ? chosen : String(chosen ?? '').split(','))
			.map((p) => String(p).trim())
			.filter(Boolean);
		if (!list.length) return requestOptions;
		const body: IDataObject = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
		for (const property of list) {
			const field = fields.find((f) => f.property === property);
			if (!field) {
				throw new NodeOperationError(this.getNode(), `"${property}" cannot be cleared`, {
					description: `Parameter "Fields to Clear": choose among ${fields.map((f) => f.name).join(', ')}.`,
					itemIndex: this.getItemIndex(),
				});
			}
			if (body[property] !== undefined) {
				throw new NodeOperationError(this.getNode(), `${field.name} is both set and chosen to be cleared`, {
					description: `Parameter "Fields to Clear": remove ${field.name} there, or leave the ${field.name} field empty.`,
					itemIndex: this.getItemIndex(),
				});
			}
			body[property] = field.clearWith === null ? null : [];
		}
		return { ...requestOptions, body };
	};
}

/**
 * A `preSend` hook, last of an update (PUT): fails before the request when nothing is left to send — every field
 * was left empty — since HighLevel refuses an empty update body (422 "request body should not be empty").
 * `ignore` lists body properties that do not count as a change (e.g. `locationId`).
 * @throws NodeOperationError naming the parameters that can hold a change
 */
export function requireChanges(parameters: string, ignore: string[] = []) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = (requestOptions.body as IDataObject | undefined) ?? {};
		if (Object.keys(body).some((property) => !ignore.includes(property))) return requestOptions;
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			description: `Set at least one field in ${parameters}. Fields left empty are not sent.`,
			itemIndex: this.getItemIndex(),
		});
	};
}

/**
 * A list from n8n: an array as it is (nested arrays flattened), or a comma-separated string split; items trimmed,
 * empty ones dropped. E.g. `'a, b,,c'` → `['a', 'b', 'c']`.
 */
export function listOf(value: unknown): string[] {
	const items = Array.isArray(value) ? value.flat() : String(value ?? '').split(',');
	return items.map((v) => String(v ?? '').trim()).filter(Boolean);
}
