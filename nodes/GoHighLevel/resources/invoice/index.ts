import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as del from './delete';
import * as generateNumber from './generateNumber';
import * as get from './get';
import * as getAll from './getAll';
import * as recordPayment from './recordPayment';
import * as send from './send';
import * as text2Pay from './text2Pay';
import * as update from './update';
import * as voidInvoice from './void';

const operations = [create, del, generateNumber, get, getAll, recordPayment, send, text2Pay, update, voidInvoice];

/**
 * The Invoice resource (invoices.json, FACTS.md 2.11): invoices of the location, their sending, payments recorded by
 * hand, voiding, text2pay and invoice numbers. Amounts are in the currency's major units (shared/lineItems.ts).
 */
export const invoiceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: operations.map((op) => op.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
