/**
 * Order and transaction events of the polling trigger, read from payments.json `list-orders` and
 * `list-transactions` (FACTS.md 2.10).
 */
import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS, type Endpoint } from '../../GoHighLevel/shared/endpoints';
import { fetchPages } from '../../GoHighLevel/shared/pagination';
import { buildRequest, type Connection, type HighLevelContext } from '../../GoHighLevel/shared/transport';
import type { EventRecord, EventSource } from './sources';

const DAY_MS = 86_400_000;

/** How far back New Order / New Transaction looks in a manual run. */
export const PAYMENT_SAMPLE_DAYS = 31;

function toMs(value: unknown): number {
	return typeof value === 'string' ? Date.parse(value) : typeof value === 'number' ? value : NaN;
}

const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Every order or transaction created between `fromMs` and `toMs`, read over every page (`limit` 100 + `offset` until
 * `totalCount`). `startAt` / `endAt` take whole dates (`YYYY-MM-DD`, the spec's examples) in a time zone HighLevel
 * does not document, so the dates sent are the UTC dates one day before `fromMs` and one day after `toMs`: that covers
 * those instants in every time zone (UTC−12 to UTC+14). Records outside the instants come too (the watermark drops
 * older ones). The list order is not documented, so every page of the window is read.
 * @param altType whether the endpoint declares `altType` (list-transactions does, list-orders does not)
 * @param maxRecords stop after this many (manual runs)
 * @throws NodeOperationError when HighLevel repeats a page
 */
async function readCreated(
	ctx: HighLevelContext,
	connection: Connection,
	endpoint: Endpoint,
	altType: boolean,
	fromMs: number,
	toMs: number,
	maxRecords = Infinity,
): Promise<IDataObject[]> {
	const qs: IDataObject = { startAt: utcDate(fromMs - DAY_MS), endAt: utcDate(toMs + DAY_MS) };
	if (altType) qs.altType = 'location';
	return await fetchPages(ctx, endpoint, connection, buildRequest(ctx, endpoint, connection, { qs }), maxRecords);
}

/**
 * Records as events: key = `_id` (a record is created once), time = `createdAt`; with `type` first when HighLevel
 * has a webhook event for it.
 */
function createdRecords(records: IDataObject[], type?: string): EventRecord[] {
	return records.map((record) => ({
		key: String(record._id ?? record.id),
		ts: toMs(record.createdAt),
		item: type ? { type, ...record } : { ...record },
	}));
}

function createdSource(endpoint: Endpoint, altType: boolean, webhookType?: string): EventSource {
	return {
		...(webhookType ? { webhookType } : {}),
		detection: 'watermark',
		async read(ctx, connection, _settings, sinceMs, nowMs) {
			return createdRecords(await readCreated(ctx, connection, endpoint, altType, sinceMs, nowMs), webhookType);
		},
		async latest(ctx, connection, _settings, nowMs) {
			const from = nowMs - PAYMENT_SAMPLE_DAYS * DAY_MS;
			return createdRecords(await readCreated(ctx, connection, endpoint, altType, from, nowMs, 100), webhookType);
		},
	};
}

/**
 * New Order: `GET /payments/orders` (payments.json `list-orders`, no `altType`), items like the OrderCreate webhook
 * (webhook-events/OrderCreate.md: `type, altId, altType, _id, contactId, status, currency, amount` in major units,
 * `items, …`), with `type: 'OrderCreate'` first.
 */
export const orderCreatedSource: EventSource = createdSource(ENDPOINTS.getOrders, false, 'OrderCreate');

/**
 * New Transaction: `GET /payments/transactions` (payments.json `list-transactions`, `altType=location`). HighLevel has
 * no webhook event for transactions, so items are the transactions as listed (`_id, contactId, currency, amount` in
 * major units, `status, entityType, entityId, subscriptionId, createdAt, …`).
 */
export const transactionCreatedSource: EventSource = createdSource(ENDPOINTS.getTransactions, true);
