import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { dateParameter, DISCOUNT_FIELDS, discountOf } from '../../shared/billing';
import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { lineItemsFields, readLineItems } from '../../shared/lineItems';
import { routeTo } from '../../shared/routing';
import { apiRequest } from '../../shared/transport';
import { invalidParameter } from '../../shared/validation';
import { invoiceLocator } from './fields';

const show = { resource: ['invoice'], operation: ['update'] };

/** Keys of `InvoiceItemDto` kept when the current items are sent back unchanged. */
const ITEM_KEYS = ['name', 'description', 'productId', 'priceId', 'currency', 'amount', 'qty', 'taxes', 'automaticTaxCategoryId', 'isSetupFeeItem', 'type', 'taxInclusive'];

function pick(record: IDataObject, keys: string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) if (record[key] !== undefined && record[key] !== null) out[key] = record[key];
	return out;
}

/**
 * The body of `update-invoice`. `UpdateInvoiceDto` requires `name, currency, invoiceItems, issueDate, dueDate`, so the
 * invoice is read first (`get-invoice`) and the fields set here replace its values; the rest is sent back as it was
 * (items with their `InvoiceItemDto` keys only). Local checks (dates, discount, new line items) run before any request
 * except that read, whose currency they need.
 */
async function updateBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const fields = (this.getNodeParameter('updateFields', {}) ?? {}) as IDataObject;
	const replaceItems = this.getNodeParameter('replaceLineItems', false) as boolean;
	if (!replaceItems && !Object.keys(fields).some((k) => fields[k] !== '' && fields[k] !== undefined)) {
		throw invalidParameter(this, 'Update Fields', 'set at least one field to change, or Replace Line Items');
	}
	const invoiceId = String(this.getNodeParameter('invoiceId', '', { extractValue: true }));
	const current = await apiRequest<IDataObject>(this, ENDPOINTS.getInvoice, { path: { invoiceId } });
	const currency = String(current.currency ?? 'USD');
	const body: IDataObject = {
		...((requestOptions.body as IDataObject | undefined) ?? {}),
		name: String(fields.name ?? '').trim() || current.name,
		currency,
		invoiceItems: replaceItems
			? readLineItems(this, currency)
			: ((current.invoiceItems ?? []) as IDataObject[]).map((item) => pick(item, ITEM_KEYS)),
		issueDate: fields.issueDate ? dateParameter(this, fields.issueDate, 'Update Fields → Issue Date') : current.issueDate,
		dueDate: fields.dueDate ? dateParameter(this, fields.dueDate, 'Update Fields → Due Date') : (current.dueDate ?? current.issueDate),
	};
	if (String(body.dueDate) < String(body.issueDate)) {
		throw invalidParameter(this, 'Update Fields → Due Date', `${String(body.dueDate)} is before the issue date ${String(body.issueDate)}`);
	}
	if (fields.discountValue !== undefined && String(fields.discountValue).trim() !== '') {
		body.discount = discountOf(this, fields, currency, 'Update Fields');
	} else if (current.discount && typeof current.discount === 'object') {
		body.discount = pick(current.discount as IDataObject, ['type', 'value', 'validOnProductIds']);
	}
	for (const key of ['title', 'termsNotes', 'invoiceNumber']) {
		const value = String(fields[key] ?? '').trim();
		if (value) body[key] = value;
	}
	return { ...requestOptions, body };
}

/**
 * Update: `PUT /invoices/{invoiceId}` (invoices.json `update-invoice`) after reading the invoice (see
 * {@link updateBody}) → the updated invoice, flat.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an invoice',
	description: 'Change the name, dates, discount or line items of an invoice',
	routing: routeTo({
		endpoint: ENDPOINTS.updateInvoice,
		pathParameters: { invoiceId: 'invoiceId' },
		preSend: [updateBody],
		fieldNames: {
			name: 'Update Fields → Name',
			invoiceItems: 'Line Items',
			issueDate: 'Update Fields → Issue Date',
			dueDate: 'Update Fields → Due Date',
			discount: 'Update Fields → Discount Value',
		},
	}),
};

export const description: INodeProperties[] = [
	invoiceLocator(show),
	{
		displayName: 'Replace Line Items',
		name: 'replaceLineItems',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description: 'Whether to replace every line item of the invoice with the items below (off: the items stay)',
	},
	...lineItemsFields({ ...show, replaceLineItems: [true] } as unknown as Record<string, string[]>),
	collectionField('updateFields', show, [
		{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '', description: 'Sent as YYYY-MM-DD in the workflow\'s time zone' },
		{ displayName: 'Invoice Number', name: 'invoiceNumber', type: 'string', default: '' },
		{ displayName: 'Issue Date', name: 'issueDate', type: 'dateTime', default: '', description: 'Sent as YYYY-MM-DD in the workflow\'s time zone' },
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{ displayName: 'Terms and Notes', name: 'termsNotes', type: 'string', typeOptions: { rows: 3 }, default: '' },
		{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		...DISCOUNT_FIELDS,
	]),
];
