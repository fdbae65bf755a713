import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { ENDPOINTS, type Endpoint } from '../shared/endpoints';
import { fetchPages } from '../shared/pagination';
import { buildRequest, getConnection } from '../shared/transport';

/*
 * Dropdowns and searchable lists of the Form, Survey, Funnel and Media resources: the location's forms, surveys,
 * funnels and media folders.
 */

/** Most records a dropdown reads (forms and surveys come 50 per page). */
const MAX_OPTIONS = 500;
/** How many funnels a searchable list shows. */
const PAGE = 50;

/** Every record of a paged list endpoint (up to {@link MAX_OPTIONS}), with `qs` added to the first request. */
async function readAll(ctx: ILoadOptionsFunctions, endpoint: Endpoint, qs: IDataObject = {}, limit = MAX_OPTIONS): Promise<IDataObject[]> {
	const connection = await getConnection(ctx);
	return await fetchPages(ctx, endpoint, connection, buildRequest(ctx, endpoint, connection, { qs }), limit);
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

function named(records: IDataObject[]): INodePropertyOptions[] {
	return records.map((r) => ({ name: String(r.name ?? r.id), value: String(r.id) })).sort(byName);
}

/** loadOptions of the Form, Survey and Media resources and of the polling trigger's submission events (merged into methods/loadOptions.ts). */
export const formLoadOptions = {
	/** Forms of the location, by name: `GET /forms/` (forms.json `get-forms`, `skip` + `limit` ≤ 50 pages). */
	async getForms(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return named(await readAll(this, ENDPOINTS.getForms));
	},

	/** Surveys of the location, by name: `GET /surveys/` (surveys.json `get-surveys`, `skip` + `limit` ≤ 50 pages). */
	async getSurveys(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return named(await readAll(this, ENDPOINTS.getSurveys));
	},

	/**
	 * Folders of the location's media library, by name (value = the folder's `_id`): `GET /medias/files` with
	 * `type=folder`, `altType=location`, sorted by name (medias.json `fetch-media-content`, `offset` + `limit` pages).
	 */
	async getMediaFolders(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const folders = await readAll(this, ENDPOINTS.getMediaFiles, { type: 'folder', sortBy: 'name', sortOrder: 'asc' });
		return folders.map((f) => ({ name: String(f.name ?? f._id), value: String(f._id ?? f.id) })).sort(byName);
	},
};

/** listSearch of the Funnel resource (merged into methods/listSearch.ts). */
export const formListSearch = {
	/**
	 * Funnels and websites whose name contains the typed text: `GET /funnels/funnel/list` with `name`
	 * (funnels.json `getFunnels`), one page of {@link PAGE}; value = the funnel's `_id`.
	 */
	async searchFunnels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const name = (filter ?? '').trim();
		const funnels = await readAll(this, ENDPOINTS.getFunnels, name ? { name } : {}, PAGE);
		return {
			results: funnels.map((f) => ({
				name: `${String(f.name ?? f._id)}${f.type ? ` (${String(f.type)})` : ''}`,
				value: String(f._id ?? f.id),
			})),
		};
	},
};
