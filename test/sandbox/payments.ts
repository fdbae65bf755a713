/**
 * Orders, fulfillments, manual order payments, transactions, subscriptions and coupons (payments.json, Version
 * 2021-07-28). The location is `altId` (query or body; another location's id → 403); `altType` must be `location`
 * where the spec declares it.
 *
 * Seeded per location on first use (ids derived from the location id, stable across runs): 12 orders an hour apart
 * from 2025-09-01 (major-unit amounts, USD, each with one item of a price), every third one paid with a transaction;
 * 6 subscriptions a day apart (with a first transaction each); 2 coupons. `addOrders(...)`, `addTransactions(...)`
 * and `addSubscriptions(...)` add generated records.
 *
 * - Lists (`list-orders`, `list-transactions`, `list-subscriptions`, `list-coupons`): newest first, `limit`
 *   (default 10; coupons 100) + `offset`, `{data, totalCount}`; filters as the spec names them; `startAt` / `endAt`
 *   are dates `YYYY-MM-DD` (other formats → 422), both days included, compared in the location's time zone.
 * - `record-order-payment`: `amount` in major units (default: what is still due); more than is due → 400; records a
 *   transaction (`entityType: order`, `paymentProviderType: manual`) and moves the order's `paymentStatus` to
 *   `partially_paid` or `paid` (`amountPaid` tracks the sum, in cents internally, so no float drift); a paid order →
 *   400. Answers `{success: true}`.
 * - `create-order-fulfillment`: items must be prices of the order with quantities not beyond what is left to ship
 *   (400); stores the fulfillment and sets the order's `fulfillmentStatus` (`partially_fulfilled` / `fulfilled`).
 * - Webhook events (webhooks.ts `EVENT_RULES.orders`): OrderStatusUpdate when a payment moves an order's `status`
 *   (e.g. to `completed`); OrderCreate for an order added by `addOrders` inside `sandbox.webhooks.capture(...)` (no
 *   API operation creates orders; the seed sends nothing).
 * - Coupons: `code` unique per location (400); `percentage` discounts must be 0–100 (422); `status` from
 *   `startDate` / `endDate` against the sandbox clock; get needs `id` and `code` of the same coupon (404).
 */
import { badRequest, forbiddenLocation, iso, notFound, unprocessable, type OperationContext, type OperationHandler } from './context';
import { toMajor, toMinor } from './money';
import { recordsOf, type PlainRecord } from './records';
import type { LocationData } from './store';

/** An order (`OrderResponseSchema` + `GetOrderResponseSchema` fields). Amounts in major units. */
export interface OrderRecord extends PlainRecord {
	_id: string;
	altId: string;
	altType: 'location';
	contactId: string;
	contactName: string;
	contactEmail: string;
	currency: string;
	amount: number;
	subtotal: number;
	discount: number;
	status: string;
	paymentStatus: 'paid' | 'unpaid' | 'refunded' | 'partially_paid';
	/** Sum of recorded payments, major units. */
	amountPaid: number;
	liveMode: boolean;
	sourceType: string;
	sourceName: string;
	sourceId: string;
	fulfillmentStatus: string;
	items: Array<{ _id: string; name: string; qty: number; price: { _id: string; amount: number; currency: string }; product: { _id: string; name: string } }>;
	createdAt: string;
	updatedAt: string;
}

/** A transaction (`TxnResponseSchema`). */
export interface TransactionRecord extends PlainRecord {
	_id: string;
	altId: string;
	altType: 'location';
	contactId: string;
	currency: string;
	amount: number;
	status: string;
	liveMode: boolean;
	entityType: string;
	entityId: string;
	entitySourceType: string;
	subscriptionId?: string;
	paymentProviderType: string;
	paymentMode?: string;
	notes?: string;
	createdAt: string;
	updatedAt: string;
	fulfilledAt: string;
}

/** A subscription (`SubscriptionResponseSchema`). */
export interface SubscriptionRecord extends PlainRecord {
	_id: string;
	altId: string;
	altType: 'location';
	contactId: string;
	currency: string;
	amount: number;
	status: string;
	liveMode: boolean;
	entityType: string;
	entityId: string;
	entitySourceType: string;
	paymentProviderType: string;
	createdAt: string;
	updatedAt: string;
}

