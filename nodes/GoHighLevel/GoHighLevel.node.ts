import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { listSearch } from './methods/listSearch';
import { loadOptions } from './methods/loadOptions';
import { apiRequestDescription } from './resources/apiRequest';
import { appointmentDescription } from './resources/appointment';
import { appointmentNoteDescription } from './resources/appointmentNote';
import { associationDescription } from './resources/association';
import { blockedSlotDescription } from './resources/blockedSlot';
import { businessDescription } from './resources/business';
import { calendarDescription } from './resources/calendar';
import { calendarGroupDescription } from './resources/calendarGroup';
import { collectionDescription } from './resources/collection';
import { campaignDescription } from './resources/campaign';
import { contactDescription } from './resources/contact';
import { couponDescription } from './resources/coupon';
import { conversationDescription } from './resources/conversation';
import { customFieldDescription } from './resources/customField';
import { customObjectDescription } from './resources/customObject';
import { customObjectRecordDescription } from './resources/customObjectRecord';
import { customValueDescription } from './resources/customValue';
import { estimateDescription } from './resources/estimate';
import { formDescription } from './resources/form';
import { funnelDescription } from './resources/funnel';
import { inventoryDescription } from './resources/inventory';
import { invoiceDescription } from './resources/invoice';
import { locationDescription } from './resources/location';
import { mediaDescription } from './resources/media';
import { messageDescription } from './resources/message';
import { noteDescription } from './resources/note';
import { opportunityDescription } from './resources/opportunity';
import { orderDescription } from './resources/order';
import { pipelineDescription } from './resources/pipeline';
import { priceDescription } from './resources/price';
import { productDescription } from './resources/product';
import { relationDescription } from './resources/relation';
import { subscriptionDescription } from './resources/subscription';
import { surveyDescription } from './resources/survey';
import { tagDescription } from './resources/tag';
import { taskDescription } from './resources/task';
import { transactionDescription } from './resources/transaction';
import { triggerLinkDescription } from './resources/triggerLink';
import { userDescription } from './resources/user';
import { workflowDescription } from './resources/workflow';
import { agencyLocationProperty, authenticationProperty } from './shared/descriptions';

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
			'={{ {"invoice:getAll":"Get many invoices","invoice:get":"Get an invoice","invoice:create":"Create an invoice","invoice:update":"Update an invoice","invoice:delete":"Delete an invoice","invoice:send":"Send an invoice","invoice:void":"Void an invoice","invoice:recordPayment":"Record a payment for an invoice","invoice:text2Pay":"Create and send an invoice with a payment link","invoice:generateNumber":"Generate an invoice number","estimate:getAll":"Get many estimates","estimate:create":"Create an estimate","estimate:send":"Send an estimate","estimate:convertToInvoice":"Convert an estimate to an invoice","coupon:create":"Create a coupon","coupon:delete":"Delete a coupon","coupon:get":"Get a coupon","coupon:getAll":"Get many coupons","coupon:update":"Update a coupon","transaction:getAll":"Get many transactions","transaction:get":"Get a transaction","subscription:getAll":"Get many subscriptions","subscription:get":"Get a subscription","order:getAll":"Get many orders","order:get":"Get an order","order:recordPayment":"Record a manual payment for an order","order:getFulfillments":"Get many fulfillments of an order","order:createFulfillment":"Create a fulfillment for an order","location:get":"Get a location","location:search":"Search the agency\'s locations","location:getTimezones":"Get the time zones HighLevel offers","location:getTemplates":"Get many message templates","tag:create":"Create a tag","tag:delete":"Delete a tag","tag:get":"Get a tag","tag:getAll":"Get many tags","tag:update":"Rename a tag","customField:create":"Create a custom field","customField:delete":"Delete a custom field","customField:get":"Get a custom field","customField:getAll":"Get many custom fields","customField:getAllByObjectKey":"Get many custom fields of a custom object or business","customField:update":"Update a custom field","customValue:create":"Create a custom value","customValue:delete":"Delete a custom value","customValue:get":"Get a custom value","customValue:getAll":"Get many custom values","customValue:update":"Update a custom value","apiRequest:send":"Send an API request","calendar:create":"Create a calendar","calendar:delete":"Delete a calendar","calendar:get":"Get a calendar","calendar:getAll":"Get many calendars","calendar:getFreeSlots":"Get free slots of a calendar","calendar:update":"Update a calendar","calendarGroup:getAll":"Get many calendar groups","appointment:create":"Book an appointment","appointment:delete":"Delete an appointment","appointment:get":"Get an appointment","appointment:getAll":"Get many appointments","appointment:getForContact":"Get the appointments of a contact","appointment:update":"Update an appointment","blockedSlot:create":"Block time in a calendar","blockedSlot:delete":"Delete a blocked slot","blockedSlot:getAll":"Get many blocked slots","blockedSlot:update":"Update a blocked slot","appointmentNote:create":"Add a note to an appointment","appointmentNote:delete":"Delete an appointment note","appointmentNote:getAll":"Get many appointment notes","appointmentNote:update":"Update an appointment note","conversation:create":"Create a conversation","conversation:delete":"Delete a conversation","conversation:get":"Get a conversation","conversation:getAll":"Search conversations","conversation:update":"Update a conversation","message:addInbound":"Add an inbound message","message:addOutbound":"Log an outbound call","message:cancelScheduled":"Cancel a scheduled message","message:cancelScheduledEmail":"Cancel a scheduled email","message:get":"Get a message","message:getAll":"Get many messages of a conversation","message:getEmail":"Get an email message","message:send":"Send a message","message:updateStatus":"Update the status of a message","contact:addTags":"Add tags to a contact","contact:create":"Create a contact","contact:upsert":"Create or update a contact","contact:delete":"Delete a contact","contact:get":"Get a contact","contact:getAll":"Get many contacts","contact:removeTags":"Remove tags from a contact","contact:update":"Update a contact","opportunity:create":"Create an opportunity","opportunity:upsert":"Create or update an opportunity","opportunity:delete":"Delete an opportunity","opportunity:get":"Get an opportunity","opportunity:getAll":"Get many opportunities","opportunity:update":"Update an opportunity","opportunity:updateStatus":"Update the status of an opportunity","pipeline:getAll":"Get many pipelines","contact:addToWorkflow":"Add a contact to a workflow","contact:removeFromWorkflow":"Remove a contact from a workflow","contact:addToCampaign":"Add a contact to a campaign","contact:removeFromCampaign":"Remove a contact from a campaign","contact:removeFromAllCampaigns":"Remove a contact from all campaigns","contact:addFollowers":"Add followers to a contact","contact:removeFollowers":"Remove followers from a contact","contact:findDuplicate":"Find a duplicate contact by email or phone","note:create":"Add a note to a contact","note:get":"Get a note of a contact","note:getAll":"Get many notes of a contact","note:update":"Update a note of a contact","note:delete":"Delete a note of a contact","task:create":"Create a task for a contact","task:get":"Get a task of a contact","task:getAll":"Get many tasks of a contact","task:search":"Search tasks across the location","task:update":"Update a task of a contact","task:markCompleted":"Mark a task as completed","task:markNotCompleted":"Mark a task as not completed","task:delete":"Delete a task of a contact","workflow:getAll":"Get many workflows","form:getAll":"Get many forms","form:getSubmissions":"Get form submissions","survey:getAll":"Get many surveys","survey:getSubmissions":"Get survey submissions","funnel:getAll":"Get many funnels","funnel:getPages":"Get the pages of a funnel","triggerLink:getAll":"Get many trigger links","media:getAll":"Get many media files","media:upload":"Upload a media file","campaign:getAll":"Get many campaigns","user:search":"Search users of the location","user:get":"Get a user","user:create":"Create a user","user:update":"Update a user","user:delete":"Delete a user","business:getAll":"Get many businesses","business:get":"Get a business","business:create":"Create a business","business:update":"Update a business","business:delete":"Delete a business","contact:getAllByBusiness":"Get many contacts of a business","contact:addToBusiness":"Add a contact to a business","contact:removeFromBusiness":"Remove a contact from its business","customObject:get":"Get a custom object schema","customObject:getAll":"Get many custom object schemas","customObjectRecord:create":"Create a custom object record","customObjectRecord:delete":"Delete a custom object record","customObjectRecord:get":"Get a custom object record","customObjectRecord:search":"Search custom object records","customObjectRecord:update":"Update a custom object record","association:get":"Get an association","association:getAll":"Get many associations","association:getByKey":"Get an association by key","relation:create":"Link two records","relation:delete":"Unlink two records","relation:getAll":"Get many relations of a record","product:create":"Create a product","product:delete":"Delete a product","product:get":"Get a product","product:getAll":"Get many products","product:update":"Update a product","price:create":"Create a price for a product","price:delete":"Delete a price of a product","price:get":"Get a price of a product","price:getAll":"Get many prices of a product","price:update":"Update a price of a product","collection:getAll":"Get many product collections","inventory:getAll":"Get many inventory items","inventory:update":"Update inventory quantities"}[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Community node for the HighLevel API v2 (GoHighLevel, LeadConnector): contacts, opportunities, conversations, calendars, notes, tasks, workflows, locations, users, custom objects, forms and any API operation, paced to the rate limit',
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
			agencyLocationProperty(),
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'API Request', value: 'apiRequest' },
					{ name: 'Appointment', value: 'appointment' },
					{ name: 'Appointment Note', value: 'appointmentNote' },
					{ name: 'Association', value: 'association' },
					{ name: 'Blocked Slot', value: 'blockedSlot' },
					{ name: 'Business', value: 'business' },
					{ name: 'Calendar', value: 'calendar' },
					{ name: 'Calendar Group', value: 'calendarGroup' },
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Coupon', value: 'coupon' },
					{ name: 'Custom Field', value: 'customField' },
					{ name: 'Custom Object', value: 'customObject' },
					{ name: 'Custom Object Record', value: 'customObjectRecord' },
					{ name: 'Custom Value', value: 'customValue' },
					{ name: 'Estimate', value: 'estimate' },
					{ name: 'Form', value: 'form' },
					{ name: 'Funnel', value: 'funnel' },
					{ name: 'Inventory', value: 'inventory' },
					{ name: 'Invoice', value: 'invoice' },
					{ name: 'Location', value: 'location' },
					{ name: 'Media', value: 'media' },
					{ name: 'Message', value: 'message' },
					{ name: 'Note', value: 'note' },
					{ name: 'Opportunity', value: 'opportunity' },
					{ name: 'Order', value: 'order' },
					{ name: 'Pipeline', value: 'pipeline' },
					{ name: 'Price', value: 'price' },
					{ name: 'Product', value: 'product' },
					{ name: 'Product Collection', value: 'collection' },
					{ name: 'Relation', value: 'relation' },
					{ name: 'Subscription', value: 'subscription' },
					{ name: 'Survey', value: 'survey' },
					{ name: 'Tag', value: 'tag' },
					{ name: 'Task', value: 'task' },
					{ name: 'Transaction', value: 'transaction' },
					{ name: 'Trigger Link', value: 'triggerLink' },
					{ name: 'User', value: 'user' },
					{ name: 'Workflow', value: 'workflow' },
				],
				default: 'contact',
			},
			...contactDescription,
			...opportunityDescription,
			...orderDescription,
			...transactionDescription,
			...subscriptionDescription,
			...couponDescription,
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
			...userDescription,
			...businessDescription,
			...invoiceDescription,
			...estimateDescription,
			...customObjectDescription,
			...customObjectRecordDescription,
			...associationDescription,
			...relationDescription,
			...formDescription,
			...surveyDescription,
			...funnelDescription,
			...triggerLinkDescription,
			...mediaDescription,
			...apiRequestDescription,
			...locationDescription,
			...tagDescription,
			...customFieldDescription,
			...customValueDescription,
			...productDescription,
			...priceDescription,
			...collectionDescription,
			...inventoryDescription,
		],
	};

	methods = { loadOptions, listSearch };
}
