/**
 * What the trigger checks when a workflow is activated (`webhookMethods.default.create`): the parameters, the OAuth2
 * token's granted scopes, and that the credential can make a request. HighLevel offers no API to register a webhook
 * (FACTS.md 5.3), so these checks are what activation can do to catch a setup that would never deliver events.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ENDPOINTS, type Endpoint } from '../../GoHighLevel/shared/endpoints';
import {
	apiRequest,
	CREDENTIAL_TYPES,
	DEFAULT_AUTHENTICATION,
	getConnection,
	requireLocation,
	type AuthenticationMethod,
	type Connection,
} from '../../GoHighLevel/shared/transport';
import { scopesForEvents } from './events';
import { recordScopes } from './records';
import {
	assertUsableSettings,
	PARAMETER_LABELS,
	WORKFLOW_EVENT,
	type TriggerSettings,
} from './settings';

/**
 * Scopes an OAuth2 token needs for `settings`: the scopes of the selected events (events.ts `scopesForEvents`,
 * FACTS.md 5.1) plus, with Include Full Record, the read scopes of the records fetched (records.ts `recordScopes`).
 * Sorted, distinct. The workflow source needs no event scope.
 */
export function requiredScopes(settings: TriggerSettings): string[] {
	const events = settings.source === 'workflow' ? [WORKFLOW_EVENT] : settings.events;
	const scopes = new Set(settings.source === 'workflow' ? [] : scopesForEvents(events));
	if (settings.includeFullRecord) for (const scope of recordScopes(events)) scopes.add(scope);
	return [...scopes].sort();
}

/**
 * The scopes granted to an OAuth2 credential's token: `oauthTokenData.scope`, space-separated as HighLevel's token
 * endpoint returns it (FACTS.md 3.2). `undefined` when the token data carries no scope string.
 */
export function grantedScopes(credentials: IDataObject): Set<string> | undefined {
	const scope = (credentials.oauthTokenData as IDataObject | undefined)?.scope;
	if (typeof scope !== 'string') return undefined;
	return new Set(scope.split(/[\s,]+/).filter(Boolean));
}

/**
 * The request that proves the credential works at activation, and why:
 * - `POST /contacts/search` with `pageLimit: 1` (contacts.json `search-contacts-advanced`, scope
 *   `contacts.readonly`): the same request the Private Integration Token credential's own test sends, so any
 *   credential that passes its test passes here; `contacts.readonly` is also the scope of the common contact events
 *   and one of the credential's default scopes. It returns at most one contact.
 * - `GET /opportunities/pipelines` (opportunities.json `get-pipelines`, scope `opportunities.readonly`) instead, for
 *   an OAuth2 token known to lack `contacts.readonly` but to have `opportunities.readonly` (an opportunities-only app).
 * - `undefined` (no request) for an OAuth2 token known to have neither scope: no endpoint of this package could
 *   answer it, and the scope check has already run.
 */
export function probeRequest(
	granted: Set<string> | undefined,
): { endpoint: Endpoint; body?: IDataObject } | undefined {
	if (!granted || granted.has(ENDPOINTS.searchContacts.scope)) {
		return { endpoint: ENDPOINTS.searchContacts, body: { pageLimit: 1 } };
	}
	if (granted.has(ENDPOINTS.getPipelines.scope)) return { endpoint: ENDPOINTS.getPipelines };
	return undefined;
}

/** Result of {@link checkActivation}. */
export interface ActivationResult {
	/** The credential's location id; `undefined` for a credential without one (only allowed with Any Location). */
	locationId: string | undefined;
	/** Whether a probe request was sent. */
	probed: boolean;
}

/**
 * Runs the activation checks, in order:
 * 1. the parameters ({@link assertUsableSettings});
 * 2. OAuth2 credential: the token's granted scopes cover {@link requiredScopes}. A Private Integration Token's
 *    scopes cannot be read through HighLevel's API, so this check is skipped for it;
 * 3. the credential's location (required unless Location is Any Location);
 * 4. one cheap request ({@link probeRequest}) through the action node's transport.
 * @throws NodeOperationError naming the parameter or the missing scopes; NodeApiError from the probe request
 */
export async function checkActivation(
	ctx: IHookFunctions,
	settings: TriggerSettings,
): Promise<ActivationResult> {
	const node = ctx.getNode();
	assertUsableSettings(node, settings);

	const authentication = (ctx.getNodeParameter('authentication', DEFAULT_AUTHENTICATION) ??
		DEFAULT_AUTHENTICATION) as AuthenticationMethod;
	let granted: Set<string> | undefined;
	if (authentication === 'oAuth2') {
		const credentials = (await ctx.getCredentials(CREDENTIAL_TYPES.oAuth2)) as IDataObject;
		granted = grantedScopes(credentials);
		if (granted === undefined) {
			ctx.logger.warn(
				'GoHighLevel Trigger: the OAuth2 token data has no scope list, so the event scopes were not checked',
			);
		} else {
			const missing = requiredScopes(settings).filter((s) => !granted!.has(s));
			if (missing.length > 0) {
				const plural = missing.length > 1 ? 's' : '';
				throw new NodeOperationError(
					node,
					`The OAuth2 credential's token lacks the scope${plural} ${missing.join(', ')} needed for the selected ${PARAMETER_LABELS.events}${settings.includeFullRecord ? ' and Include Full Record' : ''}`,
					{
						description: `HighLevel only sends an event to apps granted its scope. Add ${missing.join(', ')} to the Marketplace app's scopes and to the credential's Scope field, then reconnect the credential so the new token carries them.`,
					},
				);
			}
		}
	}

	let connection: Connection | undefined;
	try {
		connection = await getConnection(ctx);
	} catch (error) {
		if (settings.location === 'credential') {
			const message = error instanceof Error ? error.message : String(error);
			throw new NodeOperationError(node, message, {
				description: `${PARAMETER_LABELS.location} is "The Credential's Location", which needs a credential with a location (or, for a credential installed by an agency, a chosen Location). Reconnect the credential, or set ${PARAMETER_LABELS.location} to "Any Location".`,
			});
		}
		// Any Location with an agency-level token: nothing location-scoped to probe.
		return { locationId: undefined, probed: false };
	}

	if (!connection.locationId) {
		// An agency (Company) credential without a chosen Location.
		if (settings.location === 'credential') requireLocation(ctx, connection);
		return { locationId: undefined, probed: false };
	}
	const probe = probeRequest(granted);
	if (probe) await apiRequest(ctx, probe.endpoint, { body: probe.body }, connection);
	return { locationId: connection.locationId, probed: probe !== undefined };
}
