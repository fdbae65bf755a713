import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { customFieldsByKey } from '../../shared/customFields';
import { assignedUserField, pickKeys, recordLocator, stageField, STATUS_OPTIONS } from '../../shared/descriptions';
import type { HighLevelContext } from '../../shared/transport';

/** Optional opportunity properties shared by Create, Create or Update and Update (body of the same name). */
export function opportunityFieldOptions(): INodeProperties[] {
	return [
		assignedUserField({ routing: { send: { type: 'body', property: 'assignedTo' } } }),
		{
			displayName: 'Monetary Value',
			name: 'monetaryValue',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 2 },
			description: 'Value of the deal in the location\'s currency',
			routing: { send: { type: 'body', property: 'monetaryValue' } },
		},
	];
}

/**
 * Optional Name, Pipeline Stage and Status of Update and Create or Update (body properties of the same names in
 * `UpdateOpportunityDto` / `UpsertOpportunityDto`); `pipelineParameter` is the parameter the stage list depends on.
 */
export function nameStageStatusOptions(pipelineParameter: string): INodeProperties[] {
	return [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			routing: { send: { type: 'body', property: 'name' } },
		},
		stageField('pipelineStageId', pipelineParameter, {
			routing: { send: { type: 'body', property: 'pipelineStageId' } },
		}),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: STATUS_OPTIONS,
			default: 'open',
			routing: { send: { type: 'body', property: 'status' } },
		},
	];
}

/** The Opportunity resource locator: searchable list (`GET /opportunities/search?q=`) or an ID. */
export function opportunityLocator(show: Record<string, string[]>): INodeProperties {
	return recordLocator({
		displayName: 'Opportunity',
		name: 'opportunityId',
		record: 'opportunity',
		searchListMethod: 'searchOpportunities',
		searchPlaceholder: 'Search by name…',
		idExample: 'yWQobCRIhRguQtD2llvk',
		show,
	});
}

/** Properties kept by Simplify for opportunities. */
export const SIMPLE_OPPORTUNITY_KEYS = [
	'id',
	'name',
	'status',
	'monetaryValue',
	'pipelineId',
	'pipelineStageId',
	'contactId',
	'assignedTo',
	'createdAt',
	'updatedAt',
	'lastStageChangeAt',
	'lastStatusChangeAt',
	'customFields',
];

/** Keeps only {@link SIMPLE_OPPORTUNITY_KEYS} of an opportunity record. */
export const simplifyOpportunity = pickKeys(SIMPLE_OPPORTUNITY_KEYS);

/**
 * Simplify for opportunities: {@link SIMPLE_OPPORTUNITY_KEYS}, with `customFields` keyed by field key without
 * the `opportunity.` prefix (shared/customFields.ts `customFieldsByKey`), e.g. `{ deal_source: 'Referral' }`.
 */
export async function simplifyOpportunities(
	ctx: HighLevelContext,
	records: IDataObject[],
): Promise<IDataObject[]> {
	const byKey = await customFieldsByKey(ctx, 'opportunity', records);
	return records.map((record) => byKey(simplifyOpportunity(record)));
}
