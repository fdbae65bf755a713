/**
 * Include Full Record: the endpoints it reads (checked against the vendored official specs in test/sandbox/openapi),
 * which record an event points at, and the scopes the option needs.
 */
import {
	RECORD_ENDPOINTS,
	recordScopes,
	recordTarget,
} from '../../../nodes/GoHighLevelTrigger/shared/records';

import calendars from '../../sandbox/openapi/calendars.json';
import contacts from '../../sandbox/openapi/contacts.json';
import opportunities from '../../sandbox/openapi/opportunities.json';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

const SPECS: Record<string, Json> = { calendars, contacts, opportunities };

function spec(name: string): Json {
	const doc = SPECS[name];
	if (!doc) throw new Error(`No vendored spec ${name} imported in this test`);
	return doc;
}

describe('record endpoints', () => {
	it.each(Object.entries(RECORD_ENDPOINTS))(
		'%s: path, method, operationId, Version, scope, id parameter and response root match the spec',
		(_kind, { endpoint, pathParameter }) => {
			const doc = spec(endpoint.spec);
			const operation = doc.paths[endpoint.path]?.[endpoint.method.toLowerCase()];
			expect(operation).toBeDefined();
			expect(operation.operationId).toBe(endpoint.operationId);
			const parameters: Json[] = operation.parameters ?? [];
			const version = parameters.find((p) => p.name === 'Version' && p.in === 'header');
			expect(version?.schema?.enum ?? [version?.schema?.default]).toContain(endpoint.version);
			expect(parameters.find((p) => p.in === 'path')?.name).toBe(pathParameter);
			expect(endpoint.path).toContain(`{${pathParameter}}`);
			const scopes = (operation.security as Json[]).flatMap((s) => Object.values(s).flat());
			expect(scopes).toContain(endpoint.scope);
			const ref: string = operation.responses['200'].content['application/json'].schema.$ref;
			const schema = doc.components.schemas[ref.split('/').pop()!];
			expect(Object.keys(schema.properties)).toContain(endpoint.root);
		},
	);

	it('reads appointments from calendars.json get-appointment with Version 2021-04-15 (FACTS.md 1.2)', () => {
		expect(RECORD_ENDPOINTS.appointment.endpoint).toMatchObject({
			spec: 'calendars',
			operationId: 'get-appointment',
			version: '2021-04-15',
			root: 'event',
		});
	});
});

describe('recordTarget', () => {
	it('points Marketplace events at their contact, opportunity or appointment', () => {
		expect(recordTarget('marketplace', 'ContactTagUpdate', { id: 'c1' })).toEqual({
			kind: 'contact',
			id: 'c1',
		});
		expect(recordTarget('marketplace', 'OpportunityStatusUpdate', { id: 'o1' })).toEqual({
			kind: 'opportunity',
			id: 'o1',
		});
		expect(recordTarget('marketplace', 'AppointmentUpdate', { appointment: { id: 'a1' } })).toEqual(
			{
				kind: 'appointment',
				id: 'a1',
			},
		);
		expect(recordTarget('marketplace', 'ContactCreate', {})).toEqual({
			kind: 'contact',
			id: undefined,
		});
	});

	it('has nothing to fetch for deletes, other records, unknown events', () => {
		expect(recordTarget('marketplace', 'OpportunityDelete', { id: 'o1' })).toBeUndefined();
		expect(
			recordTarget('marketplace', 'NoteCreate', { id: 'n1', contactId: 'c1' }),
		).toBeUndefined();
		expect(recordTarget('marketplace', 'SomethingNew', { id: 'x' })).toBeUndefined();
	});

	it('finds the contact of a workflow Webhook action body under contact_id, contactId or contact.id', () => {
		expect(recordTarget('workflow', 'WorkflowWebhook', { contact_id: 'c1' })).toEqual({
			kind: 'contact',
			id: 'c1',
		});
		expect(recordTarget('workflow', 'WorkflowWebhook', { contactId: 'c2' })).toEqual({
			kind: 'contact',
			id: 'c2',
		});
		expect(recordTarget('workflow', 'WorkflowWebhook', { contact: { id: 'c3' } })).toEqual({
			kind: 'contact',
			id: 'c3',
		});
		expect(recordTarget('workflow', 'WorkflowWebhook', { contact_id: ' ' })).toBeUndefined();
	});
});

describe('recordScopes', () => {
	it('gives the read scope of each fetchable record kind among the events', () => {
		expect(recordScopes(['ContactCreate', 'ContactDelete', 'NoteCreate'])).toEqual([
			'contacts.readonly',
		]);
		expect(recordScopes(['OpportunityStageUpdate', 'AppointmentCreate'])).toEqual([
			'calendars/events.readonly',
			'opportunities.readonly',
		]);
		expect(recordScopes(['*'])).toEqual([
			'calendars/events.readonly',
			'contacts.readonly',
			'opportunities.readonly',
		]);
		expect(recordScopes(['WorkflowWebhook'])).toEqual(['contacts.readonly']);
		expect(recordScopes(['InvoicePaid'])).toEqual([]);
	});
});
