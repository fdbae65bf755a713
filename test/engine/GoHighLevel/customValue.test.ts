import { CUSTOM_VALUES } from '../../sandbox/locationRecords';
import { recordsOf } from '../../sandbox/records';
import { byId, operationCounts, operationsSince, useEngineSandbox } from './helpers';

/** Every operation of the Custom Value resource (locations.json), through n8n-core and the sandbox. */
describe('Custom Value operations', () => {
	const { sandbox, run, lastBody, errorText } = useEngineSandbox();
	const values = () => recordsOf(sandbox.store.location(), CUSTOM_VALUES);
	const path = () => `/locations/${sandbox.locationId}/customValues`;

	it('Create, Get, Update (one field kept from the current value), Get Many, Delete', async () => {
		const created = await run({ resource: 'customValue', operation: 'create', name: 'Office Hours', value: 'Mon-Fri 9-5' });
		expect(created.errors('HighLevel')).toEqual([]);
		const [value] = created.output('HighLevel');
		expect(value).toMatchObject({ name: 'Office Hours', value: 'Mon-Fri 9-5', fieldKey: '{{ custom_values.office_hours }}' });
		expect(lastBody('POST', path())).toEqual({ name: 'Office Hours', value: 'Mon-Fri 9-5' });
		const id = String(value.id);

		const got = await run({ resource: 'customValue', operation: 'get', customValueId: byId(id) });
		expect(got.output('HighLevel')).toEqual([expect.objectContaining({ id, value: 'Mon-Fri 9-5' })]);

		const updated = await run({ resource: 'customValue', operation: 'update', customValueId: byId(id), name: '', value: 'Mon-Sat 8-6' });
		expect(updated.errors('HighLevel')).toEqual([]);
		expect(lastBody('PUT', `${path()}/${id}`)).toEqual({ name: 'Office Hours', value: 'Mon-Sat 8-6' });
		expect(values().get(id)).toMatchObject({ name: 'Office Hours', value: 'Mon-Sat 8-6' });

		const all = await run({ resource: 'customValue', operation: 'getAll', returnAll: true });
		expect(all.output('HighLevel').map((v) => v.name)).toEqual(['Booking Link', 'Company Phone', 'Office Hours']);
		const limited = await run({ resource: 'customValue', operation: 'getAll', limit: 1 });
		expect(limited.output('HighLevel')).toHaveLength(1);

		const deleted = await run({ resource: 'customValue', operation: 'delete', customValueId: byId(id) });
		expect(deleted.output('HighLevel')).toEqual([{ id, deleted: true }]);
		expect(values().has(id)).toBe(false);
	});

	it('Update with Name and Value both empty fails before any request', async () => {
		const id = [...values().keys()][0];
		const before = operationCounts(sandbox);
		const result = await run({ resource: 'customValue', operation: 'update', customValueId: byId(id), name: ' ', value: '' });
		expect(errorText(result)).toMatch(/Nothing to update/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('a custom value of another location is refused (403)', async () => {
		const other = recordsOf(sandbox.store.location(sandbox.secondLocationId), CUSTOM_VALUES);
		const result = await run({ resource: 'customValue', operation: 'get', customValueId: byId([...other.keys()][0]) });
		expect(errorText(result)).toMatch(/does not have access to this location/);
	});
});
