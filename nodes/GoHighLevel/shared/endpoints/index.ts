/**
 * The endpoint table: every HighLevel operation the three nodes call, one module per spec app (spec file in the
 * official docs), each entry with its spec file and operationId. test/GoHighLevel/shared/endpoints.test.ts checks
 * every entry against the vendored specs (test/sandbox/openapi/<app>.json).
 *
 * Where an endpoint lives (the module is named after the entry's `spec`, which is the spec file of its operationId):
 * - contacts.ts       contacts.json       contacts, tags, notes, tasks of a contact, workflow/campaign enrolment, followers
 * - opportunities.ts  opportunities.json  opportunities, pipelines
 * - locations.ts      locations.json      custom fields, location tags, location task search
 * - users.ts          users.json          users of a location
 * - calendars.ts      calendars.json      calendars, groups, free slots, appointments, blocked slots, appointment notes
 * - conversations.ts  conversations.json  conversations, messages, attachments
 * - workflows.ts      workflows.json      workflow list
 * - campaigns.ts      campaigns.json      campaign list
 * Entry names are unique across modules (the test fails on a duplicate) and read `<verb><Record>`, e.g. `getContact`.
 */
import { CALENDARS_ENDPOINTS } from './calendars';
import { CAMPAIGNS_ENDPOINTS } from './campaigns';
import { CONTACTS_ENDPOINTS } from './contacts';
import { CONVERSATIONS_ENDPOINTS } from './conversations';
import { LOCATIONS_ENDPOINTS } from './locations';
import { OPPORTUNITIES_ENDPOINTS } from './opportunities';
import type { Endpoint, SpecApp } from './types';
import { USERS_ENDPOINTS } from './users';
import { WORKFLOWS_ENDPOINTS } from './workflows';

export { API_VERSION, DEFAULT_BASE_URL, type Endpoint, type PaginationStyle, type SpecApp } from './types';

/** The app modules, keyed by spec app: `ENDPOINTS_BY_APP.calendars` holds every calendars.json entry. */
export const ENDPOINTS_BY_APP = {
	contacts: CONTACTS_ENDPOINTS,
	opportunities: OPPORTUNITIES_ENDPOINTS,
	locations: LOCATIONS_ENDPOINTS,
	users: USERS_ENDPOINTS,
	calendars: CALENDARS_ENDPOINTS,
	conversations: CONVERSATIONS_ENDPOINTS,
	workflows: WORKFLOWS_ENDPOINTS,
	campaigns: CAMPAIGNS_ENDPOINTS,
} satisfies Record<SpecApp, Record<string, Endpoint>>;

/** Every HighLevel endpoint the package calls, by entry name (e.g. `ENDPOINTS.getContact`). */
export const ENDPOINTS = {
	...CONTACTS_ENDPOINTS,
	...OPPORTUNITIES_ENDPOINTS,
	...LOCATIONS_ENDPOINTS,
	...USERS_ENDPOINTS,
	...CALENDARS_ENDPOINTS,
	...CONVERSATIONS_ENDPOINTS,
	...WORKFLOWS_ENDPOINTS,
	...CAMPAIGNS_ENDPOINTS,
} satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;
