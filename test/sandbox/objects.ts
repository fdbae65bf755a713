/**
 * Custom objects and their records (objects.json), associations and relations (associations.json); Version
 * 2021-07-28 (FACTS.md 1.2).
 *
 * Seeded per location on first use ({@link objectsOf}): the standard objects `contact`, `opportunity`, `business`
 * and the custom object `custom_objects.pets` ("Pets": fields name TEXT, species SINGLE_OPTIONS dog/cat/rabbit, age
 * NUMERICAL, traits MULTIPLE_OPTIONS friendly/indoor/outdoor, birthday DATE; searchable: name and species) with 5
 * records; associations `contact_pet` (contact "Owner" ↔ pet "Pet"), `pet_sibling` (pet ↔ pet) and the
 * SYSTEM_DEFINED `contact_business`; no relations. Ids derive from the location id (stable across runs and resets).
 *
 * Plain records come from the record store (records.ts): object records (create, get, update, delete; collection
 * `objectRecords`) and associations by id (collection `associations`). Hand-written: the object list and schema, the
 * record search, the association list (offset paging) and by key, and relations (the association's objects decide
 * which record may stand on which side).
 *
 * Response roots the spec does not declare (it gives every associations.json answer the one-association schema):
 * `{ associations }` for `find-associations`, `{ relations, total }` for `get-relations-by-record-id`, as
 * integrations read HighLevel's answers.
 */
import {
	badRequest,
	iso,
	notFound,
	unprocessable,
	type OperationContext,
	type OperationHandler,
} from './context';
import { createRng, randomId } from './random';
import { recordResource, recordsOf, type PlainRecord } from './records';
import type { LocationData } from './store';

/** An object schema (objects.json `ICustomObjectSchema`) plus its fields (`ICustomField`) and searchable properties. */
export interface ObjectSchemaRecord extends PlainRecord {
	key: string;
	standard: boolean;
	labels: { singular: string; plural: string };
	description?: string;
	locationId: string;
	primaryDisplayProperty: string;
	dateAdded: string;
	dateUpdated: string;
	type: 'USER_DEFINED' | 'SYSTEM_DEFINED';
	/** Full field keys (`custom_objects.pets.name`) the search `query` looks in (objects.json `searchableProperties`). */
	searchableProperties: string[];
	fields: ObjectFieldRecord[];
}

/** A field of an object (objects.json `ICustomField`). */
export interface ObjectFieldRecord {
	id: string;
	name: string;
	fieldKey: string;
	dataType: string;
	objectKey: string;
	locationId: string;
	options?: Array<{ key: string; label: string }>;
}

/** A record of an object (objects.json `RecordResponseDTO` without `searchAfter`, which searches add). */
export interface ObjectRecord extends PlainRecord {
	objectKey: string;
	objectId: string;
	locationId: string;
	properties: Record<string, unknown>;
	owner: string[];
	followers: string[];
	createdAt: string;
	updatedAt: string;
}

/** An association (associations.json `GetPostSuccessfulResponseDto`). */
export interface AssociationRecord extends PlainRecord {
	locationId: string;
	key: string;
	firstObjectKey: string;
	firstObjectLabel: string;
	secondObjectKey: string;
	secondObjectLabel: string;
	associationType: 'USER_DEFINED' | 'SYSTEM_DEFINED';
}

/** A relation: one link between two records by an association. */
export interface RelationRecord extends PlainRecord {
	locationId: string;
	associationId: string;
	firstObjectKey: string;
	firstRecordId: string;
	secondObjectKey: string;
	secondRecordId: string;
	createdAt: string;
}

/** Everything this module keeps for one location. */
export interface ObjectsData {
	/** Object schemas by key (`custom_objects.pets`, `contact`, …). */
	schemas: Map<string, ObjectSchemaRecord>;
	/** The record store's `objectRecords` (records.ts). */
	records: Map<string, ObjectRecord>;
	/** The record store's `associations`. */
	associations: Map<string, AssociationRecord>;
	/** The record store's `relations`. */
	relations: Map<string, RelationRecord>;
}

