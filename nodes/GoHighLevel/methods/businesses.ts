import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ENDPOINTS } from '../shared/endpoints';
import { fetchPages } from '../shared/pagination';
import { buildRequest, getConnection } from '../shared/transport';

/*
 * The Business locator's list: the location's businesses (businesses.json).
 */

/**
 * How many businesses the list reads at most: `get-businesses-by-location` has no name filter, so the typed text
 * is matched here, over the first this many businesses (pages of 100).
 */
const MAX_LISTED = 1000;

/** listSearch methods of the Business resource (merged into methods/listSearch.ts). */
export const businessListSearch = {
	/**
	 * Businesses of the location whose name, e-mail or city contains the typed text (case ignored), by name:
	 * `GET /businesses/?locationId=` (businesses.json `get-businesses-by-location`, `limit` + `skip` pages, FACTS.md
	 * 2.13), at most {@link MAX_LISTED}.
	 */
	async searchBusinesses(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const endpoint = ENDPOINTS.getBusinesses;
		const connection = await getConnection(this);
		const businesses = await fetchPages(this, endpoint, connection, buildRequest(this, endpoint, connection), MAX_LISTED);
		const text = (filter ?? '').trim().toLowerCase();
		const matches = (b: IDataObject) =>
			!text || [b.name, b.email, b.city].some((v) => String(v ?? '').toLowerCase().includes(text));
		return {
			results: businesses
				.filter(matches)
				.map((b) => {
					const name = String(b.name ?? '').trim() || String(b.id);
					const detail = [b.email, b.city].filter(Boolean).join(' · ');
					return { name: detail ? `${name} (${detail})` : name, value: String(b.id) };
				})
				.sort((a, b) => a.name.localeCompare(b.name)),
		};
	},
};
