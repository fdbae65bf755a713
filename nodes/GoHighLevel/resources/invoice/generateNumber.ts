import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

/**
 * Generate Invoice Number: `GET /invoices/generate-invoice-number?altId=&altType=location` (invoices.json
 * `generate-invoice-number`) → `{invoiceNumber}` (a number), the next number of the location.
 */
export const option: INodePropertyOptions = {
	name: 'Generate Invoice Number',
	value: 'generateNumber',
	action: 'Generate an invoice number',
	description: 'Get the next free invoice number of the location',
	routing: routeTo({
		endpoint: ENDPOINTS.generateInvoiceNumber,
		output: (body) => [{ invoiceNumber: body.invoiceNumber }],
	}),
};

export const description: INodeProperties[] = [];