/** Key of the seeded custom object. */
export const PETS_KEY = 'custom_objects.pets';

const byLocation = new WeakMap<LocationData, ObjectsData>();
const SEED_DATE = Date.UTC(2025, 1, 1, 9, 0, 0);

function schema(
	location: LocationData,
	id: string,
	key: string,
	standard: boolean,
	singular: string,
	plural: string,
	fields: Array<Omit<ObjectFieldRecord, 'id' | 'objectKey' | 'locationId' | 'fieldKey'> & { key: string }>,
	searchable: string[],
): ObjectSchemaRecord {
	const rng = createRng(`object-fields:${location.id}:${key}`);
	return {
		id,
		key,
		standard,
		labels: { singular, plural },
		locationId: location.id,
		primaryDisplayProperty: `${key}.name`,
		dateAdded: iso(SEED_DATE),
		dateUpdated: iso(SEED_DATE),
		type: standard ? 'SYSTEM_DEFINED' : 'USER_DEFINED',
		searchableProperties: searchable.map((s) => `${key}.${s}`),
		fields: fields.map(({ key: fieldKey, ...f }) => ({
			...f,
			id: randomId(rng),
			fieldKey: `${key}.${fieldKey}`,
			objectKey: key,
			locationId: location.id,
		})),
	};
}

/** The objects, records, associations and relations of a location, seeded on first use (see the file comment). */
export function objectsOf(location: LocationData): ObjectsData {
	let data = byLocation.get(location);
	if (data) return data;
	const rng = createRng(`objects:${location.id}`);
	const schemas = new Map<string, ObjectSchemaRecord>();
	for (const [key, singular, plural] of [
		['contact', 'Contact', 'Contacts'],
		['opportunity', 'Opportunity', 'Opportunities'],
		['business', 'Company', 'Companies'],
	] as const) {
		schemas.set(key, schema(location, randomId(rng), key, true, singular, plural, [{ key: 'name', name: 'Name', dataType: 'TEXT' }], ['name']));
	}
	const pets = schema(
		location,
		randomId(rng),
		PETS_KEY,
		false,
		'Pet',
		'Pets',
		[
			{ key: 'name', name: 'Pet Name', dataType: 'TEXT' },
			{
				key: 'species',
				name: 'Species',
				dataType: 'SINGLE_OPTIONS',
				options: [
					{ key: 'dog', label: 'Dog' },
					{ key: 'cat', label: 'Cat' },
					{ key: 'rabbit', label: 'Rabbit' },
				],
			},
			{ key: 'age', name: 'Age', dataType: 'NUMERICAL' },
			{
				key: 'traits',
				name: 'Traits',
				dataType: 'MULTIPLE_OPTIONS',
				options: [
					{ key: 'friendly', label: 'Friendly' },
					{ key: 'indoor', label: 'Indoor' },
					{ key: 'outdoor', label: 'Outdoor' },
				],
			},
			{ key: 'birthday', name: 'Birthday', dataType: 'DATE' },
		],
		['name', 'species'],
	);
	pets.description = 'Pets of our customers';
	schemas.set(PETS_KEY, pets);

	const records = recordsOf(location, 'objectRecords') as unknown as Map<string, ObjectRecord>;
	const seeded: Array<[string, string, number]> = [
		['Buddy', 'dog', 4],
		['Milo', 'cat', 2],
		['Luna', 'cat', 7],
		['Coco', 'rabbit', 1],
		['Max', 'dog', 9],
	];
	seeded.forEach(([name, species, age], i) => {
		const at = iso(SEED_DATE + i * 86_400_000);
		const id = randomId(rng, 24);
		records.set(id, {
			id,
			objectKey: PETS_KEY,
			objectId: pets.id,
			locationId: location.id,
			properties: { name, species, age },
			owner: [],
			followers: [],
			createdAt: at,
			updatedAt: at,
		});
	});

	const associations = recordsOf(location, 'associations') as unknown as Map<string, AssociationRecord>;
	const association = (
		key: string,
		first: [string, string],
		second: [string, string],
		associationType: AssociationRecord['associationType'] = 'USER_DEFINED',
	) => {
		const id = randomId(rng);
		associations.set(id, {
			id,
			locationId: location.id,
			key,
			firstObjectKey: first[0],
			firstObjectLabel: first[1],
			secondObjectKey: second[0],
			secondObjectLabel: second[1],
			associationType,
		});
	};
	association('contact_pet', ['contact', 'Owner'], [PETS_KEY, 'Pet']);
	association('pet_sibling', [PETS_KEY, 'Sibling'], [PETS_KEY, 'Sibling']);
	association('contact_business', ['contact', 'Employee'], ['business', 'Company'], 'SYSTEM_DEFINED');

	data = {
		schemas,
		records,
		associations,
		relations: recordsOf(location, 'relations') as unknown as Map<string, RelationRecord>,
	};
	byLocation.set(location, data);
	return data;
}

