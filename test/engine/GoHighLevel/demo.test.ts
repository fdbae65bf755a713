/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
import { readFileSync } from 'fs';
import { join } from 'path';

import { activityOf } from '../../sandbox/activity';
import { automationOf } from '../../sandbox/automation';
import { createCredentialStore, runWorkflow, type WorkflowJson } from '../harness';
import { pitCredential, useSandbox } from './helpers';

const demo = JSON.parse(
	readFileSync(join(__dirname, '..', '..', 'e2e', 'fixtures', 'demo.workflow.json'), 'utf8'),
) as WorkflowJson;

describe('demo workflow in n8n-core WorkflowExecute', () => {
	const sandbox = useSandbox();
	beforeAll(() => {
		sandbox.seedContacts(1200, { tags: ['n8n-demo'] });
		sandbox.seedContacts(800);
	});

	it('creates the contact with custom fields, the opportunity, moves it, books a free slot, sends an SMS and an email, adds a note and a task, enrols the contact in a workflow, and lists every tagged contact', async () => {
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

		const location = sandbox.store.location(sandbox.locationId);
		const slots = result.output('Find Free Slots');
		expect(slots.length).toBeGreaterThan(1);
		const booked = result.output('Book Appointment');
		expect(booked).toHaveLength(1);
		expect(booked[0]).toMatchObject({ contactId: contact.id, calendarId: slots[0].calendarId });
		expect(Date.parse(String(booked[0].startTime))).toBe(Date.parse(String(slots[0].startTime)));
		expect(activityOf(location).appointments.get(String(booked[0].id))?.contactId).toBe(contact.id);
		const [sms] = result.output('Send SMS');
		const storedSms = activityOf(location).messages.get(String(sms.messageId));
		expect(storedSms).toMatchObject({ contactId: contact.id, messageType: 'TYPE_SMS', direction: 'outbound' });
		expect(storedSms?.body).toMatch(/^Hi Katherine, your intro call is booked for /);
		const [email] = result.output('Send Email');
		const storedEmail = activityOf(location).messages.get(String(email.messageId)) as unknown as Record<string, unknown>;
		expect(storedEmail).toMatchObject({ contactId: contact.id, messageType: 'TYPE_EMAIL', subject: 'Your intro call is booked' });
		const [note] = result.output('Add Note');
		expect(note).toMatchObject({ contactId: contact.id, title: 'Qualified by the n8n demo' });
		expect(activityOf(location).notes.get(String(note.id))?.body).toMatch(/^Katherine is interested in .*Orbital mechanics course \(4800 USD\)/);
		const [task] = result.output('Create Follow-up Task');
		expect(task).toMatchObject({ contactId: contact.id, title: 'Call Katherine about the course', completed: false });
		const storedTask = activityOf(location).tasks.get(String(task.id));
		expect(storedTask?.dueDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		expect(Date.parse(storedTask!.dueDate)).toBeGreaterThan(Date.now() + 86_400_000);
		const nurture = automationOf(location).workflows.find((w) => w.name === 'New Lead Nurture')!;
		expect(result.output('Enrol in Workflow')).toEqual([{ id: contact.id, workflowId: nurture.id, added: true }]);
		expect(automationOf(location).workflowEnrolments.get(String(contact.id))?.has(nurture.id)).toBe(true);

		const tagged = result.output('Contacts Tagged n8n-demo');
		expect(tagged).toHaveLength(1201);
		expect(new Set(tagged.map((c) => c.id)).size).toBe(1201);
		expect(tagged.every((c) => (c.tags as string[]).includes('n8n-demo'))).toBe(true);
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});
});
