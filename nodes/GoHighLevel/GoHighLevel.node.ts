import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { listSearch } from './methods/listSearch';
import { loadOptions } from './methods/loadOptions';
import { appointmentDescription } from './resources/appointment';
import { appointmentNoteDescription } from './resources/appointmentNote';
import { blockedSlotDescription } from './resources/blockedSlot';
import { calendarDescription } from './resources/calendar';
import { calendarGroupDescription } from './resources/calendarGroup';
import { campaignDescription } from './resources/campaign';
import { contactDescription } from './resources/contact';
import { conversationDescription } from './resources/conversation';
import { messageDescription } from './resources/message';
import { noteDescription } from './resources/note';
import { opportunityDescription } from './resources/opportunity';
import { pipelineDescription } from './resources/pipeline';
import { taskDescription } from './resources/task';
import { workflowDescription } from './resources/workflow';
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
			'={{ {"calendar:create":"Create a calendar","calendar:delete":"Delete a calendar","calendar:get":"Get a calendar","calendar:getAll":"Get many calendars","calendar:getFreeSlots":"Get free slots of a calendar","calendar:update":"Update a calendar","calendarGroup:getAll":"Get many calendar groups","appointment:create":"Book an appointment","appointment:delete":"Delete an appointment","appointment:get":"Get an appointment","appointment:getAll":"Get many appointments","appointment:getForContact":"Get the appointments of a contact","appointment:update":"Update an appointment","blockedSlot:create":"Block time in a calendar","blockedSlot:delete":"Delete a blocked slot","blockedSlot:getAll":"Get many blocked slots","blockedSlot:update":"Update a blocked slot","appointmentNote:create":"Add a note to an appointment","appointmentNote:delete":"Delete an appointment note","appointmentNote:getAll":"Get many appointment notes","appointmentNote:update":"Update an appointment note","conversation:create":"Create a conversation","conversation:delete":"Delete a conversation","conversation:get":"Get a conversation","conversation:getAll":"Search conversations","conversation:update":"Update a conversation","message:addInbound":"Add an inbound message","message:addOutbound":"Log an outbound call","message:cancelScheduled":"Cancel a scheduled message","message:cancelScheduledEmail":"Cancel a scheduled email","message:get":"Get a message","message:getAll":"Get many messages of a conversation","message:getEmail":"Get an email message","message:send":"Send a message","message:updateStatus":"Update the status of a message","contact:addTags":"Add tags to a contact","contact:create":"Create a contact","contact:upsert":"Create or update a contact","contact:delete":"Delete a contact","contact:get":"Get a contact","contact:getAll":"Get many contacts","contact:removeTags":"Remove tags from a contact","contact:update":"Update a contact","opportunity:create":"Create an opportunity","opportunity:upsert":"Create or update an opportunity","opportunity:delete":"Delete an opportunity","opportunity:get":"Get an opportunity","opportunity:getAll":"Get many opportunities","opportunity:update":"Update an opportunity","opportunity:updateStatus":"Update the status of an opportunity","pipeline:getAll":"Get many pipelines","contact:addToWorkflow":"Add a contact to a workflow","contact:removeFromWorkflow":"Remove a contact from a workflow","contact:addToCampaign":"Add a contact to a campaign","contact:removeFromCampaign":"Remove a contact from a campaign","contact:removeFromAllCampaigns":"Remove a contact from all campaigns","contact:addFollowers":"Add followers to a contact","contact:removeFollowers":"Remove followers from a contact","contact:findDuplicate":"Find a duplicate contact by email or phone","note:create":"Add a note to a contact","note:get":"Get a note of a contact","note:getAll":"Get many notes of a contact","note:update":"Update a note of a contact","note:delete":"Delete a note of a contact","task:create":"Create a task for a contact","task:get":"Get a task of a contact","task:getAll":"Get many tasks of a contact","task:search":"Search tasks across the location","task:update":"Update a task of a contact","task:markCompleted":"Mark a task as completed","task:markNotCompleted":"Mark a task as not completed","task:delete":"Delete a task of a contact","workflow:getAll":"Get many workflows","campaign:getAll":"Get many campaigns"}[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Community node for the HighLevel API v2 (GoHighLevel, LeadConnector): contacts, opportunities, conversations and messages, calendars and appointments, notes, tasks and workflows, paced to the rate limit',
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
					{ name: 'Appointment', value: 'appointment' },
					{ name: 'Appointment Note', value: 'appointmentNote' },
					{ name: 'Blocked Slot', value: 'blockedSlot' },
					{ name: 'Calendar', value: 'calendar' },
					{ name: 'Calendar Group', value: 'calendarGroup' },
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Message', value: 'message' },
					{ name: 'Note', value: 'note' },
					{ name: 'Opportunity', value: 'opportunity' },
					{ name: 'Pipeline', value: 'pipeline' },
					{ name: 'Task', value: 'task' },
					{ name: 'Workflow', value: 'workflow' },
				],
				default: 'contact',
			},
			...contactDescription,
			...opportunityDescription,
			...pipelineDescription,
			...noteDescription,
			...taskDescription,
			...workflowDescription,
			...campaignDescription,
			...conversationDescription,
			...messageDescription,
			...calendarDescription,
			...calendarGroupDescription,
			...appointmentDescription,
			...blockedSlotDescription,
			...appointmentNoteDescription,
		],
	};

	methods = { loadOptions, listSearch };
}
