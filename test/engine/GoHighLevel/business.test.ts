import { BUSINESSES } from '../../sandbox/businesses';
import { recordsOf } from '../../sandbox/records';
import { SECOND_LOCATION_ID } from '../../sandbox/seed';
import { byId, operationCounts, operationsSince, useEngineSandbox } from './helpers';

/**
 * Every operation of the Business resource (businesses.json) and the business operations of the Contact resource
 * (contacts.json `get-contacts-by-businessId`, `add-remove-contact-from-business`), through n8n-core and the sandbox.
 */
describe('Business operations', () => {
	const { sandbox, proxy, run, last, lastBody, errorText } = useEngineSandbox();
	const businesses = (locationId = sandbox.locationId) => recordsOf(sandbox.store.location(locationId), BUSINESSES);
	const contacts = () => sandbox.store.location().contacts;

	/** Puts `count` businesses straight into the default location, `createdAt` one minute apart from 2024-01-01. */
	const seedBusinesses = (count: number) => {
		for (let i = 0; i < count; i++) {
			const id = sandbox.store.ids.id();
			const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
			businesses().set(id, { id, name: `Seeded ${i}`, locationId: sandbox.locationId, createdAt: at, updatedAt: at });
		}
	};

	let acmeId: string;

	it('Create: name and the fields set, with the location; outputs the record HighLevel puts under `buiseness`', async () => {
		const result = await run({
			resource: 'business',
			operation: 'create',
			name: 'Acme Holdings',
			additionalFields: { email: 'info@acme.example.com', city: 'Austin', website: '', phone: '+15125550123' },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', '/businesses/')).toEqual({
			name: 'Acme Holdings',
			email: 'info@acme.example.com',
			city: 'Austin',
			phone: '+15125550123',
			locationId: sandbox.locationId,
		});
		const [business] = result.output('HighLevel');
		expect(business).toMatchObject({ name: 'Acme Holdings', city: 'Austin', locationId: sandbox.locationId });
		expect(business).not.toHaveProperty('success');
		acmeId = String(business.id);
		expect(businesses().get(acmeId)).toMatchObject({ name: 'Acme Holdings', email: 'info@acme.example.com' });
	});

	it('Create: a bad e-mail fails before any request, naming the field', async () => {
		const before = operationCounts(sandbox);
		const result = await run({ resource: 'business', operation: 'create', name: 'X', additionalFields: { email: 'nope' } });
		expect(errorText(result)).toMatch(/Additional Fields → Email/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('Get and Update (only the fields set; the record from `buiseness`)', async () => {
		const got = await run({ resource: 'business', operation: 'get', businessId: byId(acmeId) });
		expect(got.output('HighLevel')).toEqual([expect.objectContaining({ id: acmeId, name: 'Acme Holdings' })]);

		const updated = await run({
			resource: 'business',
			operation: 'update',
			businessId: byId(acmeId),
			updateFields: { name: 'Acme Group', description: 'Parent company', city: '' },
		});
		expect(updated.errors('HighLevel')).toEqual([]);
		expect(lastBody('PUT', `/businesses/${acmeId}`)).toEqual({ name: 'Acme Group', description: 'Parent company' });
		expect(updated.output('HighLevel')).toEqual([
			expect.objectContaining({ id: acmeId, name: 'Acme Group', city: 'Austin', description: 'Parent company' }),
		]);
		expect(businesses().get(acmeId)).toMatchObject({ name: 'Acme Group', city: 'Austin' });

		const before = operationCounts(sandbox);
		const nothing = await run({ resource: 'business', operation: 'update', businessId: byId(acmeId), updateFields: {} });
		expect(errorText(nothing)).toMatch(/Nothing to update/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('Get Many: Limit asks for one page; Return All reads `limit` + `skip` pages until an empty one', async () => {
		seedBusinesses(230);
		const total = businesses().size;
		const limited = await run({ resource: 'business', operation: 'getAll', limit: 3 });
		expect(limited.output('HighLevel')).toHaveLength(3);
		expect(last('GET', '/businesses/').query).toEqual({ locationId: sandbox.locationId, limit: '3' });

		const before = proxy.requests.length;
		const all = await run({ resource: 'business', operation: 'getAll', returnAll: true });
		expect(all.errors('HighLevel')).toEqual([]);
		const output = all.output('HighLevel');
		expect(output).toHaveLength(total);
		expect(new Set(output.map((b) => b.id)).size).toBe(total);
		const pages = proxy.requests.slice(before).filter((r) => r.path === '/businesses/');
		expect(pages.map((r) => [r.query.skip, r.query.limit])).toEqual([
			[undefined, '100'],
			['100', '100'],
			['200', '100'],
			[String(total), '100'],
		]);
	});

	it('Contact → Add to Business, Get Many by Business (Return All over pages of 100 until `count`), Remove from Business', async () => {
		sandbox.seedContacts(205);
		const ids = [...contacts().keys()];
		expect(ids.length).toBeGreaterThanOrEqual(210);
		const members = ids.slice(0, 210);
		// Every member through the node would be 210 runs; the first one is added by the node, the rest by the store.
		const added = await run({ resource: 'contact', operation: 'addToBusiness', contactId: byId(members[0]), businessId: byId(acmeId) });
		expect(added.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', '/contacts/bulk/business')).toEqual({
			ids: [members[0]],
			businessId: acmeId,
			locationId: sandbox.locationId,
		});
		expect(added.output('HighLevel')).toEqual([{ contactId: members[0], businessId: acmeId, success: true }]);
		expect(contacts().get(members[0])?.businessId).toBe(acmeId);
		for (const id of members.slice(1)) sandbox.store.location().putContact({ ...contacts().get(id)!, businessId: acmeId });

		const before = proxy.requests.length;
		const all = await run({ resource: 'contact', operation: 'getAllByBusiness', businessId: byId(acmeId), returnAll: true });
		expect(all.errors('HighLevel')).toEqual([]);
		expect(all.output('HighLevel').map((c) => c.id).sort()).toEqual([...members].sort());
		const pages = proxy.requests.slice(before).filter((r) => r.path === `/contacts/business/${acmeId}`);
		expect(pages.map((r) => [r.query.skip, r.query.limit])).toEqual([
			[undefined, '100'],
			['100', '100'],
			['200', '100'],
		]);
		expect(pages[0].query.locationId).toBe(sandbox.locationId);

		const member = contacts().get(members[0])!;
		const found = await run({
			resource: 'contact',
			operation: 'getAllByBusiness',
			businessId: byId(acmeId),
			query: String(member.email),
			limit: 10,
		});
		expect(found.output('HighLevel').map((c) => c.id)).toEqual([member.id]);
		expect(found.output('HighLevel')[0]).toMatchObject({ businessId: acmeId });
		expect(last('GET', `/contacts/business/${acmeId}`).query).toMatchObject({ query: String(member.email), limit: '10' });

		const removed = await run({ resource: 'contact', operation: 'removeFromBusiness', contactId: byId(members[0]) });
		expect(removed.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', '/contacts/bulk/business')).toEqual({
			ids: [members[0]],
			businessId: null,
			locationId: sandbox.locationId,
		});
		expect(removed.output('HighLevel')).toEqual([{ contactId: members[0], businessId: null, success: true }]);
		expect(contacts().get(members[0])?.businessId).toBeUndefined();
	});

	it('Delete, and a business of another location is refused (403)', async () => {
		const deleted = await run({ resource: 'business', operation: 'delete', businessId: byId(acmeId) });
		expect(deleted.errors('HighLevel')).toEqual([]);
		expect(deleted.output('HighLevel')).toEqual([{ id: acmeId, deleted: true }]);
		expect(businesses().has(acmeId)).toBe(false);

		const foreignId = sandbox.store.ids.id();
		businesses(SECOND_LOCATION_ID).set(foreignId, { id: foreignId, name: 'Elsewhere', locationId: SECOND_LOCATION_ID });
		const foreign = await run({ resource: 'business', operation: 'get', businessId: byId(foreignId) });
		expect(errorText(foreign)).toMatch(/access to this location/i);
	});
});
