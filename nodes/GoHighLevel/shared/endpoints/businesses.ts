import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/**
 * Endpoints of businesses.json (FACTS.md 2.13): the businesses (companies) of a location. Create and update answer
 * the record under the misspelt key `buiseness` (sic, spec `UpdateBusinessResponseDto`), get under `business`.
 * Keys are unique across all app modules (see index.ts).
 */
export const BUSINESSES_ENDPOINTS = {
	/**
	 * `GET /businesses/?locationId=` (`get-businesses-by-location`) → `businesses[]`; offset paging with `limit`
	 * (default 100, no documented maximum) + `skip`, no total (FACTS.md 2.14): only an empty page ends the list.
	 */
	getBusinesses: {
		spec: 'businesses',
		operationId: 'get-businesses-by-location',
		method: 'GET',
		path: '/businesses/',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'businesses',
		scope: 'businesses.readonly',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'skip', maxPageSize: 100 },
	},
	/** `GET /businesses/{businessId}` (`get-business`) → `business`. */
	getBusiness: {
		spec: 'businesses',
		operationId: 'get-business',
		method: 'GET',
		path: '/businesses/{businessId}',
		version: VERSION,
		root: 'business',
		scope: 'businesses.readonly',
	},
	/** `POST /businesses/` (`create-business`, body `CreateBusinessDto`: `name`, `locationId` required) → 201 `success`, `buiseness` (sic). */
	createBusiness: {
		spec: 'businesses',
		operationId: 'create-business',
		method: 'POST',
		path: '/businesses/',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		root: 'buiseness',
		scope: 'businesses.write',
	},
	/** `PUT /businesses/{businessId}` (`update-business`, body `UpdateBusinessDto`, no locationId) → `success`, `buiseness` (sic). */
	updateBusiness: {
		spec: 'businesses',
		operationId: 'update-business',
		method: 'PUT',
		path: '/businesses/{businessId}',
		version: VERSION,
		root: 'buiseness',
		scope: 'businesses.write',
	},
	/** `DELETE /businesses/{businessId}` (`delete-Business`, sic capital B) → `success`. */
	deleteBusiness: {
		spec: 'businesses',
		operationId: 'delete-Business',
		method: 'DELETE',
		path: '/businesses/{businessId}',
		version: VERSION,
		scope: 'businesses.write',
	},
} satisfies Record<string, Endpoint>;
