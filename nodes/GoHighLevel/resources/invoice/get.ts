import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { invoiceLocator } from './fields';

const show = { resource: ['invoice'], operation: ['get'] };

/** Get: `GET /invoices/{invoiceId}?altId=&altType=location` (invoices.json `get-invoice`) → the invoice, flat. */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an invoice',
	description: 'Retrieve one invoice with its items, totals and payment status',
	routing: routeTo({ endpoint: ENDPOINTS.getInvoice, pathParameters: { invoiceId: 'invoiceId' } }),
};

export const description: INodeProperties[] = [invoiceLocator(show)];
