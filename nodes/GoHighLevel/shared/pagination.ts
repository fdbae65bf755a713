import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Endpoint, PaginationStyle } from './endpoints';
import { recordsOf, sendRequest, type Connection, type HighLevelContext, type SendOptions } from './transport';

/** The cursor for the next page, merged into the body (searchAfter) or the query (startAfterMeta, page, …). */
type Cursor = IDataObject;

/**
 * Reads the next-page cursor of a page (FACTS.md 2.14), or undefined when the page was the last.
 * @param body the page's response body
 * @param records the page's records
 * @param pageSize the page size asked for
 * @param offset records read before this page (offset style)
 */
function nextCursor(
	style: PaginationStyle,
	body: IDataObject,
	records: IDataObject[],
	pageSize: number,
	offset: number,
): Cursor | undefined {
	if (records.length === 0) return undefined;
	if (style.style === 'offset') {
		// A documented "more" flag ends the list; without one (no documented maximum: a short page may be a server
		// cap) only an empty page does.
		if (style.moreFlag && body[style.moreFlag] === false) return undefined;
		return { [style.offsetParameter]: offset + records.length };
	}
	if (style.style === 'lastMessageId') {
		// GET /conversations/{id}/messages: `nextPage` decides (the server may cap the page below `limit`).
		return body.nextPage === true && typeof body.lastMessageId === 'string' && body.lastMessageId
			? { lastMessageId: body.lastMessageId }
			: undefined;
	}
	if (style.style === 'startAfterDate') {
		// GET /conversations/search: with a `total`, fetchPages stops when it is reached, so a short page (a server
		// cap below `limit`) does not end the list; without one, it does.
		if (typeof body.total !== 'number' && records.length < pageSize) return undefined;
		const last = records[records.length - 1];
		const sortValue = Array.isArray(last.sort) ? Number(last.sort[0]) : Number.NaN;
		const date = typeof last.lastMessageDate === 'string' ? Date.parse(last.lastMessageDate) : Number(last.lastMessageDate);
		const startAfterDate = Number.isFinite(sortValue) ? sortValue : date;
		return Number.isFinite(startAfterDate) ? { startAfterDate } : undefined;
	}
	if (style.style === 'page') {
		// GET /forms/submissions, /surveys/submissions: `meta.nextPage` (null on the last page). Without a `meta`, a
		// full page is followed by the next page number (pages all have `pageSize` records, so offset / pageSize + 1
		// is this page's number).
		const meta = body.meta as IDataObject | undefined;
		if (meta && 'nextPage' in meta) {
			return typeof meta.nextPage === 'number' && meta.nextPage > 0 ? { [style.pageParameter]: meta.nextPage } : undefined;
		}
		if (records.length < pageSize) return undefined;
		return { [style.pageParameter]: Math.floor(offset / pageSize) + 2 };
	}
	if (records.length < pageSize) return undefined;
	if (style.style === 'searchAfter') {
		// POST /contacts/search, POST /objects/{schemaKey}/records/search: every record carries `searchAfter:
		// [sortValue, id]`; the last one is the cursor.
		const searchAfter = records[records.length - 1].searchAfter;
		if (!Array.isArray(searchAfter) || !searchAfter.length) return undefined;
		return { searchAfter: style.cursorItems === 'string' ? searchAfter.map(String) : searchAfter };
	}
	if (style.style === 'nextCursor') {
		// GET /conversations/messages/export: `nextCursor`, null on the last page.
		return typeof body.nextCursor === 'string' && body.nextCursor ? { cursor: body.nextCursor } : undefined;
	}
	// GET /opportunities/search: `meta.startAfter` (epoch ms) + `meta.startAfterId`; `nextPageUrl` null = last page.
	const meta = (body.meta ?? {}) as IDataObject;
	if (meta.nextPageUrl === null || meta.nextPageUrl === undefined || meta.nextPageUrl === '') return undefined;
	if (meta.startAfterId === undefined || meta.startAfter === undefined) return undefined;
	return { startAfter: meta.startAfter, startAfterId: meta.startAfterId };
}

/**
 * The page body with its records and cursor at the top level: `GET /conversations/{id}/messages` may answer
 * `{messages: {lastMessageId, nextPage, messages: [...]}}` instead of the spec's flat shape (FACTS.md 2.4).
 */
function unwrapPage(style: PaginationStyle, body: IDataObject): IDataObject {
	const inner = body.messages;
	if (style.style === 'lastMessageId' && inner && typeof inner === 'object' && !Array.isArray(inner)) {
		return inner as IDataObject;
	}
	return body;
}

/**
 * Total number of matching records a page reports, if any: `total` or `meta.total`, or the style's own field
 * (offset style `totalField`, e.g. `count` of users.json `search-users`).
 */
