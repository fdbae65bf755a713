import type { Endpoint } from './types';

/** Endpoints of workflows.json: the location's workflows (enrolling a contact is in contacts.json). Keys are unique across all app modules (see index.ts). */
export const WORKFLOWS_ENDPOINTS = {} satisfies Record<string, Endpoint>;
