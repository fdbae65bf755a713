import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyRouting,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collectionField, TIME_ZONE_HINT } from '../../shared/descriptions';
import type { Endpoint } from '../../shared/endpoints';
import { routeTo, type OutputShaper } from '../../shared/routing';
import { toZonedIso } from '../../shared/time';

/*
 * Fields of the contact automation operations: workflow and campaign enrolment (contacts.json
 * `add-contact-to-workflow`, `delete-contact-from-workflow`, `add-contact-to-campaign`,
 * `remove-contact-from-campaign`, `remove-contact-from-every-campaign`) and followers (`add-followers-contact`,
 * `remove-followers-contact`).
 */

/** The Workflow dropdown (loadOptions `getWorkflows`, workflows.json `get-workflow`); path `{workflowId}`. */
export function workflowField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Workflow Name or ID',
		name: 'workflowId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getWorkflows' },
		required: true,
		default: '',
		displayOptions: { show },
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

/** The Campaign dropdown (loadOptions `getCampaigns`, campaigns.json `get-campaigns`); path `{campaignId}`. */
export function campaignField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Campaign Name or ID',
		name: 'campaignId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCampaigns' },
		required: true,
		default: '',
		displayOptions: { show },
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

/**
 * Options of the workflow operations: Event Start Time (body `eventStartTime`, contacts.json `CreateWorkflowDto`,
 * ISO 8601 with offset, e.g. `2021-06-23T03:30:00+01:00`), converted by {@link convertEventStartTime}.
 */
export function workflowOptionsField(show: Record<string, string[]>): INodeProperties {
	return collectionField('options', show, [
		{
			displayName: 'Event Start Time',
			name: 'eventStartTime',
			type: 'dateTime',
			default: '',
			description:
				'The time the workflow\'s time-based steps count from (e.g. an appointment start); sent with the workflow time zone\'s offset',
			hint: TIME_ZONE_HINT,
			routing: { send: { type: 'body', property: 'eventStartTime' } },
		},
	]);
}

/** `preSend`: the body's `eventStartTime` (when set) as ISO 8601 with the workflow time zone's offset (shared/time.ts). */
export async function convertEventStartTime(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	if (body.eventStartTime === undefined) return requestOptions;
	body.eventStartTime = toZonedIso(body.eventStartTime, {
		node: this.getNode(),
		parameter: 'Options → Event Start Time',
		itemIndex: this.getItemIndex(),
		timeZone: this.getTimezone(),
	});
	return { ...requestOptions, body };
}

/**
 * The Followers field (body `followers`, contacts.json `FollowersDTO`: user ids): users of the location
 * (loadOptions `getLocationUsers`), or ids from an expression as an array or a comma-separated string.
 */
export function followersField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Follower Names or IDs',
		name: 'followers',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLocationUsers' },
		required: true,
		default: [],
		displayOptions: { show },
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Users of the location who follow the contact',
		routing: {
			send: {
				type: 'body',
				property: 'followers',
				value: '={{ (Array.isArray($value) ? $value : String($value ?? "").split(",")).map(t => String(t).trim()).filter(t => t) }}',
			},
		},
	};
}

/** `preSend` of the follower operations: at least one follower, checked before the request. */
export async function requireFollowers(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const followers = (requestOptions.body as IDataObject | undefined)?.followers;
	if (Array.isArray(followers) && followers.length) return requestOptions;
	throw new NodeOperationError(this.getNode(), 'No followers given', {
		description: 'Parameter "Follower Names or IDs": choose at least one user of the location, or give user IDs.',
		itemIndex: this.getItemIndex(),
	});
}

/**
 * Output of enrolment operations, whose answer is only `{ succeded: true }`: one item naming the contact, the
 * workflow or campaign (`idParameter`, e.g. `workflowId`) and what happened (`change`, e.g. `added`).
 */
export function enrolmentOutput(idParameter: 'workflowId' | 'campaignId' | undefined, change: string): OutputShaper {
	return function () {
		const out: IDataObject = { id: this.getNodeParameter('contactId', '', { extractValue: true }) };
		if (idParameter) out[idParameter] = this.getNodeParameter(idParameter, '');
		out[change] = true;
		return [out];
	};
}

/** Output of the follower operations: the contact id and HighLevel's answer (`followers`, `followersAdded` / `followersRemoved`). */
export const followersOutput: OutputShaper = function (body) {
	const answer: IDataObject = { ...body };
	delete answer.traceId;
	return [{ id: this.getNodeParameter('contactId', '', { extractValue: true }), ...answer }];
};

/**
 * The routing of Add Followers / Remove Followers (contacts.json `add-followers-contact` /
 * `remove-followers-contact`): `endpoint` with `{contactId}`, body `FollowersDTO {followers[]}` checked by
 * {@link requireFollowers}, output {@link followersOutput}.
 */
export function followersRouting(endpoint: Endpoint): INodePropertyRouting {
	return routeTo({
		endpoint,
		pathParameters: { contactId: 'contactId' },
		preSend: [requireFollowers],
		fieldNames: { followers: 'Follower Names or IDs' },
		output: followersOutput,
	});
}

/**
 * The routing of Add to Workflow / Remove From Workflow (contacts.json `add-contact-to-workflow` /
 * `delete-contact-from-workflow`): `endpoint` with `{contactId}` and `{workflowId}`, body
 * `CreateWorkflowDto {eventStartTime?}` ({@link convertEventStartTime}), output {@link enrolmentOutput} with
 * `change` (`added` / `removed`).
 */
export function workflowRouting(endpoint: Endpoint, change: 'added' | 'removed'): INodePropertyRouting {
	return routeTo({
		endpoint,
		pathParameters: { contactId: 'contactId', workflowId: 'workflowId' },
		preSend: [convertEventStartTime],
		fieldNames: { eventStartTime: 'Options → Event Start Time' },
		output: enrolmentOutput('workflowId', change),
	});
}
