import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/** Endpoints of surveys.json (Version 2021-07-28): the location's surveys and their submissions. Keys are unique across all app modules (see index.ts). */
export const SURVEYS_ENDPOINTS = {
	// surveys.json `get-surveys`: query `locationId` (+ `type`), offset paging with `skip` + `limit` ("maximum up to
	// 50 and default will be 10"); root `surveys` (`id, name, locationId`) and `total`.
	getSurveys: {
		spec: 'surveys',
		operationId: 'get-surveys',
		method: 'GET',
		path: '/surveys/',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'surveys',
		scope: 'surveys.readonly',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'skip', maxPageSize: 50 },
	},
	// surveys.json `get-surveys-submissions`: as forms.json `get-forms-submissions` with `surveyId` instead of
	// `formId`: `startAt` / `endAt` dates `YYYY-MM-DD` (default: same date of last month → current date), `q`,
	// `page` + `limit` (≤ 100); root `submissions` (`id, contactId, createdAt, surveyId, name, email, others`) and
	// `meta {total, currentPage, nextPage, prevPage}`.
	getSurveySubmissions: {
		spec: 'surveys',
		operationId: 'get-surveys-submissions',
		method: 'GET',
		path: '/surveys/submissions',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'submissions',
		scope: 'surveys.readonly',
		pagination: { style: 'page', sizeParameter: 'limit', pageParameter: 'page', maxPageSize: 100 },
	},
} satisfies Record<string, Endpoint>;
