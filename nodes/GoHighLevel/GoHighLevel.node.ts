import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { listSearch } from './methods/listSearch';
import { loadOptions } from './methods/loadOptions';
import { contactDescription } from './resources/contact';
import { opportunityDescription } from './resources/opportunity';
import { pipelineDescription } from './resources/pipeline';
import { authenticationProperty } from './shared/descriptions';

/**
 * HighLevel (GoHighLevel / LeadConnector API v2) action node. Declarative: each operation's routing comes from
 * `resources/<resource>/<operation>.ts`; requests are sent, paced, retried, paged and turned into readable errors
 * by `shared/transport.ts`, `shared/pagination.ts` and `shared/routing.ts`.
 */
export class GoHighLevel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GoHighLevel',
		name: 'goHighLevel',
		icon: { light: 'file:../../icons/gohighlevel.svg', dark: 'file:../../icons/gohighlevel.dark.svg' },
		group: ['transform'],
		version: 1,
		// The operation's action text ("Get many contacts") by `<resource>:<operation>`, else the raw values. A string
		// literal (n8n's lint requires one); test/editor checks it against every operation option.
		subtitle:
			'={{ {"contact:addTags":"Add tags to a contact","contact:create":"Create a contact","contact:upsert":"Create or update a contact","contact:delete":"Delete a contact","contact:get":"Get a contact","contact:getAll":"Get many contacts","contact:removeTags":"Remove tags from a contact","contact:update":"Update a contact","opportunity:create":"Create an opportunity","opportunity:upsert":"Create or update an opportunity","opportunity:delete":"Delete an opportunity","opportunity:get":"Get an opportunity","opportunity:getAll":"Get many opportunities","opportunity:update":"Update an opportunity","opportunity:updateStatus":"Update the status of an opportunity","pipeline:getAll":"Get many pipelines"}[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Community node for the HighLevel API v2 (GoHighLevel, LeadConnector): contacts, opportunities and pipelines, paced to the rate limit',
		defaults: { name: 'GoHighLevel' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'goHighLevelPrivateIntegrationTokenApi',
				required: true,
				displayOptions: { show: { authentication: ['privateIntegrationToken'] } },
			},
			{
				name: 'goHighLevelOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contact', value: 'contact' },
					{ name: 'Opportunity', value: 'opportunity' },
					{ name: 'Pipeline', value: 'pipeline' },
				],
				default: 'contact',
			},
			...contactDescription,
			...opportunityDescription,
			...pipelineDescription,
		],
	};

	methods = { loadOptions, listSearch };
}
