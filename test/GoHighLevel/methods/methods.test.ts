import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';

import { listSearch } from '../../../nodes/GoHighLevel/methods/listSearch';
import { loadOptions } from '../../../nodes/GoHighLevel/methods/loadOptions';
import { loadOptionsContext, useMethodsSandbox } from './helpers';

describe('dropdowns and resource locators against the sandbox', () => {
	const sandbox = useMethodsSandbox();

	const data = () => sandbox.store.location(sandbox.locationId);

	it('searchUsers lists the location\'s users by name and e-mail with their id, filtered by the typed text', async () => {
		const all = await listSearch.searchUsers.call(loadOptionsContext(sandbox));
		expect(all.results.map((o) => o.value).sort()).toEqual(data().users.map((u) => u.id).sort());
		expect(all.results.every((o) => typeof o.name === 'string' && o.name.length > 0)).toBe(true);
		const sam = data().users.find((u) => u.firstName === 'Sam')!;
		const found = await listSearch.searchUsers.call(loadOptionsContext(sandbox), 'PATEL');
		expect(found.results.map((o) => o.value)).toEqual([sam.id]);
		expect(found.results[0].name).toContain('Sam Patel');
		const byEmail = await listSearch.searchUsers.call(loadOptionsContext(sandbox), sam.email);
		expect(byEmail.results.map((o) => o.value)).toEqual([sam.id]);
	});

	it('getCustomFieldValueOptions lists the options of the field chosen in the same row, for option types only', async () => {
		const fields = [...data().customFields.values()];
		const colour = fields.find((f) => f.fieldKey === 'contact.favourite_colour')!;
		const interests = fields.find((f) => f.fieldKey === 'contact.interests')!;
		const options = async (current: Record<string, unknown>) =>
			(await loadOptions.getCustomFieldValueOptions.call(loadOptionsContext(sandbox, current))).map(
				(o) => o.value,
			);
		// By id (picked in the Field dropdown), by key and by name; `&field` is the row's Field.
		expect(await options({ resource: 'contact', '&field': colour.id })).toEqual(colour.picklistOptions);
		expect(await options({ resource: 'contact', '&field': 'contact.interests' })).toEqual(
			interests.picklistOptions,
		);
		expect(await options({ resource: 'contact', '&field': 'Interests' })).toEqual(interests.picklistOptions);
		expect(colour.picklistOptions!.length).toBeGreaterThan(1);
		// A text or number field, an unknown field, no field yet, or an expression: no options.
		expect(await options({ resource: 'contact', '&field': 'contact.lead_score' })).toEqual([]);
		expect(await options({ resource: 'contact', '&field': 'contact.nope' })).toEqual([]);
		expect(await options({ resource: 'contact' })).toEqual([]);
		expect(await options({ resource: 'contact', '&field': '={{ $json.field }}' })).toEqual([]);
		// The resource decides the model: a contact field is not an opportunity field.
		expect(await options({ resource: 'opportunity', '&field': colour.id })).toEqual([]);
		expect(await options({ resource: 'opportunity', '&field': 'deal_type' })).toEqual([
			'New Business',
			'Renewal',
			'Upsell',
		]);
	});

	it('getTags lists tag names as values (contacts carry tag names, not ids)', async () => {
		const options = await loadOptions.getTags.call(loadOptionsContext(sandbox));
		expect(options.map((o) => o.value).sort()).toEqual([...data().tags.values()].map((t) => t.name).sort());
	});

	it('custom field dropdowns list only their model, by id, with key and type in the description', async () => {
		const contact = await loadOptions.getContactCustomFields.call(loadOptionsContext(sandbox));
		const opportunity = await loadOptions.getOpportunityCustomFields.call(loadOptionsContext(sandbox));
		const fields = [...data().customFields.values()];
		expect(contact.map((o) => o.value).sort()).toEqual(
			fields.filter((f) => f.model === 'contact').map((f) => f.id).sort(),
		);
		expect(opportunity.map((o) => o.value).sort()).toEqual(
			fields.filter((f) => f.model === 'opportunity').map((f) => f.id).sort(),
		);
		const leadScore = contact.find((o) => o.name === 'Lead Score');
		expect(leadScore?.description).toBe('contact.lead_score · NUMERICAL');
	});

	it('getPipelineStages lists the stages of the chosen pipeline in pipeline order, by id or by name', async () => {
		const sales = data().pipelines.find((p) => p.name === 'Sales Pipeline')!;
		const pipelines = await loadOptions.getPipelines.call(loadOptionsContext(sandbox));
		expect(pipelines.map((o) => o.value)).toContain(sales.id);
		const expected = [...sales.stages].sort((a, b) => a.position - b.position).map((s) => s.name);
		for (const chosen of [
			{ pipelineId: sales.id },
			{ 'updateFields.pipelineId': 'sales pipeline' },
			{ 'filters.pipelineId': sales.id },
		]) {
			const stages = await loadOptions.getPipelineStages.call(loadOptionsContext(sandbox, chosen));
			expect(stages.map((o) => o.name)).toEqual(expected);
			expect(stages.map((o) => o.value)).toEqual(
				[...sales.stages].sort((a, b) => a.position - b.position).map((s) => s.id),
			);
		}
		// No pipeline chosen yet: every stage, prefixed with its pipeline.
		const all = await loadOptions.getPipelineStages.call(loadOptionsContext(sandbox));
		expect(all).toHaveLength(data().pipelines.reduce((n, p) => n + p.stages.length, 0));
		expect(all[0].name).toMatch(/ → /);
	});

	it('searchContacts finds contacts by e-mail or name and shows who they are', async () => {
		const ada = [...data().contacts.values()].find((c) => c.firstName === 'Ada')!;
		const byEmail = await listSearch.searchContacts.call(loadOptionsContext(sandbox), ada.email!);
		expect(byEmail.results.map((r) => r.value)).toContain(ada.id);
		const hit = byEmail.results.find((r) => r.value === ada.id)!;
		expect(hit.name).toContain('Ada');
		expect(hit.name).toContain(ada.email!);
		const everyone = await listSearch.searchContacts.call(loadOptionsContext(sandbox));
		expect(everyone.results.length).toBe(Math.min(50, data().contacts.size));
	});

	it('searchOpportunities finds opportunities by name', async () => {
		const target = [...data().opportunities.values()][0];
		const found = await listSearch.searchOpportunities.call(
			loadOptionsContext(sandbox),
			target.name.split(' ')[0],
		);
		expect(found.results.map((r) => r.value)).toContain(target.id);
	});
});

