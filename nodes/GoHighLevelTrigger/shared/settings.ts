/**
 * The trigger's parameters, read once into a typed {@link TriggerSettings}, and the configuration checks that
 * make activation fail with a message naming the parameter to fix. The parameter names and values defined here
 * are the ones a workflow JSON uses (see descriptions.ts for how they are shown).
 */
import type { IDataObject, IHookFunctions, INode, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getEventDefinition } from './events';
import { MAX_EXTRA_KEYS, parsePublicKey } from './verify';

/**
 * `source` values. `marketplace`: a Marketplace app's webhook (signed, typed events; FACTS.md 5.3, 5.4).
 * `workflow`: a HighLevel workflow's "Webhook" action (unsigned; payload of the workflow's contact context,
 * FACTS.md 5.3).
 */
export type TriggerSource = 'marketplace' | 'workflow';

/** `location` values: only events of the credential's sub-account, or events of every location. */
export type LocationMode = 'credential' | 'any';

/** `events` value meaning every event the app sends, including ones the catalogue does not know. */
export const ANY_EVENT = '*';

/** The `event` given to every item of the `workflow` source (HighLevel workflows send no event type). */
export const WORKFLOW_EVENT = 'WorkflowWebhook';

/** Default of Options → Secret Header Name. */
export const DEFAULT_SECRET_HEADER = 'x-webhook-secret';

/**
 * Default of Options → Signature Time Window, in minutes: the 5 minutes HighLevel's webhook authentication doc
 * gives as example (`docs/oauth/WebhookAuthentication.md`, FACTS.md 5.4).
 */
export const DEFAULT_WINDOW_MINUTES = 5;

/** Everything the trigger's lifecycle and request checks need from the node parameters. */
export interface TriggerSettings {
	source: TriggerSource;
	/** Selected catalogue event names, possibly with {@link ANY_EVENT}; empty for the `workflow` source. */
	events: string[];
	location: LocationMode;
	/** Allowed distance between the payload `timestamp` and now, in milliseconds; 0 = not checked. */
	timestampWindowMs: number;
	/** User-pasted Ed25519 public keys tried after HighLevel's (Options → Additional Ed25519 Public Key). */
	ed25519PublicKeys: string[];
	/** User-pasted RSA public keys tried after HighLevel's (Options → Additional RSA Public Key). */
	rsaPublicKeys: string[];
	includeFullRecord: boolean;
	/**
	 * Shared secret expected from a HighLevel workflow's Webhook action (parameter Shared Secret, or Options →
	 * Shared Secret in workflows saved by earlier versions); empty = none set.
	 */
	sharedSecret: string;
	/** Header (and Custom Data key) carrying the shared secret, lower-cased. */
	secretHeaderName: string;
	/** `workflow` source only: accept requests when no Shared Secret is set. */
	skipVerification: boolean;
}

type ParameterContext = Pick<IHookFunctions | IWebhookFunctions, 'getNodeParameter'>;

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

const PEM_BLOCK = /-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g;

/**
 * The keys pasted into one key option: every PEM block (`-----BEGIN …-----` … `-----END …-----`, also with literal
 * `\n` sequences), or, without PEM markers, the whole text as one key (base64 or hex). At most
 * {@link MAX_EXTRA_KEYS}; empty text gives none.
 */
export function splitPublicKeys(value: unknown): string[] {
	const all = text(value).replace(/\\n/g, '\n');
	if (!all) return [];
	if (!all.includes('-----BEGIN')) return [all];
	return (all.match(PEM_BLOCK) ?? [all]).slice(0, MAX_EXTRA_KEYS);
}

/**
 * Reads the node parameters `source`, `events`, `location`, `sharedSecret` and `options` (a collection) into
 * {@link TriggerSettings}. Missing or odd values fall back to the defaults; the Signature Time Window is given in
 * minutes and returned in milliseconds (negative → 0). The shared secret is the `sharedSecret` parameter, else
 * `options.sharedSecret` (where earlier versions kept it). Never throws for bad values; see
 * {@link assertUsableSettings}.
 */
