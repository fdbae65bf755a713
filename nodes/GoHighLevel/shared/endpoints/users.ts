import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/** Endpoints of users.json (FACTS.md 2.8): users of a location. Keys are unique across all app modules (see index.ts). */
export const USERS_ENDPOINTS = {
	getUsers: {
		spec: 'users',
		operationId: 'get-user-by-location',
		method: 'GET',
		path: '/users/',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'users',
		scope: 'users.readonly',
	},
} satisfies Record<string, Endpoint>;
