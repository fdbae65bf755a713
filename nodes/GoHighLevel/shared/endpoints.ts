import type { IHttpRequestMethods } from 'n8n-workflow';

/** HighLevel API v2 production base URL (FACTS.md 1.1: every spec's `servers`). Credentials may override it. */
export const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';

/**
 * `Version` header values (FACTS.md 1.2): calendars.json and conversations.json take `2021-04-15`,
 * every other app (contacts, opportunities, locations, users, …) takes `2021-07-28`.
 */
export const API_VERSION = {
	default: '2021-07-28',
	calendarsAndConversations: '2021-04-15',
} as const;

/** Page-by-page reading of a list endpoint (FACTS.md 2.14). */
export type PaginationStyle =
	| {
			/**
			 * `POST /contacts/search`: page size `pageLimit` (max 500) in the body; the next page starts after the
			 * `searchAfter` value that every returned record carries (take the last record's). `page` is not sent,
			 * so the 10,000-record cap of page mode does not apply. Response total: `total`.
			 */
			style: 'searchAfter';
			sizeParameter: 'pageLimit';
			maxPageSize: number;
	  }
	| {
			/**
			 * `GET /opportunities/search`: page size `limit` (max 100) in the query; the next page is asked with
			 * `startAfter` (epoch ms) + `startAfterId` from `meta`. The last page still carries a cursor, so stop on
			 * `meta.nextPageUrl == null`, a short page or `meta.total` reached.
			 */
			style: 'startAfterMeta';
			sizeParameter: 'limit';
			maxPageSize: number;
	  }
	| {
			/**
			 * `GET /conversations/messages/export`: page size `limit` (10–500) in the query; the next page is asked
			 * with `cursor` = the response's `nextCursor`, which is null on the last page.
			 */
			style: 'nextCursor';
			sizeParameter: 'limit';
			minPageSize: number;
			maxPageSize: number;
	  }
	| {
			/**
			 * `POST /locations/{locationId}/tasks/search`: `limit` + `skip` in the body. No order and no maximum page
			 * size are documented (a short page may be a server cap), so only an empty page ends the list.
			 */
			style: 'offset';
			sizeParameter: 'limit';
			offsetParameter: 'skip';
			maxPageSize: number;
	  };

/**
 * One HighLevel operation as the official spec describes it. Every path, Version header, location parameter,
 * response root, cursor and page size used by this package lives in {@link ENDPOINTS}, with the spec file and
 * operationId beside it; test/GoHighLevel/shared/endpoints.test.ts checks each entry against the vendored specs.
 */
export interface Endpoint {
	/** Spec file (app) in the official docs, e.g. `contacts` = openapi/contacts.json. */
	spec: 'contacts' | 'opportunities' | 'locations' | 'users' | 'calendars' | 'conversations';
	/** `operationId` in that spec. */
	operationId: string;
	method: IHttpRequestMethods;
	/** Path template exactly as in the spec, e.g. `/contacts/{contactId}`. */
	path: string;
	/** Value of the required `Version` header. */
	version: string;
	/**
	 * Where the location (sub-account) id goes: query `locationId` for most GETs, query `location_id` for
	 * `GET /opportunities/search`, body `locationId` for creates and search POSTs, or a path parameter.
	 * Absent when the operation addresses a record by id only.
	 */
	location?: { in: 'query' | 'body' | 'path'; name: string };
	/** Key of the response body holding the record (object) or records (array); absent: the whole body. */
	root?: string;
	/** Scope the operation needs (the spec's `security` entry), named in errors when the token lacks it. */
	scope: string;
	/** Present on list endpoints that page. */
	pagination?: PaginationStyle;
}

const V = API_VERSION.default;

