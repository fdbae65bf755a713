import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/** Endpoints of links.json (Version 2021-07-28): the location's trigger links. Keys are unique across all app modules (see index.ts). */
export const LINKS_ENDPOINTS = {
	// links.json `get-links`: query `locationId`; root `links` (`id, name, redirectTo, fieldKey, locationId`); not paged.
	getTriggerLinks: {
		spec: 'links',
		operationId: 'get-links',
		method: 'GET',
		path: '/links/',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'links',
		scope: 'links.readonly',
	},
} satisfies Record<string, Endpoint>;
