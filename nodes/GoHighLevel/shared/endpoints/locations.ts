import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/** Endpoints of locations.json (FACTS.md 2.6, 2.7, 2.9, 2.1 "Location-wide tasks"): locations, time zones, templates, custom fields, custom values, tags, location task search. Keys are unique across all app modules (see index.ts). */
export const LOCATIONS_ENDPOINTS = {
	// locations.json `get-location` (FACTS.md 2.9): Location or Agency token; answers `{ location }` with `companyId`.
	getLocation: {
		spec: 'locations',
		operationId: 'get-location',
		method: 'GET',
		path: '/locations/{locationId}',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		root: 'location',
		scope: 'locations.readonly',
	},
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
	// locations.json `search-locations` (FACTS.md 2.9, 2.14): the agency's locations; query `companyId`, `email`,
	// `order` (asc|desc); offset paging with `limit` (default 10, no documented maximum: 100 is asked for) + `skip`
	// in the query, no total. Security Agency-Access or Location-Access (`locations.readonly`).
	searchLocations: {
		spec: 'locations',
		operationId: 'search-locations',
		method: 'GET',
		path: '/locations/search',
		version: VERSION,
		root: 'locations',
		scope: 'locations.readonly',
		tokenKind: 'company',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'skip', maxPageSize: 100 },
	},
	// locations.json `get-timezones`: the 200 response declares no schema (the time zones HighLevel offers).
	// The path's {locationId} is not declared as a parameter (SPEC_PATCHES of the sandbox add it).
	getTimezones: {
		spec: 'locations',
		operationId: 'get-timezones',
		method: 'GET',
		path: '/locations/{locationId}/timezones',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		scope: 'locations.readonly',
	},
	// locations.json `GET-all-or-email-sms-templates` (FACTS.md 2.9): `originId` required, `type` sms|email|whatsapp,
	// `deleted`; offset paging with `limit` (default 25, no documented maximum: 100 is asked for) + `skip` in the
	// query → `templates[]`, `totalCount` (reading stops once that many are read).
	getTemplates: {
		spec: 'locations',
		operationId: 'GET-all-or-email-sms-templates',
		method: 'GET',
		path: '/locations/{locationId}/templates',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		root: 'templates',
		scope: 'locations/templates.readonly',
		pagination: {
			style: 'offset',
			sizeParameter: 'limit',
			offsetParameter: 'skip',
			maxPageSize: 100,
			totalField: 'totalCount',
		},
	},
	// locations.json tags (FACTS.md 2.6). get/update/delete declare `bearer: []` (no scope): the tag scopes of
	// get-location-tags / create-tag apply.
	getLocationTag: {
		spec: 'locations',
		operationId: 'get-tag-by-id',
		method: 'GET',
		path: '/locations/{locationId}/tags/{tagId}',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		root: 'tag',
		scope: 'locations/tags.readonly',
	},
	createLocationTag: {
		spec: 'locations',
		operationId: 'create-tag',
		method: 'POST',
		path: '/locations/{locationId}/tags',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		root: 'tag',
		scope: 'locations/tags.write',
	},
	updateLocationTag: {
		spec: 'locations',
		operationId: 'update-tag',
		method: 'PUT',
		path: '/locations/{locationId}/tags/{tagId}',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		root: 'tag',
		scope: 'locations/tags.write',
	},
	// Answers `{ succeded: true }` (sic).
	deleteLocationTag: {
		spec: 'locations',
		operationId: 'delete-tag',
		method: 'DELETE',
		path: '/locations/{locationId}/tags/{tagId}',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		scope: 'locations/tags.write',
	},
	// locations.json custom fields of contacts and opportunities (FACTS.md 2.7). get/update/delete declare
	// `bearer: []` (no scope): the custom field scopes of get-custom-fields / create-custom-field apply.
	getCustomField: {
		spec: 'locations',
		operationId: 'get-custom-field',
		method: 'GET',
		path: '/locations/{locationId}/customFields/{id}',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		root: 'customField',
		scope: 'locations/customFields.readonly',
	},
	createCustomField: {
		spec: 'locations',
		operationId: 'create-custom-field',
		method: 'POST',
		path: '/locations/{locationId}/customFields',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		root: 'customField',
		scope: 'locations/customFields.write',
	},
	updateCustomField: {
		spec: 'locations',
		operationId: 'update-custom-field',
		method: 'PUT',
		path: '/locations/{locationId}/customFields/{id}',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		root: 'customField',
		scope: 'locations/customFields.write',
	},
	// Answers `{ succeded: true }` (sic).
	deleteCustomField: {
		spec: 'locations',
		operationId: 'delete-custom-field',
		method: 'DELETE',
		path: '/locations/{locationId}/customFields/{id}',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		scope: 'locations/customFields.write',
	},
	// locations.json custom values, the location-wide values templates use as {{ custom_values.key }} (FACTS.md 2.7);
	// not paged. get/update/delete declare `bearer: []` (no scope): the custom value scopes of the list / create apply.
	getCustomValues: {
		spec: 'locations',
		operationId: 'get-custom-values',
		method: 'GET',
		path: '/locations/{locationId}/customValues',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		root: 'customValues',
		scope: 'locations/customValues.readonly',
	},
	getCustomValue: {
		spec: 'locations',
		operationId: 'get-custom-value',
		method: 'GET',
		path: '/locations/{locationId}/customValues/{id}',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		root: 'customValue',
		scope: 'locations/customValues.readonly',
	},
	createCustomValue: {
		spec: 'locations',
		operationId: 'create-custom-value',
		method: 'POST',
		path: '/locations/{locationId}/customValues',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		root: 'customValue',
		scope: 'locations/customValues.write',
	},
	updateCustomValue: {
		spec: 'locations',
		operationId: 'update-custom-value',
		method: 'PUT',
		path: '/locations/{locationId}/customValues/{id}',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		root: 'customValue',
		scope: 'locations/customValues.write',
	},
	// Answers `{ succeded: true }` (sic).
	deleteCustomValue: {
		spec: 'locations',
		operationId: 'delete-custom-value',
		method: 'DELETE',
		path: '/locations/{locationId}/customValues/{id}',
		version: VERSION,
		location: { in: 'path', name: 'locationId' },
		scope: 'locations/customValues.write',
	},
} satisfies Record<string, Endpoint>;
