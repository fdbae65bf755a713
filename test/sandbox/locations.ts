/**
 * Location, custom field and tag operations (locations.json, Version 2021-07-28; FACTS.md 2.6, 2.7, 2.9). Users:
 * users.ts. Location search, time zones, templates, custom values, object fields: locationRecords.ts.
 */
import { badRequest, notFound, unprocessable, type OperationHandler } from './context';
import { locationRecordHandlers, locationsJsonOnly } from './locationRecords';
import { CUSTOM_FIELD_DATA_TYPES, type CustomFieldRecord, type LocationData } from './store';

/** A custom field as locations.json `CustomFieldSchema`. */
function fieldToApi(f: CustomFieldRecord): Record<string, unknown> {
	return structuredClone(f) as unknown as Record<string, unknown>;
}

/** GET /locations/{locationId} → `{location}`. */
export const getLocation: OperationHandler = (ctx) => ({
	status: 200,
	body: { location: structuredClone(ctx.location.location) },
});

/** GET /locations/{locationId}/customFields?model=contact|opportunity|all → `{customFields}` (default model: all). */
export const getCustomFields: OperationHandler = (ctx) => {
	const model = (ctx.query.model as string | undefined) ?? 'all';
	const fields =
		model === 'all'
			? [...ctx.location.customFieldsOf('contact'), ...ctx.location.customFieldsOf('opportunity')]
			: ctx.location.customFieldsOf(model as 'contact' | 'opportunity');
	return { status: 200, body: { customFields: fields.map(fieldToApi) } };
};

/** GET /locations/{locationId}/customFields/{id} → `{customField}`; 404 `Custom field not found`. */
export const getCustomField: OperationHandler = (ctx) => {
	const field = ctx.location.customFields.get(ctx.params.id);
	if (!field) throw notFound('Custom field not found');
	return { status: 200, body: { customField: fieldToApi(field) } };
};

function uniqueKey(data: LocationData, model: string, name: string): string {
	const base = `${model}.${
		name
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_|_$/g, '') || 'field'
	}`;
	const taken = new Set([...data.customFields.values()].map((f) => f.fieldKey));
	let key = base;
	for (let i = 1; taken.has(key); i++) key = `${base}_${i}`;
	return key;
}

/** Option types whose `options` (string[], SPEC_PATCHES in spec.ts) become the field's `picklistOptions`. */
const PICKLIST_TYPES = new Set(['SINGLE_OPTIONS', 'MULTIPLE_OPTIONS', 'RADIO', 'CHECKBOX']);

/**
 * POST /locations/{locationId}/customFields `{name, dataType, placeholder?, position?, model?, options?}` →
 * `{customField}`. `model` defaults to `contact`; `fieldKey` is `<model>.<snake_case name>` (suffixed `_1`, `_2`…
 * when taken); `options` of an option type (SINGLE_OPTIONS, MULTIPLE_OPTIONS, RADIO, CHECKBOX) become
 * `picklistOptions`, and an option type without options → 422.
 */
export const createCustomField: OperationHandler = (ctx) => {
	const body = ctx.body as {
		name: string;
		dataType: string;
		placeholder?: string;
		position?: number;
		model?: 'contact' | 'opportunity';
		options?: string[];
	};
	if (!(CUSTOM_FIELD_DATA_TYPES as readonly string[]).includes(body.dataType)) {
		throw unprocessable([
			`dataType must be one of the following values: ${CUSTOM_FIELD_DATA_TYPES.join(', ')}`,
		]);
	}
	const model = body.model ?? 'contact';
	if (PICKLIST_TYPES.has(body.dataType) && !body.options?.length) {
		throw unprocessable([`options should not be empty for a ${body.dataType} field`]);
	}
	const field: CustomFieldRecord = {
		id: ctx.store.ids.id(),
		name: body.name,
		fieldKey: uniqueKey(ctx.location, model, body.name),
		dataType: body.dataType,
		placeholder: body.placeholder ?? '',
		position: body.position ?? ctx.location.customFieldsOf(model).length * 50,
		model,
		locationId: ctx.location.id,
		...(PICKLIST_TYPES.has(body.dataType) ? { picklistOptions: [...(body.options ?? [])] } : {}),
	};
	ctx.location.customFields.set(field.id, field);
	return { status: 201, body: { customField: fieldToApi(field) } };
};

