/**
 * Invoices and estimates (invoices.json, FACTS.md 2.11, Version 2021-07-28). Every operation names the location as
 * `altId` + `altType=location` (query or body); an `altId` other than the token's location → 403.
 *
 * Money is kept exactly: amounts arrive as JSON numbers in the currency's major units (invoices.json examples:
 * `InvoiceItemDto.amount` 999, `EstimateResponseDto.total` 1222.03), are turned into integer minor units from their
 * decimal text (more decimals than the currency has → 422), summed as integers, and answered in major units again
 * (made from the digit string, so 0.1 + 0.2 answers 0.3 and 1.005 KWD stays 1.005).
 *
 * - Invoices (collection `invoices`): status machine draft → sent → partially_paid → paid, draft/sent → void. Create
 *   (`create-invoice`) and `text2pay-invoice` (action `draft` or `send`; `id` is not supported) number the invoice
 *   from the location's counter unless `invoiceNumber` is given; `generate-invoice-number` answers the next number and
 *   reserves it (each call increments). Totals: line = unit amount × qty (rounded half up to the minor unit), subtotal
 *   = Σ lines, discount = percentage of the subtotal (rounded) or a fixed amount, tax = Σ exclusive item taxes
 *   (`rate` percent of the line, rounded), total = subtotal − discount + tax; `amountDue` = total − `amountPaid`.
 *   Every item's `currency` must be the invoice's (400).
 * - `update-invoice`: draft or sent invoices only (400 otherwise); replaces name, currency, items, dates and the
 *   optional fields sent. `delete-invoice`: not for paid or partially paid invoices (400).
 * - `send-invoice`: `userId` must be a user of the location (400); draft/sent → sent; paid or void → 400. Records the
 *   channel in `sends` (sandbox only).
 * - `record-invoice`: draft, sent or partially paid invoices; `amount` (default: the amount due) must be above 0 and
 *   not above the amount due (400); status becomes partially_paid or paid; the payment is kept in `payments`.
 *   Like HighLevel, which lists invoice payments among the location's transactions, each payment also records a
 *   transaction in the payments store (payments.ts `transactionsOf`, read by payments.json `list-transactions` /
 *   `get-transaction-by-id`): `entityType` and `entitySourceType` `invoice`, `entityId` / `entitySourceId` the
 *   invoice id, `entitySourceName` its name, `contactId` the invoice's contact, `amount` in the invoice currency's
 *   major units (`currency`), `paymentProviderType: manual`, `paymentMode` the payment's `mode`, `status:
 *   succeeded`. No order is made: orders come from checkouts (funnels, stores, payment links), not from recording a
 *   payment against an invoice.
 * - `void-invoice`: draft or sent only (400).
 * - `list-invoices`: `status`, `contactId`, `search` (name or number contains, case ignored), `paymentMode` (`live` /
 *   `test` by `liveMode`), `startAt`/`endAt` (YYYY-MM-DD, on `issueDate`, both included), `sortField=issueDate` +
 *   `sortOrder` (default newest created first), `offset` + `limit` (required strings), `total`.
 * - Estimates (collection `estimates`): create (status draft, number from the estimate counter), `list-estimates`
 *   (`status` (`all` = any), `contactId`, `search`, `startAt`/`endAt`, `offset` + `limit`, `total`), `send-estimate`
 *   (draft/sent → sent; user checked), `create-invoice-from-estimate` (a draft invoice with the estimate's items,
 *   contact and business; the estimate becomes `invoiced` when `markAsInvoiced`).
 * Webhook events (registered here in webhooks.ts `EVENT_RULES.invoices`, FACTS.md 5.1): InvoiceCreate, InvoiceUpdate, InvoiceDelete,
 * InvoiceSent, InvoicePaid, InvoicePartiallyPaid, InvoiceVoid with the invoice as the API answers it.
 */
import { badRequest, forbiddenLocation, iso, notFound, unprocessable, type OperationContext, type OperationHandler } from './context';
import { exponentOf, toMajor, toMinor } from './money';
import { transactionsOf } from './payments';
import { recordsOf, type PlainRecord } from './records';
import type { RecordChange, LocationData } from './store';
import { EVENT_RULES, type DerivedEvent } from './webhooks';

