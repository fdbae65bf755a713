import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import {
	BUSINESS_DETAILS_FIELD,
	businessDetailsOf,
	contactDetailsOf,
	dateParameter,
	DISCOUNT_FIELDS,
	discountOf,
} from '../../shared/billing';
import { collectionField, contactLocator, recordLocator } from '../../shared/descriptions';
import { readLineItems, lineItemsFields } from '../../shared/lineItems';
import { assertCurrency, currencyField } from '../../shared/money';
import { invalidParameter } from '../../shared/validation';

/** Invoice statuses (invoices.json `GetInvoiceResponseDto.status`). */
export const INVOICE_STATUS_OPTIONS = [
	{ name: 'Draft', value: 'draft' },
	{ name: 'Paid', value: 'paid' },
	{ name: 'Partially Paid', value: 'partially_paid' },
	{ name: 'Payment Processing', value: 'payment_processing' },
	{ name: 'Sent', value: 'sent' },
	{ name: 'Void', value: 'void' },
];

/** The Invoice resource locator (listSearch `searchInvoices`, invoices.json `list-invoices` with `search`). */
export function invoiceLocator(show: Record<string, string[]>): INodeProperties {
	return recordLocator({
		displayName: 'Invoice',
		name: 'invoiceId',
		record: 'invoice',
		searchListMethod: 'searchInvoices',
		searchPlaceholder: 'Search by invoice name or number…',
		idExample: '6578278e879ad2646715ba9c',
		show,
		description: 'The invoice, searched by name or number, or given by ID',
	});
}

/** Title, Invoice Number, Due Date, Terms and Notes, Discount: the Additional Fields of Create and Text2Pay. */
export const DOCUMENT_FIELD_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Due Date',
		name: 'dueDate',
		type: 'dateTime',
		default: '',
		description: 'The day payment is due (sent as YYYY-MM-DD in the workflow\'s time zone)',
	},
	{ displayName: 'Invoice Number', name: 'invoiceNumber', type: 'string', default: '', description: 'Default: the next number of the location (see Generate Invoice Number)' },
	{ displayName: 'Terms and Notes', name: 'termsNotes', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Shown on the invoice; HTML allowed' },
	{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'e.g. INVOICE' },
	...DISCOUNT_FIELDS,
];

/**
 * The fields of a new invoice (Create, Text2Pay): Name, Contact, Currency, Issue Date, line items, Live Mode, Business
 * Details, Additional Fields.
 */
export function documentFields(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show },
			placeholder: 'e.g. Website redesign',
			description: 'Name of the invoice (internal)',
		},
		contactLocator('contactId', show),
		{ ...currencyField({ show }), required: true },
		{
			displayName: 'Issue Date',
			name: 'issueDate',
			type: 'dateTime',
			default: '',
			displayOptions: { show },
			description: 'Default: today (sent as YYYY-MM-DD in the workflow\'s time zone)',
		},
		...lineItemsFields(show),
		{
			displayName: 'Live Mode',
			name: 'liveMode',
			type: 'boolean',
			default: true,
			displayOptions: { show },
			description: 'Whether payments go through the live payment provider (off: test mode)',
		},
		{ ...BUSINESS_DETAILS_FIELD, displayOptions: { show } },
		collectionField('additionalFields', show, DOCUMENT_FIELD_OPTIONS),
	];
}

/** Today as `YYYY-MM-DD` in the workflow's time zone. */
function today(ctx: IExecuteSingleFunctions): string {
	return dateParameter(ctx, Date.now(), 'Issue Date');
}

/**
 * The body of `create-invoice` / `text2pay-invoice` (`CreateInvoiceDto` / `Text2PayDto`) from the fields of
 * {@link documentFields}: every local check (currency, line items, discount, dates) runs first, then the contact is
 * read for `contactDetails` and `sentTo`. `businessDetails` and `discount` are required by the DTOs and always sent.
 * @throws NodeOperationError naming the parameter, before any request
 */
export async function invoiceDocumentBody(ctx: IExecuteSingleFunctions): Promise<IDataObject> {
	const currency = assertCurrency(ctx, ctx.getNodeParameter('currency', 'USD'), 'Currency');
	const name = String(ctx.getNodeParameter('name', '') ?? '').trim();
	if (!name) throw invalidParameter(ctx, 'Name', 'enter a name for the invoice');
	const items = readLineItems(ctx, currency);
	const fields = (ctx.getNodeParameter('additionalFields', {}) ?? {}) as IDataObject;
	const discount = discountOf(ctx, fields, currency, 'Additional Fields');
	const issueRaw = ctx.getNodeParameter('issueDate', '') as string;
	const issueDate = issueRaw ? dateParameter(ctx, issueRaw, 'Issue Date') : today(ctx);
	const body: IDataObject = {
		name,
		currency,
		items,
		discount,
		businessDetails: businessDetailsOf(ctx),
		issueDate,
		liveMode: ctx.getNodeParameter('liveMode', true) as boolean,
	};
	if (fields.dueDate) {
		body.dueDate = dateParameter(ctx, fields.dueDate, 'Additional Fields → Due Date');
		if (String(body.dueDate) < issueDate) {
			throw invalidParameter(ctx, 'Additional Fields → Due Date', `${String(body.dueDate)} is before the Issue Date ${issueDate}`);
		}
	}
	for (const key of ['title', 'invoiceNumber', 'termsNotes']) {
		const value = String(fields[key] ?? '').trim();
		if (value) body[key] = value;
	}
	const contactId = String(ctx.getNodeParameter('contactId', '', { extractValue: true }) ?? '').trim();
	if (!contactId) throw invalidParameter(ctx, 'Contact', 'choose the contact to invoice');
	Object.assign(body, await contactDetailsOf(ctx, contactId));
	return body;
}

/** preSend of Create / Text2Pay: the request body is {@link invoiceDocumentBody} (+ `extra`) with `altType`. */
export function sendDocument(extra?: (ctx: IExecuteSingleFunctions) => Promise<IDataObject>) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const body = await invoiceDocumentBody(this);
		return { ...requestOptions, body: { ...body, ...(extra ? await extra(this) : {}), altType: 'location' } };
	};
}

/** Field names of the document body for HighLevel's validation messages (errors.ts `nameNodeFields`). */
export const DOCUMENT_FIELD_NAMES = {
	name: 'Name',
	currency: 'Currency',
	items: 'Line Items',
	issueDate: 'Issue Date',
	dueDate: 'Additional Fields → Due Date',
	discount: 'Additional Fields → Discount Value',
	contactDetails: 'Contact',
	invoiceNumber: 'Additional Fields → Invoice Number',
};
