import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/** Endpoints of campaigns.json: the location's campaigns (enrolling a contact is in contacts.json). Keys are unique across all app modules (see index.ts). */
export const CAMPAIGNS_ENDPOINTS = {
	// campaigns.json: query `locationId` (+ optional `status`, e.g. `draft` / `published`), root `campaigns`
	// (`id, name, status, locationId`); not paged.
	getCampaigns: {
		spec: 'campaigns',
		operationId: 'get-campaigns',
		method: 'GET',
		path: '/campaigns/',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'campaigns',
		scope: 'campaigns.readonly',
	},
} satisfies Record<string, Endpoint>;
