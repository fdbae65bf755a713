import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { assignedUserField, collectionField, returnAllOrLimit, simplifyProperty } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { resolvePipelineStage } from '../../shared/pipelines';
import { routeTo } from '../../shared/routing';
import { simplifyOpportunities } from './fields';

const show = { resource: ['opportunity'], operation: ['getAll'] };

/**
 * Get Many: `GET /opportunities/search` (opportunities.json `search-opportunity`): query `location_id` (snake
 * case), filters `pipeline_id`, `pipeline_stage_id`, `status`, `contact_id`, `assigned_to`, `q`; paged with
 * `limit` ≤ 100 and the `startAfter`/`startAfterId` cursor from `meta` (FACTS.md 2.2, 2.14).
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many opportunities',
	description: 'List opportunities by pipeline, stage, status, contact or assigned user',
	routing: routeTo({
		endpoint: ENDPOINTS.searchOpportunities,
		preSend: [
			resolvePipelineStage({ in: 'qs', pipeline: 'pipeline_id', stage: 'pipeline_stage_id', trustPipelineId: true }),
		],
		fieldNames: {
			pipeline_id: 'Filters → Pipeline Name or ID',
			pipeline_stage_id: 'Filters → Pipeline Stage Name or ID',
			contact_id: 'Filters → Contact ID',
			assigned_to: 'Filters → Assigned User',
			q: 'Filters → Search Query',
			status: 'Filters → Status',
		},
		outputPerPage: true,
		async output(_body, records) {
			return this.getNodeParameter('simplify', false) ? await simplifyOpportunities(this, records) : records;
		},
	}),
};

const toQuery = (property: string) => ({ send: { type: 'query' as const, property } });

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		assignedUserField({ routing: toQuery('assigned_to') }),
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			default: '',
			description: 'Only opportunities of this contact',
			routing: toQuery('contact_id'),
		},
		{
			displayName: 'Pipeline Name or ID',
			name: 'pipelineId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getPipelines' },
			allowArbitraryValues: true,
			default: '',
			description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'An expression may also give the pipeline\'s name',
			routing: toQuery('pipeline_id'),
		},
		{
			displayName: 'Pipeline Stage Name or ID',
			name: 'pipelineStageId',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getPipelineStages',
				loadOptionsDependsOn: ['filters.pipelineId'],
			},
			allowArbitraryValues: true,
			default: '',
			description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'An expression may also give the stage\'s name',
			routing: toQuery('pipeline_stage_id'),
		},
		{
			displayName: 'Search Query',
			name: 'query',
			type: 'string',
			default: '',
			description: 'Free text matched against the opportunity and its contact',
			routing: toQuery('q'),
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Abandoned', value: 'abandoned' },
				{ name: 'All', value: 'all' },
				{ name: 'Lost', value: 'lost' },
				{ name: 'Open', value: 'open' },
				{ name: 'Won', value: 'won' },
			],
			default: 'open',
			routing: toQuery('status'),
		},
	]),
	simplifyProperty(show),
];