describe('conversation and message locators against the sandbox', () => {
	const sandbox = useMethodsSandbox();

	it('searchConversations shows the contact and the latest message, filtered by the typed text; searchMessages the latest messages', async () => {
		const context = loadOptionsContext(sandbox);
		const contacts = [...sandbox.store.location(sandbox.locationId).contacts.values()];
		const ada = contacts.find((c) => c.email === 'ada@example.com')!;
		const grace = contacts.find((c) => c.email === 'grace@example.com')!;
		const send = async (contactId: string, message: string) =>
			await httpRequest({
				method: 'POST',
				url: `${sandbox.url}/conversations/messages`,
				headers: { Authorization: `Bearer ${sandbox.privateIntegrationToken}`, Version: '2021-04-15' },
				body: { type: 'SMS', contactId, message },
				json: true,
			});
		await send(ada.id, 'Boiler service booked for Monday');
		await send(grace.id, 'Invoice attached');
		const all = await listSearch.searchConversations.call(context);
		expect(all.results.map((r) => r.name)).toEqual([
			`${grace.firstName} ${grace.lastName}: Invoice attached`,
			`${ada.firstName} ${ada.lastName}: Boiler service booked for Monday`,
		]);
		const found = await listSearch.searchConversations.call(context, 'ada@example');
		expect(found.results.map((r) => r.name)).toEqual([`${ada.firstName} ${ada.lastName}: Boiler service booked for Monday`]);
		const messages = await listSearch.searchMessages.call(context, 'invoice');
		expect(messages.results).toEqual([{ name: 'SMS outbound: Invoice attached', value: expect.any(String) }]);
	});
});
