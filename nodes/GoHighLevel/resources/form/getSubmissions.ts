import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { submissionDateRange, submissionFields } from '../../shared/submissions';

const show = { resource: ['form'], operation: ['getSubmissions'] };

/**
 * Get Submissions: `GET /forms/submissions` (forms.json `get-forms-submissions`, scope `forms.readonly`), one item per
 * submission (`id, contactId, createdAt, formId, name, email, others`), newest first, paged with `page` +
 * `limit` (≤ 100) until `meta.nextPage` is null. Optional `formId`, `q` and `startAt` / `endAt` (dates
 * `YYYY-MM-DD`; HighLevel's default range is the last month).
 */
export const option: INodePropertyOptions = {
	name: 'Get Submissions',
	value: 'getSubmissions',
	action: 'Get form submissions',
	description: 'List the submissions of one or every form, optionally between two dates',
	routing: routeTo({
		endpoint: ENDPOINTS.getFormSubmissions,
		preSend: [submissionDateRange],
		fieldNames: { startAt: 'Filters → Start Date', endAt: 'Filters → End Date', q: 'Filters → Search', formId: 'Form Name or ID' },
	}),
};

export const description: INodeProperties[] = [...submissionFields('form', show), ...returnAllOrLimit(show)];