function totalOf(body: IDataObject, style?: PaginationStyle): number | undefined {
	const own = style?.style === 'offset' && style.totalField ? body[style.totalField] : undefined;
	const total = own ?? body.total ?? (body.meta as IDataObject | undefined)?.total;
	return typeof total === 'number' ? total : wrappedCount(total);
}

/**
 * A total HighLevel wraps: products.json `list-invoices` (GET /products/) answers `total` as an array of one
 * `{ total: N }` (`ListProductsStats[]`, FACTS.md 2.12 spec quirk), `get-list-inventory` as an object
 * `{ total: N }` (`GetInventoryResponseDto`). Any other shape (several stats, no number): undefined, so the
 * reading goes on until a page says the list has ended.
 */
function wrappedCount(value: unknown): number | undefined {
	const inner = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
	const count = inner && typeof inner === 'object' ? (inner as IDataObject).total : undefined;
	return typeof count === 'number' ? count : undefined;
}

/** Options of {@link fetchPages}. */
export interface FetchPagesOptions {
	/** Called with each page's records as HighLevel sent them; true ends the reading after that page (e.g. older than needed). */
	stop?: (page: IDataObject[]) => boolean;
	/** Passed to every page's {@link sendRequest} (e.g. the node's field names for error messages). */
	sendOptions?: SendOptions;
	/**
	 * Shapes each page's kept records as soon as the page arrives, returning exactly one record per record (e.g.
	 * Simplify). Only shaped records are kept, so a Return All never holds every full record at once.
	 * Cursors and totals are still read from the page as sent.
	 */
	shapePage?: (records: IDataObject[]) => Promise<IDataObject[]>;
}

/**
 * Reads records of a paged endpoint until `limit` records are collected (Infinity = Return All), `stop` says
 * the rest is not needed, or the endpoint has no more. Each page re-sends the complete first request — location,
 * filters, sort — plus the page size and the cursor, merged into the right place (the body for POST searches, the
 * query for GETs): unlike n8n's generic pagination, nothing is lost from page 2 on.
 *
 * Page size: the endpoint's maximum (500 / 100) or fewer when `limit` needs fewer (never below its minimum); the
 * page style asks every page with the first page's size.
 * @returns the records (shaped by `options.shapePage` if given), at most `limit`
 * @throws NodeOperationError when HighLevel repeats a cursor (it would loop forever)
 */
export async function fetchPages(
	ctx: HighLevelContext,
	endpoint: Endpoint,
	connection: Connection,
	firstRequest: IHttpRequestOptions,
	limit: number,
	options: FetchPagesOptions = {},
): Promise<IDataObject[]> {
	const { stop, sendOptions, shapePage } = options;
	const style = endpoint.pagination;
	if (!style) throw new NodeOperationError(ctx.getNode(), `${endpoint.operationId} does not page`);
	const into: 'body' | 'qs' = endpoint.method === 'GET' ? 'qs' : 'body';
	const minPageSize = 'minPageSize' in style ? style.minPageSize : 1;
	const records: IDataObject[] = [];
	const seenCursors = new Set<string>();
	let cursor: Cursor = {};
	for (;;) {
		// Page numbers count pages of one size, so the page style keeps its first page size throughout.
		const wanted = style.style === 'page' ? limit : limit - records.length;
		const pageSize = Math.max(minPageSize, Math.min(style.maxPageSize, wanted));
		const request: IHttpRequestOptions = {
			...firstRequest,
			headers: { ...(firstRequest.headers ?? {}) },
			[into]: {
				...((firstRequest[into] as IDataObject | undefined) ?? {}),
				[style.sizeParameter]: pageSize,
				...cursor,
			},
		};
		const body = unwrapPage(
			style,
			((await sendRequest(ctx, endpoint, connection, request, sendOptions)).body ?? {}) as IDataObject,
		);
		const page = recordsOf(endpoint, body);
		const kept = page.slice(0, limit - records.length);
		records.push(...(shapePage ? await shapePage(kept) : kept));
		const total = totalOf(body, style);
		if (records.length >= limit || (total !== undefined && records.length >= total)) break;
		if (stop?.(page)) break;
		const next = nextCursor(style, body, page, pageSize, records.length - page.length);
		if (!next) break;
		const key = JSON.stringify(next);
		if (seenCursors.has(key)) {
			throw new NodeOperationError(ctx.getNode(), 'HighLevel returned the same page twice', {
				description: `${endpoint.method} ${endpoint.path} repeated the cursor ${key}; stopped after ${records.length} records.`,
			});
		}
		seenCursors.add(key);
		cursor = next;
	}
	return records;
}
