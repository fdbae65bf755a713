import { API_VERSION, type Endpoint } from './types';

/**
 * funnels.json declares no `Version` header on the funnel and page lists (and no scope in their `security`,
 * `Location-Access: []`); they are sent with the v2 default, like every other app outside calendars and
 * conversations (FACTS.md 1.2), and need the scopes of FACTS.md 3.5's table (`funnels/funnel.readonly`,
 * `funnels/page.readonly`).
 */
const VERSION = API_VERSION.default;

/** Endpoints of funnels.json: the location's funnels (and websites) and their pages. Keys are unique across all app modules (see index.ts). */
export const FUNNELS_ENDPOINTS = {
	// funnels.json `getFunnels`: query `locationId` (+ `type`, `category`, `parentId`, `name`), offset paging with
	// `offset` + `limit` (strings; no maximum documented); root `funnels` (typed as one object in the spec, a list
	// in the answer: `_id, name, type, url, steps[], dateAdded, dateUpdated, locationId…`) and `count` (every match).
	getFunnels: {
		spec: 'funnels',
		operationId: 'getFunnels',
		method: 'GET',
		path: '/funnels/funnel/list',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'funnels',
		scope: 'funnels/funnel.readonly',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'offset', maxPageSize: 100, totalField: 'count' },
	},
	// funnels.json `getPagesByFunnelId`: query `locationId`, `funnelId`, `limit` and `offset` (all required; no
	// maximum documented) + `name`. The 200 schema `FunnelPageResponseDTO` is one page (`_id, locationId, funnelId,
	// name, stepId, deleted, updatedAt`); the answer is a list of them, at the top level (no root key).
	getFunnelPages: {
		spec: 'funnels',
		operationId: 'getPagesByFunnelId',
		method: 'GET',
		path: '/funnels/page',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		scope: 'funnels/page.readonly',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'offset', maxPageSize: 100 },
	},
} satisfies Record<string, Endpoint>;
