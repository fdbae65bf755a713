import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { senderUserId } from '../../shared/billing';
import { userLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { DOCUMENT_FIELD_NAMES, documentFields, sendDocument } from './fields';

const show = { resource: ['invoice'], operation: ['text2Pay'] };

/**
 * Text2Pay: `POST /invoices/text2pay` (invoices.json `text2pay-invoice`, body `Text2PayDto`: the Create fields plus
 * `action=send` and `userId`) creates the invoice and sends it with its payment link in one step →
 * `{invoice, invoiceUrl}`; the output is the invoice with `invoiceUrl`. Moves money: never re-sent after an
 * ambiguous failure.
 */
export const option: INodePropertyOptions = {
	name: 'Text2Pay',
	value: 'text2Pay',
	action: 'Create and send an invoice with a payment link',
	description: 'Create an invoice and send it to the contact with a payment link in one step',
	routing: routeTo({
		endpoint: ENDPOINTS.text2PayInvoice,
		preSend: [sendDocument(async (ctx) => ({ action: 'send', userId: await senderUserId(ctx) }))],
		fieldNames: { ...DOCUMENT_FIELD_NAMES, userId: 'Sent by User' },
		output: (body) => [{ ...((body.invoice ?? {}) as IDataObject), invoiceUrl: body.invoiceUrl }],
	}),
};

export const description: INodeProperties[] = [
	...documentFields(show),
	userLocator({
		displayName: 'Sent by User',
		name: 'userId',
		show,
		required: false,
		description: 'The user the invoice is sent on behalf of (required by HighLevel). Left empty: the first user of the location.',
	}),
];
