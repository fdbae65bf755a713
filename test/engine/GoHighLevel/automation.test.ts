import type { IDataObject } from 'n8n-workflow';

import { automationOf } from '../../sandbox/automation';
import { byId, operationCounts, operationsSince, useEngineSandbox } from './helpers';

/**
 * Contact automation (workflow and campaign enrolment, followers, duplicate search; contacts.json) and the Workflow
 * and Campaign resources (workflows.json, campaigns.json), through n8n-core and the sandbox.
 */
describe('Contact automation, Workflow and Campaign operations', () => {
	const { sandbox, run, last, errorText } = useEngineSandbox();
	let contactId: string;
	beforeAll(async () => {
		contactId = [...sandbox.store.location().contacts.keys()][0];
	});

	const automation = () => automationOf(sandbox.store.location());

	it('Workflow → Get Many lists the location\'s workflows; Limit keeps the first', async () => {
		const all = await run({ resource: 'workflow', operation: 'getAll', returnAll: true });
		expect(all.errors('HighLevel')).toEqual([]);
		expect(all.output('HighLevel')).toEqual(automation().workflows.map((w) => expect.objectContaining({ id: w.id, name: w.name, status: w.status })));
		expect(last().query).toEqual({ locationId: sandbox.locationId });
		const one = await run({ resource: 'workflow', operation: 'getAll', limit: 1 });
		expect(one.output('HighLevel')).toHaveLength(1);
	});

	it('Campaign → Get Many lists campaigns, filtered by status', async () => {
		const all = await run({ resource: 'campaign', operation: 'getAll', returnAll: true, status: 'all' });
		expect(all.output('HighLevel')).toHaveLength(automation().campaigns.length);
		expect(last().query).toEqual({ locationId: sandbox.locationId });
		const drafts = await run({ resource: 'campaign', operation: 'getAll', returnAll: true, status: 'draft' });
		expect(last().query).toEqual({ locationId: sandbox.locationId, status: 'draft' });
		expect(drafts.output('HighLevel').map((c) => c.status)).toEqual(
			automation().campaigns.filter((c) => c.status === 'draft').map(() => 'draft'),
		);
	});

	it('Add to Workflow / Remove from Workflow: enrols with the event start time as zoned ISO, then removes', async () => {
		const workflow = automation().workflows[0];
		const added = await run({
			resource: 'contact',
			operation: 'addToWorkflow',
			contactId: byId(contactId),
			workflowId: workflow.id,
			options: { eventStartTime: '2026-06-23T03:30:00+01:00' },
		});
		expect(added.errors('HighLevel')).toEqual([]);
		expect(added.output('HighLevel')).toEqual([{ id: contactId, workflowId: workflow.id, added: true }]);
		expect(last()).toMatchObject({
			method: 'POST',
			path: `/contacts/${contactId}/workflow/${workflow.id}`,
		});
		const sentStart = (last().body as IDataObject).eventStartTime as string;
		expect(Date.parse(sentStart)).toBe(Date.parse('2026-06-23T02:30:00Z'));
		expect(sentStart).toMatch(/^2026-06-2\dT\d\d:30:00[+-]\d\d:\d\d$/);
		expect(automation().workflowEnrolments.get(contactId)?.get(workflow.id)).toMatchObject({ eventStartTime: sentStart });

		const removed = await run({ resource: 'contact', operation: 'removeFromWorkflow', contactId: byId(contactId), workflowId: workflow.id });
		expect(removed.errors('HighLevel')).toEqual([]);
		expect(removed.output('HighLevel')).toEqual([{ id: contactId, workflowId: workflow.id, removed: true }]);
		expect(automation().workflowEnrolments.get(contactId)?.has(workflow.id)).toBe(false);
	});

	it('Add to Workflow: an unknown workflow is a readable 404; a bad event start time fails before any request', async () => {
		const unknown = await run({ resource: 'contact', operation: 'addToWorkflow', contactId: byId(contactId), workflowId: 'no-such-workflow' });
		expect(errorText(unknown)).toMatch(/Workflow not found|not found/i);
		const before = operationCounts(sandbox);
		const bad = await run({
			resource: 'contact',
			operation: 'addToWorkflow',
			contactId: byId(contactId),
			workflowId: automation().workflows[0].id,
			options: { eventStartTime: 'soon' },
		});
		expect(errorText(bad)).toMatch(/Event Start Time/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('Add to Campaign / Remove from Campaign / Remove from All Campaigns', async () => {
		const [first, second] = automation().campaigns;
		for (const campaign of [first, second]) {
			const added = await run({ resource: 'contact', operation: 'addToCampaign', contactId: byId(contactId), campaignId: campaign.id });
			expect(added.output('HighLevel')).toEqual([{ id: contactId, campaignId: campaign.id, added: true }]);
		}
		expect([...(automation().campaignEnrolments.get(contactId) ?? [])]).toEqual([first.id, second.id]);

		const removed = await run({ resource: 'contact', operation: 'removeFromCampaign', contactId: byId(contactId), campaignId: first.id });
		expect(removed.output('HighLevel')).toEqual([{ id: contactId, campaignId: first.id, removed: true }]);
		expect([...(automation().campaignEnrolments.get(contactId) ?? [])]).toEqual([second.id]);

		const cleared = await run({ resource: 'contact', operation: 'removeFromAllCampaigns', contactId: byId(contactId) });
		expect(last()).toMatchObject({ method: 'DELETE', path: `/contacts/${contactId}/campaigns/removeAll` });
		expect(cleared.output('HighLevel')).toEqual([{ id: contactId, removedFromAllCampaigns: true }]);
		expect(automation().campaignEnrolments.has(contactId)).toBe(false);
	});

	it('Add Followers / Remove Followers: sends user ids (list or comma-separated), outputs HighLevel\'s answer', async () => {
		const [u1, u2, u3] = sandbox.store.location().users.map((u) => u.id);
		const added = await run({ resource: 'contact', operation: 'addFollowers', contactId: byId(contactId), followers: [u1, u2] });
		expect(added.errors('HighLevel')).toEqual([]);
		expect(last().body).toEqual({ followers: [u1, u2] });
		expect(added.output('HighLevel')).toEqual([{ id: contactId, followers: [u1, u2], followersAdded: [u1, u2] }]);

		const again = await run({ resource: 'contact', operation: 'addFollowers', contactId: byId(contactId), followers: `=${u2}, ${u3}` });
		expect(last().body).toEqual({ followers: [u2, u3] });
		expect(again.output('HighLevel')[0]).toMatchObject({ followers: [u1, u2, u3], followersAdded: [u3] });

		const removed = await run({ resource: 'contact', operation: 'removeFollowers', contactId: byId(contactId), followers: [u1] });
		expect(last()).toMatchObject({ method: 'DELETE', body: { followers: [u1] } });
		expect(removed.output('HighLevel')).toEqual([{ id: contactId, followers: [u2, u3], followersRemoved: [u1] }]);
		expect(automation().followers.get(contactId)).toEqual([u2, u3]);

		const before = operationCounts(sandbox);
		const none = await run({ resource: 'contact', operation: 'addFollowers', contactId: byId(contactId), followers: '={{ [] }}' });
		expect(errorText(none)).toMatch(/Follower Names or IDs/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('Find Duplicate: by email or phone; no item when none; malformed values fail before any request', async () => {
		const contact = sandbox.store.location().contacts.get(contactId)!;
		const byEmail = await run({ resource: 'contact', operation: 'findDuplicate', searchBy: 'email', email: contact.email!.toUpperCase() });
		expect(byEmail.errors('HighLevel')).toEqual([]);
		expect(last().query).toEqual({ locationId: sandbox.locationId, email: contact.email });
		expect(byEmail.output('HighLevel')).toEqual([expect.objectContaining({ id: contactId })]);

		const byPhone = await run({ resource: 'contact', operation: 'findDuplicate', searchBy: 'phone', phone: contact.phone! });
		expect(last().query).toEqual({ locationId: sandbox.locationId, number: contact.phone });
		expect(byPhone.output('HighLevel')).toEqual([expect.objectContaining({ id: contactId })]);

		const none = await run({ resource: 'contact', operation: 'findDuplicate', searchBy: 'email', email: 'nobody.here@example.com' });
		expect(none.errors('HighLevel')).toEqual([]);
		expect(none.output('HighLevel')).toEqual([]);

		const before = operationCounts(sandbox);
		const bad = await run({ resource: 'contact', operation: 'findDuplicate', searchBy: 'email', email: 'not-an-email' });
		expect(errorText(bad)).toMatch(/Email/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});
});
