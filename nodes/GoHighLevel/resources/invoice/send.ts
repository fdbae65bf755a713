import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { SENT_FROM_FIELDS, sendDocumentBody, sendFields } from '../../shared/billing';
import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { invoiceLocator } from './fields';

const show = { resource: ['invoice'], operation: ['send'] };

/**
 * Send: `POST /invoices/{invoiceId}/send` (invoices.json `send-invoice`) by e-mail, SMS, both, or marked as sent,
 * from the business, on behalf of a user (`userId` is required: the chosen user or the location's first, users.json
 * `search-users`) → `{invoice, smsData, emailData}`; the output is the invoice. A POST: never re-sent after an
 * ambiguous failure.
 */
export const option: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send an invoice',
	description: 'Send an invoice to its contact by e-mail or SMS, or mark it as sent',
	routing: routeTo({
		endpoint: ENDPOINTS.sendInvoice,
		pathParameters: { invoiceId: 'invoiceId' },
		preSend: [sendDocumentBody],
		fieldNames: { userId: 'Sent by User', action: 'Send By', 'sentFrom.fromEmail': 'Options → From Email' },
		output: (body) => [(body.invoice ?? body) as IDataObject],
	}),
};

export const description: INodeProperties[] = [
	invoiceLocator(show),
	...sendFields(show, 'invoice'),
	collectionField('options', show, SENT_FROM_FIELDS),
];
