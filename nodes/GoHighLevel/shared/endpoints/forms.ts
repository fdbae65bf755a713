import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/** Endpoints of forms.json (Version 2021-07-28): the location's forms and their submissions. Keys are unique across all app modules (see index.ts). */
export const FORMS_ENDPOINTS = {
	// forms.json `get-forms`: query `locationId` (+ `type`), offset paging with `skip` + `limit` ("maximum up to 50
	// and default will be 10"); root `forms` (`id, name, locationId`) and `total` (every form of the location).
	getForms: {
		spec: 'forms',
		operationId: 'get-forms',
		method: 'GET',
		path: '/forms/',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'forms',
		scope: 'forms.readonly',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'skip', maxPageSize: 50 },
	},
	// forms.json `get-forms-submissions`: query `locationId`, `formId`, `q` (contact id, name, e-mail or phone),
	// `startAt` / `endAt` (dates `YYYY-MM-DD`; without `startAt` HighLevel starts "same date of last month", without
	// `endAt` at the current date), page paging with `page` (from 1) + `limit` ("maximum up to 100 and default will
	// be 20"); root `submissions` (`id, contactId, createdAt (ISO), formId, name, email, others`) and
	// `meta {total, currentPage, nextPage (null on the last page), prevPage}`.
	getFormSubmissions: {
		spec: 'forms',
		operationId: 'get-forms-submissions',
		method: 'GET',
		path: '/forms/submissions',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'submissions',
		scope: 'forms.readonly',
		pagination: { style: 'page', sizeParameter: 'limit', pageParameter: 'page', maxPageSize: 100 },
	},
} satisfies Record<string, Endpoint>;
