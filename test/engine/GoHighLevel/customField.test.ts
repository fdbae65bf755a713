import { byId, customFieldId, operationCounts, operationsSince, useEngineSandbox } from './helpers';

/**
 * Every operation of the Custom Field resource (contact and opportunity fields, locations.json; fields of custom
 * objects and businesses by object key, custom-fields.json), through n8n-core and the sandbox.
 */
describe('Custom Field operations', () => {
	const { sandbox, run, last, lastBody, errorText } = useEngineSandbox();
	const fields = () => sandbox.store.location().customFields;
	const path = () => `/locations/${sandbox.locationId}/customFields`;

	it('Create an option field: name, type, model, options and placeholder are sent; HighLevel answers picklistOptions', async () => {
		const result = await run({
			resource: 'customField',
			operation: 'create',
			model: 'opportunity',
			name: 'Contract Length',
			dataType: 'SINGLE_OPTIONS',
			fieldOptions: ['12 months', ' 24 months ', ''],
			additionalFields: { placeholder: 'Pick one', position: 3 },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', path())).toEqual({
			model: 'opportunity',
			name: 'Contract Length',
			dataType: 'SINGLE_OPTIONS',
			options: ['12 months', '24 months'],
			placeholder: 'Pick one',
			position: 3,
		});
		const [field] = result.output('HighLevel');
		expect(field).toMatchObject({ fieldKey: 'opportunity.contract_length', picklistOptions: ['12 months', '24 months'] });
		expect(fields().get(String(field.id))).toMatchObject({ model: 'opportunity', dataType: 'SINGLE_OPTIONS', position: 3 });
	});

	it('Create a text field sends no options; a text box list sends its labels as textBoxListOptions', async () => {
		const text = await run({ resource: 'customField', operation: 'create', name: 'Nickname', dataType: 'TEXT', fieldOptions: ['ignored'] });
		expect(text.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', path())).toEqual({ model: 'contact', name: 'Nickname', dataType: 'TEXT' });
		expect(text.output('HighLevel')[0]).toMatchObject({ fieldKey: 'contact.nickname', model: 'contact' });

		const list = await run({ resource: 'customField', operation: 'create', name: 'Children', dataType: 'TEXTBOX_LIST', fieldOptions: ['First', 'Second'] });
		expect(list.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', path())).toMatchObject({ dataType: 'TEXTBOX_LIST', textBoxListOptions: [{ label: 'First' }, { label: 'Second' }] });
	});

	it('Create an option field without options fails before any request, naming Field Options', async () => {
		const before = operationCounts(sandbox);
		const result = await run({ resource: 'customField', operation: 'create', name: 'Size', dataType: 'MULTIPLE_OPTIONS', fieldOptions: [] });
		expect(errorText(result)).toMatch(/Field Options.*at least one option/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('Get, Get Many by model with Limit / Return All', async () => {
		const id = customFieldId(sandbox, 'contact.lead_score');
		const got = await run({ resource: 'customField', operation: 'get', customFieldId: byId(id) });
		expect(got.output('HighLevel')).toEqual([expect.objectContaining({ id, name: 'Lead Score', dataType: 'NUMERICAL' })]);

		const opportunity = await run({ resource: 'customField', operation: 'getAll', model: 'opportunity', returnAll: true });
		const expected = [...fields().values()].filter((f) => f.model === 'opportunity').map((f) => f.id).sort();
		expect(opportunity.output('HighLevel').map((f) => f.id).sort()).toEqual(expected);
		expect(last('GET', path()).query).toEqual({ model: 'opportunity' });

		const all = await run({ resource: 'customField', operation: 'getAll', model: 'all', returnAll: true });
		expect(all.output('HighLevel')).toHaveLength(fields().size);
		const limited = await run({ resource: 'customField', operation: 'getAll', model: 'contact', limit: 2 });
		expect(limited.output('HighLevel')).toHaveLength(2);
	});

	it('Update: the current name is read when not changed; options replace the picklist; nothing set fails early', async () => {
		const id = customFieldId(sandbox, 'contact.favourite_colour');
		const updated = await run({
			resource: 'customField',
			operation: 'update',
			customFieldId: byId(id),
			updateFields: { fieldOptions: ['Red', 'Purple'], placeholder: 'Your colour' },
		});
		expect(updated.errors('HighLevel')).toEqual([]);
		expect(lastBody('PUT', `${path()}/${id}`)).toEqual({ name: 'Favourite Colour', placeholder: 'Your colour', options: ['Red', 'Purple'] });
		expect(fields().get(id)).toMatchObject({ name: 'Favourite Colour', picklistOptions: ['Red', 'Purple'], placeholder: 'Your colour' });

		const renamed = await run({ resource: 'customField', operation: 'update', customFieldId: byId(id), updateFields: { name: 'Colour' } });
		expect(renamed.output('HighLevel')).toEqual([expect.objectContaining({ id, name: 'Colour', fieldKey: 'contact.favourite_colour' })]);

		const before = operationCounts(sandbox);
		const nothing = await run({ resource: 'customField', operation: 'update', customFieldId: byId(id), updateFields: { name: '' } });
		expect(errorText(nothing)).toMatch(/Nothing to update.*Update Fields/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('options changed in the run are known at once to the Custom Fields rows of a contact write (no stale list)', async () => {
		const id = customFieldId(sandbox, 'contact.interests');
		const write = async (value: string) =>
			await run({
				resource: 'contact',
				operation: 'create',
				email: `interests.${value.toLowerCase()}@example.com`,
				customFields: { values: [{ field: 'contact.interests', value }] },
			});
		// The first write reads (and caches) the location's contact fields.
		expect((await write('Music')).errors('HighLevel')).toEqual([]);
		const updated = await run({
			resource: 'customField',
			operation: 'update',
			customFieldId: byId(id),
			updateFields: { fieldOptions: ['Sports', 'Music', 'Travel', 'Tech', 'Cooking'] },
		});
		expect(updated.errors('HighLevel')).toEqual([]);
		const written = await write('Cooking');
		expect(written.errors('HighLevel')).toEqual([]);
		const contact = sandbox.store.location().contacts.get(String(written.output('HighLevel')[0].id));
		expect(contact?.customFields).toMatchObject({ [id]: ['Cooking'] });
	});

	it('Delete removes the field', async () => {
		const created = await run({ resource: 'customField', operation: 'create', name: 'Temporary', dataType: 'DATE' });
		const id = String(created.output('HighLevel')[0].id);
		const deleted = await run({ resource: 'customField', operation: 'delete', customFieldId: byId(id) });
		expect(deleted.output('HighLevel')).toEqual([{ id, deleted: true }]);
		expect(fields().has(id)).toBe(false);
	});

	it('Get Many by Object Key: the fields of a custom object and of businesses, the location in the query', async () => {
		const result = await run({
			resource: 'customField',
			operation: 'getAllByObjectKey',
			objectKey: { __rl: true, mode: 'key', value: 'custom_objects.pets' },
			returnAll: true,
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(last()).toMatchObject({ path: '/custom-fields/object-key/custom_objects.pets', query: { locationId: sandbox.locationId } });
		const keys = result.output('HighLevel').map((f) => f.fieldKey);
		expect(keys).toEqual(expect.arrayContaining(['custom_objects.pets.name', 'custom_objects.pets.species']));
		expect(result.output('HighLevel').every((f) => f.objectKey === 'custom_objects.pets')).toBe(true);

		const limited = await run({
			resource: 'customField',
			operation: 'getAllByObjectKey',
			objectKey: { __rl: true, mode: 'key', value: 'business' },
			limit: 1,
		});
		expect(limited.output('HighLevel')).toEqual([expect.objectContaining({ objectKey: 'business' })]);
	});
});
