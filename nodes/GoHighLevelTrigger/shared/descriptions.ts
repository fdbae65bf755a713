/**
 * The trigger's parameters as n8n shows them. Names and values are read by settings.ts; user-visible text uses
 * HighLevel's terms (Marketplace app, Default Webhook URL, sub-account/location, workflow Webhook action).
 */
import type { INodeProperties } from 'n8n-workflow';

import { agencyLocationProperty, authenticationProperty } from '../../GoHighLevel/shared/descriptions';
import { EVENT_OPTIONS } from './events';
import { MAX_EXTRA_KEYS } from './verify';
import { ANY_EVENT, DEFAULT_SECRET_HEADER, DEFAULT_WINDOW_MINUTES } from './settings';

const marketplaceOnly = { show: { source: ['marketplace'] } };
const workflowOnly = { show: { source: ['workflow'] } };

/**
 * The package README on GitHub, without a `#fragment`: n8n appends tracking parameters to documentation links,
 * which would land after the fragment and break it, so links name the README section in their text instead.
 */
export const README_URL =
	'https://github.com/n8n-nodes-gohighlevel/n8n-nodes-gohighlevel/blob/main/README.md';

/** A link to {@link README_URL} whose text names the section to read. */
function readmeLink(section: string): string {
	return `<a href="${README_URL}" target="_blank">README, section "${section}"</a>`;
}

/** Setup steps for the Marketplace source (FACTS.md 5.3: one Default Webhook URL per app, no subscription API). */
export const marketplaceNotice: INodeProperties = {
	displayName: `HighLevel cannot register webhooks through its API. Copy this node's <b>Production URL</b> into your Marketplace app → Advanced Settings → Webhooks → <b>Default Webhook URL</b>, enable the events chosen below there, and add the scope each event needs to the app's scopes (the event's description in the Events list names it). Then activate this workflow. The app sends the events of every sub-account it is installed on to that one URL. Setup steps: ${readmeLink('The GoHighLevel Trigger')}.`,
	name: 'marketplaceNotice',
	type: 'notice',
	default: '',
	displayOptions: marketplaceOnly,
};

/** Setup steps for the workflow source (FACTS.md 5.3: a HighLevel workflow's Webhook action). */
export const workflowNotice: INodeProperties = {
	displayName: `In a HighLevel workflow, add a <b>Webhook</b> action (method POST) whose URL is this node's <b>Production URL</b>, and send the <b>Shared Secret</b> below as a header or a Custom Data entry named like Options → Secret Header Name (default "${DEFAULT_SECRET_HEADER}"). Then activate this workflow. Setup steps: ${readmeLink('The GoHighLevel Trigger')}.`,
	name: 'workflowNotice',
	type: 'notice',
	default: '',
	displayOptions: workflowOnly,
};

/** `source`: where the webhook requests come from. */
export const sourceProperty: INodeProperties = {
	displayName: 'Source',
	name: 'source',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'HighLevel Workflow Webhook Action',
			value: 'workflow',
			description:
				"A Webhook action in a HighLevel workflow: the workflow's contact fields, location, workflow and Custom Data, as HighLevel sends them. Not signed by HighLevel; protected by a shared secret.",
		},
		{
			name: 'Marketplace App Webhook',
			value: 'marketplace',
			description:
				"Your Marketplace app's webhook events (ContactCreate, OpportunityStageUpdate, …), signed by HighLevel",
		},
	],
	default: 'marketplace',
};

/** `events`: Any Event, then the catalogue (ContactCreate and OpportunityStageUpdate first). */
export const eventsProperty: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	// Deliberately not alphabetical: Any Event and the two most used events come first (type to search the rest).
	options: [
		{
			name: 'Any Event',
			value: ANY_EVENT,
			action: 'On any event',
			description: 'Every event the app sends, including events this node does not know yet',
		},
		...EVENT_OPTIONS,
	],
	default: [],
	required: true,
	displayOptions: marketplaceOnly,
	description:
		"The events that start the workflow; others are acknowledged and ignored. Enable the same events in the Marketplace app. For an OAuth2 credential, activation checks that the token has each event's scope; a Private Integration Token's scopes cannot be read, so check them in HighLevel under Settings → Private Integrations.",
};

/** `location`: filter on the event's sub-account. */
export const locationProperty: INodeProperties = {
	displayName: 'Location',
	name: 'location',
	type: 'options',
	options: [
		{
			name: 'Any Location',
			value: 'any',
			description:
				'Events of every sub-account the app is installed on (and agency-level events without a location)',
		},
		{
			name: "The Credential's Location",
			value: 'credential',
			description:
				"Only events of the sub-account (location) of this node's credential; for a credential installed by an agency, of the Location chosen below",
		},
	],
	default: 'credential',
	description:
		'A Marketplace app sends the events of all its sub-accounts to one URL; events of other locations are acknowledged and ignored',
};

