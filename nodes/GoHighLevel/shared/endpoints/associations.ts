import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/**
 * Endpoints of associations.json (Version 2021-07-28, FACTS.md 1.2): associations (the kinds of link between two
 * objects, e.g. contact ↔ custom_objects.pet) and relations (one link between two records). Keys are unique across
 * all app modules (see index.ts).
 *
 * The spec gives every 2xx answer the one-association schema `GetPostSuccessfulResponseDto`. The two lists answer
 * `{ associations: [...] }` and `{ relations: [...], total }` instead (HighLevel's answers as integrations read
 * them; the spec does not say): their `root` is not a key the spec declares.
 */
export const ASSOCIATIONS_ENDPOINTS = {
	// associations.json `find-associations`: `skip` + `limit` in the query (both required), offset paging. No maximum
	// `limit` is documented (example 100): 100 is asked for.
	getAssociations: {
		spec: 'associations',
		operationId: 'find-associations',
		method: 'GET',
		path: '/associations/',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'associations',
		scope: 'associations.readonly',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'skip', maxPageSize: 100 },
	},
	// associations.json `get-association-by-ID`: the association itself (flat), SYSTEM_DEFINED or USER_DEFINED.
	getAssociation: {
		spec: 'associations',
		operationId: 'get-association-by-ID',
		method: 'GET',
		path: '/associations/{associationId}',
		version: VERSION,
		scope: 'associations.readonly',
	},
	// associations.json `get-association-key-by-key-name`: the association with this `key` (flat).
	getAssociationByKey: {
		spec: 'associations',
		operationId: 'get-association-key-by-key-name',
		method: 'GET',
		path: '/associations/key/{key_name}',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		scope: 'associations.readonly',
	},
	// associations.json `create-relation`: body `createRelationReqDto` (locationId, associationId, firstRecordId,
	// secondRecordId), 201 with the relation (flat).
	createRelation: {
		spec: 'associations',
		operationId: 'create-relation',
		method: 'POST',
		path: '/associations/relations',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		scope: 'associations/relation.write',
	},
	// associations.json `get-relations-by-record-id`: `skip` + `limit` (required) and `associationIds[]` in the query,
	// offset paging; `{ relations, total }`.
	getRecordRelations: {
		spec: 'associations',
		operationId: 'get-relations-by-record-id',
		method: 'GET',
		path: '/associations/relations/{recordId}',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'relations',
		scope: 'associations/relation.readonly',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'skip', maxPageSize: 100 },
	},
	// associations.json `delete-relation`: query `locationId`.
	deleteRelation: {
		spec: 'associations',
		operationId: 'delete-relation',
		method: 'DELETE',
		path: '/associations/relations/{relationId}',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		scope: 'associations/relation.write',
	},
} satisfies Record<string, Endpoint>;
