import { byId, useEngineSandbox } from './helpers';

/** Every operation of the Tag resource (the location's tags, locations.json), through n8n-core and the sandbox. */
describe('Tag operations', () => {
	const { sandbox, run, last, lastBody, errorText } = useEngineSandbox();
	const tags = () => sandbox.store.location().tags;

	it('Create, Get, Update (rename), Get Many with Limit / Return All, Delete', async () => {
		const created = await run({ resource: 'tag', operation: 'create', name: 'Spring Promo' });
		expect(created.errors('HighLevel')).toEqual([]);
		const [tag] = created.output('HighLevel');
		expect(tag).toMatchObject({ name: 'spring promo', locationId: sandbox.locationId });
		expect(lastBody('POST', `/locations/${sandbox.locationId}/tags`)).toEqual({ name: 'Spring Promo' });
		const id = String(tag.id);
		expect(tags().get('spring promo')?.id).toBe(id);

		const got = await run({ resource: 'tag', operation: 'get', tagId: byId(id) });
		expect(got.output('HighLevel')).toEqual([{ id, name: 'spring promo', locationId: sandbox.locationId }]);

		const renamed = await run({ resource: 'tag', operation: 'update', tagId: byId(id), name: 'Summer Promo' });
		expect(renamed.errors('HighLevel')).toEqual([]);
		expect(lastBody('PUT', `/locations/${sandbox.locationId}/tags/${id}`)).toEqual({ name: 'Summer Promo' });
		expect(renamed.output('HighLevel')).toEqual([expect.objectContaining({ id, name: 'summer promo' })]);
		expect(tags().has('spring promo')).toBe(false);

		const total = tags().size;
		const limited = await run({ resource: 'tag', operation: 'getAll', limit: 2 });
		expect(limited.output('HighLevel')).toHaveLength(2);
		const all = await run({ resource: 'tag', operation: 'getAll', returnAll: true });
		expect(all.output('HighLevel').map((t) => t.name).sort()).toEqual([...tags().keys()].sort());
		expect(all.output('HighLevel')).toHaveLength(total);

		const deleted = await run({ resource: 'tag', operation: 'delete', tagId: byId(id) });
		expect(deleted.output('HighLevel')).toEqual([{ id, deleted: true }]);
		expect(last()).toMatchObject({ method: 'DELETE', status: 200 });
		expect(tags().has('summer promo')).toBe(false);
	});

	it('Create of a name the location has: refused (400); an unknown tag is not found', async () => {
		const before = tags().size;
		const duplicate = await run({ resource: 'tag', operation: 'create', name: 'VIP' });
		expect(errorText(duplicate)).toMatch(/already exists/i);
		expect(tags().size).toBe(before);
		const missing = await run({ resource: 'tag', operation: 'get', tagId: byId('unknownTag123') });
		expect(errorText(missing)).toMatch(/not found/i);
	});

	it('Update to a name another tag has is refused (400) and the tag keeps its name', async () => {
		const lead = tags().get('lead')!;
		const result = await run({ resource: 'tag', operation: 'update', tagId: byId(lead.id), name: 'Partner' });
		expect(errorText(result)).toMatch(/already exists/i);
		expect(tags().get('lead')?.id).toBe(lead.id);
	});
});
