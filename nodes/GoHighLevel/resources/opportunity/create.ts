import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { resolveCustomFields } from '../../shared/customFields';
import {
	collectionField,
	contactLocator,
	customFieldsProperty,
	pipelineField,
	stageField,
	STATUS_OPTIONS,
} from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { resolvePipelineStage } from '../../shared/pipelines';
import { routeTo } from '../../shared/routing';
import { opportunityFieldOptions } from './fields';

const show = { resource: ['opportunity'], operation: ['create'] };

/** Create: `POST /opportunities/` (opportunities.json `create-opportunity`, body `CreateDto`), root `opportunity`. */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an opportunity',
	description: 'Create an opportunity for a contact in a pipeline stage',
	routing: routeTo({
		endpoint: ENDPOINTS.createOpportunity,
		preSend: [
			resolvePipelineStage({ in: 'body', pipeline: 'pipelineId', stage: 'pipelineStageId' }),
			resolveCustomFields('opportunity'),
		],
	}),
};

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		description: 'Name of the opportunity (deal)',
		routing: { send: { type: 'body', property: 'name' } },
	},
	pipelineField('pipelineId', {
		required: true,
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'pipelineId' } },
	}),
	stageField('pipelineStageId', 'pipelineId', {
		required: true,
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'pipelineStageId' } },
	}),
	{ ...contactLocator('contactId', show), routing: { send: { type: 'body', property: 'contactId' } } },
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: STATUS_OPTIONS,
		default: 'open',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'status' } },
	},
	collectionField('additionalFields', show, opportunityFieldOptions()),
	customFieldsProperty('opportunity', show),
];