export function readSettings(ctx: ParameterContext): TriggerSettings {
	const get = (name: string, fallback: unknown) => ctx.getNodeParameter(name, fallback) as unknown;
	const source: TriggerSource =
		get('source', 'marketplace') === 'workflow' ? 'workflow' : 'marketplace';
	const rawEvents = get('events', []);
	const events =
		source === 'marketplace' && Array.isArray(rawEvents)
			? [...new Set(rawEvents.filter((e): e is string => typeof e === 'string' && e !== ''))]
			: [];
	const location: LocationMode = get('location', 'credential') === 'any' ? 'any' : 'credential';
	const options = (get('options', {}) ?? {}) as IDataObject;
	const minutes = Number(options.timestampWindow ?? DEFAULT_WINDOW_MINUTES);
	const windowMinutes = Number.isFinite(minutes) ? Math.max(0, minutes) : DEFAULT_WINDOW_MINUTES;
	return {
		source,
		events,
		location,
		timestampWindowMs: source === 'marketplace' ? Math.round(windowMinutes * 60_000) : 0,
		ed25519PublicKeys:
			source === 'marketplace' ? splitPublicKeys(options.additionalEd25519PublicKey) : [],
		rsaPublicKeys: source === 'marketplace' ? splitPublicKeys(options.additionalRsaPublicKey) : [],
		includeFullRecord: options.includeFullRecord === true,
		sharedSecret:
			source === 'workflow' ? text(get('sharedSecret', '')) || text(options.sharedSecret) : '',
		secretHeaderName: (text(options.headerName) || DEFAULT_SECRET_HEADER).toLowerCase(),
		skipVerification: source === 'workflow' && options.skipVerification === true,
	};
}

/** The display path of a parameter, as error messages name it. */
export const PARAMETER_LABELS = {
	events: 'Events',
	location: 'Location',
	ed25519: 'Options → Additional Ed25519 Public Key',
	rsa: 'Options → Additional RSA Public Key',
	window: 'Options → Signature Time Window',
	sharedSecret: 'Shared Secret',
	secretHeaderName: 'Options → Secret Header Name',
	skipVerification: 'Options → Skip Verification',
} as const;

/** Header names are HTTP tokens (RFC 9110 §5.6.2). */
const HEADER_TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

/**
 * Checks what can be checked without HighLevel: at least one event for the Marketplace source, only known event
 * names (or Any Event), pasted public keys that parse as the right key type, a usable secret header name, and a
 * Shared Secret (or Skip Verification) for the workflow source.
 * @throws NodeOperationError naming the parameter and the fix
 */
export function assertUsableSettings(node: INode, settings: TriggerSettings): void {
	const fail = (message: string, description?: string): never => {
		throw new NodeOperationError(node, message, description ? { description } : undefined);
	};
	if (settings.source === 'marketplace') {
		if (settings.events.length === 0) {
			fail(
				`Choose at least one event in ${PARAMETER_LABELS.events}`,
				'Pick the events enabled in your Marketplace app, or "Any Event" to receive everything the app sends.',
			);
		}
		const unknown = settings.events.filter((e) => e !== ANY_EVENT && !getEventDefinition(e));
		if (unknown.length > 0) {
			fail(
				`Unknown event ${unknown.join(', ')} in ${PARAMETER_LABELS.events}`,
				"Pick events from the list; their names are the ones in HighLevel's webhook documentation (e.g. ContactCreate).",
			);
		}
		for (const [texts, scheme, label] of [
			[settings.ed25519PublicKeys, 'ed25519', PARAMETER_LABELS.ed25519],
			[settings.rsaPublicKeys, 'rsa', PARAMETER_LABELS.rsa],
		] as const) {
			for (const key of texts) {
				const parsed = parsePublicKey(key, scheme);
				if (!parsed.ok) {
					fail(
						`${label} is not usable: ${parsed.message}`,
						'Paste the public key HighLevel publishes for webhook signatures (PEM "-----BEGIN PUBLIC KEY-----" block), or remove the option.',
					);
				}
			}
		}
		return;
	}
	if (!HEADER_TOKEN.test(settings.secretHeaderName)) {
		fail(
			`${PARAMETER_LABELS.secretHeaderName} is not a valid header name`,
			'Use letters, digits and dashes only, e.g. x-webhook-secret.',
		);
	}
	if (!settings.sharedSecret && !settings.skipVerification) {
		fail(
			`Set ${PARAMETER_LABELS.sharedSecret} for the HighLevel Workflow Webhook Action source`,
			`HighLevel does not sign requests from workflow Webhook actions, so anyone who learns the URL could start this workflow. Choose a long random secret, enter it in ${PARAMETER_LABELS.sharedSecret}, and send it from the HighLevel Webhook action as a header (Custom Webhook action) or a Custom Data entry named "${settings.secretHeaderName}". To accept unverified requests anyway, turn on ${PARAMETER_LABELS.skipVerification}.`,
		);
	}
}
