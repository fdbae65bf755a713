import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/** Endpoints of locations.json (FACTS.md 2.6, 2.7, 2.1 "Location-wide tasks"): custom fields, tags, location task search. Keys are unique across all app modules (see index.ts). */
export const LOCATIONS_ENDPOINTS = {
	getCustomFields: {
		spec: 'locations',
		operationId: 'get-custom-fields',
		method: 'GET',
		path: '/locations/{locationId}/customFields',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		root: 'customFields',
		scope: 'locations/customFields.readonly',
	},
	getLocationTags: {
		spec: 'locations',
		operationId: 'get-location-tags',
		method: 'GET',
		path: '/locations/{locationId}/tags',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		root: 'tags',
		scope: 'locations/tags.readonly',
	},
	// locations.json (FACTS.md 2.1 "Location-wide tasks"): offset paging with `limit` + `skip` in the body.
	searchLocationTasks: {
		spec: 'locations',
		operationId: 'task-search',
		method: 'POST',
		path: '/locations/{locationId}/tasks/search',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		root: 'tasks',
		scope: 'locations/tasks.readonly',
		// `limit` defaults to 25 and has no documented maximum: 100 is asked for.
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'skip', maxPageSize: 100 },
	},
} satisfies Record<string, Endpoint>;
