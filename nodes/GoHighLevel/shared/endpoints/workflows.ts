import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/** Endpoints of workflows.json: the location's workflows (enrolling a contact is in contacts.json). Keys are unique across all app modules (see index.ts). */
export const WORKFLOWS_ENDPOINTS = {
	// workflows.json (FACTS.md 2.5): query `locationId`, root `workflows` (`id, name, status, version, createdAt,
	// updatedAt, locationId`); not paged.
	getWorkflows: {
		spec: 'workflows',
		operationId: 'get-workflow',
		method: 'GET',
		path: '/workflows/',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'workflows',
		scope: 'workflows.readonly',
	},
} satisfies Record<string, Endpoint>;
