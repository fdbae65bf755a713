import type { IDataObject } from 'n8n-workflow';

import {
	byId,
	GENEROUS_RATE_LIMIT,
	operationCounts,
	operationsSince,
	pipelineNamed,
	runNode,
	useSandbox,
} from './helpers';

/**
 * Messages that name what to do: HighLevel's known 400s get a specific hint, its validation paths are named by
 * the node's fields, and what can be checked locally is checked before any request.
 */
describe('error messages that name the node field and the fix', () => {
	const sandbox = useSandbox({ rateLimit: GENEROUS_RATE_LIMIT });

	const contactOf = (email: string) =>
		[...sandbox.store.location().contacts.values()].find((c) => c.email === email)!.id;
	const firstError = async (parameters: IDataObject) => {
		const result = await runNode(sandbox, parameters as never);
		expect(result.status).toBe('error');
		expect(JSON.stringify(result.run)).not.toContain(sandbox.privateIntegrationToken);
		return result.errors('HighLevel')[0];
	};

	it('a second opportunity of a contact in the same pipeline: the hint points to Create or Update', async () => {
		const existing = [...sandbox.store.location().opportunities.values()][0];
		const pipeline = sandbox.store.location().pipelines.find((p) => p.id === existing.pipelineId)!;
		const error = await firstError({
			resource: 'opportunity',
			operation: 'create',
			name: 'A second deal',
			pipelineId: pipeline.id,
			pipelineStageId: pipeline.stages[0].id,
			contactId: byId(existing.contactId),
			status: 'open',
		});
		expect(error.message).toBe('HighLevel rejected the request: Can not create duplicate opportunity for the contact.');
		expect(error.description).toContain('Opportunity → Create or Update');
	});

	it('a contact with the e-mail of another: the hint names the existing contact and Create or Update', async () => {
		const error = await firstError({ resource: 'contact', operation: 'create', email: 'ada@example.com' });
		expect(error.description).toContain(`already has this email (contact ${contactOf('ada@example.com')})`);
		expect(error.description).toContain('Contact → Create or Update');
	});

	it("HighLevel's validation path is named by the node's field (Contact → Get Many, Sort → Field)", async () => {
		const error = await firstError({
			resource: 'contact',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			sort: { field: '={{ "shoeSize" }}', direction: 'asc' },
		});
		expect(error.message).toMatch(/^HighLevel rejected the request: "Sort → Field" \(sort\.0\.field\) must be one of/);
		expect(error.description).toContain('Correct the named field');
		expect(sandbox.stats.invalidRequests.pop()).toMatchObject({ operationId: 'search-contacts-advanced' });
	});

	it("HighLevel's query parameter is named by the node's field (Opportunity → Get Many, Filters → Status)", async () => {
		const error = await firstError({
			resource: 'opportunity',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: { status: '={{ "pending" }}' },
		});
		expect(error.message).toMatch(/^HighLevel rejected the request: "Filters → Status" \(status\) must be one of/);
		expect(sandbox.stats.invalidRequests.pop()).toMatchObject({ operationId: 'search-opportunity' });
	});

	it('a tag longer than 75 characters in the Get Many filter: refused locally, naming "Tag Names or IDs"', async () => {
		const before = operationCounts(sandbox);
		const error = await firstError({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { tags: ['vip', 'x'.repeat(76)] },
		});
		expect(error.message).toBe('Invalid Tag Names or IDs');
		expect(error.description).toContain('at most 75 characters');
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('Opportunity → Get Many with the pipeline given by id reads no pipeline list', async () => {
		const onboarding = pipelineNamed(sandbox, 'Onboarding');
		const before = operationCounts(sandbox);
		const result = await runNode(sandbox, {
			resource: 'opportunity',
			operation: 'getAll',
			returnAll: true,
			filters: { pipelineId: onboarding.id, status: 'all' },
		} as never);
		expect(result.errors('HighLevel')).toEqual([]);
		expect(result.output('HighLevel').length).toBeGreaterThan(0);
		expect(result.output('HighLevel').every((o) => o.pipelineId === onboarding.id)).toBe(true);
		expect(operationsSince(sandbox, before)).toEqual({ 'search-opportunity': 1 });
	});

	afterEach(() => {
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});
});
