import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, contactLocator, pipelineField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { resolvePipelineStage } from '../../shared/pipelines';
import { routeTo } from '../../shared/routing';
import { nameStageStatusOptions, opportunityFieldOptions } from './fields';

const show = { resource: ['opportunity'], operation: ['upsert'] };

/**
 * Create or Update: `POST /opportunities/upsert` (opportunities.json `Upsert-opportunity`). HighLevel updates the
 * contact's opportunity in the pipeline, or creates one. The spec marks `followers`, `isRemoveAllFollowers` and
 * `followersActionType` as required; they are sent as a no-op (add nobody, remove nobody). The spec omits
 * `contactId`, which HighLevel's later documentation lists as required; it is sent. `UpsertOpportunityDto` has no
 * custom fields. Output: the opportunity plus `new`.
 */
export const option: INodePropertyOptions = {
	name: 'Create or Update',
	value: 'upsert',
	action: 'Create or update an opportunity',
	description: 'Create a new opportunity, or update the current one if it already exists (upsert)',
	routing: routeTo({
		endpoint: ENDPOINTS.upsertOpportunity,
		preSend: [
			async function (requestOptions) {
				return {
					...requestOptions,
					body: {
						followers: [],
						isRemoveAllFollowers: false,
						followersActionType: 'add',
						...((requestOptions.body as object | undefined) ?? {}),
					},
				};
			},
			resolvePipelineStage({ in: 'body', pipeline: 'pipelineId', stage: 'pipelineStageId' }),
		],
		output: (body, records) => records.map((opportunity) => ({ ...opportunity, new: body.new })),
	}),
};

export const description: INodeProperties[] = [
	pipelineField('pipelineId', {
		required: true,
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'pipelineId' } },
	}),
	{ ...contactLocator('contactId', show), routing: { send: { type: 'body', property: 'contactId' } } },
	collectionField('additionalFields', show, [
		...nameStageStatusOptions('pipelineId'),
		...opportunityFieldOptions(),
	]),
];
