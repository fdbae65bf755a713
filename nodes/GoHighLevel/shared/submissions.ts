import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { collectionField } from './descriptions';
import { dateOnlyRange } from './time';

/*
 * The Get Submissions operation of the Form and Survey resources, defined once: forms.json
 * `get-forms-submissions` and surveys.json `get-surveys-submissions` take the same query (`formId` / `surveyId`,
 * `q`, `startAt`, `endAt`, `page`, `limit`) and answer the same shape (`submissions[]` + `meta`).
 */

/** Which of the two: the Form or the Survey resource. */
export type SubmissionSource = 'form' | 'survey';

const LABELS: Record<SubmissionSource, { record: string; idParameter: string; loadOptionsMethod: string }> = {
	form: { record: 'form', idParameter: 'formId', loadOptionsMethod: 'getForms' },
	survey: { record: 'survey', idParameter: 'surveyId', loadOptionsMethod: 'getSurveys' },
};

/**
 * Hint of Start Date / End Date. HighLevel takes whole dates (`YYYY-MM-DD`, the parameter descriptions of both
 * specs) and does not document the time zone it reads them in.
 */
export const SUBMISSION_DATE_HINT =
	'Only the date is sent (YYYY-MM-DD, this day included), taken in the workflow\'s time zone (workflow settings). HighLevel does not document which time zone it compares dates in, so a submission near midnight may fall on the neighbouring day.';

/**
 * The fields of Get Submissions: the form or survey (dropdown `getForms` / `getSurveys`, empty = all), and
 * Filters → Start Date, End Date, Search. Return All / Limit are added by the operation.
 */
export function submissionFields(source: SubmissionSource, show: Record<string, string[]>): INodeProperties[] {
	const { record, idParameter, loadOptionsMethod } = LABELS[source];
	const title = record[0].toUpperCase() + record.slice(1);
	return [
		{
			displayName: `${title} Name or ID`,
			name: idParameter,
			type: 'options',
			typeOptions: { loadOptionsMethod },
			// Optional: starts empty (every form), and an expression may give an ID.
			allowArbitraryValues: true,
			default: '',
			displayOptions: { show },
			description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: `Leave empty for the submissions of every ${record}`,
			routing: { send: { type: 'query', property: idParameter } },
		},
		collectionField('filters', show, [
			{
				displayName: 'Start Date',
				name: 'startAt',
				type: 'dateTime',
				default: '',
				description: 'Only submissions received on or after this date. Without it, HighLevel starts at the same date last month.',
				hint: SUBMISSION_DATE_HINT,
			},
			{
				displayName: 'End Date',
				name: 'endAt',
				type: 'dateTime',
				default: '',
				description: 'Only submissions received on or before this date. Without it, HighLevel ends today.',
				hint: SUBMISSION_DATE_HINT,
			},
			{
				displayName: 'Search',
				name: 'q',
				type: 'string',
				default: '',
				placeholder: 'e.g. john@example.com',
				description: 'Only submissions whose contact ID, name, e-mail or phone matches',
				routing: { send: { type: 'query', property: 'q' } },
			},
		]),
	];
}

/**
 * preSend of Get Submissions: Filters → Start Date / End Date become `startAt` / `endAt` (`YYYY-MM-DD` in the
 * workflow's time zone, shared/time.ts `toDateOnly`); an empty one is not sent.
 * @throws NodeOperationError naming the parameter, before any request, for a value that is not a date or an End
 *   Date before the Start Date
 */
export async function submissionDateRange(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const filters = (this.getNodeParameter('filters', {}) ?? {}) as IDataObject;
	const qs: IDataObject = {
		...((requestOptions.qs as IDataObject | undefined) ?? {}),
		...dateOnlyRange(this, filters, { startAt: 'Start Date', endAt: 'End Date' }),
	};
	return { ...requestOptions, qs };
}
