import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { submissionDateRange, submissionFields } from '../../shared/submissions';

const show = { resource: ['survey'], operation: ['getSubmissions'] };

/**
 * Get Submissions: `GET /surveys/submissions` (surveys.json `get-surveys-submissions`, scope `surveys.readonly`), one item per
 * submission (`id, contactId, createdAt, surveyId, name, email, others`), newest first, paged with `page` +
 * `limit` (≤ 100) until `meta.nextPage` is null. Optional `surveyId`, `q` and `startAt` / `endAt` (dates
 * `YYYY-MM-DD`; HighLevel's default range is the last month).
 */
export const option: INodePropertyOptions = {
	name: 'Get Submissions',
	value: 'getSubmissions',
	action: 'Get survey submissions',
	description: 'List the submissions of one or every survey, optionally between two dates',
	routing: routeTo({
		endpoint: ENDPOINTS.getSurveySubmissions,
		preSend: [submissionDateRange],
		fieldNames: { startAt: 'Filters → Start Date', endAt: 'Filters → End Date', q: 'Filters → Search', surveyId: 'Survey Name or ID' },
	}),
};

export const description: INodeProperties[] = [...submissionFields('survey', show), ...returnAllOrLimit(show)];