/** A fulfillment of an order (`FulfillmentSchema`). */
export interface FulfillmentRecord extends PlainRecord {
	_id: string;
	orderId: string;
	altId: string;
	altType: 'location';
	trackings: Array<Record<string, unknown>>;
	items: Array<{ priceId: string; qty: number }>;
	notifyCustomer: boolean;
	createdAt: string;
	updatedAt: string;
}

/** A coupon (`CreateCouponResponseDto`). */
export interface CouponRecord extends PlainRecord {
	_id: string;
	altId: string;
	altType: 'location';
	name: string;
	code: string;
	discountType: 'percentage' | 'amount';
	discountValue: number;
	startDate: string;
	endDate?: string;
	usageCount: number;
	usageLimit?: number;
	limitPerCustomer: number;
	productIds?: string[];
	applyToFuturePayments: boolean;
	applyToFuturePaymentsConfig: Record<string, unknown>;
	createdAt: string;
	updatedAt: string;
}

const seeded = new WeakSet<LocationData>();
const SEED_START = Date.UTC(2025, 8, 1);
const HOUR = 3_600_000;

/** Ids of seeded and generated records: 24 hex characters derived from the location id, a kind and a number. */
function derivedId(location: LocationData, kind: string, n: number): string {
	let h = 0;
	for (const ch of `${location.id}:${kind}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
	return `${h.toString(16).padStart(8, '0')}${kind.slice(0, 2).split('').map((c) => c.charCodeAt(0).toString(16)).join('')}${n.toString(16).padStart(12, '0')}`.slice(0, 24);
}

function seed(location: LocationData): void {
	if (seeded.has(location)) return;
	seeded.add(location);
	const seededIds = addOrders(location, 12, { start: SEED_START, prefix: 'Seed order', silent: true });
	const orders = seededIds.map((id) => recordsOf<OrderRecord>(location, 'orders').get(id) as OrderRecord);
	orders.forEach((order, i) => {
		if (i % 3 !== 0) return;
		order.paymentStatus = 'paid';
		order.amountPaid = order.amount;
		order.status = 'completed';
		addTransactions(location, 1, { start: Date.parse(order.createdAt) + 60_000, entityId: order._id, contactId: order.contactId, amount: order.amount });
	});
	addSubscriptions(location, 6, { start: SEED_START });
	const coupons = recordsOf<CouponRecord>(location, 'coupons');
	for (const [n, [name, code, type, value]] of ([['Spring Sale', 'SPRING10', 'percentage', 10], ['Five Off', 'FIVEOFF', 'amount', 5]] as const).entries()) {
		const id = derivedId(location, 'coupon', n + 1);
		const at = iso(SEED_START + n * HOUR);
		coupons.set(id, {
			id, _id: id, altId: location.id, altType: 'location', name, code, discountType: type, discountValue: value,
			startDate: at, usageCount: 0, limitPerCustomer: 0, applyToFuturePayments: true,
			applyToFuturePaymentsConfig: { type: 'forever' }, createdAt: at, updatedAt: at,
		});
	}
}

/** The orders of a location (seeded on first use). */
export function ordersOf(location: LocationData) {
	seed(location);
	return recordsOf<OrderRecord>(location, 'orders');
}
/** The transactions of a location (seeded on first use). */
export function transactionsOf(location: LocationData) {
	seed(location);
	return recordsOf<TransactionRecord>(location, 'transactions');
}
/** The subscriptions of a location (seeded on first use). */
export function subscriptionsOf(location: LocationData) {
	seed(location);
	return recordsOf<SubscriptionRecord>(location, 'subscriptions');
}
/** The order fulfillments of a location. */
export function fulfillmentsOf(location: LocationData) {
	seed(location);
	return recordsOf<FulfillmentRecord>(location, 'orderFulfillments');
}
/** The coupons of a location (seeded on first use). */
export function couponsOf(location: LocationData) {
	seed(location);
	return recordsOf<CouponRecord>(location, 'coupons');
}

const counters = new WeakMap<LocationData, Record<string, number>>();
function nextNumber(location: LocationData, kind: string): number {
	let c = counters.get(location);
	if (!c) counters.set(location, (c = {}));
	c[kind] = (c[kind] ?? 0) + 1;
	return c[kind];
}

function contactOf(location: LocationData, n: number): { id: string; name: string; email: string } {
	const contacts = [...location.contacts.values()];
	const c = contacts.length ? contacts[n % contacts.length] : undefined;
	return c
		? { id: c.id, name: `${c.firstName ?? ''} ${c.lastName ?? ''}`.trim(), email: String(c.email ?? '') }
		: { id: `contact${String(n).padStart(14, '0')}`, name: 'Sandbox Contact', email: 'contact@example.com' };
}

/**
 * Adds `count` unpaid orders, an hour apart from `start` (default 2025-09-01), each with one item of 2 × 24.50 USD
 * (amount 49, major units) unless `amount` says otherwise; as if customers placed them (OrderCreate events) unless
 * `silent`.
 * @returns the new orders' ids, oldest first
 */
export function addOrders(
	location: LocationData,
	count: number,
	o: { start?: number; prefix?: string; contactId?: string; amount?: number; currency?: string; sourceId?: string; status?: string; silent?: boolean } = {},
): string[] {
	seed(location);
	const orders = recordsOf<OrderRecord>(location, 'orders');
	const ids: string[] = [];
	for (let i = 0; i < count; i++) {
		const n = nextNumber(location, 'order');
		const id = derivedId(location, 'order', n);
		const contact = o.contactId ? { id: o.contactId, name: '', email: '' } : contactOf(location, n);
		const at = iso((o.start ?? SEED_START) + i * HOUR);
		const amount = o.amount ?? 49;
		const currency = o.currency ?? 'USD';
		const priceId = derivedId(location, 'price', (n % 3) + 1);
		// Seeded orders are stored without a change notification (no OrderCreate event for the seed).
		const put = (record: OrderRecord) => (o.silent ? Map.prototype.set.call(orders, id, record) : orders.set(id, record));
		put({
			id, _id: id, altId: location.id, altType: 'location', contactId: contact.id, contactName: contact.name, contactEmail: contact.email,
			currency, amount, subtotal: amount, discount: 0, status: o.status ?? 'pending', paymentStatus: 'unpaid', amountPaid: 0,
			liveMode: true, sourceType: 'funnel', sourceName: `${o.prefix ?? 'Order'} ${n}`, sourceId: o.sourceId ?? derivedId(location, 'funnel', 1),
			fulfillmentStatus: 'unfulfilled',
			items: [{ _id: derivedId(location, 'item', n), name: `Product ${(n % 3) + 1}`, qty: 2, price: { _id: priceId, amount: amount / 2, currency }, product: { _id: derivedId(location, 'product', (n % 3) + 1), name: `Product ${(n % 3) + 1}` } }],
			createdAt: at, updatedAt: at,
		});
		ids.push(id);
	}
	return ids;
}

/** Adds `count` succeeded transactions an hour apart from `start`. @returns their ids, oldest first */
export function addTransactions(
	location: LocationData,
	count: number,
	o: { start?: number; entityId?: string; contactId?: string; amount?: number; subscriptionId?: string; liveMode?: boolean } = {},
): string[] {
	seed(location);
	const txns = recordsOf<TransactionRecord>(location, 'transactions');
	const ids: string[] = [];
	for (let i = 0; i < count; i++) {
		const n = nextNumber(location, 'txn');
		const id = derivedId(location, 'txn', n);
		const at = iso((o.start ?? SEED_START) + i * HOUR);
		txns.set(id, {
			id, _id: id, altId: location.id, altType: 'location', contactId: o.contactId ?? contactOf(location, n).id, currency: 'USD',
			amount: o.amount ?? 49, status: 'succeeded', liveMode: o.liveMode ?? true, entityType: o.subscriptionId ? 'subscription' : 'order',
			entityId: o.entityId ?? derivedId(location, 'order', 10_000 + n), entitySourceType: 'funnel',
			...(o.subscriptionId ? { subscriptionId: o.subscriptionId } : {}),
			paymentProviderType: 'stripe', createdAt: at, updatedAt: at, fulfilledAt: at,
		});
		ids.push(id);
	}
	return ids;
}

/** Adds `count` active subscriptions a day apart from `start`, each with its first transaction. @returns their ids */
export function addSubscriptions(location: LocationData, count: number, o: { start?: number; contactId?: string; status?: string } = {}): string[] {
	seed(location);
	const subs = recordsOf<SubscriptionRecord>(location, 'subscriptions');
	const ids: string[] = [];
	for (let i = 0; i < count; i++) {
		const n = nextNumber(location, 'sub');
		const id = derivedId(location, 'sub', n);
		const start = (o.start ?? SEED_START) + i * 24 * HOUR;
		const contactId = o.contactId ?? contactOf(location, n).id;
		subs.set(id, {
			id, _id: id, altId: location.id, altType: 'location', contactId, currency: 'USD', amount: 29.99,
			status: o.status ?? (n % 4 === 0 ? 'canceled' : 'active'), liveMode: true, entityType: 'order',
			entityId: derivedId(location, 'order', 20_000 + n), entitySourceType: 'funnel', paymentProviderType: 'stripe',
			createdAt: iso(start), updatedAt: iso(start),
		});
		addTransactions(location, 1, { start: start + 60_000, contactId, amount: 29.99, subscriptionId: id });
		ids.push(id);
	}
	return ids;
}

/** `YYYY-MM-DD` of an instant in an IANA time zone. */
function dateIn(zone: string, ms: number): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function numberOf(value: unknown, fallback: number): number {
	const n = Number(value);
	return value === undefined || value === '' || !Number.isFinite(n) ? fallback : n;
}

/** 403 unless `altId` is the token's location; 422 for an `altType` other than `location`. */
function checkAlt(ctx: OperationContext, source: Record<string, unknown>): void {
	if (source.altType !== undefined && source.altType !== 'location') throw unprocessable(['altType must be one of the following values: location']);
	if (source.altId !== ctx.location.id) throw forbiddenLocation();
}

/** A day filter on `createdAt` from `startAt` / `endAt` (both days included, the location's time zone). */
function dayFilter(ctx: OperationContext): (createdAt: string) => boolean {
	const bad = (['startAt', 'endAt'] as const).filter((p) => ctx.query[p] !== undefined && !DATE.test(String(ctx.query[p])));
	if (bad.length) throw unprocessable(bad.map((p) => `${p} must be a date in the format YYYY-MM-DD`));
	const zone = ctx.location.location.timezone || 'UTC';
	const startAt = ctx.query.startAt === undefined ? undefined : String(ctx.query.startAt);
	const endAt = ctx.query.endAt === undefined ? undefined : String(ctx.query.endAt);
	return (createdAt) => {
		const day = dateIn(zone, Date.parse(createdAt));
		return (!startAt || day >= startAt) && (!endAt || day <= endAt);
	};
}

function page<T extends PlainRecord>(ctx: OperationContext, all: T[], defaultLimit: number): OperationResult {
	const limit = numberOf(ctx.query.limit, defaultLimit);
	const offset = numberOf(ctx.query.offset, 0);
	if (limit < 1) throw unprocessable(['limit must not be less than 1']);
	if (offset < 0) throw unprocessable(['offset must not be less than 0']);
	const sorted = [...all].sort((a, b) => Date.parse(String(b.createdAt)) - Date.parse(String(a.createdAt)) || (a.id < b.id ? 1 : -1));
	return { status: 200, body: { data: sorted.slice(offset, offset + limit).map((r) => toApi(r)), totalCount: sorted.length } };
}
type OperationResult = ReturnType<OperationHandler>;

/** The API view of a record: the sandbox's own `id` (and an order's `orderId` link) dropped. */
function toApi(record: PlainRecord, drop: string[] = []): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record)) if (key !== 'id' && !drop.includes(key)) out[key] = structuredClone(value);
	return out;
}

const contains = (value: unknown, text: unknown) =>
	typeof text !== 'string' || !text || String(value ?? '').toLowerCase().includes(text.toLowerCase());
const equals = (value: unknown, wanted: unknown) => wanted === undefined || value === wanted;

/**
 * A payments.json list (orders, transactions, subscriptions): `altId` / `altType` checked, `startAt` / `endAt` days on
 * `createdAt`, `paymentMode` (`live` / test), each query parameter of `exact` equal to its record field, and `more`;
 * then a page, newest first (`offset` / `limit`, default 10).
 */
function paymentList<T extends PlainRecord & { liveMode: boolean; createdAt: string }>(
	ctx: OperationContext,
	records: Iterable<T>,
	exact: Record<string, keyof T>,
	more: (record: T) => boolean = () => true,
): OperationResult {
	checkAlt(ctx, ctx.query);
	const inRange = dayFilter(ctx);
	const mode = ctx.query.paymentMode;
	const matches = [...records].filter(
		(r) =>
			(mode === undefined || (mode === 'live') === r.liveMode) &&
			Object.entries(exact).every(([parameter, field]) => equals(r[field], ctx.query[parameter])) &&
			more(r) &&
			inRange(r.createdAt),
	);
	return page(ctx, matches, 10);
}

const listOrders: OperationHandler = (ctx) => {
	const funnelProducts = ctx.query.funnelProductIds === undefined ? undefined : String(ctx.query.funnelProductIds).split(',').map((s) => s.trim());
	return paymentList(
		ctx,
		ordersOf(ctx.location).values(),
		{ status: 'status', paymentStatus: 'paymentStatus', contactId: 'contactId', sourceId: 'sourceId' },
		(o) =>
			(!funnelProducts || o.items.some((item) => funnelProducts.includes(item.product._id) || funnelProducts.includes(item.price._id))) &&
			contains(o.sourceName, ctx.query.search),
	);
};

function orderOf(ctx: OperationContext): OrderRecord {
	const order = ordersOf(ctx.location).get(ctx.params.orderId);
	if (!order) throw badRequest('Order not found');
	return order;
}

const getOrder: OperationHandler = (ctx) => {
	checkAlt(ctx, ctx.query);
	return { status: 200, body: { ...toApi(orderOf(ctx)), traceId: ctx.store.ids.id() } };
};

const recordOrderPayment: OperationHandler = (ctx) => {
	const body = (ctx.body ?? {}) as Record<string, unknown>;
	checkAlt(ctx, body);
	const order = orderOf(ctx);
	// Integer minor units of the order's currency (money.ts): no float drift, any exponent (JPY 0, KWD 3).
	const minor = (major: unknown) => toMinor(major, order.currency);
	const totalMinor = minor(order.amount) ?? 0;
	const dueMinor = totalMinor - (minor(order.amountPaid) ?? 0);
	if (dueMinor <= 0) throw badRequest('Order is already paid');
	const amountMinor = body.amount === undefined ? dueMinor : minor(body.amount);
	if (amountMinor === undefined) throw unprocessable([`amount has more decimals than ${order.currency} allows`]);
	if (amountMinor <= 0) throw unprocessable(['amount must be a positive number']);
	if (amountMinor > dueMinor) {
		throw badRequest(`Amount ${toMajor(amountMinor, order.currency)} is more than the amount due ${toMajor(dueMinor, order.currency)}`);
	}
	const now = ctx.now();
	const paidMinor = totalMinor - dueMinor + amountMinor;
	const paid = paidMinor >= totalMinor;
	// A new object, so that the change (before → after) drives the OrderStatusUpdate webhook event.
	ordersOf(ctx.location).set(order.id, {
		...order,
		amountPaid: toMajor(paidMinor, order.currency),
		paymentStatus: paid ? 'paid' : 'partially_paid',
		status: paid ? 'completed' : order.status,
		updatedAt: iso(now),
	});
	const txnId = ctx.store.ids.id();
	transactionsOf(ctx.location).set(txnId, {
		id: txnId, _id: txnId, altId: ctx.location.id, altType: 'location', contactId: order.contactId, currency: order.currency,
		amount: toMajor(amountMinor, order.currency), status: 'succeeded', liveMode: order.liveMode, entityType: 'order', entityId: order._id,
		entitySourceType: order.sourceType, paymentProviderType: 'manual', paymentMode: String(body.mode),
		...(typeof body.notes === 'string' ? { notes: body.notes } : {}),
		createdAt: iso(now), updatedAt: iso(now), fulfilledAt: iso(now),
	});
	return { status: 200, body: { success: true } };
};

const listFulfillments: OperationHandler = (ctx) => {
	checkAlt(ctx, ctx.query);
	const order = orderOf(ctx);
	const data = [...fulfillmentsOf(ctx.location).values()]
		.filter((f) => f.orderId === order._id)
		.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
		.map((f) => toApi(f, ['orderId', 'notifyCustomer']));
	return { status: 200, body: { status: true, data } };
};

const createFulfillment: OperationHandler = (ctx) => {
	const body = (ctx.body ?? {}) as Record<string, unknown>;
	checkAlt(ctx, body);
	const order = orderOf(ctx);
	const items = (body.items as Array<{ priceId: string; qty: number }>) ?? [];
	if (!items.length) throw unprocessable(['items should not be empty']);
	const shipped = new Map<string, number>();
	for (const f of fulfillmentsOf(ctx.location).values()) {
		if (f.orderId === order._id) for (const item of f.items) shipped.set(item.priceId, (shipped.get(item.priceId) ?? 0) + item.qty);
	}
	for (const item of items) {
		const line = order.items.find((l) => l.price._id === item.priceId);
		if (!line) throw badRequest(`Price ${item.priceId} is not an item of this order`);
		if (!(item.qty > 0)) throw unprocessable(['items.qty must be a positive number']);
		const left = line.qty - (shipped.get(item.priceId) ?? 0);
		if (item.qty > left) throw badRequest(`Only ${left} of ${line.name} are left to fulfill`);
		shipped.set(item.priceId, (shipped.get(item.priceId) ?? 0) + item.qty);
	}
	const id = ctx.store.ids.id();
	const at = iso(ctx.now());
	const record: FulfillmentRecord = {
		id, _id: id, orderId: order._id, altId: ctx.location.id, altType: 'location',
		trackings: structuredClone((body.trackings as Array<Record<string, unknown>>) ?? []), items: items.map((i) => ({ priceId: i.priceId, qty: i.qty })),
		notifyCustomer: body.notifyCustomer === true, createdAt: at, updatedAt: at,
	};
	fulfillmentsOf(ctx.location).set(id, record);
	ordersOf(ctx.location).set(order.id, {
		...order,
		fulfillmentStatus: order.items.every((l) => (shipped.get(l.price._id) ?? 0) >= l.qty) ? 'fulfilled' : 'partially_fulfilled',
		updatedAt: at,
	});
	return { status: 200, body: { status: true, data: toApi(record, ['orderId', 'notifyCustomer']) } };
};

const listTransactions: OperationHandler = (ctx) =>
	paymentList(ctx, transactionsOf(ctx.location).values(), {
		contactId: 'contactId',
		subscriptionId: 'subscriptionId',
		entityId: 'entityId',
		entitySourceType: 'entitySourceType',
	});

const getTransaction: OperationHandler = (ctx) => {
	checkAlt(ctx, ctx.query);
	const txn = transactionsOf(ctx.location).get(ctx.params.transactionId);
	if (!txn) throw badRequest('Transaction not found');
	return { status: 200, body: toApi(txn) };
};

const listSubscriptions: OperationHandler = (ctx) =>
	paymentList(ctx, subscriptionsOf(ctx.location).values(), { contactId: 'contactId', id: '_id', entityId: 'entityId' });

const getSubscription: OperationHandler = (ctx) => {
	checkAlt(ctx, ctx.query);
	const sub = subscriptionsOf(ctx.location).get(ctx.params.subscriptionId);
	if (!sub) throw badRequest('Subscription not found');
	return { status: 200, body: toApi(sub) };
};

function couponStatus(c: CouponRecord, now: number): string {
	if (Date.parse(c.startDate) > now) return 'scheduled';
	if (c.endDate && Date.parse(c.endDate) < now) return 'expired';
	return 'active';
}

function couponView(ctx: OperationContext, c: CouponRecord): Record<string, unknown> {
	return { ...toApi(c), status: couponStatus(c, ctx.now()), traceId: ctx.store.ids.id() };
}

const listCoupons: OperationHandler = (ctx) => {
	checkAlt(ctx, ctx.query);
	const matches = [...couponsOf(ctx.location).values()].filter(
		(c) => equals(couponStatus(c, ctx.now()), ctx.query.status) && (contains(c.name, ctx.query.search) || contains(c.code, ctx.query.search)),
	);
	const result = page(ctx, matches, 100);
	const data = (result.body.data as Array<Record<string, unknown>>).map((c) => ({ ...c, status: couponStatus(c as CouponRecord, ctx.now()) }));
	return { status: 200, body: { ...result.body, data, traceId: ctx.store.ids.id() } };
};

const getCoupon: OperationHandler = (ctx) => {
	checkAlt(ctx, ctx.query);
	const coupon = couponsOf(ctx.location).get(String(ctx.query.id));
	if (!coupon || coupon.code !== ctx.query.code) throw notFound('Coupon not found');
	return { status: 200, body: couponView(ctx, coupon) };
};

const COUPON_FIELDS = ['name', 'code', 'discountType', 'discountValue', 'startDate', 'endDate', 'usageLimit', 'productIds', 'applyToFuturePayments', 'applyToFuturePaymentsConfig', 'limitPerCustomer'];

function checkCoupon(ctx: OperationContext, body: Record<string, unknown>, id?: string): void {
	if (body.discountType === 'percentage' && (Number(body.discountValue) <= 0 || Number(body.discountValue) > 100)) {
		throw unprocessable(['discountValue must be between 0 and 100 for a percentage discount']);
	}
	if (Number(body.discountValue) <= 0) throw unprocessable(['discountValue must be a positive number']);
	for (const p of ['startDate', 'endDate']) {
		if (body[p] !== undefined && Number.isNaN(Date.parse(String(body[p])))) throw unprocessable([`${p} must be a valid ISO 8601 date string`]);
	}
	const code = String(body.code);
	if ([...couponsOf(ctx.location).values()].some((c) => c.code.toLowerCase() === code.toLowerCase() && c.id !== id)) {
		throw badRequest(`Coupon code ${code} already exists`);
	}
}

const createCoupon: OperationHandler = (ctx) => {
	const body = (ctx.body ?? {}) as Record<string, unknown>;
	checkAlt(ctx, body);
	checkCoupon(ctx, body);
	const id = ctx.store.ids.id();
	const at = iso(ctx.now());
	const record = {
		id, _id: id, altId: ctx.location.id, altType: 'location', usageCount: 0, applyToFuturePayments: true,
		applyToFuturePaymentsConfig: { type: 'forever' }, createdAt: at, updatedAt: at,
		...Object.fromEntries(COUPON_FIELDS.filter((k) => body[k] !== undefined).map((k) => [k, structuredClone(body[k])])),
		limitPerCustomer: body.limitPerCustomer === true ? 1 : 0,
	} as unknown as CouponRecord;
	couponsOf(ctx.location).set(id, record);
	return { status: 201, body: couponView(ctx, record) };
};

const updateCoupon: OperationHandler = (ctx) => {
	const body = (ctx.body ?? {}) as Record<string, unknown>;
	checkAlt(ctx, body);
	const coupon = couponsOf(ctx.location).get(String(body.id));
	if (!coupon) throw notFound('Coupon not found');
	checkCoupon(ctx, body, coupon.id);
	const updated = {
		...coupon,
		...Object.fromEntries(COUPON_FIELDS.filter((k) => body[k] !== undefined).map((k) => [k, structuredClone(body[k])])),
		limitPerCustomer: body.limitPerCustomer === undefined ? coupon.limitPerCustomer : body.limitPerCustomer === true ? 1 : 0,
		updatedAt: iso(ctx.now()),
	} as CouponRecord;
	couponsOf(ctx.location).set(coupon.id, updated);
	return { status: 200, body: couponView(ctx, updated) };
};

const deleteCoupon: OperationHandler = (ctx) => {
	const body = (ctx.body ?? {}) as Record<string, unknown>;
	checkAlt(ctx, body);
	if (!couponsOf(ctx.location).delete(String(body.id))) throw notFound('Coupon not found');
	return { status: 200, body: { success: true, traceId: ctx.store.ids.id() } };
};

/** Handlers by operationId. */
export const paymentHandlers: Record<string, OperationHandler> = {
	'list-orders': listOrders,
	'get-order-by-id': getOrder,
	'record-order-payment': recordOrderPayment,
	'list-order-fulfillment': listFulfillments,
	'create-order-fulfillment': createFulfillment,
	'list-transactions': listTransactions,
	'get-transaction-by-id': getTransaction,
	'list-subscriptions': listSubscriptions,
	'get-subscription-by-id': getSubscription,
	'list-coupons': listCoupons,
	'get-coupon': getCoupon,
	'create-coupon': createCoupon,
	'update-coupon': updateCoupon,
	'delete-coupon': deleteCoupon,
};