/** Collection names (records.ts `recordsOf`). */
export const INVOICES = 'invoices';
export const ESTIMATES = 'estimates';

/** A line item as stored: the item as sent, its `_id`, and its unit amount in minor units. */
export interface StoredItem {
	_id: string;
	name: string;
	currency: string;
	amountMinor: number;
	qty: number;
	[key: string]: unknown;
}

/** One recorded payment (sandbox only; `record-invoice`). */
export interface InvoicePayment {
	id: string;
	mode: string;
	amountMinor: number;
	notes: string;
	at: string;
}

/** An invoice as stored. Amounts in minor units; {@link invoiceToApi} gives the API shape. */
export interface InvoiceRecord extends PlainRecord {
	altId: string;
	name: string;
	status: 'draft' | 'sent' | 'payment_processing' | 'paid' | 'void' | 'partially_paid';
	currency: string;
	liveMode: boolean;
	invoiceNumber: string;
	items: StoredItem[];
	discount: { type: string; value: number; validOnProductIds?: string[] };
	businessDetails: Record<string, unknown>;
	contactDetails: Record<string, unknown>;
	sentTo?: Record<string, unknown>;
	issueDate: string;
	dueDate: string;
	title: string;
	termsNotes?: string;
	paidMinor: number;
	payments: InvoicePayment[];
	/** Channels the invoice was sent by (sandbox only). */
	sends: Array<{ action: string; userId: string; at: string }>;
	createdAt: string;
	updatedAt: string;
}

/** An estimate as stored. */
export interface EstimateRecord extends PlainRecord {
	altId: string;
	name: string;
	status: 'draft' | 'sent' | 'accepted' | 'declined' | 'invoiced' | 'viewed';
	currency: string;
	liveMode: boolean;
	estimateNumber: number;
	items: StoredItem[];
	discount: { type: string; value: number };
	businessDetails: Record<string, unknown>;
	contactDetails: Record<string, unknown>;
	sentTo?: Record<string, unknown>;
	issueDate?: string;
	expiryDate?: string;
	title: string;
	termsNotes?: string;
	invoiceId?: string;
	createdAt: string;
	updatedAt: string;
}

/** Per-location counters (next invoice and estimate numbers). */
const counters = new WeakMap<LocationData, { invoice: number; estimate: number }>();
function counterOf(location: LocationData): { invoice: number; estimate: number } {
	let c = counters.get(location);
	if (!c) counters.set(location, (c = { invoice: 1000, estimate: 1000 }));
	return c;
}

export const invoicesOf = (location: LocationData) => recordsOf<InvoiceRecord>(location, INVOICES);
export const estimatesOf = (location: LocationData) => recordsOf<EstimateRecord>(location, ESTIMATES);

/** The `altId` of the request (query or body) must be the token's location. */
function checkAltId(ctx: OperationContext): void {
	const altId = (ctx.query.altId ?? ctx.body?.altId) as string | undefined;
	if (altId !== ctx.location.id) throw forbiddenLocation();
}

/** Stored items from the request's items: currency checked against `currency`, amounts to minor units. */
function storeItems(ctx: OperationContext, items: Array<Record<string, unknown>>, currency: string, field: string): StoredItem[] {
	return items.map((item, i) => {
		if (String(item.currency).toUpperCase() !== currency) {
			throw badRequest(`${field}.${i}.currency ${String(item.currency)} differs from the invoice currency ${currency}`);
		}
		const amountMinor = toMinor(item.amount, currency);
		if (amountMinor === undefined) {
			throw unprocessable([`${field}.${i}.amount must have at most ${exponentOf(currency)} decimals for ${currency}`]);
		}
		const { amount, ...rest } = item;
		void amount;
		return { ...rest, _id: ctx.store.ids.id(), name: String(item.name), currency, amountMinor, qty: Number(item.qty) } as StoredItem;
	});
}

