import { API_VERSION, type Endpoint, type PaginationStyle } from './types';

const VERSION = API_VERSION.default;

/**
 * Offset paging of the payments.json lists (FACTS.md 2.10, 2.14): query `limit` (default 10; coupons 100) +
 * `offset` (from 0), `totalCount` = every match. No maximum page size is documented; pages of 100 are asked.
 */
const PAYMENTS_PAGING: PaginationStyle = {
	style: 'offset',
	sizeParameter: 'limit',
	offsetParameter: 'offset',
	maxPageSize: 100,
	totalField: 'totalCount',
};

/**
 * Endpoints of payments.json (Version 2021-07-28, Location-Access): orders, their fulfillments and manual
 * payments, transactions, subscriptions and coupons. The location goes as `altId` (query for GETs, body for
 * writes); `altType=location` is sent beside it by the operations wherever the spec declares it (list-orders and
 * get-order-by-id declare no `altType`, FACTS.md 2.10). Keys are unique across all app modules (see index.ts).
 */
export const PAYMENTS_ENDPOINTS = {
	// payments.json `list-orders`: query `altId` (required), `status`, `paymentStatus` (paid, unpaid, refunded,
	// partially_paid), `paymentMode`, `startAt` / `endAt` (dates `YYYY-MM-DD`), `search` (order name), `contactId`,
	// `funnelProductIds` (comma-separated), `sourceId`, `limit` + `offset`; root `data` (`OrderResponseSchema`:
	// `_id, contactId, currency, amount, subtotal, discount, status, createdAt, …`) and `totalCount`.
	getOrders: {
		spec: 'payments',
		operationId: 'list-orders',
		method: 'GET',
		path: '/payments/orders',
		version: VERSION,
		location: { in: 'query', name: 'altId' },
		root: 'data',
		scope: 'payments/orders.readonly',
		pagination: PAYMENTS_PAGING,
	},
	// payments.json `get-order-by-id`: query `altId` (required); the flat order (`GetOrderResponseSchema`: `_id,
	// contactId, currency, amount, status, amountSummary, items, …`).
	getOrder: {
		spec: 'payments',
		operationId: 'get-order-by-id',
		method: 'GET',
		path: '/payments/orders/{orderId}',
		version: VERSION,
		location: { in: 'query', name: 'altId' },
		scope: 'payments/orders.readonly',
	},
	// payments.json `record-order-payment`: body `altId`, `altType` (location), `mode` (cash, card, cheque,
	// bank_transfer, other) required; `amount` (number, major units: see resources/order/recordPayment.ts), `notes`,
	// `card {type, last4}`, `cheque {number}`, `isPartialPayment`; answers `{success}`. Scope
	// `payments/orders.collectPayment` (the spec's security).
	recordOrderPayment: {
		spec: 'payments',
		operationId: 'record-order-payment',
		method: 'POST',
		path: '/payments/orders/{orderId}/record-payment',
		version: VERSION,
		location: { in: 'body', name: 'altId', altType: true },
		scope: 'payments/orders.collectPayment',
	},
	// payments.json `list-order-fulfillment`: query `altId` + `altType` (required); root `data` (`FulfillmentSchema`:
	// `_id, trackings[], items[], createdAt, updatedAt`), not paged.
	getOrderFulfillments: {
		spec: 'payments',
		operationId: 'list-order-fulfillment',
		method: 'GET',
		path: '/payments/orders/{orderId}/fulfillments',
		version: VERSION,
		location: { in: 'query', name: 'altId', altType: true },
		root: 'data',
		scope: 'payments/orders.readonly',
	},
	// payments.json `create-order-fulfillment`: body `altId`, `altType`, `trackings[] {trackingNumber,
	// shippingCarrier, trackingUrl}`, `items[] {priceId, qty}`, `notifyCustomer` (all required); root `data`.
	createOrderFulfillment: {
		spec: 'payments',
		operationId: 'create-order-fulfillment',
		method: 'POST',
		path: '/payments/orders/{orderId}/fulfillments',
		version: VERSION,
		location: { in: 'body', name: 'altId', altType: true },
		root: 'data',
		scope: 'payments/orders.write',
	},
	// payments.json `list-transactions`: query `altId` + `altType` (required), `paymentMode`, `startAt` / `endAt`
	// (`YYYY-MM-DD`), `entitySourceType`, `entitySourceSubType`, `search`, `subscriptionId`, `entityId`, `contactId`,
	// `limit` + `offset`; root `data` (`TxnResponseSchema`) and `totalCount`.
	getTransactions: {
		spec: 'payments',
		operationId: 'list-transactions',
		method: 'GET',
		path: '/payments/transactions',
		version: VERSION,
		location: { in: 'query', name: 'altId', altType: true },
		root: 'data',
		scope: 'payments/transactions.readonly',
		pagination: PAYMENTS_PAGING,
	},
	// payments.json `get-transaction-by-id`: query `altId` + `altType` (required); the flat transaction.
	getTransaction: {
		spec: 'payments',
		operationId: 'get-transaction-by-id',
		method: 'GET',
		path: '/payments/transactions/{transactionId}',
		version: VERSION,
		location: { in: 'query', name: 'altId', altType: true },
		scope: 'payments/transactions.readonly',
	},
	// payments.json `list-subscriptions`: query `altId` + `altType` (required), `entityId`, `paymentMode`,
	// `startAt` / `endAt` (`YYYY-MM-DD`), `entitySourceType`, `search`, `contactId`, `id`, `limit` + `offset`;
	// root `data` (`SubscriptionResponseSchema`) and `totalCount`. No status filter is declared.
	getSubscriptions: {
		spec: 'payments',
		operationId: 'list-subscriptions',
		method: 'GET',
		path: '/payments/subscriptions',
		version: VERSION,
		location: { in: 'query', name: 'altId', altType: true },
		root: 'data',
		scope: 'payments/subscriptions.readonly',
		pagination: PAYMENTS_PAGING,
	},
	// payments.json `get-subscription-by-id`: query `altId` + `altType` (required); the flat subscription.
	getSubscription: {
		spec: 'payments',
		operationId: 'get-subscription-by-id',
		method: 'GET',
		path: '/payments/subscriptions/{subscriptionId}',
		version: VERSION,
		location: { in: 'query', name: 'altId', altType: true },
		scope: 'payments/subscriptions.readonly',
	},
	// payments.json `list-coupons`: query `altId` + `altType` (required), `status` (scheduled, active, expired),
	// `search` (name or code), `limit` (default 100) + `offset`; root `data` (`CouponDto`) and `totalCount`.
	getCoupons: {
		spec: 'payments',
		operationId: 'list-coupons',
		method: 'GET',
		path: '/payments/coupon/list',
		version: VERSION,
		location: { in: 'query', name: 'altId', altType: true },
		root: 'data',
		scope: 'payments/coupons.readonly',
		pagination: PAYMENTS_PAGING,
	},
	// payments.json `get-coupon`: query `altId`, `altType`, `id` and `code` (all required); the flat coupon
	// (`CreateCouponResponseDto`).
	getCoupon: {
		spec: 'payments',
		operationId: 'get-coupon',
		method: 'GET',
		path: '/payments/coupon',
		version: VERSION,
		location: { in: 'query', name: 'altId', altType: true },
		scope: 'payments/coupons.readonly',
	},
	// payments.json `create-coupon`: body `altId`, `altType`, `name`, `code`, `discountType` (percentage | amount),
	// `discountValue`, `startDate` (ISO date-time) required; `endDate`, `usageLimit`, `productIds`,
	// `applyToFuturePayments`, `applyToFuturePaymentsConfig`, `limitPerCustomer`; the flat coupon (201).
	createCoupon: {
		spec: 'payments',
		operationId: 'create-coupon',
		method: 'POST',
		path: '/payments/coupon',
		version: VERSION,
		location: { in: 'body', name: 'altId', altType: true },
		scope: 'payments/coupons.write',
	},
	// payments.json `update-coupon`: the create body plus `id`, with every create-required field required again.
	updateCoupon: {
		spec: 'payments',
		operationId: 'update-coupon',
		method: 'PUT',
		path: '/payments/coupon',
		version: VERSION,
		location: { in: 'body', name: 'altId', altType: true },
		scope: 'payments/coupons.write',
	},
	// payments.json `delete-coupon`: body `altId`, `altType`, `id`; answers `{success, traceId}`.
	deleteCoupon: {
		spec: 'payments',
		operationId: 'delete-coupon',
		method: 'DELETE',
		path: '/payments/coupon',
		version: VERSION,
		location: { in: 'body', name: 'altId', altType: true },
		scope: 'payments/coupons.write',
	},
} satisfies Record<string, Endpoint>;
