/**
 * Location, custom field, tag and user operations (locations.json and users.json, Version 2021-07-28;
 * FACTS.md 2.6–2.9).
 */
import { badRequest, notFound, unprocessable, type OperationHandler } from './context';
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

/**
 * POST /locations/{locationId}/customFields `{name, dataType, placeholder?, position?, model?}` → `{customField}`.
 * `model` defaults to `contact`; `fieldKey` is `<model>.<snake_case name>` (suffixed `_1`, `_2`… when taken).
 */
export const createCustomField: OperationHandler = (ctx) => {
	const body = ctx.body as {
		name: string;
		dataType: string;
		placeholder?: string;
		position?: number;
		model?: 'contact' | 'opportunity';
	};
	if (!(CUSTOM_FIELD_DATA_TYPES as readonly string[]).includes(body.dataType)) {
		throw unprocessable([
			`dataType must be one of the following values: ${CUSTOM_FIELD_DATA_TYPES.join(', ')}`,
		]);
	}
	const model = body.model ?? 'contact';
	const field: CustomFieldRecord = {
		id: ctx.store.ids.id(),
		name: body.name,
		fieldKey: uniqueKey(ctx.location, model, body.name),
		dataType: body.dataType,
		placeholder: body.placeholder ?? '',
		position: body.position ?? ctx.location.customFieldsOf(model).length * 50,
		model,
		locationId: ctx.location.id,
	};
	ctx.location.customFields.set(field.id, field);
	return { status: 201, body: { customField: fieldToApi(field) } };
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

/** GET /users/?locationId → `{users}` (users.json `UserSchema` subset: id, name, firstName, lastName, email, phone, extension, roles, deleted). */
export const getUsersByLocation: OperationHandler = (ctx) => ({
	status: 200,
	body: { users: structuredClone(ctx.location.users) },
});

/** Handlers by operationId. */
export const locationHandlers: Record<string, OperationHandler> = {
	'get-location': getLocation,
	'get-custom-fields': getCustomFields,
	'get-custom-field': getCustomField,
	'create-custom-field': createCustomField,
	'get-location-tags': getLocationTags,
	'get-tag-by-id': getTagById,
	'create-tag': createTag,
	'get-user-by-location': getUsersByLocation,
};