/** Subtotal, discount, tax and total of a document in minor units (see the module comment). */
export function totalsOf(doc: { items: StoredItem[]; discount: { type: string; value: number }; currency: string }): {
	subTotal: number;
	discount: number;
	tax: number;
	total: number;
} {
	let subTotal = 0;
	let tax = 0;
	for (const item of doc.items) {
		const line = Math.round(item.amountMinor * item.qty);
		subTotal += line;
		for (const t of (item.taxes ?? []) as Array<{ rate?: number }>) tax += Math.round((line * Number(t.rate ?? 0)) / 100);
	}
	const discount =
		doc.discount?.type === 'fixed'
			? (toMinor(doc.discount.value, doc.currency) ?? 0)
			: Math.round((subTotal * Number(doc.discount?.value ?? 0)) / 100);
	return { subTotal, discount, tax, total: subTotal - discount + tax };
}

function itemsToApi(items: StoredItem[]): Array<Record<string, unknown>> {
	return items.map(({ amountMinor, ...rest }) => ({ taxes: [], ...rest, amount: toMajor(amountMinor, rest.currency) }));
}

/** An invoice as the API answers it (`GetInvoiceResponseDto`): amounts in major units. */
export function invoiceToApi(invoice: InvoiceRecord): Record<string, unknown> {
	const totals = totalsOf(invoice);
	const major = (minor: number) => toMajor(minor, invoice.currency);
	return {
		_id: invoice.id,
		status: invoice.status,
		liveMode: invoice.liveMode,
		amountPaid: major(invoice.paidMinor),
		altId: invoice.altId,
		altType: 'location',
		name: invoice.name,
		businessDetails: invoice.businessDetails,
		invoiceNumber: invoice.invoiceNumber,
		currency: invoice.currency,
		contactDetails: invoice.contactDetails,
		issueDate: invoice.issueDate,
		dueDate: invoice.dueDate,
		discount: invoice.discount,
		invoiceItems: itemsToApi(invoice.items),
		total: major(totals.total),
		title: invoice.title,
		amountDue: major(invoice.status === 'void' ? 0 : totals.total - invoice.paidMinor),
		createdAt: invoice.createdAt,
		updatedAt: invoice.updatedAt,
		totalSummary: { subTotal: major(totals.subTotal), discount: major(totals.discount), tax: major(totals.tax) },
		...(invoice.sentTo ? { sentTo: invoice.sentTo } : {}),
		...(invoice.termsNotes ? { termsNotes: invoice.termsNotes } : {}),
	};
}

/** An estimate as the API answers it (`EstimateResponseDto`). */
export function estimateToApi(estimate: EstimateRecord): Record<string, unknown> {
	const totals = totalsOf(estimate);
	return {
		_id: estimate.id,
		altId: estimate.altId,
		altType: 'location',
		status: estimate.status,
		liveMode: estimate.liveMode,
		deleted: false,
		name: estimate.name,
		currency: estimate.currency,
		businessDetails: estimate.businessDetails,
		items: itemsToApi(estimate.items),
		discount: estimate.discount,
		title: estimate.title,
		total: toMajor(totals.total, estimate.currency),
		estimateNumber: estimate.estimateNumber,
		contactDetails: estimate.contactDetails,
		issueDate: estimate.issueDate,
		expiryDate: estimate.expiryDate,
		sentTo: estimate.sentTo ?? {},
		frequencySettings: { enabled: false },
		automaticTaxesEnabled: false,
		createdAt: estimate.createdAt,
		updatedAt: estimate.updatedAt,
		...(estimate.invoiceId ? { invoiceId: estimate.invoiceId } : {}),
	};
}

function invoiceOf(ctx: OperationContext): InvoiceRecord {
	checkAltId(ctx);
	const invoice = invoicesOf(ctx.location).get(ctx.params.invoiceId);
	if (invoice) return invoice;
	for (const location of ctx.store.locations.values()) {
		if (location !== ctx.location && invoicesOf(location).has(ctx.params.invoiceId)) throw forbiddenLocation();
	}
	throw notFound('Invoice not found');
}

function estimateOf(ctx: OperationContext): EstimateRecord {
	checkAltId(ctx);
	const estimate = estimatesOf(ctx.location).get(ctx.params.estimateId);
	if (estimate) return estimate;
	throw notFound('Estimate not found');
}

/** The user of `userId` must be a user of the location (400 otherwise). */
function checkUser(ctx: OperationContext, userId: unknown): string {
	const id = String(userId ?? '');
	if (!ctx.location.users.some((u) => u.id === id)) throw badRequest(`userId ${id} is not a user of this location`);
	return id;
}