/**
 * Adds `count` records of `objectKey` straight into a location's store (no request, no event), e.g. pets named
 * `Pet 0`, `Pet 1`, … for paging tests: `createdAt` one minute apart from 2024-06-01T00:00:00Z — every pair shares
 * one, so cursors must break ties by id.
 * @returns the records added
 * @throws Error for an unknown object key
 */
export function addObjectRecords(
	location: LocationData,
	ids: { id(): string },
	objectKey: string,
	count: number,
	properties: (i: number) => Record<string, unknown>,
): ObjectRecord[] {
	const data = objectsOf(location);
	const object = data.schemas.get(objectKey);
	if (!object) throw new Error(`No object ${objectKey} in location ${location.id}`);
	const added: ObjectRecord[] = [];
	for (let i = 0; i < count; i++) {
		const at = iso(Date.UTC(2024, 5, 1) + Math.floor(i / 2) * 60_000);
		const record: ObjectRecord = {
			id: ids.id(),
			objectKey,
			objectId: object.id,
			locationId: location.id,
			properties: properties(i),
			owner: [],
			followers: [],
			createdAt: at,
			updatedAt: at,
		};
		data.records.set(record.id, record);
		added.push(record);
	}
	return added;
}

function objectOf(ctx: OperationContext, key: string): ObjectSchemaRecord {
	const object = objectsOf(ctx.location).schemas.get(key);
	if (!object) throw notFound('Object not found');
	return object;
}

/** What {@link recordResource} shows of an object schema: without the sandbox's `fields` and `searchableProperties`. */
function schemaToApi(object: ObjectSchemaRecord): Record<string, unknown> {
	const rest: Record<string, unknown> = structuredClone(object);
	delete rest.fields;
	delete rest.searchableProperties;
	return rest;
}

/** GET /objects/?locationId → `{ objects }` (objects.json `get-object-by-location-id`), standard objects first. */
const getObjects: OperationHandler = (ctx) => ({
	status: 200,
	body: { objects: [...objectsOf(ctx.location).schemas.values()].map(schemaToApi) },
});

/**
 * GET /objects/{key}?locationId&fetchProperties → `{ object, cache: false, fields? }` (objects.json
 * `get-object-schema-by-key`); `fields` only with `fetchProperties=true`. Unknown key → 404 `Object not found`.
 */
const getObjectSchema: OperationHandler = (ctx) => {
	const object = objectOf(ctx, ctx.params.key);
	const fetch = String(ctx.query.fetchProperties ?? '') === 'true';
	return {
		status: 200,
		body: { object: schemaToApi(object), cache: false, ...(fetch ? { fields: structuredClone(object.fields) } : {}) },
	};
};

/**
 * A record as the API shows it: a copy without the record store's `dateAdded` (records carry `createdAt`,
 * objects.json `RecordResponseDTO`).
 */
function withoutDateAdded(record: PlainRecord): Record<string, unknown> {
	const copy: Record<string, unknown> = structuredClone(record);
	delete copy.dateAdded;
	return copy;
}

/**
 * Checks a record's `properties` against the object's fields (a sandbox rule, recorded as an invalid request: the
 * spec's record bodies are `{}`): every key is a field's property key (its field key without `<objectKey>.`),
 * NUMERICAL values are numbers, option values are option keys (a list for MULTIPLE_OPTIONS / CHECKBOX).
 * @throws HttpError 422
 */
