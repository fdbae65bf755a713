import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { estimateLocator } from './fields';

const show = { resource: ['estimate'], operation: ['convertToInvoice'] };

/** The body of `create-invoice-from-estimate` (`CreateInvoiceFromEstimateDto`: `altId, altType, markAsInvoiced`). */
async function convertBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	return {
		...requestOptions,
		body: {
			...((requestOptions.body as IDataObject | undefined) ?? {}),
			altType: 'location',
			markAsInvoiced: this.getNodeParameter('markAsInvoiced', true) as boolean,
		},
	};
}

/**
 * Convert to Invoice: `POST /invoices/estimate/{estimateId}/invoice` (invoices.json `create-invoice-from-estimate`) →
 * `{estimate, invoice}`; the output is the new invoice with `estimate` beside it. Creates money owed: never re-sent
 * after an ambiguous failure.
 */
export const option: INodePropertyOptions = {
	name: 'Convert to Invoice',
	value: 'convertToInvoice',
	action: 'Convert an estimate to an invoice',
	description: 'Create a draft invoice from an estimate',
	routing: routeTo({
		endpoint: ENDPOINTS.convertEstimateToInvoice,
		pathParameters: { estimateId: 'estimateId' },
		preSend: [convertBody],
		output: (body) => [{ ...((body.invoice ?? {}) as IDataObject), estimate: body.estimate }],
	}),
};

export const description: INodeProperties[] = [
	estimateLocator(show),
	{
		displayName: 'Mark as Invoiced',
		name: 'markAsInvoiced',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description: 'Whether the estimate gets the status invoiced',
	},
];
