/** Types and constants shared by the endpoint modules; import them from `./index` (the folder) outside this folder. */
import type { IHttpRequestMethods } from 'n8n-workflow';

/** HighLevel API v2 production base URL (FACTS.md 1.1: every spec's `servers`). Credentials may override it. */
export const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';

/**
 * `Version` header values (FACTS.md 1.2): calendars.json and conversations.json take `2021-04-15`,
 * every other app (contacts, opportunities, locations, users, workflows, campaigns) takes `2021-07-28`.
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
			 * `POST /objects/{schemaKey}/records/search` reads the same way, but its body requires `page`: the operation
			 * sends `page: 1` on every page (never deeper than the first; endpoints/objects.ts).
			 */
			style: 'searchAfter';
			sizeParameter: 'pageLimit';
			maxPageSize: number;
			/**
			 * `'string'`: the cursor is sent as strings. objects.json `search-object-records` declares the body's
			 * `searchAfter` as `string[]` while its records carry `[number, string]` (`RecordResponseDTO`); the
			 * record's values are sent as strings, as the request schema says.
			 */
			cursorItems?: 'string';
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
			 * `GET /conversations/search`: page size `limit` in the query; the next page is asked with
			 * `startAfterDate` = the sort value of the last record (its `sort[0]`, else its `lastMessageDate` as epoch
			 * ms). `total` counts every match, so reading stops when it is reached, on a short page or an empty one.
			 */
			style: 'startAfterDate';
			sizeParameter: 'limit';
			maxPageSize: number;
	  }
	| {
			/**
			 * `GET /conversations/{conversationId}/messages`: page size `limit` in the query; the next page is asked
			 * with `lastMessageId` = the response's `lastMessageId` while `nextPage` is true. The three fields may sit
			 * at the top level (spec) or under `messages` (FACTS.md 2.4); both are read.
			 */
			style: 'lastMessageId';
			sizeParameter: 'limit';
			maxPageSize: number;
	  }
	| {
			/**
			 * `POST /locations/{locationId}/tasks/search`: `limit` + `skip` in the body. No order and no maximum page
			 * size are documented (a short page may be a server cap), so only an empty page ends the list.
			 */
			style: 'offset';
			sizeParameter: 'limit';
			/** `skip` (task search, body) or `offset` (calendars.json `get-appointment-notes`, query). */
			offsetParameter: 'skip' | 'offset';
			maxPageSize: number;
			/**
			 * A boolean of the response saying whether more records follow (`get-appointment-notes`: `hasMore`); when
			 * set, `false` ends the list without asking for an empty page.
			 */
			moreFlag?: 'hasMore';
			/**
			 * A number of the response counting every match (users.json `search-users`, contacts.json
			 * `get-contacts-by-businessId`: `count`, FACTS.md 2.14; locations.json `GET-all-or-email-sms-templates`:
			 * `totalCount`, FACTS.md 2.9); reading stops once that many are read.
			 */
			totalField?: 'count' | 'totalCount';
	  }
	| {
			/**
			 * forms.json `get-forms-submissions`, surveys.json `get-surveys-submissions`: page size `limit` (max 100) and
			 * page number `page` (from 1) in the query; the next page is `meta.nextPage`, null on the last page (reading
			 * also stops at `meta.total`). The page size stays the same on every page (a page number counts pages of
			 * that size), so a Limit below it is cut after reading.
			 */
			style: 'page';
			sizeParameter: 'limit';
			pageParameter: 'page';
			maxPageSize: number;
	  };

/** Spec files (apps) of the official docs the node calls; each has one module in this folder, e.g. `contacts.ts`. */
export type SpecApp =
	| 'contacts'
	| 'opportunities'
	| 'locations'
	| 'users'
	| 'calendars'
	| 'conversations'
	| 'workflows'
	| 'campaigns'
	| 'businesses'
	| 'oauth'
	| 'custom-fields'
	| 'forms'
	| 'surveys'
	| 'funnels'
	| 'links'
	| 'medias'
	| 'objects'
	| 'associations'
	| 'invoices'
	| 'payments'
	| 'products';

/**
 * One HighLevel operation as the official spec describes it. Every path, Version header, location parameter,
 * response root, cursor and page size used by this package lives in `ENDPOINTS` (index.ts), with the spec file and
 * operationId beside it; test/GoHighLevel/shared/endpoints.test.ts checks each entry against the vendored specs.
 */
export interface Endpoint {
	/** Spec file (app) in the official docs, e.g. `contacts` = openapi/contacts.json. */
	spec: SpecApp;
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
	location?: {
		in: 'query' | 'body' | 'path';
		name: string;
		/**
		 * The location id goes as `altId` with `altType: 'location'` beside it, in the same place (payments.json,
		 * invoices.json, products.json commerce endpoints whose spec declares `altType`; FACTS.md 2.10–2.12).
		 */
		altType?: true;
	};
	/** Key of the response body holding the record (object) or records (array); absent: the whole body. */
	root?: string;
	/** Scope the operation needs (the spec's `security` entry), named in errors when the token lacks it. */
	scope: string;
	/** Present on list endpoints that page. */
	pagination?: PaginationStyle;
	/**
	 * `'company'`: an agency operation (the spec's security is `Agency-Access` / `Agency-Access-Only`, e.g.
	 * locations.json `search-locations`, oauth.json `get-installed-location`), sent with the credential's own token
	 * — with an agency (Company) OAuth2 credential, not with a Location token exchanged for the node's Location
	 * parameter (FACTS.md 3.4). Absent: a sub-account operation, sent with a Location token.
	 */
	tokenKind?: 'company';
}