/**
 * PUT /locations/{locationId}/customFields/{id} `{name, placeholder?, position?, model?, options?}` →
 * `{customField}`: name, placeholder and position change, `options` replace the `picklistOptions` of an option
 * type; `fieldKey`, `dataType` and `model` stay. 404 `Custom field not found`.
 */
export const updateCustomField: OperationHandler = (ctx) => {
	const field = ctx.location.customFields.get(ctx.params.id);
	if (!field) throw notFound('Custom field not found');
	const body = ctx.body as { name: string; placeholder?: string; position?: number; options?: string[] };
	const after: CustomFieldRecord = {
		...field,
		name: body.name,
		...(body.placeholder !== undefined ? { placeholder: body.placeholder } : {}),
		...(body.position !== undefined ? { position: body.position } : {}),
		...(body.options !== undefined && PICKLIST_TYPES.has(field.dataType) ? { picklistOptions: [...body.options] } : {}),
	};
	ctx.location.customFields.set(after.id, after);
	return { status: 200, body: { customField: fieldToApi(after) } };
};

/** DELETE /locations/{locationId}/customFields/{id} → `{succeded: true}`; 404 `Custom field not found`. */
export const deleteCustomField: OperationHandler = (ctx) => {
	if (!ctx.location.customFields.delete(ctx.params.id)) throw notFound('Custom field not found');
	return { status: 200, body: { succeded: true } };
};

/** GET /locations/{locationId}/tags → `{tags: [{id, name, locationId}]}`. */
export const getLocationTags: OperationHandler = (ctx) => ({
	status: 200,
	body: { tags: [...ctx.location.tags.values()].map((t) => ({ ...t })) },
});

/** GET /locations/{locationId}/tags/{tagId} → `{tag}`; 404 `Tag not found`. */
export const getTagById: OperationHandler = (ctx) => {
	const tag = [...ctx.location.tags.values()].find((t) => t.id === ctx.params.tagId);
	if (!tag) throw notFound('Tag not found');
	return { status: 200, body: { tag: { ...tag } } };
};

/** POST /locations/{locationId}/tags `{name}` → 200 `{tag}` (lower-cased; spec lists 200); 400 when the tag exists. */
export const createTag: OperationHandler = (ctx) => {
	const name = String(ctx.body.name).trim().toLowerCase();
	if (!name) throw unprocessable(['name should not be empty']);
	if (ctx.location.tags.has(name)) throw badRequest('Tag with the same name already exists');
	return { status: 200, body: { tag: { ...ctx.location.ensureTag(name) } } };
};

/**
 * PUT /locations/{locationId}/tags/{tagId} `{name}` → `{tag}` (lower-cased, like create); 404 `Tag not found`, 400
 * when another tag has the name. Contacts keep the tag names they have (how HighLevel renames a tag on its contacts
 * is not documented).
 */
export const updateTag: OperationHandler = (ctx) => {
	const tag = [...ctx.location.tags.values()].find((t) => t.id === ctx.params.tagId);
	if (!tag) throw notFound('Tag not found');
	const name = String(ctx.body.name).trim().toLowerCase();
	if (!name) throw unprocessable(['name should not be empty']);
	const other = ctx.location.tags.get(name);
	if (other && other.id !== tag.id) throw badRequest('Tag with the same name already exists');
	ctx.location.tags.delete(tag.name);
	const after = { ...tag, name };
	ctx.location.tags.set(name, after);
	return { status: 200, body: { tag: { ...after } } };
};

/** DELETE /locations/{locationId}/tags/{tagId} → `{succeded: true}`; 404 `Tag not found`. Contacts keep the name. */
export const deleteTag: OperationHandler = (ctx) => {
	const tag = [...ctx.location.tags.values()].find((t) => t.id === ctx.params.tagId);
	if (!tag) throw notFound('Tag not found');
	ctx.location.tags.delete(tag.name);
	return { status: 200, body: { succeded: true } };
};

/** Handlers by operationId. */
export const locationHandlers: Record<string, OperationHandler> = {
	'get-location': getLocation,
	'get-custom-fields': getCustomFields,
	'get-custom-field': getCustomField,
	'create-custom-field': locationsJsonOnly(createCustomField),
	'update-custom-field': locationsJsonOnly(updateCustomField),
	'delete-custom-field': locationsJsonOnly(deleteCustomField),
	'get-location-tags': getLocationTags,
	'get-tag-by-id': getTagById,
	'create-tag': createTag,
	'update-tag': updateTag,
	'delete-tag': deleteTag,
	...locationRecordHandlers,
};
