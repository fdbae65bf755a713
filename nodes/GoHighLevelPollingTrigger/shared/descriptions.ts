/**
 * The polling trigger's parameters as n8n shows them; read by poll.ts `readParameters`.
 */
import type { INodeProperties } from 'n8n-workflow';

import { agencyLocationProperty, authenticationProperty, pipelineField, STATUS_OPTIONS } from '../../GoHighLevel/shared/descriptions';
import { DEFAULT_LOOK_AHEAD_DAYS, DEFAULT_LOOKBACK_SECONDS } from './poll';

const opportunityEvents = ['opportunityCreated', 'opportunityStageChanged', 'opportunityStatusChanged'];

/**
 * The package README on GitHub, without a `#fragment`: n8n appends tracking parameters to documentation links,
 * which would land after the fragment and break it, so the link text names the section instead.
 */
export const README_URL =
	'https://github.com/n8n-nodes-gohighlevel/n8n-nodes-gohighlevel/blob/main/README.md';

/**
 * `event`: which HighLevel change starts the workflow. Values are `PollEvent`s (sources.ts); `action` is the text
 * n8n's node creator lists under the node's description.
 */
export const eventProperty: INodeProperties = {
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	required: true,
	default: 'contactCreated',
	options: [
		{
			name: 'Contact Updated',
			value: 'contactUpdated',
			action: 'On contact updated',
			description: 'A contact changed (items like the ContactUpdate webhook). Two changes between polls give one item with the latest data.',
		},
		{
			name: 'Inbound Message',
			value: 'inboundMessage',
			action: 'On inbound message',
			description: 'A contact sent a message on any channel (items like the InboundMessage webhook)',
		},
		{
			name: 'Invoice Paid',
			value: 'invoicePaid',
			action: 'On invoice paid',
			description: 'An invoice was paid in full (items like the InvoicePaid webhook; amounts in major units). Every poll reads all paid invoices of the sub-account.',
		},
		{
			name: 'New Appointment',
			value: 'appointmentCreated',
			action: 'On new appointment',
			description: 'An appointment was booked (items like AppointmentCreate). Only appointments starting between yesterday and Look Ahead days from now are seen.',
		},
		{
			name: 'New Contact',
			value: 'contactCreated',
			action: 'On new contact',
			description: 'A contact was created (items like the ContactCreate webhook)',
		},
		{
			name: 'New Form Submission',
			value: 'formSubmitted',
			action: 'On new form submission',
			description: 'A form was submitted (items are the submissions as HighLevel lists them; there is no webhook event for them)',
		},
		{
			name: 'New Note',
			value: 'noteCreated',
			action: 'On new note',
			description: "A note was added to a contact (items like NoteCreate). HighLevel lists notes per contact only: see Options → Contacts Checked for Notes.",
		},
		{
			name: 'New Opportunity',
			value: 'opportunityCreated',
			action: 'On new opportunity',
			description: 'An opportunity was created (items like OpportunityCreate)',
		},
		{
			name: 'New Order',
			value: 'orderCreated',
			action: 'On new order',
			description: 'An order was placed (items like the OrderCreate webhook; amounts in major units)',
		},
		{
			name: 'New Survey Submission',
			value: 'surveySubmitted',
			action: 'On new survey submission',
			description: 'A survey was submitted (items are the submissions as HighLevel lists them; there is no webhook event for them)',
		},
		{
			name: 'New Task',
			value: 'taskCreated',
			action: 'On new task',
			description: 'A task was created (items like TaskCreate). Every poll reads all tasks of the sub-account.',
		},
		{
			name: 'New Transaction',
			value: 'transactionCreated',
			action: 'On new transaction',
			description: 'A payment was made, online or recorded by hand (items are the transactions as HighLevel lists them, amounts in major units; there is no webhook event for them)',
		},
		{
			name: 'Opportunity Stage Changed',
			value: 'opportunityStageChanged',
			action: 'On opportunity stage changed',
			description: 'An opportunity moved to another stage (items like OpportunityStageUpdate). Two moves between polls give one item with the current stage.',
		},
		{
			name: 'Opportunity Status Changed',
			value: 'opportunityStatusChanged',
			action: 'On opportunity status changed',
			description: 'An opportunity became open, won, lost or abandoned (items like OpportunityStatusUpdate). Two changes between polls give one item with the current status.',
		},
	],
};