/** Every HighLevel endpoint the package calls. */
export const ENDPOINTS = {
	// contacts.json (FACTS.md 2.1)
	createContact: {
		spec: 'contacts',
		operationId: 'create-contact',
		method: 'POST',
		path: '/contacts/',
		version: V,
		location: { in: 'body', name: 'locationId' },
		root: 'contact',
		scope: 'contacts.write',
	},
	upsertContact: {
		spec: 'contacts',
		operationId: 'upsert-contact',
		method: 'POST',
		path: '/contacts/upsert',
		version: V,
		location: { in: 'body', name: 'locationId' },
		root: 'contact',
		scope: 'contacts.write',
	},
	getContact: {
		spec: 'contacts',
		operationId: 'get-contact',
		method: 'GET',
		path: '/contacts/{contactId}',
		version: V,
		root: 'contact',
		scope: 'contacts.readonly',
	},
	updateContact: {
		spec: 'contacts',
		operationId: 'update-contact',
		method: 'PUT',
		path: '/contacts/{contactId}',
		version: V,
		root: 'contact',
		scope: 'contacts.write',
	},
	deleteContact: {
		spec: 'contacts',
		operationId: 'delete-contact',
		method: 'DELETE',
		path: '/contacts/{contactId}',
		version: V,
		scope: 'contacts.write',
	},
	searchContacts: {
		spec: 'contacts',
		operationId: 'search-contacts-advanced',
		method: 'POST',
		path: '/contacts/search',
		version: V,
		location: { in: 'body', name: 'locationId' },
		root: 'contacts',
		scope: 'contacts.readonly',
		pagination: { style: 'searchAfter', sizeParameter: 'pageLimit', maxPageSize: 500 },
	},
	addContactTags: {
		spec: 'contacts',
		operationId: 'add-tags',
		method: 'POST',
		path: '/contacts/{contactId}/tags',
		version: V,
		scope: 'contacts.write',
	},
	removeContactTags: {
		spec: 'contacts',
		operationId: 'remove-tags',
		method: 'DELETE',
		path: '/contacts/{contactId}/tags',
		version: V,
		scope: 'contacts.write',
	},
	// opportunities.json (FACTS.md 2.2)
	createOpportunity: {
		spec: 'opportunities',
		operationId: 'create-opportunity',
		method: 'POST',
		path: '/opportunities/',
		version: V,
		location: { in: 'body', name: 'locationId' },
		root: 'opportunity',
		scope: 'opportunities.write',
	},
	upsertOpportunity: {
		spec: 'opportunities',
		operationId: 'Upsert-opportunity',
		method: 'POST',
		path: '/opportunities/upsert',
		version: V,
		location: { in: 'body', name: 'locationId' },
		root: 'opportunity',
		scope: 'opportunities.write',
	},
	getOpportunity: {
		spec: 'opportunities',
		operationId: 'get-opportunity',
		method: 'GET',
		path: '/opportunities/{id}',
		version: V,
		root: 'opportunity',
		scope: 'opportunities.readonly',
	},
	updateOpportunity: {
		spec: 'opportunities',
		operationId: 'update-opportunity',
		method: 'PUT',
		path: '/opportunities/{id}',
		version: V,
		root: 'opportunity',
		scope: 'opportunities.write',
	},
	updateOpportunityStatus: {
		spec: 'opportunities',
		operationId: 'update-opportunity-status',
		method: 'PUT',
		path: '/opportunities/{id}/status',
		version: V,
		scope: 'opportunities.write',
	},
	deleteOpportunity: {
		spec: 'opportunities',
		operationId: 'delete-opportunity',
		method: 'DELETE',
		path: '/opportunities/{id}',
		version: V,
		scope: 'opportunities.write',
	},
	searchOpportunities: {
		spec: 'opportunities',
		operationId: 'search-opportunity',
		method: 'GET',
		path: '/opportunities/search',
		version: V,
		location: { in: 'query', name: 'location_id' },
		root: 'opportunities',
		scope: 'opportunities.readonly',
		pagination: { style: 'startAfterMeta', sizeParameter: 'limit', maxPageSize: 100 },
	},
	getPipelines: {
		spec: 'opportunities',
		operationId: 'get-pipelines',
		method: 'GET',
		path: '/opportunities/pipelines',
		version: V,
		location: { in: 'query', name: 'locationId' },
		root: 'pipelines',
		scope: 'opportunities.readonly',
	},
	// locations.json (FACTS.md 2.6, 2.7)
	getCustomFields: {
		spec: 'locations',
		operationId: 'get-custom-fields',
		method: 'GET',
		path: '/locations/{locationId}/customFields',
		version: V,
		location: { in: 'path', name: 'locationId' },
		root: 'customFields',
		scope: 'locations/customFields.readonly',
	},
	getLocationTags: {
		spec: 'locations',
		operationId: 'get-location-tags',
		method: 'GET',
		path: '/locations/{locationId}/tags',
		version: V,
		location: { in: 'path', name: 'locationId' },
		root: 'tags',
		scope: 'locations/tags.readonly',
	},
	// users.json (FACTS.md 2.8)
	getUsers: {
		spec: 'users',
		operationId: 'get-user-by-location',
		method: 'GET',
		path: '/users/',
		version: V,
		location: { in: 'query', name: 'locationId' },
		root: 'users',
		scope: 'users.readonly',
	},
	// Read by the GoHighLevel Polling Trigger (nodes/GoHighLevelPollingTrigger/shared/sources.ts).
	// contacts.json (FACTS.md 2.1): a contact's notes, unpaginated.
	getContactNotes: {
		spec: 'contacts',
		operationId: 'get-all-notes',
		method: 'GET',
		path: '/contacts/{contactId}/notes',
		version: V,
		root: 'notes',
		scope: 'contacts.readonly',
	},
	// locations.json (FACTS.md 2.1 "Location-wide tasks"): offset paging with `limit` + `skip` in the body.
	searchLocationTasks: {
		spec: 'locations',
		operationId: 'task-search',
		method: 'POST',
		path: '/locations/{locationId}/tasks/search',
		version: V,
		location: { in: 'path', name: 'locationId' },
		root: 'tasks',
		scope: 'locations/tasks.readonly',
		// `limit` defaults to 25 and has no documented maximum: 100 is asked for.
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'skip', maxPageSize: 100 },
	},
	// calendars.json (FACTS.md 2.3, Version 2021-04-15)
	getCalendars: {
		spec: 'calendars',
		operationId: 'get-calendars',
		method: 'GET',
		path: '/calendars/',
		version: API_VERSION.calendarsAndConversations,
		location: { in: 'query', name: 'locationId' },
		root: 'calendars',
		scope: 'calendars.readonly',
	},
	/** Time window `startTime`/`endTime` (epoch ms as strings) on the events' start, plus one of calendarId/userId/groupId. */
	getCalendarEvents: {
		spec: 'calendars',
		operationId: 'get-calendar-events',
		method: 'GET',
		path: '/calendars/events',
		version: API_VERSION.calendarsAndConversations,
		location: { in: 'query', name: 'locationId' },
		root: 'events',
		scope: 'calendars/events.readonly',
	},
	/** One appointment by id: the trigger's Include Full Record. */
	getAppointment: {
		spec: 'calendars',
		operationId: 'get-appointment',
		method: 'GET',
		path: '/calendars/events/appointments/{eventId}',
		version: API_VERSION.calendarsAndConversations,
		root: 'event',
		scope: 'calendars/events.readonly',
	},
	// conversations.json (FACTS.md 2.4, Version 2021-04-15)
	/** Cursor paging: `limit` (10–500), `cursor` ← `nextCursor` (null on the last page); `sortBy`, `sortOrder`, `startDate`, `channel`. */
	exportMessages: {
		spec: 'conversations',
		operationId: 'export-messages-by-location',
		method: 'GET',
		path: '/conversations/messages/export',
		version: API_VERSION.calendarsAndConversations,
		location: { in: 'query', name: 'locationId' },
		root: 'messages',
		scope: 'conversations/message.readonly',
		pagination: { style: 'nextCursor', sizeParameter: 'limit', minPageSize: 10, maxPageSize: 500 },
	},
} satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;
