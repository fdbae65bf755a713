import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { invoiceLocator } from './fields';

const show = { resource: ['invoice'], operation: ['delete'] };

/** Delete: `DELETE /invoices/{invoiceId}?altId=&altType=location` (invoices.json `delete-invoice`) → the deleted invoice. */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an invoice',
	description: 'Delete an invoice permanently',
	routing: routeTo({
		endpoint: ENDPOINTS.deleteInvoice,
		pathParameters: { invoiceId: 'invoiceId' },
		output(body) {
			const id = String(this.getNodeParameter('invoiceId', '', { extractValue: true }));
			return [{ id, deleted: true, ...(body._id ? { invoice: body } : {}) }];
		},
	}),
};

export const description: INodeProperties[] = [invoiceLocator(show)];