function checkProperties(object: ObjectSchemaRecord, properties: unknown): void {
	if (properties === undefined) return;
	if (!properties || typeof properties !== 'object' || Array.isArray(properties)) {
		throw unprocessable(['properties must be an object']);
	}
	const errors: string[] = [];
	for (const [key, value] of Object.entries(properties as Record<string, unknown>)) {
		const field = object.fields.find((f) => f.fieldKey === `${object.key}.${key}`);
		if (!field) {
			errors.push(`properties.${key} is not a field of ${object.key}`);
			continue;
		}
		const options = (field.options ?? []).map((o) => o.key);
		if (field.dataType === 'NUMERICAL' && typeof value !== 'number') errors.push(`properties.${key} must be a number`);
		if (field.dataType === 'SINGLE_OPTIONS' && !options.includes(String(value))) {
			errors.push(`properties.${key} must be one of ${options.join(', ')}`);
		}
		if (field.dataType === 'MULTIPLE_OPTIONS' && !(Array.isArray(value) && value.every((v) => options.includes(String(v))))) {
			errors.push(`properties.${key} must be a list of ${options.join(', ')}`);
		}
		if (field.dataType === 'DATE' && !/^\d{4}-\d{2}-\d{2}$/.test(String(value))) errors.push(`properties.${key} must be YYYY-MM-DD`);
	}
	if (errors.length) throw unprocessable(errors);
}

/**
 * Object records as plain records (collection `objectRecords`): create (201), get, update (properties merged into
 * the stored ones), delete; roots `record`. A record of another object is 404 `Record not found`.
 */
const recordHandlers = recordResource({
	spec: 'objects',
	collection: 'objectRecords',
	record: 'Record',
	create: 'create-object-record',
	get: 'get-record-by-id',
	update: 'update-object-record',
	idParam: 'id',
	root: 'record',
	parent: {
		param: 'schemaKey',
		field: 'objectKey',
		resolve: (ctx, key) => {
			objectsOf(ctx.location);
			return objectOf(ctx, key).key;
		},
	},
	created: (ctx) => {
		const object = objectOf(ctx, ctx.params.schemaKey);
		checkProperties(object, ctx.body?.properties);
		const at = iso(ctx.now());
		return {
			objectId: object.id,
			locationId: ctx.location.id,
			properties: ctx.body?.properties ?? {},
			owner: ctx.body?.owner ?? [],
			followers: ctx.body?.followers ?? [],
			createdAt: at,
			updatedAt: at,
		};
	},
	updated: (ctx) => {
		const object = objectOf(ctx, ctx.params.schemaKey);
		checkProperties(object, ctx.body?.properties);
		const before = objectsOf(ctx.location).records.get(ctx.params.id);
		return {
			properties: { ...(before?.properties ?? {}), ...(ctx.body?.properties ?? {}) },
			updatedAt: iso(ctx.now()),
		};
	},
	toApi: (record) => withoutDateAdded(record),
});

/** DELETE /objects/{schemaKey}/records/{id} → `{ id, success: true }` (objects.json `ObjectRecordDeleteResponseDTO`). */
const deleteRecord: OperationHandler = (ctx) => {
	const records = objectsOf(ctx.location).records;
	const record = records.get(ctx.params.id);
	// The record store's get finds it (or answers 403/404) the same way.
	recordHandlers['get-record-by-id'](ctx);
	records.delete(ctx.params.id);
	return { status: 200, body: { id: record?.id ?? ctx.params.id, success: true } };
};

/** The search order of records: newest `createdAt` first, then id descending; the cursor `[createdAt ms, id]`. */
function cursorOf(record: ObjectRecord): [number, string] {
	return [Date.parse(record.createdAt), record.id];
}

function after(record: ObjectRecord, cursor: [number, string]): boolean {
	const [t, id] = cursorOf(record);
	return t < cursor[0] || (t === cursor[0] && id < cursor[1]);
}

