/**
 * Options → Include Full Record: fetches the current contact, opportunity or appointment an event is about, through
 * the action node's transport (same credential handling, pacing, retries and readable errors).
 */
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { ENDPOINTS, type Endpoint } from '../../GoHighLevel/shared/endpoints';
import { apiRequest, getConnection, recordsOf } from '../../GoHighLevel/shared/transport';
import { getEventDefinition, getPath, recordRef, type RecordKind } from './events';
import { ANY_EVENT, WORKFLOW_EVENT, type TriggerSource } from './settings';

/** How each fetchable record kind is read: the endpoint and the name of its id path parameter. */
export const RECORD_ENDPOINTS: Record<
	Exclude<RecordKind, 'none'>,
	{ endpoint: Endpoint; pathParameter: string }
> = {
	// contacts.json get-contact: GET /contacts/{contactId}, response { contact }
	contact: { endpoint: ENDPOINTS.getContact, pathParameter: 'contactId' },
	// opportunities.json get-opportunity: GET /opportunities/{id}, response { opportunity }
	opportunity: { endpoint: ENDPOINTS.getOpportunity, pathParameter: 'id' },
	// calendars.json get-appointment: GET /calendars/events/appointments/{eventId}, Version 2021-04-15, { event }
	appointment: { endpoint: ENDPOINTS.getAppointment, pathParameter: 'eventId' },
};

/**
 * Payload fields holding the contact id in a HighLevel workflow Webhook action's body, tried in order. FACTS.md 5.3
 * says the body carries the workflow's flattened contact fields but not their names; `contact_id` is the name seen in
 * third-party integrations [3P], `contactId` and `contact.id` are accepted as well.
 */
export const WORKFLOW_CONTACT_ID_PATHS = ['contact_id', 'contactId', 'contact.id'];

/** The record an item can be completed with. */
export interface RecordTarget {
	kind: Exclude<RecordKind, 'none'>;
	/** The record id; `undefined` when the payload lacks it. */
	id: string | undefined;
}

/**
 * Which record to fetch for an accepted request: for the Marketplace source the catalogue's record kind and id path
 * of `event` (see events.ts `recordRef`; deletes and non-CRM events have none), for the workflow source the contact
 * named by {@link WORKFLOW_CONTACT_ID_PATHS}. `undefined` when there is nothing to fetch.
 */
export function recordTarget(
	source: TriggerSource,
	event: string,
	payload: IDataObject,
): RecordTarget | undefined {
	if (source === 'workflow') {
		for (const path of WORKFLOW_CONTACT_ID_PATHS) {
			const value = getPath(payload, path);
			if (typeof value === 'string' && value.trim() !== '') return { kind: 'contact', id: value };
		}
		return undefined;
	}
	const ref = recordRef(event, payload);
	if (!ref || ref.kind === 'none') return undefined;
	return { kind: ref.kind, id: ref.id };
}

/**
 * Scopes Include Full Record needs for the given events: the read scope of each fetchable record kind among them
 * (`contacts.readonly`, `opportunities.readonly`, `calendars/events.readonly`); Any Event needs all three; the
 * workflow event needs `contacts.readonly`. Sorted, distinct.
 */
export function recordScopes(events: readonly string[]): string[] {
	const kinds = new Set<Exclude<RecordKind, 'none'>>();
	for (const event of events) {
		if (event === ANY_EVENT) {
			for (const kind of Object.keys(RECORD_ENDPOINTS))
				kinds.add(kind as Exclude<RecordKind, 'none'>);
		} else if (event === WORKFLOW_EVENT) {
			kinds.add('contact');
		} else {
			const kind = getEventDefinition(event)?.recordKind;
			if (kind && kind !== 'none') kinds.add(kind);
		}
	}
	return [...new Set([...kinds].map((k) => RECORD_ENDPOINTS[k].endpoint.scope))].sort();
}

/** Result of {@link fetchRecord}: the record, or `null` and a message saying why not. */
export type FetchedRecord = { record: IDataObject } | { record: null; error: string };

/**
 * Fetches the record `target` points at with the node's credential. With an agency (Company) credential the request
 * goes to `locationId`, the location of the event (a Location token ignores it: it can only read its own location).
 * Never throws: a missing id or a failed request gives `{ record: null, error }`, where `error` is the transport's
 * readable message (it never contains the token).
 */
export async function fetchRecord(
	ctx: IWebhookFunctions | IHookFunctions,
	target: RecordTarget,
	locationId?: string,
): Promise<FetchedRecord> {
	const { endpoint, pathParameter } = RECORD_ENDPOINTS[target.kind];
	if (!target.id) {
		return {
			record: null,
			error: `The payload has no ${target.kind} id, so the ${target.kind} was not fetched.`,
		};
	}
	try {
		const connection = await getConnection(ctx, locationId ? { locationId } : {});
		const body = await apiRequest(ctx, endpoint, { path: { [pathParameter]: target.id } }, connection);
		const record = recordsOf(endpoint, body)[0];
		return record
			? { record }
			: { record: null, error: `HighLevel returned no ${target.kind} for id ${target.id}.` };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return { record: null, error: `Could not fetch the ${target.kind}: ${message}` };
	}
}
