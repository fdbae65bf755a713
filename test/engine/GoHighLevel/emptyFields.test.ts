import type { IDataObject } from 'n8n-workflow';

import type { ContactRecord } from '../../sandbox';
import { clearListCache } from '../../../nodes/GoHighLevel/shared/cache';
import {
	byId,
	customFieldId,
	operationCounts,
	operationsSince,
	pipelineNamed,
	type RecordedRequest,
	stageId,
	useEngineSandbox,
} from './helpers';

/** An Assigned User resource locator left empty, as n8n stores it when the field is added but not filled in. */
const EMPTY_USER = { __rl: true, mode: 'list', value: '' };
/** A resource locator value picked from the list. */
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

/**
 * Paths of `value` holding an empty value (`''`, spaces, `null`, `[]`, `{}`), e.g. `body.phone`; `allowed` lists
 * paths that are sent empty on purpose.
 */
function emptyPaths(value: unknown, path: string, allowed: string[] = []): string[] {
	if (allowed.includes(path)) return [];
	if (value === null || (typeof value === 'string' && value.trim() === '')) return [path];
	if (Array.isArray(value)) {
		return value.length ? value.flatMap((v, i) => emptyPaths(v, `${path}.${i}`, allowed)) : [path];
	}
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as IDataObject);
		return entries.length ? entries.flatMap(([k, v]) => emptyPaths(v, `${path}.${k}`, allowed)) : [path];
	}
	return [];
}

/**
 * Issue 9 item 1 (an empty Phone wiped the contact's phone), item 13 (Assigned User), item 14 (custom fields by key
 * and their options): end to end through n8n-core, the recording proxy and the sandbox.
 */
