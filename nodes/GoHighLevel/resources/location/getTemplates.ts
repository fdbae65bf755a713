import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { getConnection } from '../../shared/transport';

const show = { resource: ['location'], operation: ['getTemplates'] };

/** `preSend` of Get Templates: the required query `originId` is the location's id unless Options → Origin ID is set. */
export async function defaultOriginId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (requestOptions.qs?.originId !== undefined) return requestOptions;
	const { locationId } = await getConnection(this);
	return { ...requestOptions, qs: { ...(requestOptions.qs ?? {}), originId: locationId } };
}

/**
 * Get Templates: `GET /locations/{locationId}/templates` (locations.json `GET-all-or-email-sms-templates`,
 * FACTS.md 2.9, scope `locations/templates.readonly`), root `templates` (`id, name, type, template {body | subject,
 * html}, dateAdded…`), offset-paged with `limit` + `skip` in the query. `originId` is required: the location id
 * unless another origin is given (the spec's example for both is the same location id).
 */
export const option: INodePropertyOptions = {
	name: 'Get Templates',
	value: 'getTemplates',
	action: 'Get many message templates',
	description: 'List the location\'s SMS, e-mail and WhatsApp templates',
	routing: routeTo({
		endpoint: ENDPOINTS.getTemplates,
		fieldNames: { type: 'Type', originId: 'Options → Origin ID', deleted: 'Options → Include Deleted' },
		preSend: [defaultOriginId],
	}),
};

export const description: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'All', value: '' },
			{ name: 'Email', value: 'email' },
			{ name: 'SMS', value: 'sms' },
			{ name: 'WhatsApp', value: 'whatsapp' },
		],
		default: '',
		displayOptions: { show },
		description: 'Which templates to list',
		routing: { send: { type: 'query', property: 'type' } },
	},
	...returnAllOrLimit(show),
	collectionField('options', show, [
		{
			displayName: 'Include Deleted',
			name: 'deleted',
			type: 'boolean',
			default: false,
			description: 'Whether to list deleted templates instead of the current ones',
			routing: { send: { type: 'query', property: 'deleted' } },
		},
		{
			displayName: 'Origin ID',
			name: 'originId',
			type: 'string',
			default: '',
			description: 'The origin the templates belong to. Left empty, the location\'s ID is sent.',
			routing: { send: { type: 'query', property: 'originId' } },
		},
	]),
];
