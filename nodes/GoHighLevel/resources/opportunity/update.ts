import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireChanges } from '../../shared/body';
import { resolveCustomFields } from '../../shared/customFields';
import { collectionField, customFieldsProperty, pipelineField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { resolvePipelineStage } from '../../shared/pipelines';
import { routeTo } from '../../shared/routing';
import { nameStageStatusOptions, opportunityFieldOptions, opportunityLocator } from './fields';

const show = { resource: ['opportunity'], operation: ['update'] };

/**
 * Update: `PUT /opportunities/{id}` (opportunities.json `update-opportunity`, body `UpdateOpportunityDto`), root
 * `opportunity`. Moving to another stage is an update of Pipeline Stage; custom fields use the Create shape.
 * Fields left empty are not sent (shared/body.ts); an update with nothing to send fails before the request.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an opportunity',
	description: 'Update an opportunity, e.g. move it to another pipeline stage',
	routing: routeTo({
		endpoint: ENDPOINTS.updateOpportunity,
		pathParameters: { id: 'opportunityId' },
		preSend: [
			resolvePipelineStage({ in: 'body', pipeline: 'pipelineId', stage: 'pipelineStageId' }),
			resolveCustomFields('opportunity'),
			requireChanges('Update Fields or Custom Fields'),
		],
	}),
};

export const description: INodeProperties[] = [
	opportunityLocator(show),
	collectionField('updateFields', show, [
		pipelineField('pipelineId', { routing: { send: { type: 'body', property: 'pipelineId' } } }),
		...nameStageStatusOptions('updateFields.pipelineId'),
		...opportunityFieldOptions(),
	]),
	customFieldsProperty('opportunity', show),
];
