import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ENDPOINTS, type Endpoint } from '../shared/endpoints';
import { buildRequest, getConnection, recordsOf, sendRequest } from '../shared/transport';

/*
 * The Invoice and Estimate locators' lists (invoices.json `list-invoices`, `list-estimates`).
 */

/** How many records one list page shows. */
const PAGE = 50;

/**
 * One page of `endpoint` (`limit` + `offset` as strings, both required, `altType=location`; FACTS.md 2.11) with
 * `search` = the typed text; the next page's offset is the pagination token while `total` is not reached.
 */
async function searchPage(
	ctx: ILoadOptionsFunctions,
	endpoint: Endpoint,
	filter: string | undefined,
	paginationToken: string | undefined,
	label: (record: IDataObject) => string,
): Promise<INodeListSearchResult> {
	const connection = await getConnection(ctx);
	const offset = Number(paginationToken) || 0;
	const qs: IDataObject = { limit: String(PAGE), offset: String(offset) };
	const search = (filter ?? '').trim();
	if (search) qs.search = search;
	const body = ((await sendRequest(ctx, endpoint, connection, buildRequest(ctx, endpoint, connection, { qs }))).body ?? {}) as IDataObject;
	const records = recordsOf(endpoint, body);
	const results = records.map((r) => ({ name: label(r), value: String(r._id ?? r.id) }));
	const read = offset + records.length;
	const total = typeof body.total === 'number' ? body.total : read;
	return records.length && read < total ? { results, paginationToken: String(read) } : { results };
}

/** listSearch methods of the Invoice and Estimate resources (merged into methods/listSearch.ts). */
export const invoiceListSearch = {
	/** Invoices whose name or number matches the typed text (`list-invoices` `search`), HighLevel's order, pages of 50. */
	async searchInvoices(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchPage(this, ENDPOINTS.getInvoices, filter, paginationToken, (i) => {
			const number = i.invoiceNumber !== undefined ? `#${String(i.invoiceNumber)} ` : '';
			const contact = (i.contactDetails as IDataObject | undefined)?.name;
			return `${number}${String(i.name ?? '')}${contact ? ` (${String(contact)}, ${String(i.status ?? '')})` : ` (${String(i.status ?? '')})`}`;
		});
	},
	/** Estimates whose name or number matches the typed text (`list-estimates` `search`), pages of 50. */
	async searchEstimates(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchPage(this, ENDPOINTS.getEstimates, filter, paginationToken, (e) => {
			const number = e.estimateNumber !== undefined ? `#${String(e.estimateNumber)} ` : '';
			const contact = (e.contactDetails as IDataObject | undefined)?.name;
			return `${number}${String(e.name ?? '')}${contact ? ` (${String(contact)})` : ''}`;
		});
	},
};
