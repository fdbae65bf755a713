import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/**
 * Endpoints of custom-fields.json ("Custom Fields V2", FACTS.md 2.7): the fields of custom objects and of the
 * Company (Business) object, by object key. Keys are unique across all app modules (see index.ts).
 */
export const CUSTOM_FIELDS_ENDPOINTS = {
	// custom-fields.json `get-custom-fields-by-object-key`: path `objectKey` (`custom_objects.<key>` for a custom
	// object, `business` for Company), query `locationId` → `fields[]` and `folders[]`; not paged.
	getCustomFieldsByObjectKey: {
		spec: 'custom-fields',
		operationId: 'get-custom-fields-by-object-key',
		method: 'GET',
		path: '/custom-fields/object-key/{objectKey}',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'fields',
		scope: 'locations/customFields.readonly',
	},
} satisfies Record<string, Endpoint>;