/**
 * Notice shown under the event. n8n places Poll Times (added to every `polling: true` node) at the top of the
 * parameters, so the notice refers to it by name, not by position.
 */
export const pollingNotice: INodeProperties = {
	displayName: `Polls HighLevel at the Poll Times set for this node and emits each change once, in the shape of the matching webhook event. The first poll after activation only remembers what exists; a manual test run shows the latest few records. How each event is read: <a href="${README_URL}" target="_blank">README, section "The GoHighLevel Polling Trigger"</a>.`,
	name: 'pollingNotice',
	type: 'notice',
	default: '',
};

/** `filters`: narrow what the poll reads. */
export const filtersProperty: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	displayOptions: { show: { event: [...opportunityEvents, 'appointmentCreated', 'formSubmitted', 'surveySubmitted'] } },
	options: [
		{
			displayName: 'Calendar ID',
			name: 'calendarId',
			type: 'string',
			default: '',
			displayOptions: { show: { '/event': ['appointmentCreated'] } },
			description: 'Only appointments of this calendar. Default: every calendar of the sub-account.',
		},
		{
			displayName: 'Form Name or ID',
			name: 'formId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getForms' },
			// Optional: starts empty (every form), and an expression may give an ID.
			allowArbitraryValues: true,
			default: '',
			displayOptions: { show: { '/event': ['formSubmitted'] } },
			description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'Only submissions of this form. Default: every form of the sub-account.',
		},
		pipelineField('pipelineId', {
			displayOptions: { show: { '/event': opportunityEvents } },
			hint: 'Only opportunities of this pipeline',
		}),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: STATUS_OPTIONS,
			default: 'open',
			displayOptions: { show: { '/event': opportunityEvents } },
			description: 'Only opportunities that currently have this status',
		},
		{
			displayName: 'Survey Name or ID',
			name: 'surveyId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSurveys' },
			allowArbitraryValues: true,
			default: '',
			displayOptions: { show: { '/event': ['surveySubmitted'] } },
			description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'Only submissions of this survey. Default: every survey of the sub-account.',
		},
	],
};

/** `options`: tuning. */
export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Contacts Checked for Notes',
			name: 'noteContacts',
			type: 'options',
			displayOptions: { show: { '/event': ['noteCreated'] } },
			options: [
				{
					name: 'All Contacts',
					value: 'all',
					description: 'Notes of every contact, one request per contact per poll. Complete, but only for small sub-accounts.',
				},
				{
					name: 'Recently Updated Contacts',
					value: 'updated',
					description:
						"Notes of contacts whose Date Updated is after the last poll. Cheap, but a note is missed if HighLevel does not update the contact's Date Updated when the note is added.",
				},
			],
			default: 'updated',
		},
		{
			displayName: 'Look Ahead (Days)',
			name: 'lookAheadDays',
			type: 'number',
			typeOptions: { minValue: 0 },
			displayOptions: { show: { '/event': ['appointmentCreated'] } },
			default: DEFAULT_LOOK_AHEAD_DAYS,
			description: 'Appointments booked for a start time further ahead than this are not seen',
		},
		{
			displayName: 'Lookback (Seconds)',
			name: 'lookbackSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_LOOKBACK_SECONDS,
			description:
				"How late a record may show up in HighLevel's search after its timestamp (index delay, clock differences) and still be emitted. Records are never emitted twice either way.",
		},
	],
};

/** Every parameter of the node, in display order. */
export const pollingTriggerProperties: INodeProperties[] = [
	authenticationProperty,
	agencyLocationProperty(),
	eventProperty,
	pollingNotice,
	filtersProperty,
	optionsProperty,
];
