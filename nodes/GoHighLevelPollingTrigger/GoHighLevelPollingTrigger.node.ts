import {
	NodeConnectionTypes,
	type ILoadOptionsFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { agencyListSearch } from '../GoHighLevel/methods/agency';
import { loadOptions } from '../GoHighLevel/methods/loadOptions';
import { pollingTriggerProperties } from './shared/descriptions';
import { activePoll, manualPoll } from './shared/poll';

/**
 * HighLevel polling trigger, for sub-accounts without a Marketplace app (webhooks need one, FACTS.md 5.3).
 * Each poll reads the chosen event's records from HighLevel's search/list endpoints (shared/sources.ts), keeps a
 * watermark in the workflow's static data (shared/watermark.ts) and emits every change once, shaped like the
 * matching webhook event so the GoHighLevel Trigger can replace it without edits.
 */
export class GoHighLevelPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GoHighLevel Polling Trigger',
		name: 'goHighLevelPollingTrigger',
		icon: {
			light: 'file:../../icons/gohighlevel.svg',
			dark: 'file:../../icons/gohighlevel.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow on HighLevel changes found by polling, without a Marketplace app',
		defaults: { name: 'GoHighLevel Polling Trigger' },
		polling: true,
		inputs: [],
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
		properties: pollingTriggerProperties,
	};

	methods = {
		/** The Location list of an agency credential (the GoHighLevel node's search). */
		listSearch: { searchInstalledLocations: agencyListSearch.searchInstalledLocations },
		loadOptions: {
			/** Pipelines of the credential's location (the GoHighLevel node's list). */
			async getPipelines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				return await loadOptions.getPipelines.call(this);
			},
			/** Forms of the location, for New Form Submission (the GoHighLevel node's list). */
			async getForms(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				return await loadOptions.getForms.call(this);
			},
			/** Surveys of the location, for New Survey Submission (the GoHighLevel node's list). */
			async getSurveys(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				return await loadOptions.getSurveys.call(this);
			},
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const now = Date.now();
		if (this.getMode() === 'manual') return await manualPoll(this, now);
		return await activePoll(this, now);
	}
}