/** Stores a new invoice from a create-like body (`CreateInvoiceDto`, `Text2PayDto`, an estimate). */
function newInvoice(ctx: OperationContext, body: Record<string, unknown>, items: StoredItem[]): InvoiceRecord {
	const now = iso(ctx.now());
	const counter = counterOf(ctx.location);
	const number = body.invoiceNumber !== undefined && body.invoiceNumber !== '' ? String(body.invoiceNumber) : String(++counter.invoice);
	const invoice: InvoiceRecord = {
		id: ctx.store.ids.id(),
		altId: ctx.location.id,
		name: String(body.name),
		status: 'draft',
		currency: String(body.currency).toUpperCase(),
		liveMode: body.liveMode !== false,
		invoiceNumber: number,
		items,
		discount: (body.discount as InvoiceRecord['discount']) ?? { type: 'percentage', value: 0 },
		businessDetails: (body.businessDetails as Record<string, unknown>) ?? {},
		contactDetails: (body.contactDetails as Record<string, unknown>) ?? {},
		sentTo: body.sentTo as Record<string, unknown> | undefined,
		issueDate: String(body.issueDate ?? now.slice(0, 10)),
		dueDate: String(body.dueDate ?? body.issueDate ?? now.slice(0, 10)),
		title: String(body.title ?? 'INVOICE'),
		termsNotes: body.termsNotes as string | undefined,
		paidMinor: 0,
		payments: [],
		sends: [],
		createdAt: now,
		updatedAt: now,
	};
	if (totalsOf(invoice).total < 0) throw badRequest('The discount is larger than the invoice subtotal');
	invoicesOf(ctx.location).set(invoice.id, invoice);
	return invoice;
}

function setInvoice(ctx: OperationContext, invoice: InvoiceRecord, changes: Partial<InvoiceRecord>): InvoiceRecord {
	const next = { ...invoice, ...changes, updatedAt: iso(ctx.now()) };
	invoicesOf(ctx.location).set(next.id, next);
	return next;
}

function currencyOf(body: Record<string, unknown>): string {
	const currency = String(body.currency ?? '').toUpperCase();
	if (!/^[A-Z]{3}$/.test(currency)) throw unprocessable(['currency must be an ISO 4217 code']);
	return currency;
}

function page<T>(ctx: OperationContext, list: T[]): { slice: T[]; total: number } {
	const offset = Math.max(0, Number(ctx.query.offset ?? 0) || 0);
	const limit = Math.max(1, Number(ctx.query.limit ?? 10) || 10);
	return { slice: list.slice(offset, offset + limit), total: list.length };
}

function inDateRange(ctx: OperationContext, date: string | undefined): boolean {
	const day = String(date ?? '').slice(0, 10);
	if (ctx.query.startAt && day < String(ctx.query.startAt)) return false;
	if (ctx.query.endAt && day > String(ctx.query.endAt)) return false;
	return true;
}

const listInvoices: OperationHandler = (ctx) => {
	checkAltId(ctx);
	const q = ctx.query;
	const search = String(q.search ?? '').toLowerCase();
	let list = [...invoicesOf(ctx.location).values()].filter(
		(i) =>
			(!q.status || i.status === q.status) &&
			(!q.contactId || i.contactDetails.id === q.contactId) &&
			(!search || i.name.toLowerCase().includes(search) || i.invoiceNumber.toLowerCase().includes(search)) &&
			(!q.paymentMode || q.paymentMode === 'default' || (q.paymentMode === 'live') === i.liveMode) &&
			inDateRange(ctx, i.issueDate),
	);
	if (q.sortField === 'issueDate') {
		const dir = q.sortOrder === 'ascend' ? 1 : -1;
		list.sort((a, b) => dir * (a.issueDate.localeCompare(b.issueDate) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)));
	} else {
		list = list.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
	}
	const { slice, total } = page(ctx, list);
	return { status: 200, body: { invoices: slice.map(invoiceToApi), total } };
};

const getInvoice: OperationHandler = (ctx) => ({ status: 200, body: invoiceToApi(invoiceOf(ctx)) });

const createInvoice: OperationHandler = (ctx) => {
	checkAltId(ctx);
	const currency = currencyOf(ctx.body);
	const invoice = newInvoice(ctx, ctx.body, storeItems(ctx, ctx.body.items, currency, 'items'));
	return { status: 200, body: invoiceToApi(invoice) };
};

