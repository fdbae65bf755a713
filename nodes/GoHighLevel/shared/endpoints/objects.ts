import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/**
 * Endpoints of objects.json (Version 2021-07-28, FACTS.md 1.2): object schemas (custom objects and the standard
 * contact, opportunity and business objects) and their records. Keys are unique across all app modules (see index.ts).
 *
 * `get-record-by-id`, `update-object-record` and `delete-object-record` declare `security: [{ bearer: [] }]` (no
 * scope); their entries name the scope of their sibling record operations (`objects/record.readonly` / `.write`),
 * which the OAuth2 credential asks for anyway.
 */
export const OBJECTS_ENDPOINTS = {
	// objects.json `get-object-by-location-id`: `{ objects: ICustomObjectSchema[] }`, not paged (FACTS.md 2.14 "none").
	getObjectSchemas: {
		spec: 'objects',
		operationId: 'get-object-by-location-id',
		method: 'GET',
		path: '/objects/',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'objects',
		scope: 'objects/schema.readonly',
	},
	// objects.json `get-object-schema-by-key`: `{ object, fields[], cache }` (`CustomObjectByIdResponseDTO`); the key
	// is `custom_objects.<name>` for custom objects; `fetchProperties=true` adds the fields.
	getObjectSchema: {
		spec: 'objects',
		operationId: 'get-object-schema-by-key',
		method: 'GET',
		path: '/objects/{key}',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		scope: 'objects/schema.readonly',
	},
	// objects.json `create-object-record`: body `{ locationId, properties, owner[], followers[] }` (the spec's
	// `CreateCustomObjectRecordDto` declares nothing; the fields are those of `IRecordSchema`), 201 `{ record }`.
	createObjectRecord: {
		spec: 'objects',
		operationId: 'create-object-record',
		method: 'POST',
		path: '/objects/{schemaKey}/records',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		root: 'record',
		scope: 'objects/record.write',
	},
	// objects.json `get-record-by-id`: `{ record }`; no location parameter (the record id is enough).
	getObjectRecord: {
		spec: 'objects',
		operationId: 'get-record-by-id',
		method: 'GET',
		path: '/objects/{schemaKey}/records/{id}',
		version: VERSION,
		root: 'record',
		scope: 'objects/record.readonly',
	},
	// objects.json `update-object-record`: query `locationId`, body `{ properties, owner[], followers[] }`, `{ record }`.
	updateObjectRecord: {
		spec: 'objects',
		operationId: 'update-object-record',
		method: 'PUT',
		path: '/objects/{schemaKey}/records/{id}',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'record',
		scope: 'objects/record.write',
	},
	// objects.json `delete-object-record`: `{ id, success }` (`ObjectRecordDeleteResponseDTO`).
	deleteObjectRecord: {
		spec: 'objects',
		operationId: 'delete-object-record',
		method: 'DELETE',
		path: '/objects/{schemaKey}/records/{id}',
		version: VERSION,
		scope: 'objects/record.write',
	},
	// objects.json `search-object-records` (`SearchRecordsBody`: locationId, page, pageLimit, query, searchAfter, all
	// required): `{ records, total }`, every record carrying `searchAfter`. The node always sends `page: 1` and moves
	// with the last record's `searchAfter` (empty on the first page), so the reading is never `page`-deep and the
	// 10,000-record cap of page mode (FACTS.md 2.14, contact and opportunity searches) cannot apply. No maximum
	// `pageLimit` is documented: 100 is asked for. The body declares `searchAfter` as `string[]`: the cursor is sent
	// as strings (`cursorItems`).
	searchObjectRecords: {
		spec: 'objects',
		operationId: 'search-object-records',
		method: 'POST',
		path: '/objects/{schemaKey}/records/search',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		root: 'records',
		scope: 'objects/record.readonly',
		pagination: { style: 'searchAfter', sizeParameter: 'pageLimit', maxPageSize: 100, cursorItems: 'string' },
	},
} satisfies Record<string, Endpoint>;
