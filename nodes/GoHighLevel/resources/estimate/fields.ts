import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../shared/descriptions';

/** Estimate statuses (invoices.json `list-estimates` `status` enum). */
export const ESTIMATE_STATUS_OPTIONS = [
	{ name: 'Accepted', value: 'accepted' },
	{ name: 'All', value: 'all' },
	{ name: 'Declined', value: 'declined' },
	{ name: 'Draft', value: 'draft' },
	{ name: 'Invoiced', value: 'invoiced' },
	{ name: 'Sent', value: 'sent' },
	{ name: 'Viewed', value: 'viewed' },
];

/** The Estimate resource locator (listSearch `searchEstimates`, invoices.json `list-estimates` with `search`). */
export function estimateLocator(show: Record<string, string[]>): INodeProperties {
	return recordLocator({
		displayName: 'Estimate',
		name: 'estimateId',
		record: 'estimate',
		searchListMethod: 'searchEstimates',
		searchPlaceholder: 'Search by estimate name or number…',
		idExample: '67ac9a51106ee8311e911abc',
		show,
		description: 'The estimate, searched by name or number, or given by ID',
	});
}