const updateInvoice: OperationHandler = (ctx) => {
	const invoice = invoiceOf(ctx);
	if (invoice.status !== 'draft' && invoice.status !== 'sent') throw badRequest(`A ${invoice.status} invoice cannot be edited`);
	const b = ctx.body;
	const currency = currencyOf(b);
	const changes: Partial<InvoiceRecord> = {
		name: String(b.name),
		currency,
		items: storeItems(ctx, b.invoiceItems, currency, 'invoiceItems'),
		issueDate: String(b.issueDate),
		dueDate: String(b.dueDate),
	};
	for (const key of ['title', 'termsNotes', 'discount', 'businessDetails', 'contactDetails', 'liveMode'] as const) {
		if (b[key] !== undefined) (changes as Record<string, unknown>)[key] = b[key];
	}
	if (b.invoiceNumber !== undefined) changes.invoiceNumber = String(b.invoiceNumber);
	const next = { ...invoice, ...changes } as InvoiceRecord;
	if (totalsOf(next).total < next.paidMinor) throw badRequest('The new total is below the amount already paid');
	return { status: 200, body: invoiceToApi(setInvoice(ctx, invoice, changes)) };
};

const deleteInvoice: OperationHandler = (ctx) => {
	const invoice = invoiceOf(ctx);
	if (invoice.status === 'paid' || invoice.status === 'partially_paid') throw badRequest(`A ${invoice.status} invoice cannot be deleted`);
	invoicesOf(ctx.location).delete(invoice.id);
	return { status: 200, body: invoiceToApi(invoice) };
};

const sendInvoice: OperationHandler = (ctx) => {
	const invoice = invoiceOf(ctx);
	if (invoice.status !== 'draft' && invoice.status !== 'sent') throw badRequest(`A ${invoice.status} invoice cannot be sent`);
	const userId = checkUser(ctx, ctx.body.userId);
	const action = String(ctx.body.action);
	const next = setInvoice(ctx, invoice, {
		status: 'sent',
		liveMode: ctx.body.liveMode !== false,
		sends: [...invoice.sends, { action, userId, at: iso(ctx.now()) }],
	});
	const email = action === 'email' || action === 'sms_and_email';
	const sms = action === 'sms' || action === 'sms_and_email';
	return {
		status: 200,
		body: {
			invoice: invoiceToApi(next),
			smsData: sms ? { to: next.contactDetails.phoneNo } : {},
			emailData: email ? { to: next.contactDetails.email, from: ctx.body.sentFrom ?? {} } : {},
		},
	};
};

const voidInvoice: OperationHandler = (ctx) => {
	const invoice = invoiceOf(ctx);
	if (invoice.status !== 'draft' && invoice.status !== 'sent') throw badRequest(`A ${invoice.status} invoice cannot be voided`);
	return { status: 200, body: invoiceToApi(setInvoice(ctx, invoice, { status: 'void' })) };
};

/**
 * The transaction HighLevel lists for a payment recorded against an invoice (payments.json `TxnResponseSchema`):
 * `entityType` / `entitySourceType` `invoice`, `entityId` the invoice, `amount` in the invoice currency's major units.
 */
function recordInvoiceTransaction(ctx: OperationContext, invoice: InvoiceRecord, payment: InvoicePayment): void {
	const now = iso(ctx.now());
	transactionsOf(ctx.location).set(payment.id, {
		id: payment.id, _id: payment.id, altId: ctx.location.id, altType: 'location',
		contactId: String(invoice.contactDetails.id ?? ''), currency: invoice.currency,
		amount: toMajor(payment.amountMinor, invoice.currency), status: 'succeeded', liveMode: invoice.liveMode,
		entityType: 'invoice', entityId: invoice.id, entitySourceType: 'invoice', entitySourceId: invoice.id,
		entitySourceName: invoice.name, paymentProviderType: 'manual', paymentMode: payment.mode,
		...(payment.notes ? { notes: payment.notes } : {}),
		createdAt: now, updatedAt: now, fulfilledAt: payment.at,
	});
}

