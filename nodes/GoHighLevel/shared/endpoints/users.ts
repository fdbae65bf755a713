import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/**
 * Endpoints of users.json (FACTS.md 2.8): users of the agency and its locations. Every one of them accepts a Location
 * token as well as an agency one (security `Agency-Access` or `Location-Access`), so none is marked
 * `tokenKind: 'company'`; only `filter-users-by-email` (not used) is agency-only. Keys are unique across all app
 * modules (see index.ts).
 */
export const USERS_ENDPOINTS = {
	/**
	 * `GET /users/search` (`search-users`) → `users[]` + `count` (every match). Query: `companyId` (required, the
	 * agency: transport.ts `companyIdOf`), `locationId` (optional in the spec; the package always sends the
	 * connection's location, so the endpoint has no `location` entry), `query`, `type`, `role`, `ids`, `sort`,
	 * `sortDirection`; offset paging with `limit` (default 25, no documented maximum: 100 is asked for) + `skip`
	 * (FACTS.md 2.14). Replaces the deprecated `GET /users/` (`get-user-by-location`) everywhere.
	 */
	searchUsers: {
		spec: 'users',
		operationId: 'search-users',
		method: 'GET',
		path: '/users/search',
		version: VERSION,
		root: 'users',
		scope: 'users.readonly',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'skip', maxPageSize: 100, totalField: 'count' },
	},
	/** `GET /users/{userId}` (`get-user`) → the user itself (`UserSuccessfulResponseDto`, no wrapper key). */
	getUser: {
		spec: 'users',
		operationId: 'get-user',
		method: 'GET',
		path: '/users/{userId}',
		version: VERSION,
		scope: 'users.readonly',
	},
	/**
	 * `POST /users/` (`create-user`, body `CreateUserDto`: `companyId`, `firstName`, `lastName`, `email`, `password`,
	 * `type`, `role`, `locationIds` required) → 201, the user itself.
	 */
	createUser: {
		spec: 'users',
		operationId: 'create-user',
		method: 'POST',
		path: '/users/',
		version: VERSION,
		scope: 'users.write',
	},
	/** `PUT /users/{userId}` (`update-user`, body `UpdateUserDto`, nothing required; `email` deprecated) → the user itself. */
	updateUser: {
		spec: 'users',
		operationId: 'update-user',
		method: 'PUT',
		path: '/users/{userId}',
		version: VERSION,
		scope: 'users.write',
	},
	/** `DELETE /users/{userId}` (`delete-user`) → `{ succeded, message }` (deletion is queued: "Will take effect in a few minutes"). */
	deleteUser: {
		spec: 'users',
		operationId: 'delete-user',
		method: 'DELETE',
		path: '/users/{userId}',
		version: VERSION,
		scope: 'users.write',
	},
} satisfies Record<string, Endpoint>;
