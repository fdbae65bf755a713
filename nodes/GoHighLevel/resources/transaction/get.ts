import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { recordLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['transaction'], operation: ['get'] };

/**
 * Get: `GET /payments/transactions/{transactionId}?altId=&altType=location` (payments.json `get-transaction-by-id`,
 * scope `payments/transactions.readonly`), the flat transaction (`amount` in major units).
 */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a transaction',
	description: 'Retrieve one payment transaction',
	routing: routeTo({ endpoint: ENDPOINTS.getTransaction, pathParameters: { transactionId: 'transactionId' } }),
};

export const description: INodeProperties[] = [
	recordLocator({
		displayName: 'Transaction',
		name: 'transactionId',
		record: 'transaction',
		searchListMethod: 'searchTransactions',
		searchPlaceholder: 'Search transactions…',
		idExample: '61dd0feac077f72010f78804',
		show,
		description: 'The transaction, picked from the location\'s transactions or given by ID',
	}),
];