const recordPayment: OperationHandler = (ctx) => {
	const invoice = invoiceOf(ctx);
	if (!['draft', 'sent', 'partially_paid'].includes(invoice.status)) {
		throw badRequest(`A payment cannot be recorded for a ${invoice.status} invoice`);
	}
	const due = totalsOf(invoice).total - invoice.paidMinor;
	let amountMinor = due;
	if (ctx.body.amount !== undefined) {
		const minor = toMinor(ctx.body.amount, invoice.currency);
		if (minor === undefined) throw unprocessable([`amount must have at most ${exponentOf(invoice.currency)} decimals for ${invoice.currency}`]);
		amountMinor = minor;
	}
	if (amountMinor <= 0) throw unprocessable(['amount must be greater than 0']);
	if (amountMinor > due) throw badRequest(`The amount ${toMajor(amountMinor, invoice.currency)} is more than the amount due ${toMajor(due, invoice.currency)}`);
	const paidMinor = invoice.paidMinor + amountMinor;
	const payment: InvoicePayment = {
		id: ctx.store.ids.id(),
		mode: String(ctx.body.mode),
		amountMinor,
		notes: String(ctx.body.notes ?? ''),
		at: String(ctx.body.fulfilledAt ?? iso(ctx.now())),
	};
	const next = setInvoice(ctx, invoice, {
		paidMinor,
		payments: [...invoice.payments, payment],
		status: paidMinor === totalsOf(invoice).total ? 'paid' : 'partially_paid',
	});
	recordInvoiceTransaction(ctx, next, payment);
	return { status: 200, body: { success: true, invoice: invoiceToApi(next) } };
};

const text2pay: OperationHandler = (ctx) => {
	checkAltId(ctx);
	if (ctx.body.id) throw badRequest('Updating an invoice through text2pay is not supported by the sandbox');
	const userId = checkUser(ctx, ctx.body.userId);
	const currency = currencyOf(ctx.body);
	let invoice = newInvoice(ctx, ctx.body, storeItems(ctx, ctx.body.items, currency, 'items'));
	if (ctx.body.action === 'send') {
		invoice = setInvoice(ctx, invoice, { status: 'sent', sends: [{ action: 'sms_and_email', userId, at: iso(ctx.now()) }] });
	}
	return {
		status: 200,
		body: { invoice: invoiceToApi(invoice), invoiceUrl: `https://invoices.sandbox.example/${invoice.id}` },
	};
};

const generateInvoiceNumber: OperationHandler = (ctx) => {
	checkAltId(ctx);
	const counter = counterOf(ctx.location);
	return { status: 200, body: { invoiceNumber: ++counter.invoice } };
};

const listEstimates: OperationHandler = (ctx) => {
	checkAltId(ctx);
	const q = ctx.query;
	const search = String(q.search ?? '').toLowerCase();
	const list = [...estimatesOf(ctx.location).values()]
		.filter(
			(e) =>
				(!q.status || q.status === 'all' || e.status === q.status) &&
				(!q.contactId || e.contactDetails.id === q.contactId) &&
				(!search || e.name.toLowerCase().includes(search) || String(e.estimateNumber).includes(search)) &&
				inDateRange(ctx, e.issueDate ?? e.createdAt),
		)
		.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
	const { slice, total } = page(ctx, list);
	return { status: 200, body: { estimates: slice.map(estimateToApi), total } };
};

const createEstimate: OperationHandler = (ctx) => {
	checkAltId(ctx);
	const b = ctx.body;
	const currency = currencyOf(b);
	const now = iso(ctx.now());
	const counter = counterOf(ctx.location);
	const estimate: EstimateRecord = {
		id: ctx.store.ids.id(),
		altId: ctx.location.id,
		name: String(b.name),
		status: 'draft',
		currency,
		liveMode: b.liveMode !== false,
		estimateNumber: typeof b.estimateNumber === 'number' && b.estimateNumber > 0 ? b.estimateNumber : ++counter.estimate,
		items: storeItems(ctx, b.items, currency, 'items'),
		discount: b.discount,
		businessDetails: b.businessDetails ?? {},
		contactDetails: b.contactDetails ?? {},
		sentTo: b.sentTo,
		issueDate: b.issueDate,
		expiryDate: b.expiryDate,
		title: String(b.title ?? 'ESTIMATE'),
		termsNotes: b.termsNotes,
		createdAt: now,
		updatedAt: now,
	};
	estimatesOf(ctx.location).set(estimate.id, estimate);
	return { status: 201, body: estimateToApi(estimate) };
};

