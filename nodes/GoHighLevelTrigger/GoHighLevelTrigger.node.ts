import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { agencyListSearch } from '../GoHighLevel/methods/agency';
import { getConnection } from '../GoHighLevel/shared/transport';
import { checkActivation } from './shared/activation';
import { DEDUP_MAX_ENTRIES } from './shared/dedup';
import { triggerProperties } from './shared/descriptions';
import { fetchRecord, recordTarget } from './shared/records';
import { checkWebhook, type WebhookOutcome } from './shared/request';
import { readSettings } from './shared/settings';
import {
	clearState,
	forgetWebhookIdMemory,
	isSameSubscription,
	saveWebhookIdMemory,
	STATE_KEYS,
	storeSubscription,
	subscriptionKey,
	webhookIdMemoryFor,
} from './shared/state';
import type { HeaderMap } from './shared/verify';

/** Key of this trigger's live `webhookId` memory: one per workflow and node. */
function memoryKey(ctx: IHookFunctions | IWebhookFunctions): string {
	return `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;
}

/** The credential's location id, or `undefined` when it has none (agency-level OAuth2 install, empty field). */
async function credentialLocation(ctx: IHookFunctions): Promise<string | undefined> {
	try {
		return (await getConnection(ctx)).locationId;
	} catch {
		return undefined;
	}
}

/**
 * HighLevel webhook trigger. HighLevel has no API to register webhooks (FACTS.md 5.3): the user pastes this node's
 * URL into a Marketplace app (Default Webhook URL) or a HighLevel workflow's Webhook action. Activation therefore
 * checks the setup and records it in static data; each request is verified (signature or shared secret, time
 * window, `webhookId` de-duplication over the time window, shared/dedup.ts), filtered (event, location) and
 * emitted as one item. Refused and ignored
 * requests are answered directly and start no execution.
 */
export class GoHighLevelTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GoHighLevel Trigger',
		name: 'goHighLevelTrigger',
		icon: {
			light: 'file:../../icons/gohighlevel.svg',
			dark: 'file:../../icons/gohighlevel.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{$parameter["source"] === "workflow" ? "Workflow Webhook Action" : ($parameter["events"] || []).join(", ")}}',
		description:
			'Starts the workflow on HighLevel webhook events, from a Marketplace app or a HighLevel workflow',
		defaults: { name: 'GoHighLevel Trigger' },
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
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	/** The Location list of an agency credential (the GoHighLevel node's search). */
	methods = { listSearch: { searchInstalledLocations: agencyListSearch.searchInstalledLocations } };

	webhookMethods = {
		default: {
			/** True only when static data holds a subscription for the same URL, events, location and source. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const settings = readSettings(this);
				const webhookUrl = this.getNodeWebhookUrl('default') ?? '';
				const locationId =
					settings.location === 'credential' ? await credentialLocation(this) : undefined;
				const staticData = this.getWorkflowStaticData('node');
				return isSameSubscription(
					staticData[STATE_KEYS.subscription],
					subscriptionKey(settings, webhookUrl, locationId),
				);
			},

			/** Checks parameters, scopes and the credential, then records the subscription. */
			async create(this: IHookFunctions): Promise<boolean> {
				const settings = readSettings(this);
				const { locationId } = await checkActivation(this, settings);
				const staticData = this.getWorkflowStaticData('node');
				clearState(staticData);
				forgetWebhookIdMemory(memoryKey(this));
				storeSubscription(
					staticData,
					subscriptionKey(settings, this.getNodeWebhookUrl('default') ?? '', locationId),
					new Date(),
				);
				return true;
			},

			/** Forgets the subscription and the `webhookId` memory. Nothing exists on HighLevel's side to remove. */
			async delete(this: IHookFunctions): Promise<boolean> {
				clearState(this.getWorkflowStaticData('node'));
				forgetWebhookIdMemory(memoryKey(this));
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const settings = readSettings(this);
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const staticData = this.getWorkflowStaticData('node');
		const nowMs = Date.now();
		const memory = webhookIdMemoryFor(memoryKey(this), staticData, nowMs);
		const droppedBefore = memory.dropped;
		const rawBody = (req as { rawBody?: Buffer }).rawBody;
		if (rawBody === undefined) {
			this.logger.warn('GoHighLevel Trigger: the request has no raw body; using the parsed body');
		}

		const outcome: WebhookOutcome = await checkWebhook(
			{
				rawBody,
				parsedBody: rawBody === undefined ? this.getBodyData() : undefined,
				headers: req.headers as HeaderMap,
			},
			settings,
			{
				nowMs,
				memory,
				credentialLocationId: async () => (await getConnection(this)).locationId,
			},
		);
		saveWebhookIdMemory(staticData, memory);
		if (memory.dropped > droppedBefore) {
			this.logger.warn(
				`GoHighLevel Trigger: the webhookId memory is full (${DEDUP_MAX_ENTRIES} ids); the oldest were dropped before their time window ended`,
			);
		}

		if (outcome.kind === 'respond') {
			res.status(outcome.status).json(outcome.body);
			return { noWebhookResponse: true };
		}

		// Answer before any further work: HighLevel treats every non-429 answer as final (FACTS.md 5.4).
		res.status(200).json({ status: 'received', event: outcome.event });
		const item: IDataObject = outcome.item;
		if (settings.includeFullRecord) {
			const target = recordTarget(settings.source, outcome.event, outcome.payload);
			item.record = null;
			if (target) {
				const fetched = await fetchRecord(this, target, outcome.locationId);
				item.record = fetched.record;
				if (fetched.record === null) item.recordError = fetched.error;
			}
		}
		return { workflowData: [[{ json: item }]], noWebhookResponse: true };
	}
}
