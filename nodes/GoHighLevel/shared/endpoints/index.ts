/**
 * The endpoint table: every HighLevel operation the three nodes call, one module per spec app (spec file in the
 * official docs), each entry with its spec file and operationId. test/GoHighLevel/shared/endpoints.test.ts checks
 * every entry against the vendored specs (test/sandbox/openapi/<app>.json).
 *
 * Where an endpoint lives (the module is named after the entry's `spec`, which is the spec file of its operationId):
 * - contacts.ts       contacts.json       contacts, tags, notes, tasks of a contact, workflow/campaign enrolment, followers
 * - opportunities.ts  opportunities.json  opportunities, pipelines
 * - locations.ts      locations.json      locations, time zones, templates, custom fields and values, tags, task search
 * - users.ts          users.json          users of the agency and its locations (search, get, create, update, delete)
 * - calendars.ts      calendars.json      calendars, groups, free slots, appointments, blocked slots, appointment notes
 * - conversations.ts  conversations.json  conversations, messages, attachments
 * - workflows.ts      workflows.json      workflow list
 * - campaigns.ts      campaigns.json      campaign list
 * - businesses.ts     businesses.json     businesses of a location
 * - oauth.ts          oauth.json          agency token exchange for a location, installed locations
 * - customFields.ts   custom-fields.json  fields of custom objects and businesses, by object key
 * - objects.ts        objects.json        custom object schemas and their records (search)
 * - associations.ts   associations.json   associations between objects, relations between records
 * - forms.ts          forms.json          forms and form submissions
 * - surveys.ts        surveys.json        surveys and survey submissions
 * - funnels.ts        funnels.json        funnels (and websites) and their pages
 * - links.ts          links.json          trigger links
 * - medias.ts         medias.json         media library files (list, upload)
 * - invoices.ts       invoices.json       invoices (send, void, record payment, text2pay, numbers), estimates
 * - payments.ts       payments.json       orders, fulfillments, order payments, transactions, subscriptions, coupons
 * - products.ts       products.json       products, prices, product collections, inventory
 * Entry names are unique across modules (the test fails on a duplicate) and read `<verb><Record>`, e.g. `getContact`.
 */
import { ASSOCIATIONS_ENDPOINTS } from './associations';
import { BUSINESSES_ENDPOINTS } from './businesses';
import { CALENDARS_ENDPOINTS } from './calendars';
import { CAMPAIGNS_ENDPOINTS } from './campaigns';
import { CONTACTS_ENDPOINTS } from './contacts';
import { CONVERSATIONS_ENDPOINTS } from './conversations';
import { CUSTOM_FIELDS_ENDPOINTS } from './customFields';
import { FORMS_ENDPOINTS } from './forms';
import { FUNNELS_ENDPOINTS } from './funnels';
import { INVOICES_ENDPOINTS } from './invoices';
import { LINKS_ENDPOINTS } from './links';
import { LOCATIONS_ENDPOINTS } from './locations';
import { MEDIAS_ENDPOINTS } from './medias';
import { OAUTH_ENDPOINTS } from './oauth';
import { OBJECTS_ENDPOINTS } from './objects';
import { OPPORTUNITIES_ENDPOINTS } from './opportunities';
import { PAYMENTS_ENDPOINTS } from './payments';
import { PRODUCTS_ENDPOINTS } from './products';
import { SURVEYS_ENDPOINTS } from './surveys';
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
	businesses: BUSINESSES_ENDPOINTS,
	oauth: OAUTH_ENDPOINTS,
	'custom-fields': CUSTOM_FIELDS_ENDPOINTS,
	forms: FORMS_ENDPOINTS,
	surveys: SURVEYS_ENDPOINTS,
	funnels: FUNNELS_ENDPOINTS,
	links: LINKS_ENDPOINTS,
	medias: MEDIAS_ENDPOINTS,
	objects: OBJECTS_ENDPOINTS,
	associations: ASSOCIATIONS_ENDPOINTS,
	invoices: INVOICES_ENDPOINTS,
	payments: PAYMENTS_ENDPOINTS,
	products: PRODUCTS_ENDPOINTS,
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
	...BUSINESSES_ENDPOINTS,
	...OAUTH_ENDPOINTS,
	...CUSTOM_FIELDS_ENDPOINTS,
	...FORMS_ENDPOINTS,
	...SURVEYS_ENDPOINTS,
	...FUNNELS_ENDPOINTS,
	...LINKS_ENDPOINTS,
	...MEDIAS_ENDPOINTS,
	...OBJECTS_ENDPOINTS,
	...ASSOCIATIONS_ENDPOINTS,
	...INVOICES_ENDPOINTS,
	...PAYMENTS_ENDPOINTS,
	...PRODUCTS_ENDPOINTS,
} satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;
