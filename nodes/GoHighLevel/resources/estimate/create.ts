import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	BUSINESS_DETAILS_FIELD,
	businessDetailsOf,
	contactDetailsOf,
	dateParameter,
	DISCOUNT_FIELDS,
	discountOf,
} from '../../shared/billing';
import { collectionField, contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { lineItemsFields, readLineItems } from '../../shared/lineItems';
import { assertCurrency, currencyField } from '../../shared/money';
import { routeTo } from '../../shared/routing';
import { invalidParameter } from '../../shared/validation';

const show = { resource: ['estimate'], operation: ['create'] };

/**
 * The body of `create-new-estimate` (`CreateEstimatesDto`: `altId, altType, name, businessDetails, currency, items,
 * discount, contactDetails, frequencySettings` required). `frequencySettings` is `{enabled: false, schedule: {}}`
 * (a one-off estimate); `sentTo` carries the contact's e-mail and phone. Local checks run before the contact is read.
 */
async function estimateBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const currency = assertCurrency(this, this.getNodeParameter('currency', 'USD'), 'Currency');
	const name = String(this.getNodeParameter('name', '') ?? '').trim();
	if (!name) throw invalidParameter(this, 'Name', 'enter a name for the estimate');
	const items = readLineItems(this, currency);
	const fields = (this.getNodeParameter('additionalFields', {}) ?? {}) as IDataObject;
	const body: IDataObject = {
		...((requestOptions.body as IDataObject | undefined) ?? {}),
		altType: 'location',
		name,
		currency,
		items,
		discount: discountOf(this, fields, currency, 'Additional Fields'),
		businessDetails: businessDetailsOf(this),
		frequencySettings: { enabled: false, schedule: {} },
		liveMode: this.getNodeParameter('liveMode', true) as boolean,
	};
	if (fields.issueDate) body.issueDate = dateParameter(this, fields.issueDate, 'Additional Fields → Issue Date');
	if (fields.expiryDate) body.expiryDate = dateParameter(this, fields.expiryDate, 'Additional Fields → Expiry Date');
	if (body.issueDate && body.expiryDate && String(body.expiryDate) < String(body.issueDate)) {
		throw invalidParameter(this, 'Additional Fields → Expiry Date', `${String(body.expiryDate)} is before the issue date ${String(body.issueDate)}`);
	}
	for (const key of ['title', 'termsNotes']) {
		const value = String(fields[key] ?? '').trim();
		if (value) body[key] = value;
	}
	if (Number(fields.estimateNumber) > 0) body.estimateNumber = Number(fields.estimateNumber);
	const contactId = String(this.getNodeParameter('contactId', '', { extractValue: true }) ?? '').trim();
	if (!contactId) throw invalidParameter(this, 'Contact', 'choose the contact the estimate is for');
	Object.assign(body, await contactDetailsOf(this, contactId));
	return { ...requestOptions, body };
}

/**
 * Create: `POST /invoices/estimate` (invoices.json `create-new-estimate`) → 201, the draft estimate, flat. Amounts are
 * in the currency's major units.
 */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an estimate',
	description: 'Create a draft estimate (quote) for a contact with line items',
	routing: routeTo({
		endpoint: ENDPOINTS.createEstimate,
		preSend: [estimateBody],
		fieldNames: { name: 'Name', currency: 'Currency', items: 'Line Items', contactDetails: 'Contact' },
	}),
};

export const description: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', displayOptions: { show }, placeholder: 'e.g. Home service estimate' },
	contactLocator('contactId', show),
	{ ...currencyField({ show }), required: true },
	...lineItemsFields(show),
	{
		displayName: 'Live Mode',
		name: 'liveMode',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description: 'Whether payments of the invoice made from it go through the live payment provider (off: test mode)',
	},
	{ ...BUSINESS_DETAILS_FIELD, displayOptions: { show } },
	collectionField('additionalFields', show, [
			{ displayName: 'Estimate Number', name: 'estimateNumber', type: 'number', default: 0, description: 'Default: the next number of the location' },
			{ displayName: 'Expiry Date', name: 'expiryDate', type: 'dateTime', default: '', description: 'Sent as YYYY-MM-DD in the workflow\'s time zone' },
			{ displayName: 'Issue Date', name: 'issueDate', type: 'dateTime', default: '', description: 'Sent as YYYY-MM-DD in the workflow\'s time zone' },
			{ displayName: 'Terms and Notes', name: 'termsNotes', type: 'string', typeOptions: { rows: 3 }, default: '' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'e.g. ESTIMATE' },
			...DISCOUNT_FIELDS,
		]),
];
