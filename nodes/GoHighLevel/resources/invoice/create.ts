import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { DOCUMENT_FIELD_NAMES, documentFields, sendDocument } from './fields';

const show = { resource: ['invoice'], operation: ['create'] };

/**
 * Create: `POST /invoices/` (invoices.json `create-invoice`, body `CreateInvoiceDto`) → the draft invoice, flat.
 * Line items, currency and discount are checked before any request, then the contact is read (contacts.json
 * `get-contact`) for `contactDetails` and `sentTo`. A POST: never re-sent after an ambiguous failure.
 */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an invoice',
	description: 'Create a draft invoice for a contact with line items',
	routing: routeTo({
		endpoint: ENDPOINTS.createInvoice,
		preSend: [sendDocument()],
		fieldNames: DOCUMENT_FIELD_NAMES,
	}),
};

export const description: INodeProperties[] = documentFields(show);
