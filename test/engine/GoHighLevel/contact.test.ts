import type { ContactRecord } from '../../sandbox';
import { byId, customFieldId, useEngineSandbox } from './helpers';
import { SIMPLE_CONTACT_KEYS } from '../../../nodes/GoHighLevel/resources/contact/fields';

/** Every operation of the Contact resource, end to end through n8n-core and the sandbox. */
describe('Contact operations', () => {
	const { sandbox, run, lastBody } = useEngineSandbox();

	const stored = (id: unknown): ContactRecord | undefined =>
		sandbox.store.location().contacts.get(String(id));
	const byEmail = (email: string) =>
		[...sandbox.store.location().contacts.values()].find((c) => c.email === email);
	const seeded = (email: string) => {
		const contact = byEmail(email);
		if (!contact) throw new Error(`seed contact ${email} missing`);
		return contact;
	};

	it('Create: sends the fields and custom fields picked by id, key, key without prefix and name; outputs the contact', async () => {
		const ids = {
			leadScore: customFieldId(sandbox, 'contact.lead_score'),
			colour: customFieldId(sandbox, 'contact.favourite_colour'),
			interests: customFieldId(sandbox, 'contact.interests'),
			time: customFieldId(sandbox, 'contact.preferred_contact_time'),
		};
		const result = await run({
			resource: 'contact',
			operation: 'create',
			email: 'Mary.Jackson@Example.com',
			phone: '+14155550199',
			additionalFields: {
				firstName: 'Mary',
				lastName: 'Jackson',
				companyName: 'NACA',
				source: 'n8n',
				tags: ['engineer', 'vip'],
				dateOfBirth: '1921-04-09T00:00:00',
			},
			customFields: {
				values: [
					{ field: ids.leadScore, value: '97' },
					{ field: '={{ "contact.favourite_colour" }}', value: 'Blue' },
					{ field: '={{ "interests" }}', value: 'Tech, Music' },
					{ field: '={{ "Preferred Contact Time" }}', value: 'Mornings' },
				],
			},
		});
		expect(result.errors('HighLevel')).toEqual([]);
		const output = result.output('HighLevel');
		expect(output).toHaveLength(1);
		const [contact] = output;
		expect(contact).toMatchObject({
			email: 'mary.jackson@example.com',
			phone: '+14155550199',
			firstName: 'Mary',
			lastName: 'Jackson',
			companyName: 'NACA',
			tags: ['engineer', 'vip'],
			dateOfBirth: '1921-04-09',
			locationId: sandbox.locationId,
		});
		expect(contact).not.toHaveProperty('contact');
		expect(contact).not.toHaveProperty('traceId');

		expect(lastBody('POST', '/contacts/').customFields).toEqual([
			{ id: ids.leadScore, field_value: 97 },
			{ id: ids.colour, field_value: 'Blue' },
			{ id: ids.interests, field_value: ['Tech', 'Music'] },
			{ id: ids.time, field_value: 'Mornings' },
		]);
		const record = stored(contact.id);
		expect(record).toMatchObject({ email: 'mary.jackson@example.com', source: 'n8n', companyName: 'NACA' });
		expect(record!.customFields).toEqual({
			[ids.leadScore]: 97,
			[ids.colour]: 'Blue',
			[ids.interests]: ['Tech', 'Music'],
			[ids.time]: 'Mornings',
		});
	});

	it('Create: one output per input item, custom field named in an expression from the item', async () => {
		const items = [
			{ email: 'item.one@example.com', field: 'contact.lead_score', value: 11 },
			{ email: 'item.two@example.com', field: 'Favourite Colour', value: 'Green' },
			{ email: 'item.three@example.com', field: customFieldId(sandbox, 'contact.interests'), value: 'Sports' },
		];
		const result = await run(
			{
				resource: 'contact',
				operation: 'create',
				email: '={{ $json.email }}',
				customFields: { values: [{ field: '={{ $json.field }}', value: '={{ $json.value }}' }] },
			},
			items,
		);
		expect(result.errors('HighLevel')).toEqual([]);
		const output = result.output('HighLevel');
		expect(output.map((c) => c.email)).toEqual(items.map((i) => i.email));
		expect(stored(output[0].id)!.customFields).toEqual({ [customFieldId(sandbox, 'contact.lead_score')]: 11 });
		expect(stored(output[1].id)!.customFields).toEqual({
			[customFieldId(sandbox, 'contact.favourite_colour')]: 'Green',
		});
		expect(stored(output[2].id)!.customFields).toEqual({
			[customFieldId(sandbox, 'contact.interests')]: ['Sports'],
		});
	});

	it('Create or Update: creates a new contact (new: true), then updates it by email (new: false)', async () => {
		const count = sandbox.store.location().contacts.size;
		const created = await run({
			resource: 'contact',
			operation: 'upsert',
			email: 'dorothy.vaughan@example.com',
			additionalFields: { firstName: 'Dorothy', tags: ['fortran'] },
			customFields: { values: [{ field: '={{ "lead_score" }}', value: '40' }] },
		});
		expect(created.errors('HighLevel')).toEqual([]);
		const [first] = created.output('HighLevel');
		expect(first).toMatchObject({ new: true, email: 'dorothy.vaughan@example.com', firstName: 'Dorothy' });
		expect(sandbox.store.location().contacts.size).toBe(count + 1);

		const updated = await run({
			resource: 'contact',
			operation: 'upsert',
			email: 'DOROTHY.VAUGHAN@example.com',
			phone: '+14155550177',
			additionalFields: { lastName: 'Vaughan' },
			customFields: { values: [{ field: '={{ "contact.lead_score" }}', value: '55' }] },
		});
		expect(updated.errors('HighLevel')).toEqual([]);
		const output = updated.output('HighLevel');
		expect(output).toHaveLength(1);
		expect(output[0]).toMatchObject({ new: false, id: first.id, firstName: 'Dorothy', lastName: 'Vaughan' });
		expect(sandbox.store.location().contacts.size).toBe(count + 1);
		expect(stored(first.id)).toMatchObject({ phone: '+14155550177', lastName: 'Vaughan', tags: ['fortran'] });
		expect(stored(first.id)!.customFields).toEqual({ [customFieldId(sandbox, 'contact.lead_score')]: 55 });
		expect(lastBody('POST', '/contacts/upsert').customFields).toEqual([
			{ id: customFieldId(sandbox, 'contact.lead_score'), field_value: 55 },
		]);
	});

	it('Get: the record by ID, full or simplified', async () => {
		const ada = seeded('ada@example.com');
		const full = await run({ resource: 'contact', operation: 'get', contactId: byId(ada.id) });
		expect(full.errors('HighLevel')).toEqual([]);
		const [record] = full.output('HighLevel');
		expect(full.output('HighLevel')).toHaveLength(1);
		expect(record).toMatchObject({
			id: ada.id,
			email: 'ada@example.com',
			firstName: 'Ada',
			locationId: sandbox.locationId,
			firstNameLowerCase: 'ada',
			tags: ['customer', 'vip'],
		});
		expect(record.customFields).toEqual(
			expect.arrayContaining([{ id: customFieldId(sandbox, 'contact.lead_score'), value: 92 }]),
		);

		const simple = await run({ resource: 'contact', operation: 'get', contactId: byId(ada.id), simplify: true });
		const [short] = simple.output('HighLevel');
		expect(short.id).toBe(ada.id);
		expect(short.email).toBe('ada@example.com');
		expect(Object.keys(short).every((k) => SIMPLE_CONTACT_KEYS.includes(k))).toBe(true);
		expect(short).not.toHaveProperty('locationId');
		expect(short).not.toHaveProperty('firstNameLowerCase');
	});

	it('Get: one output per input item, in input order', async () => {
		const emails = ['grace@example.com', 'alan@example.com', 'ada@example.com'];
		const items = emails.map((email) => ({ contactId: seeded(email).id }));
		const result = await run(
			{ resource: 'contact', operation: 'get', contactId: byId('={{ $json.contactId }}') },
			items,
		);
		expect(result.errors('HighLevel')).toEqual([]);
		expect(result.output('HighLevel').map((c) => c.email)).toEqual(emails);
	});

	it('Get Many: one item per contact, without the searchAfter cursor; simplify', async () => {
		const result = await run({
			resource: 'contact',
			operation: 'getAll',
			limit: 10,
			filters: { tags: ['customer'] },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		const output = result.output('HighLevel');
		const expected = [...sandbox.store.location().contacts.values()]
			.filter((c) => c.tags.includes('customer'))
			.map((c) => c.id)
			.sort();
		expect(output.map((c) => c.id).sort()).toEqual(expected);
		for (const contact of output) {
			expect(contact).not.toHaveProperty('searchAfter');
			expect(contact.tags).toContain('customer');
			expect(contact.locationId).toBe(sandbox.locationId);
		}
		const body = lastBody('POST', '/contacts/search');
		expect(body).toMatchObject({
			locationId: sandbox.locationId,
			pageLimit: 10,
			filters: [{ field: 'tags', operator: 'eq', value: 'customer' }],
		});

		const simple = await run({
			resource: 'contact',
			operation: 'getAll',
			limit: 10,
			filters: { email: 'grace@example.com' },
			simplify: true,
		});
		const [grace] = simple.output('HighLevel');
		expect(simple.output('HighLevel')).toHaveLength(1);
		expect(grace.email).toBe('grace@example.com');
		expect(Object.keys(grace).every((k) => SIMPLE_CONTACT_KEYS.includes(k))).toBe(true);
	});

	it('Update: changes fields and sends custom fields in the Create shape [{id, field_value}]', async () => {
		const alan = seeded('alan@example.com');
		const ids = {
			leadScore: customFieldId(sandbox, 'contact.lead_score'),
			colour: customFieldId(sandbox, 'contact.favourite_colour'),
			interests: customFieldId(sandbox, 'contact.interests'),
		};
		const result = await run({
			resource: 'contact',
			operation: 'update',
			contactId: byId(alan.id),
			updateFields: { city: 'Wilmslow', tags: 'codebreaker, newsletter', phone: '+441625550100' },
			customFields: {
				values: [
					{ field: ids.leadScore, value: '99' },
					{ field: '={{ "Favourite Colour" }}', value: 'Green' },
				],
			},
		});
		expect(result.errors('HighLevel')).toEqual([]);
		const output = result.output('HighLevel');
		expect(output).toHaveLength(1);
		expect(output[0]).toMatchObject({ id: alan.id, city: 'Wilmslow', tags: ['codebreaker', 'newsletter'] });
		expect(output[0]).not.toHaveProperty('succeded');

		expect(lastBody('PUT', `/contacts/${alan.id}`).customFields).toEqual([
			{ id: ids.leadScore, field_value: 99 },
			{ id: ids.colour, field_value: 'Green' },
		]);
		const record = stored(alan.id)!;
		expect(record).toMatchObject({ city: 'Wilmslow', phone: '+441625550100', tags: ['codebreaker', 'newsletter'] });
		// The interests set at seed time are untouched: update merges custom fields.
		expect(record.customFields).toEqual({
			[ids.leadScore]: 99,
			[ids.colour]: 'Green',
			[ids.interests]: ['Tech', 'Sports'],
		});
	});

	it('Add Tags and Remove Tags: output the contact id and its tags afterwards', async () => {
		const katherine = seeded('katherine@example.com');
		const added = await run({
			resource: 'contact',
			operation: 'addTags',
			contactId: byId(katherine.id),
			tags: '={{ "Webinar, vip" }}',
		});
		expect(added.errors('HighLevel')).toEqual([]);
		expect(added.output('HighLevel')).toEqual([{ id: katherine.id, tags: ['newsletter', 'webinar', 'vip'] }]);
		expect(stored(katherine.id)!.tags).toEqual(['newsletter', 'webinar', 'vip']);

		const removed = await run({
			resource: 'contact',
			operation: 'removeTags',
			contactId: byId(katherine.id),
			tags: ['newsletter', 'vip'],
		});
		expect(removed.errors('HighLevel')).toEqual([]);
		expect(removed.output('HighLevel')).toEqual([{ id: katherine.id, tags: ['webinar'] }]);
		expect(stored(katherine.id)!.tags).toEqual(['webinar']);
		expect(lastBody('DELETE', `/contacts/${katherine.id}/tags`)).toEqual({ tags: ['newsletter', 'vip'] });
	});

	it('Delete: outputs {id, deleted: true} and the contact is gone', async () => {
		const margaret = seeded('margaret@example.com');
		const result = await run({ resource: 'contact', operation: 'delete', contactId: byId(margaret.id) });
		expect(result.errors('HighLevel')).toEqual([]);
		expect(result.output('HighLevel')).toEqual([{ id: margaret.id, deleted: true }]);
		expect(stored(margaret.id)).toBeUndefined();
	});
});