/** Most records page mode reads (FACTS.md 2.14 for the contact and opportunity searches; assumed the same here). */
const PAGE_MODE_MAX = 10_000;

/**
 * POST /objects/{schemaKey}/records/search `{ locationId, page, pageLimit, query, searchAfter }` → `{ records, total }`
 * (objects.json `search-object-records`). `query`: `<property>:<text>` looks in that searchable property, plain text
 * in every searchable property (case ignored, "contains"); `''` matches every record. Order: newest first, then id;
 * every record carries `searchAfter: [createdAt ms, id]`. A non-empty `searchAfter` reads the records after it and
 * needs `page` 1 (the search engine's `from` must be 0 then; 400 otherwise); without one, `page` is read as
 * `(page - 1) * pageLimit` records deep, at most 10,000 (400 beyond). `total` counts every match.
 */
const searchRecords: OperationHandler = (ctx) => {
	const object = objectOf(ctx, ctx.params.schemaKey);
	const body = (ctx.body ?? {}) as Record<string, unknown>;
	const page = Number(body.page ?? 1);
	const pageLimit = Number(body.pageLimit ?? 10);
	const cursor = Array.isArray(body.searchAfter) ? body.searchAfter : [];
	const query = String(body.query ?? '').trim().toLowerCase();
	const searchable = object.searchableProperties.map((k) => k.slice(object.key.length + 1));
	const colon = query.indexOf(':');
	const scoped = colon > 0 && searchable.includes(query.slice(0, colon)) ? query.slice(0, colon) : undefined;
	const text = scoped ? query.slice(colon + 1).trim() : query;
	const matches = [...objectsOf(ctx.location).records.values()]
		.filter((r) => r.objectKey === object.key)
		.filter((r) => {
			if (!text) return true;
			return (scoped ? [scoped] : searchable).some((p) => String(r.properties[p] ?? '').toLowerCase().includes(text));
		})
		.sort((a, b) => {
			const [ta, ia] = cursorOf(a);
			const [tb, ib] = cursorOf(b);
			return tb - ta || (ia < ib ? 1 : ia > ib ? -1 : 0);
		});
	let window: ObjectRecord[];
	if (cursor.length) {
		if (cursor.length !== 2) throw badRequest('searchAfter must hold the two values of a record\'s searchAfter');
		if (page !== 1) throw badRequest('page must be 1 when searchAfter is given');
		const position: [number, string] = [Number(cursor[0]), String(cursor[1])];
		window = matches.filter((r) => after(r, position)).slice(0, pageLimit);
	} else {
		const from = (page - 1) * pageLimit;
		if (from + pageLimit > PAGE_MODE_MAX) {
			throw badRequest(`Page mode reads at most ${PAGE_MODE_MAX} records; use searchAfter`);
		}
		window = matches.slice(from, from + pageLimit);
	}
	return {
		status: 200,
		body: {
			records: window.map((r) => ({ ...withoutDateAdded(r), searchAfter: cursorOf(r) })),
			total: matches.length,
		},
	};
};

/** Associations by id as plain records (`get-association-by-ID`, the association itself). */
const associationHandlers = recordResource({
	spec: 'associations',
	collection: 'associations',
	record: 'Association',
	get: 'get-association-by-ID',
	idParam: 'associationId',
	root: 'association',
	flat: true,
});

function skipAndLimit(ctx: OperationContext): { skip: number; limit: number } {
	return { skip: Number(ctx.query.skip ?? 0), limit: Number(ctx.query.limit ?? 100) };
}

/** GET /associations/?locationId&skip&limit → `{ associations }` by key (offset paging; no total). */
const findAssociations: OperationHandler = (ctx) => {
	const { skip, limit } = skipAndLimit(ctx);
	const all = [...objectsOf(ctx.location).associations.values()].sort((a, b) => a.key.localeCompare(b.key));
	return { status: 200, body: { associations: all.slice(skip, skip + limit).map((a) => structuredClone(a)) } };
};