const sendEstimate: OperationHandler = (ctx) => {
	const estimate = estimateOf(ctx);
	if (estimate.status !== 'draft' && estimate.status !== 'sent') throw badRequest(`A ${estimate.status} estimate cannot be sent`);
	checkUser(ctx, ctx.body.userId);
	const next: EstimateRecord = { ...estimate, status: 'sent', updatedAt: iso(ctx.now()) };
	estimatesOf(ctx.location).set(next.id, next);
	return { status: 201, body: estimateToApi(next) };
};

const invoiceFromEstimate: OperationHandler = (ctx) => {
	const estimate = estimateOf(ctx);
	if (estimate.status === 'invoiced') throw badRequest('The estimate is already invoiced');
	const items = estimate.items.map((item) => ({ ...item, _id: ctx.store.ids.id() }));
	const invoice = newInvoice(
		ctx,
		{
			name: estimate.name,
			currency: estimate.currency,
			liveMode: estimate.liveMode,
			discount: estimate.discount,
			businessDetails: estimate.businessDetails,
			contactDetails: estimate.contactDetails,
			sentTo: estimate.sentTo,
			title: 'INVOICE',
		},
		items,
	);
	const next: EstimateRecord = {
		...estimate,
		status: ctx.body.markAsInvoiced ? 'invoiced' : estimate.status,
		invoiceId: invoice.id,
		updatedAt: iso(ctx.now()),
	};
	estimatesOf(ctx.location).set(next.id, next);
	return { status: 200, body: { estimate: estimateToApi(next), invoice: invoiceToApi(invoice) } };
};

/** Handlers of invoices.json, by operationId (merged into server.ts `HANDLERS`). */
export const invoiceHandlers: Record<string, OperationHandler> = {
	'list-invoices': listInvoices,
	'get-invoice': getInvoice,
	'create-invoice': createInvoice,
	'update-invoice': updateInvoice,
	'delete-invoice': deleteInvoice,
	'send-invoice': sendInvoice,
	'void-invoice': voidInvoice,
	'record-invoice': recordPayment,
	'text2pay-invoice': text2pay,
	'generate-invoice-number': generateInvoiceNumber,
	'list-estimates': listEstimates,
	'create-new-estimate': createEstimate,
	'send-estimate': sendEstimate,
	'create-invoice-from-estimate': invoiceFromEstimate,
};

const STATUS_EVENTS: Record<string, string> = {
	sent: 'InvoiceSent',
	paid: 'InvoicePaid',
	partially_paid: 'InvoicePartiallyPaid',
	void: 'InvoiceVoid',
};

/**
 * Invoice webhook events (FACTS.md 5.1; the payload is the invoice as the API answers it, webhook-events/Invoice*.md):
 * InvoiceCreate, InvoiceDelete; a status change to sent / paid / partially_paid / void gives InvoiceSent / InvoicePaid /
 * InvoicePartiallyPaid / InvoiceVoid (a further payment of a partially paid invoice gives InvoicePartiallyPaid again);
 * other changes give InvoiceUpdate.
 */
export function invoiceEvents({ before, after }: RecordChange): DerivedEvent[] {
	const b = before as InvoiceRecord | undefined;
	const a = after as InvoiceRecord | undefined;
	if (!b && a) return [{ type: 'InvoiceCreate', fields: invoiceToApi(a) }];
	if (b && !a) return [{ type: 'InvoiceDelete', fields: invoiceToApi(b) }];
	if (!a || !b) return [];
	const statusEvent = STATUS_EVENTS[a.status];
	if (statusEvent && (a.status !== b.status || (a.status === 'partially_paid' && a.paidMinor !== b.paidMinor))) {
		return [{ type: statusEvent, fields: invoiceToApi(a) }];
	}
	if (a.status === 'sent' && b.status === 'sent' && a.sends.length !== b.sends.length) {
		return [{ type: 'InvoiceSent', fields: invoiceToApi(a) }];
	}
	return [{ type: 'InvoiceUpdate', fields: invoiceToApi(a) }];
}

EVENT_RULES[INVOICES] ??= invoiceEvents;
