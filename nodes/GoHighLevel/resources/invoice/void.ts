import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { invoiceLocator } from './fields';

const show = { resource: ['invoice'], operation: ['void'] };

/** Void: `POST /invoices/{invoiceId}/void` (invoices.json `void-invoice`, body `altId, altType`) → the invoice, status `void`. */
export const option: INodePropertyOptions = {
	name: 'Void',
	value: 'void',
	action: 'Void an invoice',
	description: 'Cancel an unpaid invoice; it stays on record with status void',
	routing: routeTo({ endpoint: ENDPOINTS.voidInvoice, pathParameters: { invoiceId: 'invoiceId' } }),
};

export const description: INodeProperties[] = [invoiceLocator(show)];
