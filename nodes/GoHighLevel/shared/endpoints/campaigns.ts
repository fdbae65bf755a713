import type { Endpoint } from './types';

/** Endpoints of campaigns.json: the location's campaigns (enrolling a contact is in contacts.json). Keys are unique across all app modules (see index.ts). */
export const CAMPAIGNS_ENDPOINTS = {} satisfies Record<string, Endpoint>;
