import type { IDataObject } from 'n8n-workflow';

import type { OpportunityRecord } from '../../sandbox';
import { byId, customFieldId, pipelineNamed, stageId, useEngineSandbox } from './helpers';
import { SIMPLE_OPPORTUNITY_KEYS } from '../../../nodes/GoHighLevel/resources/opportunity/fields';

/** Every operation of the Opportunity and Pipeline resources, end to end through n8n-core and the sandbox. */
describe('Opportunity and Pipeline operations', () => {
	const { sandbox, proxy, run, lastBody } = useEngineSandbox();

	const contactId = (email: string) => {
		const contact = [...sandbox.store.location().contacts.values()].find((c) => c.email === email);
		if (!contact) throw new Error(`seed contact ${email} missing`);
		return contact.id;
	};
	const stored = (id: unknown): OpportunityRecord | undefined =>
		sandbox.store.location().opportunities.get(String(id));
	const named = (name: string) => {
		const found = [...sandbox.store.location().opportunities.values()].find((o) => o.name === name);
		if (!found) throw new Error(`seed opportunity ${name} missing`);
		return found;
	};

	it('Pipeline Get Many: one item per pipeline with its stages', async () => {
		const result = await run({ resource: 'pipeline', operation: 'getAll' });
		expect(result.errors('HighLevel')).toEqual([]);
		const output = result.output('HighLevel');
		expect(output.map((p) => p.name)).toEqual(['Sales Pipeline', 'Onboarding']);
		const sales = pipelineNamed(sandbox, 'Sales Pipeline');
		expect(output[0]).toMatchObject({ id: sales.id, locationId: sandbox.locationId });
		expect((output[0].stages as IDataObject[]).map((s) => s.name)).toEqual(sales.stages.map((s) => s.name));
		expect((output[0].stages as IDataObject[]).map((s) => s.id)).toEqual(sales.stages.map((s) => s.id));
		expect(output[0]).not.toHaveProperty('pipelines');
	});

	it('Create: pipeline and stage by name, contact by ID, custom fields by key and by name', async () => {
		const sales = pipelineNamed(sandbox, 'Sales Pipeline');
		const katherine = contactId('katherine@example.com');
		const ids = {
			source: customFieldId(sandbox, 'opportunity.deal_source'),
			probability: customFieldId(sandbox, 'opportunity.probability'),
		};
		const result = await run({
			resource: 'opportunity',
			operation: 'create',
			name: 'Katherine Johnson - Trajectory review',
			pipelineId: '={{ "Sales Pipeline" }}',
			pipelineStageId: '={{ "Proposal Sent" }}',
			contactId: byId(katherine),
			status: 'open',
			additionalFields: { monetaryValue: 2500 },
			customFields: {
				values: [
					{ field: '={{ "opportunity.deal_source" }}', value: 'Conference' },
					{ field: '={{ "Probability" }}', value: '60' },
				],
			},
		});
		expect(result.errors('HighLevel')).toEqual([]);
		const output = result.output('HighLevel');
		expect(output).toHaveLength(1);
		const [created] = output;
		expect(created).toMatchObject({
			name: 'Katherine Johnson - Trajectory review',
			pipelineId: sales.id,
			pipelineStageId: stageId(sales, 'Proposal Sent'),
			contactId: katherine,
			status: 'open',
			monetaryValue: 2500,
		});
		expect(created).not.toHaveProperty('opportunity');
		expect(lastBody('POST', '/opportunities/')).toMatchObject({
			pipelineId: sales.id,
			pipelineStageId: stageId(sales, 'Proposal Sent'),
			customFields: [
				{ id: ids.source, field_value: 'Conference' },
				{ id: ids.probability, field_value: 60 },
			],
		});
		expect(stored(created.id)).toMatchObject({
			pipelineId: sales.id,
			pipelineStageId: stageId(sales, 'Proposal Sent'),
			contactId: katherine,
			monetaryValue: 2500,
			customFields: { [ids.source]: 'Conference', [ids.probability]: 60 },
		});
	});

	it('Create or Update: creates (new: true), then updates the same contact + pipeline (new: false)', async () => {
		const onboarding = pipelineNamed(sandbox, 'Onboarding');
		const grace = contactId('grace@example.com');
		const count = sandbox.store.location().opportunities.size;
		const created = await run({
			resource: 'opportunity',
			operation: 'upsert',
			pipelineId: onboarding.id,
			contactId: byId(grace),
			additionalFields: { name: 'Grace Hopper - Onboarding', pipelineStageId: '={{ "Kickoff" }}', status: 'open' },
		});
		expect(created.errors('HighLevel')).toEqual([]);
		const [first] = created.output('HighLevel');
		expect(first).toMatchObject({ new: true, pipelineId: onboarding.id, pipelineStageId: stageId(onboarding, 'Kickoff') });
		expect(sandbox.store.location().opportunities.size).toBe(count + 1);

		const updated = await run({
			resource: 'opportunity',
			operation: 'upsert',
			pipelineId: '={{ "Onboarding" }}',
			contactId: byId(grace),
			additionalFields: { pipelineStageId: '={{ "Live" }}', status: 'won', monetaryValue: 300 },
		});
		expect(updated.errors('HighLevel')).toEqual([]);
		const output = updated.output('HighLevel');
		expect(output).toHaveLength(1);
		expect(output[0]).toMatchObject({ new: false, id: first.id, status: 'won', name: 'Grace Hopper - Onboarding' });
		expect(sandbox.store.location().opportunities.size).toBe(count + 1);
		expect(stored(first.id)).toMatchObject({
			pipelineStageId: stageId(onboarding, 'Live'),
			status: 'won',
			monetaryValue: 300,
		});
	});

	it('Get: by ID, full or simplified', async () => {
		const deal = named('Ada Lovelace - Enterprise plan');
		const full = await run({ resource: 'opportunity', operation: 'get', opportunityId: byId(deal.id) });
		expect(full.errors('HighLevel')).toEqual([]);
		expect(full.output('HighLevel')).toHaveLength(1);
		const [record] = full.output('HighLevel');
		expect(record).toMatchObject({ id: deal.id, name: deal.name, monetaryValue: 12000, locationId: sandbox.locationId });
		expect(record.contact).toMatchObject({ email: 'ada@example.com' });

		const simple = await run({ resource: 'opportunity', operation: 'get', opportunityId: byId(deal.id), simplify: true });
		const [short] = simple.output('HighLevel');
		expect(short).toMatchObject({ id: deal.id, name: deal.name, status: 'open' });
		expect(Object.keys(short).every((k) => SIMPLE_OPPORTUNITY_KEYS.includes(k))).toBe(true);
		expect(short).not.toHaveProperty('contact');
	});

	it('Get Many: filtered by contact and status, one item per opportunity; simplify', async () => {
		const ada = contactId('ada@example.com');
		const result = await run({
			resource: 'opportunity',
			operation: 'getAll',
			returnAll: true,
			filters: { contactId: ada, status: 'all' },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		const output = result.output('HighLevel');
		const expected = [...sandbox.store.location().opportunities.values()].filter((o) => o.contactId === ada);
		expect(output.map((o) => o.id).sort()).toEqual(expected.map((o) => o.id).sort());
		expect(output.every((o) => !('meta' in o) && o.contactId === ada)).toBe(true);

		const simple = await run({
			resource: 'opportunity',
			operation: 'getAll',
			limit: 5,
			filters: { pipelineId: '={{ "Sales Pipeline" }}', status: 'won' },
			simplify: true,
		});
		const won = simple.output('HighLevel');
		const sales = pipelineNamed(sandbox, 'Sales Pipeline');
		const expectedWon = [...sandbox.store.location().opportunities.values()].filter(
			(o) => o.pipelineId === sales.id && o.status === 'won',
		);
		expect(won.map((o) => o.id).sort()).toEqual(expectedWon.map((o) => o.id).sort());
		for (const o of won) expect(Object.keys(o).every((k) => SIMPLE_OPPORTUNITY_KEYS.includes(k))).toBe(true);
		expect(proxy.to('GET', '/opportunities/search').pop()!.query).toMatchObject({
			location_id: sandbox.locationId,
			pipeline_id: sales.id,
			status: 'won',
			limit: '5',
		});
	});

	it('Update: moves the stage by name, then by ID; custom fields in the Create shape', async () => {
		const sales = pipelineNamed(sandbox, 'Sales Pipeline');
		const deal = named('Alan Turing - Pilot');
		const probability = customFieldId(sandbox, 'opportunity.probability');
		const byName = await run({
			resource: 'opportunity',
			operation: 'update',
			opportunityId: byId(deal.id),
			updateFields: { pipelineId: '={{ "Sales Pipeline" }}', pipelineStageId: '={{ "Contacted" }}', name: 'Alan Turing - Pilot (phase 2)' },
			customFields: { values: [{ field: '={{ "probability" }}', value: '35' }] },
		});
		expect(byName.errors('HighLevel')).toEqual([]);
		expect(byName.output('HighLevel')).toHaveLength(1);
		expect(byName.output('HighLevel')[0]).toMatchObject({
			id: deal.id,
			name: 'Alan Turing - Pilot (phase 2)',
			pipelineStageId: stageId(sales, 'Contacted'),
		});
		expect(lastBody('PUT', `/opportunities/${deal.id}`)).toEqual({
			pipelineId: sales.id,
			pipelineStageId: stageId(sales, 'Contacted'),
			name: 'Alan Turing - Pilot (phase 2)',
			customFields: [{ id: probability, field_value: 35 }],
		});
		expect(stored(deal.id)).toMatchObject({
			pipelineStageId: stageId(sales, 'Contacted'),
			customFields: { [probability]: 35 },
		});

		const negotiation = stageId(sales, 'Negotiation');
		const byStageId = await run({
			resource: 'opportunity',
			operation: 'update',
			opportunityId: byId(deal.id),
			updateFields: { pipelineStageId: negotiation },
		});
		expect(byStageId.errors('HighLevel')).toEqual([]);
		expect(byStageId.output('HighLevel')[0]).toMatchObject({ id: deal.id, pipelineStageId: negotiation });
		expect(stored(deal.id)!.pipelineStageId).toBe(negotiation);
		expect(stored(deal.id)!.name).toBe('Alan Turing - Pilot (phase 2)');
	});

	it('Update Status: outputs {id, status}; the store has the new status', async () => {
		const deal = named('Ada Lovelace - Onboarding');
		const result = await run({
			resource: 'opportunity',
			operation: 'updateStatus',
			opportunityId: byId(deal.id),
			status: 'lost',
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(result.output('HighLevel')).toEqual([{ id: deal.id, status: 'lost' }]);
		expect(stored(deal.id)!.status).toBe('lost');
	});

	it('Delete: outputs {id, deleted: true} for each input item', async () => {
		const deals = ['Grace Hopper - Support renewal', 'Ada Lovelace - Enterprise plan'].map((n) => named(n).id);
		const result = await run(
			{ resource: 'opportunity', operation: 'delete', opportunityId: byId('={{ $json.id }}') },
			deals.map((id) => ({ id })),
		);
		expect(result.errors('HighLevel')).toEqual([]);
		expect(result.output('HighLevel')).toEqual(deals.map((id) => ({ id, deleted: true })));
		for (const id of deals) expect(stored(id)).toBeUndefined();
	});
});
