import type { INodeProperties } from 'n8n-workflow';

import * as convertToInvoice from './convertToInvoice';
import * as create from './create';
import * as getAll from './getAll';
import * as send from './send';

const operations = [convertToInvoice, create, getAll, send];

/** The Estimate resource (invoices.json estimates, FACTS.md 2.11): quotes that can be sent and turned into invoices. */
export const estimateDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['estimate'] } },
		options: operations.map((op) => op.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
