import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ENDPOINTS } from '../shared/endpoints';
import { apiRequest } from '../shared/transport';
import { conversationListSearch } from './conversations';
import { automationListSearch } from './automation';

/** How many records a searchable list shows. */
const PAGE = 50;

/** Resource locator searches of the GoHighLevel node. */
export const listSearch = {
	/**
	 * Contacts matching the typed text in name, e-mail or phone: `POST /contacts/search` with `query` (≤ 75
	 * characters), newest first, one page of {@link PAGE}.
	 */
	async searchContacts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const body: IDataObject = { pageLimit: PAGE, sort: [{ field: 'dateAdded', direction: 'desc' }] };
		const query = (filter ?? '').trim().slice(0, 75);
		if (query) body.query = query;
		const result = await apiRequest<{ contacts?: IDataObject[] }>(this, ENDPOINTS.searchContacts, { body });
		return {
			results: (result.contacts ?? []).map((c) => {
				const name =
					String(c.contactName ?? '') || [c.firstName, c.lastName].filter(Boolean).join(' ') || '(no name)';
				const detail = [c.email, c.phone].filter(Boolean).join(' · ');
				return { name: detail ? `${name} (${detail})` : name, value: String(c.id) };
			}),
		};
	},

	/**
	 * Users of the location whose name or e-mail contains the typed text (case ignored), by name:
	 * `GET /users/?locationId=` (users.json `get-user-by-location`, not paged); for the Assigned User locators.
	 */
	async searchUsers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const body = await apiRequest<{ users?: IDataObject[] }>(this, ENDPOINTS.getUsers);
		const text = (filter ?? '').trim().toLowerCase();
		const results = (body.users ?? [])
			.map((u) => {
				const name =
					String(u.name ?? '').trim() ||
					[u.firstName, u.lastName].filter(Boolean).join(' ') ||
					String(u.email ?? u.id);
				return { name: u.email ? `${name} (${String(u.email)})` : name, value: String(u.id) };
			})
			.filter((u) => !text || u.name.toLowerCase().includes(text))
			.sort((a, b) => a.name.localeCompare(b.name));
		return { results };
	},

	/** Opportunities matching the typed text: `GET /opportunities/search` with `q`, one page of {@link PAGE}. */
	async searchOpportunities(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const qs: IDataObject = { limit: PAGE };
		if (filter?.trim()) qs.q = filter.trim();
		const result = await apiRequest<{ opportunities?: IDataObject[] }>(this, ENDPOINTS.searchOpportunities, {
			qs,
		});
		return {
			results: (result.opportunities ?? []).map((o) => ({
				name: `${String(o.name ?? '(no name)')}${o.status ? ` (${String(o.status)})` : ''}`,
				value: String(o.id),
			})),
		};
	},
	...automationListSearch,
	...conversationListSearch,
};
