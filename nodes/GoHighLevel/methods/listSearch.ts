import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ENDPOINTS } from '../shared/endpoints';
import { apiRequest } from '../shared/transport';
import { searchLocationUsers, userDisplayName } from '../shared/users';
import { conversationListSearch } from './conversations';
import { automationListSearch } from './automation';
import { agencyListSearch } from './agency';
import { apiRequestListSearch } from './apiRequest';
import { businessListSearch } from './businesses';
import { formListSearch } from './forms';
import { invoiceListSearch } from './invoices';
import { locationListSearch } from './locations';
import { objectListSearch } from './objects';
import { paymentListSearch } from './payments';
import { productListSearch } from './products';

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
	 * Users of the location matching the typed text (name, e-mail or phone, matched by HighLevel), by name:
	 * `GET /users/search` (users.json `search-users`, FACTS.md 2.8) with `query`, pages of {@link PAGE} (the next
	 * page's `skip` is the pagination token); for the User and Assigned User locators.
	 */
	async searchUsers(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const skip = Number(paginationToken) || 0;
		const page = await searchLocationUsers(this, filter ?? '', { skip, limit: PAGE });
		const results = page.users.map((u) => {
			const name = userDisplayName(u);
			return { name: u.email ? `${name} (${String(u.email)})` : name, value: String(u.id) };
		});
		const read = skip + page.users.length;
		return page.users.length && read < page.count ? { results, paginationToken: String(read) } : { results };
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
	...agencyListSearch,
	...apiRequestListSearch,
	...automationListSearch,
	...businessListSearch,
	...conversationListSearch,
	...formListSearch,
	...invoiceListSearch,
	...locationListSearch,
	...objectListSearch,
	...paymentListSearch,
	...productListSearch,
};