describe('Empty fields are never sent; clearing is explicit', () => {
	const { sandbox, proxy, run } = useEngineSandbox();

	const contacts = () => [...sandbox.store.location().contacts.values()];
	const byEmail = (email: string): ContactRecord => {
		const contact = contacts().find((c) => c.email === email);
		if (!contact) throw new Error(`contact ${email} missing`);
		return contact;
	};
	const opportunityNamed = (name: string) => {
		const found = [...sandbox.store.location().opportunities.values()].find((o) => o.name === name);
		if (!found) throw new Error(`opportunity ${name} missing`);
		return found;
	};
	const users = () => sandbox.store.location().users;
	/** Requests sent by `action`, read from the proxy. */
	const sentBy = async (action: () => Promise<unknown>): Promise<RecordedRequest[]> => {
		const before = proxy.requests.length;
		await action();
		return proxy.requests.slice(before);
	};

	it('Create or Update with Phone left empty, matching a contact by e-mail, keeps its phone, tags and city', async () => {
		const ada = byEmail('ada@example.com');
		const before = { phone: ada.phone, tags: [...ada.tags], city: ada.city, assignedTo: ada.assignedTo };
		expect(before.phone).toBeTruthy();
		expect(before.tags.length).toBeGreaterThan(0);
		const requests = await sentBy(async () => {
			const result = await run({
				resource: 'contact',
				operation: 'upsert',
				email: 'ada@example.com',
				phone: '',
				additionalFields: { firstName: 'Augusta Ada', city: '', tags: [], assignedTo: EMPTY_USER, dateOfBirth: '' },
				customFields: { values: [{ field: '={{ "contact.lead_score" }}', value: '' }] },
			});
			expect(result.errors('HighLevel')).toEqual([]);
			expect(result.output('HighLevel')[0]).toMatchObject({ new: false, id: ada.id, phone: before.phone });
		});
		const upsert = requests.filter((r) => r.path === '/contacts/upsert');
		expect(upsert).toHaveLength(1);
		expect(upsert[0].body).toEqual({
			locationId: sandbox.locationId,
			email: 'ada@example.com',
			firstName: 'Augusta Ada',
		});
		const after = byEmail('ada@example.com');
		expect(after).toMatchObject({ firstName: 'Augusta Ada', phone: before.phone, city: before.city });
		expect(after.tags).toEqual(before.tags);
		expect(after.assignedTo).toBe(before.assignedTo);
		expect(after.customFields[customFieldId(sandbox, 'contact.lead_score')]).toBe(92);
	});

	it('every operation of every resource, with its optional fields added but left empty, sends no empty value', async () => {
		const sales = pipelineNamed(sandbox, 'Sales Pipeline');
		const onboarding = pipelineNamed(sandbox, 'Onboarding');
		const grace = byEmail('grace@example.com');
		const alan = byEmail('alan@example.com');
		const renewal = opportunityNamed('Grace Hopper - Support renewal');
		const emptyCustomFields = { values: [{ field: '={{ "contact.lead_score" }}', value: '', choices: [] }] };
		const emptyContactFields = {
			address1: '',
			assignedTo: EMPTY_USER,
			city: '',
			country: '',
			dateOfBirth: '',
			firstName: '',
			lastName: '',
			name: '',
			postalCode: '',
			source: '',
			state: '',
			tags: [],
			timezone: '',
			website: '',
		};
		// Parameters, or a function giving them when they depend on an earlier operation's result.
		const operations: Array<[string, IDataObject | (() => IDataObject)]> = [
			[
				'contact create',
				{
					resource: 'contact',
					operation: 'create',
					email: 'empty.fields@example.com',
					phone: '',
					additionalFields: { ...emptyContactFields, companyName: '' },
					customFields: emptyCustomFields,
				},
			],
			[
				'contact upsert',
				{
					resource: 'contact',
					operation: 'upsert',
					email: '',
					phone: grace.phone,
					additionalFields: { ...emptyContactFields, companyName: '' },
					customFields: emptyCustomFields,
					fieldsToClear: [],
				},
			],
			[
				'contact update',
				{
					resource: 'contact',
					operation: 'update',
					contactId: byId(alan.id),
					updateFields: { ...emptyContactFields, email: '', phone: '', lastName: 'Turing' },
					customFields: emptyCustomFields,
					fieldsToClear: [],
				},
			],
			[
				'contact get many',
				{
					resource: 'contact',
					operation: 'getAll',
					limit: 5,
					query: '',
					filters: { assignedTo: EMPTY_USER, email: '', phone: '', tags: [], dateAddedAfter: '' },
				},
			],
			['contact get', { resource: 'contact', operation: 'get', contactId: byId(alan.id) }],
			['contact add tags', { resource: 'contact', operation: 'addTags', contactId: byId(alan.id), tags: 'a, ,b' }],
			[
				'opportunity create',
				{
					resource: 'opportunity',
					operation: 'create',
					name: 'Empty fields deal',
					pipelineId: onboarding.id,
					pipelineStageId: stageId(onboarding, 'Kickoff'),
					contactId: byId(alan.id),
					status: 'open',
					additionalFields: { assignedTo: EMPTY_USER },
					customFields: { values: [{ field: '={{ "opportunity.deal_source" }}', value: '' }] },
				},
			],
			[
				'opportunity update',
				{
					resource: 'opportunity',
					operation: 'update',
					opportunityId: byId(renewal.id),
					updateFields: { pipelineId: '', name: '', pipelineStageId: '', assignedTo: EMPTY_USER, monetaryValue: 5000 },
				},
			],
			[
				'opportunity upsert',
				{
					resource: 'opportunity',
					operation: 'upsert',
					pipelineId: sales.id,
					contactId: byId(grace.id),
					additionalFields: { name: '', pipelineStageId: '', assignedTo: EMPTY_USER },
				},
			],
			[
				'opportunity get many',
				{
					resource: 'opportunity',
					operation: 'getAll',
					limit: 5,
					filters: { assignedTo: EMPTY_USER, contactId: '', pipelineId: '', pipelineStageId: '', query: '' },
				},
			],
			['opportunity get', { resource: 'opportunity', operation: 'get', opportunityId: byId(renewal.id) }],
			[
				'opportunity update status',
				{ resource: 'opportunity', operation: 'updateStatus', opportunityId: byId(renewal.id), status: 'won' },
			],
			['pipeline get many', { resource: 'pipeline', operation: 'getAll' }],
			[
				'contact remove tags',
				{ resource: 'contact', operation: 'removeTags', contactId: byId(alan.id), tags: ['a', ''] },
			],
			[
				'opportunity delete',
				() => ({
					resource: 'opportunity',
					operation: 'delete',
					opportunityId: byId(opportunityNamed('Empty fields deal').id),
				}),
			],
			[
				'contact delete',
				() => ({
					resource: 'contact',
					operation: 'delete',
					contactId: byId(byEmail('empty.fields@example.com').id),
				}),
			],
		];
		const renewalBefore = { ...renewal };
		const alanBefore = { ...alan };
		for (const [label, given] of operations) {
			const parameters = typeof given === 'function' ? given() : given;
			const requests = await sentBy(async () => {
				const result = await run(parameters);
				expect({ label, errors: result.errors('HighLevel') }).toEqual({ label, errors: [] });
			});
			expect(requests.length).toBeGreaterThan(0);
			for (const request of requests) {
				// POST /opportunities/upsert: the spec requires `followers`; `[]` with action `add` adds nobody.
				const allowed = request.path === '/opportunities/upsert' ? ['body.followers'] : [];
				expect({ label, path: request.path, empty: emptyPaths(request.body, 'body', allowed) }).toEqual({
					label,
					path: request.path,
					empty: [],
				});
				const query = Object.entries(request.query).flatMap(([k, v]) => emptyPaths(v, `query.${k}`));
				expect({ label, path: request.path, empty: query }).toEqual({
					label,
					path: request.path,
					empty: [],
				});
			}
		}
		// Nothing was wiped: the update changed the value only; name, stage and assignee stayed.
		const renewalAfter = opportunityNamed('Grace Hopper - Support renewal');
		expect(renewalAfter).toMatchObject({
			name: renewalBefore.name,
			pipelineStageId: renewalBefore.pipelineStageId,
			assignedTo: renewalBefore.assignedTo,
			monetaryValue: 5000,
		});
		const alanAfter = byEmail('alan@example.com');
		expect(alanAfter).toMatchObject({ city: alanBefore.city, phone: alanBefore.phone, firstName: alanBefore.firstName });
		expect(alanAfter.assignedTo).toBe(alanBefore.assignedTo);
		expect(alanAfter.customFields).toEqual(alanBefore.customFields);
		expect(alanBefore.city).toBeTruthy();
	});

	it('Update with every field left empty fails before any request: nothing to update', async () => {
		const alan = byEmail('alan@example.com');
		const renewal = opportunityNamed('Grace Hopper - Support renewal');
		const requests = await sentBy(async () => {
			const contact = await run({
				resource: 'contact',
				operation: 'update',
				contactId: byId(alan.id),
				updateFields: { city: '', phone: '', tags: [] },
			});
			expect(contact.errors('HighLevel')[0].message).toBe('Nothing to update');
			expect(contact.errors('HighLevel')[0].description).toContain('Fields to Clear');
			const opportunity = await run({
				resource: 'opportunity',
				operation: 'update',
				opportunityId: byId(renewal.id),
				updateFields: { name: '', assignedTo: EMPTY_USER },
			});
			expect(opportunity.errors('HighLevel')[0].message).toBe('Nothing to update');
		});
		expect(requests).toEqual([]);
	});

	it('Add Tags with no tag fails before any request, naming the parameter', async () => {
		const alan = byEmail('alan@example.com');
		const requests = await sentBy(async () => {
			const result = await run({ resource: 'contact', operation: 'addTags', contactId: byId(alan.id), tags: ' , ' });
			const [error] = result.errors('HighLevel');
			expect(error.message).toBe('No tags given');
			expect(error.description).toContain('Tag Names or IDs');
		});
		expect(requests).toEqual([]);
	});

	it('Update: Fields to Clear empties the chosen fields (null, tags []) and nothing else', async () => {
		const katherine = byEmail('katherine@example.com');
		expect(katherine.phone).toBeTruthy();
		const city = 'Hampton';
		await run({ resource: 'contact', operation: 'update', contactId: byId(katherine.id), updateFields: { city } });
		const before = byEmail('katherine@example.com');
		expect(before.tags.length).toBeGreaterThan(0);
		const requests = await sentBy(async () => {
			const result = await run({
				resource: 'contact',
				operation: 'update',
				contactId: byId(katherine.id),
				updateFields: { lastName: 'Goble' },
				fieldsToClear: ['phone', 'tags', 'source'],
			});
			expect(result.errors('HighLevel')).toEqual([]);
		});
		expect(requests[requests.length - 1].body).toEqual({ lastName: 'Goble', phone: null, tags: [], source: null });
		const after = byEmail('katherine@example.com');
		expect(after.phone).toBeUndefined();
		expect(after.tags).toEqual([]);
		expect(after.source).toBeUndefined();
		expect(after).toMatchObject({ lastName: 'Goble', city, firstName: before.firstName, email: before.email });
	});

	it('Create or Update: Fields to Clear empties a field of the matched contact; set and cleared at once fails', async () => {
		const grace = byEmail('grace@example.com');
		expect(grace.companyName).toBeTruthy();
		const result = await run({
			resource: 'contact',
			operation: 'upsert',
			email: 'grace@example.com',
			fieldsToClear: ['companyName', 'city'],
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(result.output('HighLevel')[0]).toMatchObject({ new: false, id: grace.id });
		const after = byEmail('grace@example.com');
		expect(after.companyName).toBeUndefined();
		expect(after.city).toBeUndefined();
		expect(after.phone).toBe(grace.phone);

		const requests = await sentBy(async () => {
			const conflict = await run({
				resource: 'contact',
				operation: 'upsert',
				email: 'grace@example.com',
				phone: '+14155550142',
				fieldsToClear: ['phone'],
			});
			expect(conflict.errors('HighLevel')[0].message).toBe('Phone is both set and chosen to be cleared');
		});
		expect(requests).toEqual([]);
	});

	it('Assigned User: a resource locator, sent as the user id in writes and filters', async () => {
		const [, sam] = users();
		const created = await run({
			resource: 'contact',
			operation: 'create',
			email: 'assigned.user@example.com',
			additionalFields: { assignedTo: fromList(sam.id) },
		});
		expect(created.errors('HighLevel')).toEqual([]);
		expect(byEmail('assigned.user@example.com').assignedTo).toBe(sam.id);

		const filtered = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { assignedTo: fromList(sam.id) },
		});
		expect(filtered.errors('HighLevel')).toEqual([]);
		const expected = contacts().filter((c) => c.assignedTo === sam.id).map((c) => c.id).sort();
		expect(filtered.output('HighLevel').map((c) => c.id).sort()).toEqual(expected);
		expect(expected.length).toBeGreaterThan(0);

		const requests = await sentBy(async () => {
			const deals = await run({
				resource: 'opportunity',
				operation: 'getAll',
				returnAll: true,
				filters: { assignedTo: byId(sam.id), status: 'all' },
			});
			expect(deals.errors('HighLevel')).toEqual([]);
			const output = deals.output('HighLevel');
			expect(output.length).toBeGreaterThan(0);
			expect(output.every((o) => o.assignedTo === sam.id)).toBe(true);
		});
		expect(requests.find((r) => r.path === '/opportunities/search')?.query.assigned_to).toBe(sam.id);
	});

	it('Custom field options: picked options are sent as the field value (contact and opportunity)', async () => {
		const colour = customFieldId(sandbox, 'contact.favourite_colour');
		const interests = customFieldId(sandbox, 'contact.interests');
		const result = await run({
			resource: 'contact',
			operation: 'create',
			email: 'options.picked@example.com',
			customFields: {
				values: [
					{ field: colour, value: '', choices: ['Green'] },
					{ field: '={{ "Interests" }}', value: '', choices: ['Travel', 'Music'] },
				],
			},
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(byEmail('options.picked@example.com').customFields).toEqual({
			[colour]: 'Green',
			[interests]: ['Travel', 'Music'],
		});

		const dealType = customFieldId(sandbox, 'opportunity.deal_type');
		const deal = await run({
			resource: 'opportunity',
			operation: 'create',
			name: 'Options picked deal',
			pipelineId: '={{ "Onboarding" }}',
			pipelineStageId: '={{ "Live" }}',
			contactId: byId(byEmail('options.picked@example.com').id),
			status: 'open',
			customFields: { values: [{ field: dealType, value: '', choices: ['Renewal'] }] },
		});
		expect(deal.errors('HighLevel')).toEqual([]);
		const [created] = deal.output('HighLevel');
		expect(sandbox.store.location().opportunities.get(String(created.id))?.customFields).toEqual({
			[dealType]: 'Renewal',
		});
		const simple = await run({
			resource: 'opportunity',
			operation: 'get',
			opportunityId: byId(String(created.id)),
			simplify: true,
		});
		expect(simple.output('HighLevel')[0].customFields).toEqual({ deal_type: 'Renewal' });
	});

	it('Simplify keys custom field values by field key, reading the definitions once per execution', async () => {
		const grace = byEmail('grace@example.com');
		const ada = byEmail('ada@example.com');
		clearListCache();
		const counts = operationCounts(sandbox);
		const simple = await run(
			{ resource: 'contact', operation: 'get', contactId: byId('={{ $json.id }}'), simplify: true },
			[{ id: ada.id }, { id: grace.id }, { id: ada.id }],
		);
		expect(simple.errors('HighLevel')).toEqual([]);
		const [first, second] = simple.output('HighLevel');
		expect(first.customFields).toEqual({ lead_score: 92, favourite_colour: 'Blue', interests: ['Tech', 'Music'] });
		expect(Object.keys(second.customFields as IDataObject).every((k) => !k.includes('.'))).toBe(true);
		expect(operationsSince(sandbox, counts)).toEqual({ 'get-contact': 3, 'get-custom-fields': 1 });

		const many = await run({
			resource: 'contact',
			operation: 'getAll',
			limit: 3,
			filters: { email: 'ada@example.com' },
			simplify: true,
		});
		expect(many.output('HighLevel')[0].customFields).toMatchObject({ lead_score: 92 });

		const deal = opportunityNamed('Grace Hopper - Support renewal');
		const opportunity = await run({
			resource: 'opportunity',
			operation: 'get',
			opportunityId: byId(deal.id),
			simplify: true,
		});
		expect(opportunity.errors('HighLevel')).toEqual([]);
		expect(opportunity.output('HighLevel')[0].customFields).toEqual({ deal_source: 'Website' });

		// Without Simplify, the records are HighLevel's, ids and all.
		const raw = await run({ resource: 'contact', operation: 'get', contactId: byId(ada.id) });
		expect(raw.output('HighLevel')[0].customFields).toEqual(
			expect.arrayContaining([{ id: customFieldId(sandbox, 'contact.lead_score'), value: 92 }]),
		);
	});
});
