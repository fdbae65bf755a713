import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { validateBody } from '../../shared/validation';
import { BUSINESS_FIELD_OPTIONS, businessBodyRules, businessOf } from './fields';

const show = { resource: ['business'], operation: ['create'] };

/**
 * Create: `POST /businesses/` (businesses.json `create-business`, body `CreateBusinessDto`: `name` + the location)
 * → 201 `success`, `buiseness` (sic, FACTS.md 2.13); the output is that record.
 */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a business',
	description: 'Add a business (company) to the location',
	routing: routeTo({
		endpoint: ENDPOINTS.createBusiness,
		preSend: [validateBody(businessBodyRules('Additional Fields'))],
		output: (body) => businessOf(body),
		fieldNames: { name: 'Name', email: 'Additional Fields → Email', phone: 'Additional Fields → Phone' },
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
		placeholder: 'e.g. Microsoft',
		routing: { send: { type: 'body', property: 'name' } },
	},
	collectionField('additionalFields', show, BUSINESS_FIELD_OPTIONS),
];
