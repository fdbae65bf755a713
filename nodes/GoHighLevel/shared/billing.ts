import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { locatorValue, userLocator } from './descriptions';
import { ENDPOINTS } from './endpoints';
import { toMajorUnits } from './money';
import { toDateOnly } from './time';
import { apiRequest, getConnection } from './transport';
import { searchLocationUsers } from './users';
import { invalidParameter } from './validation';

/*
 * Pieces of the invoices.json documents (invoices, text2pay invoices, estimates; FACTS.md 2.11) that the Invoice and
 * Estimate resources share: the contact and business details, the discount, dates,
 * and the sender of Send.
 */

/**
 * The first page of a `limit` + `offset` list of invoices.json asks `offset=0`: the spec requires both (FACTS.md
 * 2.11); pagination.ts sends `offset` from the second page on.
 */
export async function withFirstOffset(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return { ...requestOptions, qs: { offset: 0, ...((requestOptions.qs as IDataObject | undefined) ?? {}) } };
}

/** A date parameter as `YYYY-MM-DD` in the workflow's time zone (invoices.json `issueDate`, `dueDate`). */
export function dateParameter(ctx: IExecuteSingleFunctions, value: unknown, parameter: string): string {
	return toDateOnly(value, {
		node: ctx.getNode(),
		parameter,
		itemIndex: ctx.getItemIndex(),
		timeZone: ctx.getTimezone(),
	});
}

/**
 * The contact's details as a document needs them (`ContactDetailsDto`: `id, name, phoneNo, email` required,
 * `companyName`, `address {addressLine1, city, state, countryCode, postalCode}`), read with `GET /contacts/{id}`
 * (contacts.json `get-contact`), and `sentTo` (`SentToDto`: `email[]`, `phoneNo[]`) with the contact's e-mail and
 * phone. `email` and `phoneNo` are required by `ContactDetailsDto`, so a contact without one gets `''` there; other
 * keys the contact has no value for are left out, and `sentTo` lists only what the contact has.
 * @throws NodeApiError when the contact cannot be read (404: not a contact of the location)
 */
export async function contactDetailsOf(
	ctx: IExecuteSingleFunctions,
	contactId: string,
): Promise<{ contactDetails: IDataObject; sentTo: IDataObject }> {
	const connection = await getConnection(ctx);
	const body = await apiRequest<IDataObject>(ctx, ENDPOINTS.getContact, { path: { contactId } }, connection);
	const contact = (body.contact ?? {}) as IDataObject;
	const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
	const name =
		text(contact.name) ??
		text(contact.contactName) ??
		([text(contact.firstName), text(contact.lastName)].filter(Boolean).join(' ') || undefined);
	const address: IDataObject = {};
	for (const [from, to] of [
		['address1', 'addressLine1'],
		['city', 'city'],
		['state', 'state'],
		['country', 'countryCode'],
		['postalCode', 'postalCode'],
	]) {
		const value = text(contact[from]);
		if (value) address[to] = value;
	}
	const details: IDataObject = { id: contactId, name: name ?? text(contact.email) ?? contactId };
	const email = text(contact.email);
	const phone = text(contact.phone);
	details.email = email ?? '';
	details.phoneNo = phone ?? '';
	const company = text(contact.companyName);
	if (company) details.companyName = company;
	if (Object.keys(address).length) details.address = address;
	const sentTo: IDataObject = { email: email ? [email] : [] };
	if (phone) sentTo.phoneNo = [phone];
	return { contactDetails: details, sentTo };
}

/** Business Details: the sender shown on the document (`BusinessDetailsDto`, every key optional). */
export const BUSINESS_DETAILS_FIELD: INodeProperties = {
	displayName: 'Business Details',
	name: 'businessDetails',
	type: 'collection',
	placeholder: 'Add Detail',
	default: {},
	description: 'The business shown as the sender; HighLevel uses the invoice settings of the location for what is left out',
	options: [
		{ displayName: 'Address', name: 'address', type: 'string', default: '', placeholder: 'e.g. 9931 Beechwood, TX' },
		{ displayName: 'Logo URL', name: 'logoUrl', type: 'string', default: '', placeholder: 'e.g. https://example.com/logo.png' },
		{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. ABC Corp.' },
		{ displayName: 'Phone', name: 'phoneNo', type: 'string', default: '', placeholder: 'e.g. +1-214-559-6993' },
		{ displayName: 'Website', name: 'website', type: 'string', default: '', placeholder: 'e.g. www.example.com' },
	],
};

/** The Business Details set (`businessDetails`, required by the create DTOs: `{}` when nothing is set). */
export function businessDetailsOf(ctx: IExecuteSingleFunctions, parameter = 'businessDetails'): IDataObject {
	const values = (ctx.getNodeParameter(parameter, {}) ?? {}) as IDataObject;
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (typeof value === 'string' && value.trim()) out[key] = value.trim();
	}
	return out;
}

/** Discount Type and Discount Value options of an Additional Fields collection (`DiscountDto`). */
export const DISCOUNT_FIELDS: INodeProperties[] = [
	{
		displayName: 'Discount Type',
		name: 'discountType',
		type: 'options',
		options: [
			{ name: 'Percentage', value: 'percentage' },
			{ name: 'Fixed Amount', value: 'fixed' },
		],
		default: 'percentage',
	},
	{
		displayName: 'Discount Value',
		name: 'discountValue',
		type: 'string',
		default: '',
		placeholder: 'e.g. 10',
		hint: 'Percentage: 0–100. Fixed Amount: in the currency\'s major units, e.g. 5.50 (not cents)',
	},
];