/** GET /associations/key/{key_name}?locationId → the association (flat); 404 `Association not found`. */
const getAssociationByKey: OperationHandler = (ctx) => {
	const found = [...objectsOf(ctx.location).associations.values()].find((a) => a.key === ctx.params.key_name);
	if (!found) throw notFound('Association not found');
	return { status: 200, body: structuredClone(found) };
};

/** Whether `recordId` is a record of `objectKey` in the location (contacts, opportunities, object records). */
function isRecordOf(location: LocationData, objectKey: string, recordId: string): boolean {
	if (objectKey === 'contact') return location.contacts.has(recordId);
	if (objectKey === 'opportunity') return location.opportunities.has(recordId);
	return objectsOf(location).records.get(recordId)?.objectKey === objectKey;
}

/**
 * POST /associations/relations `{ locationId, associationId, firstRecordId, secondRecordId }` → 201, the relation
 * (flat). The association must be the location's (404 `Association not found`); the first record must be a record
 * of its first object and the second of its second object (associations.json `createRelationReqDto`: "your
 * firstRecordId would be the contactId" when the contact is the first object), else 400.
 */
const createRelation: OperationHandler = (ctx) => {
	const body = ctx.body as { associationId: string; firstRecordId: string; secondRecordId: string };
	const data = objectsOf(ctx.location);
	const association = data.associations.get(body.associationId);
	if (!association) throw notFound('Association not found');
	for (const [side, key, id] of [
		['firstRecordId', association.firstObjectKey, body.firstRecordId],
		['secondRecordId', association.secondObjectKey, body.secondRecordId],
	] as const) {
		if (!isRecordOf(ctx.location, key, id)) throw badRequest(`${side} ${id} is not a record of ${key}`);
	}
	const relation: RelationRecord = {
		id: ctx.store.ids.id(),
		locationId: ctx.location.id,
		associationId: association.id,
		firstObjectKey: association.firstObjectKey,
		firstRecordId: body.firstRecordId,
		secondObjectKey: association.secondObjectKey,
		secondRecordId: body.secondRecordId,
		createdAt: iso(ctx.now()),
	};
	data.relations.set(relation.id, relation);
	return { status: 201, body: structuredClone(relation) };
};

/**
 * GET /associations/relations/{recordId}?locationId&skip&limit(&associationIds) → `{ relations, total }`: the
 * relations with the record on either side, of the given associations only when `associationIds` is sent, newest
 * first (then id); offset paging.
 */
const getRelations: OperationHandler = (ctx) => {
	const { skip, limit } = skipAndLimit(ctx);
	const raw = ctx.query.associationIds;
	const only = raw === undefined ? undefined : (Array.isArray(raw) ? raw : [raw]).map(String);
	const id = ctx.params.recordId;
	const all = [...objectsOf(ctx.location).relations.values()]
		.filter((r) => r.firstRecordId === id || r.secondRecordId === id)
		.filter((r) => !only || only.includes(r.associationId))
		.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
	return {
		status: 200,
		body: { relations: all.slice(skip, skip + limit).map((r) => structuredClone(r)), total: all.length },
	};
};

/** DELETE /associations/relations/{relationId}?locationId → the deleted relation (flat); 404 `Relation not found`. */
const deleteRelation: OperationHandler = (ctx) => {
	const relations = objectsOf(ctx.location).relations;
	const relation = relations.get(ctx.params.relationId);
	if (!relation) throw notFound('Relation not found');
	relations.delete(relation.id);
	return { status: 200, body: structuredClone(relation) };
};

/** Handlers by operationId. */
export const objectHandlers: Record<string, OperationHandler> = {
	'get-object-by-location-id': getObjects,
	'get-object-schema-by-key': getObjectSchema,
	...recordHandlers,
	'delete-object-record': deleteRecord,
	'search-object-records': searchRecords,
	'get-association-by-ID': (ctx) => {
		objectsOf(ctx.location);
		return associationHandlers['get-association-by-ID'](ctx);
	},
	'find-associations': findAssociations,
	'get-association-key-by-key-name': getAssociationByKey,
	'create-relation': createRelation,
	'get-relations-by-record-id': getRelations,
	'delete-relation': deleteRelation,
};
