/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { Sandbox } from '../../sandbox';
import { createCredentialStore, runWorkflow, type WorkflowJson } from '../harness';
import { freshSandbox, pitCredential } from './helpers';

const demo = JSON.parse(
	readFileSync(join(__dirname, '..', '..', 'e2e', 'fixtures', 'demo.workflow.json'), 'utf8'),
) as WorkflowJson;

describe('demo workflow in n8n-core WorkflowExecute', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await freshSandbox();
		sandbox.seedContacts(1200, { tags: ['n8n-demo'] });
		sandbox.seedContacts(800);
	});
	afterAll(async () => await sandbox.close());

	it('creates the contact with custom fields, the opportunity, moves it, and lists every tagged contact', async () => {
		const result = await runWorkflow({ workflow: demo, credentials: createCredentialStore([pitCredential(sandbox)]) });
		expect(result.errors('Create Contact')).toEqual([]);
		expect(result.status).toBe('success');

		const [contact] = result.output('Create Contact');
		const stored = sandbox.store.location(sandbox.locationId).contacts.get(String(contact.id));
		expect(stored).toBeDefined();
		const fields = sandbox.store.location(sandbox.locationId).customFields;
		const byKey = (key: string) => [...fields.values()].find((f) => f.fieldKey === key)!;
		expect(stored!.customFields[byKey('contact.lead_score').id]).toBe(92);
		expect(stored!.customFields[byKey('contact.favourite_colour').id]).toBe('Blue');

		const [created] = result.output('Create Opportunity');
		const [moved] = result.output('Move to Next Stage');
		const pipeline = [...sandbox.store.location(sandbox.locationId).pipelines.values()].find(
			(p) => p.name === 'Sales Pipeline',
		)!;
		const stage = (name: string) => pipeline.stages.find((s) => s.name === name)!.id;
		expect(created.pipelineStageId).toBe(stage('New Lead'));
		expect(moved.pipelineStageId).toBe(stage('Contacted'));
		expect(moved.id).toBe(created.id);

		const tagged = result.output('Contacts Tagged n8n-demo');
		expect(tagged).toHaveLength(1201);
		expect(new Set(tagged.map((c) => c.id)).size).toBe(1201);
		expect(tagged.every((c) => (c.tags as string[]).includes('n8n-demo'))).toBe(true);
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});
});
