import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/**
 * Endpoints of invoices.json (FACTS.md 2.11, Version 2021-07-28, Location-Access): invoices and estimates. Every
 * operation names the location as `altId` with `altType=location` (query for GETs and DELETEs, body for writes); the
 * endpoint entries place both (`location.altType`, transport.ts `buildRequest`).
 * Lists page with `limit` + `offset`, both required and typed as strings (FACTS.md 2.11, 2.14), and answer `total`.
 *
 * Amounts (line item `amount`, `total`, `amountPaid`, `amountDue`, record-payment `amount`) are in the currency's
 * major units with decimals (e.g. 999 for a 999 USD item, 1222.03 for an estimate total): invoices.json examples
 * (`InvoiceItemDto.amount` 999, `EstimateResponseDto.total` 1222.03) and webhook-events/InvoicePaid.md
 * ("Macbook Pro", `amount` 999).
 * Keys are unique across all app modules (see index.ts).
 */
export const INVOICES_ENDPOINTS = {
	/**
	 * `GET /invoices/` (`list-invoices`): `altId` + `altType=location`, `limit` + `offset` (required strings),
	 * `status`, `startAt`/`endAt` (YYYY-MM-DD), `search`, `paymentMode` (default/live/test), `contactId`,
	 * `sortField=issueDate`, `sortOrder` (ascend/descend) → `invoices[]`, `total`.
	 */
	getInvoices: {
		spec: 'invoices',
		operationId: 'list-invoices',
		method: 'GET',
		path: '/invoices/',
		version: VERSION,
		location: { in: 'query', name: 'altId', altType: true },
		root: 'invoices',
		scope: 'invoices.readonly',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'offset', maxPageSize: 100 },
	},
	/** `GET /invoices/{invoiceId}?altId=&altType=location` (`get-invoice`) → the invoice, flat. */
	getInvoice: {
		spec: 'invoices',
		operationId: 'get-invoice',
		method: 'GET',
		path: '/invoices/{invoiceId}',
		version: VERSION,
		location: { in: 'query', name: 'altId', altType: true },
		scope: 'invoices.readonly',
	},
	/**
	 * `POST /invoices/` (`create-invoice`, body `CreateInvoiceDto`: `altId, altType, name, businessDetails, currency,
	 * items, discount, contactDetails, issueDate, sentTo, liveMode` required) → the invoice, flat (`_id`, status
	 * `draft`). Creates money owed: never re-sent after an ambiguous failure (transport.ts: POST).
	 */
	createInvoice: {
		spec: 'invoices',
		operationId: 'create-invoice',
		method: 'POST',
		path: '/invoices/',
		version: VERSION,
		location: { in: 'body', name: 'altId', altType: true },
		scope: 'invoices.write',
	},
	/**
	 * `PUT /invoices/{invoiceId}` (`update-invoice`, body `UpdateInvoiceDto`: `altId, altType, name, currency,
	 * invoiceItems, issueDate, dueDate` required) → `UpdateInvoiceResponseDto`, flat.
	 */
	updateInvoice: {
		spec: 'invoices',
		operationId: 'update-invoice',
		method: 'PUT',
		path: '/invoices/{invoiceId}',
		version: VERSION,
		location: { in: 'body', name: 'altId', altType: true },
		scope: 'invoices.write',
	},
	/** `DELETE /invoices/{invoiceId}?altId=&altType=location` (`delete-invoice`) → the deleted invoice, flat. */
	deleteInvoice: {
		spec: 'invoices',
		operationId: 'delete-invoice',
		method: 'DELETE',
		path: '/invoices/{invoiceId}',
		version: VERSION,
		location: { in: 'query', name: 'altId', altType: true },
		scope: 'invoices.write',
	},
	/**
	 * `POST /invoices/{invoiceId}/send` (`send-invoice`, body `SendInvoiceDto`: `altId, altType, userId, action
	 * (sms_and_email|send_manually|email|sms), liveMode` required, `sentFrom {fromName, fromEmail}`) →
	 * `{invoice, smsData, emailData}`.
	 */
	sendInvoice: {
		spec: 'invoices',
		operationId: 'send-invoice',
		method: 'POST',
		path: '/invoices/{invoiceId}/send',
		version: VERSION,
		location: { in: 'body', name: 'altId', altType: true },
		scope: 'invoices.write',
	},
	/** `POST /invoices/{invoiceId}/void` (`void-invoice`, body `VoidInvoiceDto`: `altId, altType`) → the invoice, flat. */
	voidInvoice: {
		spec: 'invoices',
		operationId: 'void-invoice',
		method: 'POST',
		path: '/invoices/{invoiceId}/void',
		version: VERSION,
		location: { in: 'body', name: 'altId', altType: true },
		scope: 'invoices.write',
	},
	/**
	 * `POST /invoices/{invoiceId}/record-payment` (`record-invoice`, body `RecordPaymentDto`: `altId, altType, mode
	 * (cash|card|cheque|bank_transfer|other), card {brand, last4}, cheque {number}, notes` required, `amount` in major
	 * units) → `{success, invoice}`.
	 */
	recordInvoicePayment: {
		spec: 'invoices',
		operationId: 'record-invoice',
		method: 'POST',
		path: '/invoices/{invoiceId}/record-payment',
		version: VERSION,
		location: { in: 'body', name: 'altId', altType: true },
		root: 'invoice',
		scope: 'invoices.write',
	},
	/**
	 * `POST /invoices/text2pay` (`text2pay-invoice`, body `Text2PayDto`: the create fields plus `action (draft|send)`
	 * and `userId`; Location-Access only) → `{invoice, invoiceUrl}`.
	 */
	text2PayInvoice: {
		spec: 'invoices',
		operationId: 'text2pay-invoice',
		method: 'POST',
		path: '/invoices/text2pay',
		version: VERSION,
		location: { in: 'body', name: 'altId', altType: true },
		scope: 'invoices.write',
	},
	/** `GET /invoices/generate-invoice-number?altId=&altType=location` (`generate-invoice-number`) → `{invoiceNumber}`. */
	generateInvoiceNumber: {
		spec: 'invoices',
		operationId: 'generate-invoice-number',
		method: 'GET',
		path: '/invoices/generate-invoice-number',
		version: VERSION,
		location: { in: 'query', name: 'altId', altType: true },
		scope: 'invoices.readonly',
	},
	/**
	 * `GET /invoices/estimate/list` (`list-estimates`): `altId` + `altType=location`, `limit` + `offset` (required
	 * strings), `startAt`/`endAt`, `search`, `status` (all|draft|sent|accepted|declined|invoiced|viewed), `contactId`
	 * → `estimates[]`, `total`, `traceId`.
	 */
	getEstimates: {
		spec: 'invoices',
		operationId: 'list-estimates',
		method: 'GET',
		path: '/invoices/estimate/list',
		version: VERSION,
		location: { in: 'query', name: 'altId', altType: true },
		root: 'estimates',
		scope: 'invoices/estimate.readonly',
		pagination: { style: 'offset', sizeParameter: 'limit', offsetParameter: 'offset', maxPageSize: 100 },
	},
	/**
	 * `POST /invoices/estimate` (`create-new-estimate`, body `CreateEstimatesDto`: `altId, altType, name,
	 * businessDetails, currency, items, discount, contactDetails, frequencySettings` required) → 201
	 * `EstimateResponseDto`, flat.
	 */
	createEstimate: {
		spec: 'invoices',
		operationId: 'create-new-estimate',
		method: 'POST',
		path: '/invoices/estimate',
		version: VERSION,
		location: { in: 'body', name: 'altId', altType: true },
		scope: 'invoices/estimate.write',
	},
	/**
	 * `POST /invoices/estimate/{estimateId}/send` (`send-estimate`, body `SendEstimateDto`: `altId, altType, action,
	 * liveMode, userId` required) → 201 `EstimateResponseDto`.
	 */
	sendEstimate: {
		spec: 'invoices',
		operationId: 'send-estimate',
		method: 'POST',
		path: '/invoices/estimate/{estimateId}/send',
		version: VERSION,
		location: { in: 'body', name: 'altId', altType: true },
		scope: 'invoices/estimate.write',
	},
	/**
	 * `POST /invoices/estimate/{estimateId}/invoice` (`create-invoice-from-estimate`, body
	 * `CreateInvoiceFromEstimateDto`: `altId, altType, markAsInvoiced` required) → `{estimate, invoice}`.
	 */
	convertEstimateToInvoice: {
		spec: 'invoices',
		operationId: 'create-invoice-from-estimate',
		method: 'POST',
		path: '/invoices/estimate/{estimateId}/invoice',
		version: VERSION,
		location: { in: 'body', name: 'altId', altType: true },
		scope: 'invoices/estimate.write',
	},
} satisfies Record<string, Endpoint>;