/**
 * The discount (`DiscountDto {type, value}`, required by the create DTOs): `{type: 'percentage', value: 0}` when
 * none is set (HighLevel's own "no discount", invoices.json `GetInvoiceResponseDto.discount` example). A fixed value
 * is in major units of `currency` (exact, money.ts).
 * @throws NodeOperationError naming Discount Value (not a number, a percentage above 100, too many decimals)
 */
export function discountOf(ctx: IExecuteSingleFunctions, fields: IDataObject, currency: string, collection: string): IDataObject {
	const raw = fields.discountValue;
	if (raw === undefined || String(raw).trim() === '') return { type: 'percentage', value: 0 };
	const type = fields.discountType === 'fixed' ? 'fixed' : 'percentage';
	const parameter = `${collection} → Discount Value`;
	if (type === 'fixed') return { type, value: toMajorUnits(ctx, raw, currency, parameter) };
	const value = Number(String(raw).trim());
	if (!Number.isFinite(value) || value < 0 || value > 100) {
		throw invalidParameter(ctx, parameter, `"${String(raw)}" is not a percentage: use a number from 0 to 100`);
	}
	return { type, value };
}

/** How a document is sent (`SendInvoiceDto.action`, `SendEstimateDto.action`). */
export const SEND_ACTION_OPTIONS = [
	{ name: 'Email', value: 'email' },
	{ name: 'SMS', value: 'sms' },
	{ name: 'Email and SMS', value: 'sms_and_email' },
	{ name: 'Mark as Sent (Send Manually)', value: 'send_manually', description: 'Send nothing; mark it sent' },
];

/** Send fields shared by Invoice → Send and Estimate → Send: Send By, User, From Name / From Email options. */
export function sendFields(show: Record<string, string[]>, record: 'invoice' | 'estimate'): INodeProperties[] {
	return [
		{
			displayName: 'Send By',
			name: 'action',
			type: 'options',
			options: SEND_ACTION_OPTIONS,
			default: 'email',
			displayOptions: { show },
			description: `How the ${record} reaches the contact`,
		},
		userLocator({
			displayName: 'Sent by User',
			name: 'userId',
			show,
			required: false,
			description:
				'The user the message is sent on behalf of (required by HighLevel). Left empty: the first user of the location.',
		}),
		{
			displayName: 'Live Mode',
			name: 'liveMode',
			type: 'boolean',
			default: true,
			displayOptions: { show },
			description: 'Whether payments go through the live payment provider (off: test mode)',
		},
	];
}

/**
 * `userId` for Send / Text2Pay: the Sent by User chosen, or the first user of the location (users.json
 * `search-users`, HighLevel's default order).
 * @throws NodeOperationError when none is chosen and the location has no user
 */
export async function senderUserId(ctx: IExecuteSingleFunctions): Promise<string> {
	const chosen = locatorValue(ctx.getNodeParameter('userId', '', { extractValue: true }));
	if (chosen) return chosen;
	const { users } = await searchLocationUsers(ctx, '', { skip: 0, limit: 1 });
	const id = users[0]?.id;
	if (!id) throw invalidParameter(ctx, 'Sent by User', 'the location has no user to send as: choose a user');
	return String(id);
}

/** From Name / From Email of an Options collection → `sentFrom` (`InvoiceSettingsSenderConfigurationDto`). */
export const SENT_FROM_FIELDS: INodeProperties[] = [
	{ displayName: 'From Name', name: 'fromName', type: 'string', default: '', description: 'Sender name of the e-mail' },
	{ displayName: 'From Email', name: 'fromEmail', type: 'string', default: '', placeholder: 'name@email.com', description: 'Sender address of the e-mail' },
];

/** `sentFrom` from the options set, or undefined. */
export function sentFromOf(options: IDataObject): IDataObject | undefined {
	const out: IDataObject = {};
	for (const key of ['fromName', 'fromEmail']) {
		const value = String(options[key] ?? '').trim();
		if (value) out[key] = value;
	}
	return Object.keys(out).length ? out : undefined;
}

/**
 * preSend of Invoice → Send and Estimate → Send: the body of invoices.json `send-invoice` (`SendInvoiceDto`) and
 * `send-estimate` (`SendEstimateDto`), which share their fields — `action` (Send By), `liveMode`, `userId` (the chosen
 * user or the location's first, {@link senderUserId}) and `sentFrom` when set; `altId`/`altType` come from the endpoint.
 */
export async function sendDocumentBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const options = (this.getNodeParameter('options', {}) ?? {}) as IDataObject;
	const body: IDataObject = {
		...((requestOptions.body as IDataObject | undefined) ?? {}),
		action: this.getNodeParameter('action', 'email') as string,
		liveMode: this.getNodeParameter('liveMode', true) as boolean,
		userId: await senderUserId(this),
	};
	const sentFrom = sentFromOf(options);
	if (sentFrom) body.sentFrom = sentFrom;
	return { ...requestOptions, body };
}
