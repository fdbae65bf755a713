import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/** Endpoints of medias.json (Version 2021-07-28): the location's media library. Keys are unique across all app modules (see index.ts). */
export const MEDIAS_ENDPOINTS = {
	// medias.json `fetch-media-content`: query `altId` (the location id) with `altType=location`, `type` (`file` or
	// `folder`), `sortBy`, `sortOrder` (all required), `query`, `parentId`; offset paging with `offset` + `limit`
	// (strings; no maximum documented); root `files` (typed as strings in the spec; objects in the answer:
	// `_id, name, url, path, altId, altType, parentId, type, …`).
	getMediaFiles: {
		spec: 'medias',
		operationId: 'fetch-media-content',
		method: 'GET',
		path: '/medias/files',
		version: VERSION,
		location: { in: 'query', name: 'altId', altType: true },
		root: 'files',
		scope: 'medias.readonly',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'offset', maxPageSize: 100 },
	},
	// medias.json `upload-media-content`: multipart/form-data `file` (binary, at most 25 MB) or `hosted=true` +
	// `fileUrl`, with `name` and `parentId` (folder); the location is the token's (no location parameter).
	// Answers `{fileId, url}`.
	uploadMediaFile: {
		spec: 'medias',
		operationId: 'upload-media-content',
		method: 'POST',
		path: '/medias/upload-file',
		version: VERSION,
		scope: 'medias.write',
	},
} satisfies Record<string, Endpoint>;