/** Shared-secret description, shared by the parameter and the legacy option. */
const SHARED_SECRET_DESCRIPTION =
	'A long random value that the HighLevel Webhook action must send; requests without it are refused (401)';

/**
 * `sharedSecret`: required for the workflow source (HighLevel does not sign workflow Webhook actions, FACTS.md
 * 5.3). Hidden when Options → Skip Verification is on, and for workflows saved by an earlier version that keep the
 * secret in Options → Shared Secret (still read, see settings.ts `readSettings`). Those two rules look into the
 * Options collection: n8n's editor and its parameter-issue check see them; its value resolution (which sees no
 * collection values there) keeps this parameter, which is harmless since it is then empty.
 */
export const sharedSecretProperty: INodeProperties = {
	displayName: 'Shared Secret',
	name: 'sharedSecret',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	required: true,
	description: SHARED_SECRET_DESCRIPTION,
	displayOptions: {
		show: { source: ['workflow'] },
		// Root paths ('/…'): n8n resolves parameters in dependency order and treats root paths as available.
		hide: {
			'/options.skipVerification': [true],
			'/options.sharedSecret': [{ _cnd: { exists: true } }],
		},
	},
};

/** `options`: verification, key rotation, full record. */
export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Additional Ed25519 Public Key',
			name: 'additionalEd25519PublicKey',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			placeholder: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----',
			description: `Public key accepted for the x-ghl-signature header besides HighLevel's built-in key, for when HighLevel announces new webhook keys: one or more PEM blocks (up to ${MAX_EXTRA_KEYS}), or one key as base64 or hex of its 32 raw bytes`,
			displayOptions: { show: { '/source': ['marketplace'] } },
		},
		{
			displayName: 'Additional RSA Public Key',
			name: 'additionalRsaPublicKey',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			placeholder: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----',
			description: `Public key accepted for the legacy x-wh-signature header besides HighLevel's built-in key: one or more PEM blocks (up to ${MAX_EXTRA_KEYS}). HighLevel stops sending that header on July 1, 2026.`,
			displayOptions: { show: { '/source': ['marketplace'] } },
		},
		{
			displayName: 'Include Full Record',
			name: 'includeFullRecord',
			type: 'boolean',
			default: false,
			description:
				'Whether to fetch the current contact, opportunity or appointment the event is about and add it as "record" (uses the credential; needs its read scope). The webhook is answered first, so HighLevel never waits for it.',
		},
		{
			displayName: 'Secret Header Name',
			name: 'headerName',
			type: 'string',
			default: DEFAULT_SECRET_HEADER,
			description:
				'Name of the header, or of the Custom Data entry, that carries the shared secret in the HighLevel Webhook action',
			displayOptions: { show: { '/source': ['workflow'] } },
		},
		{
			// Where earlier versions kept the secret. Offered only while Shared Secret is empty; its display rule must
			// not look into this collection, or n8n would drop the value when it resolves the parameters.
			displayName: 'Shared Secret (Earlier Location)',
			name: 'sharedSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: `${SHARED_SECRET_DESCRIPTION}. Where earlier versions of this node kept the secret; still used when Shared Secret is empty. To move it: remove this option, then enter the secret in Shared Secret.`,
			displayOptions: {
				show: { '/source': ['workflow'] },
				hide: { '/sharedSecret': [{ _cnd: { exists: true } }] },
			},
		},
		{
			displayName: 'Signature Time Window (Minutes)',
			name: 'timestampWindow',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_WINDOW_MINUTES,
			description:
				"How far the event's timestamp may be from now before the request is refused as a possible replay. 0 turns the check off (then events without a timestamp are accepted).",
			displayOptions: { show: { '/source': ['marketplace'] } },
		},
		{
			displayName: 'Skip Verification',
			name: 'skipVerification',
			type: 'boolean',
			default: false,
			description:
				'Whether to accept requests without a shared secret (hides Shared Secret). Unsafe: anyone who learns the URL can start the workflow.',
			displayOptions: { show: { '/source': ['workflow'] } },
		},
	],
};

/** All trigger parameters in display order: setup notice first. */
export const triggerProperties: INodeProperties[] = [
	marketplaceNotice,
	workflowNotice,
	authenticationProperty,
	sourceProperty,
	eventsProperty,
	sharedSecretProperty,
	locationProperty,
	agencyLocationProperty({ location: ['credential'] }),
	optionsProperty,
];
