import { addObjectRecords, objectsOf, PETS_KEY } from '../../sandbox/objects';
import { byId, operationCounts, operationsSince, useEngineSandbox } from './helpers';

/** Every operation of the Association and Relation resources (associations.json), through n8n-core and the sandbox. */
describe('Association and Relation operations', () => {
	const { sandbox, proxy, run, last, lastBody, errorText } = useEngineSandbox();
	const data = () => objectsOf(sandbox.store.location());
	const association = (key: string) => [...data().associations.values()].find((a) => a.key === key)!;
	let contactId: string;
	let petIds: string[];
	beforeAll(() => {
		[contactId] = [...sandbox.store.location().contacts.keys()];
		petIds = [...data().records.values()].filter((r) => r.objectKey === PETS_KEY).map((r) => r.id);
	});

	it('Association Get Many: skip and limit in the query (skip 0 first), Limit and Return All', async () => {
		const all = await run({ resource: 'association', operation: 'getAll', returnAll: true });
		expect(all.errors('HighLevel')).toEqual([]);
		expect(all.output('HighLevel').map((a) => a.key)).toEqual(['contact_business', 'contact_pet', 'pet_sibling']);
		// The last page is short; only an empty one ends an offset list without a total.
		const pages = proxy.to('GET', '/associations/').slice(-2);
		expect(pages.map((p) => p.query)).toEqual([
			{ locationId: sandbox.locationId, skip: '0', limit: '100' },
			{ locationId: sandbox.locationId, skip: '3', limit: '100' },
		]);

		const limited = await run({ resource: 'association', operation: 'getAll', limit: 2 });
		expect(limited.output('HighLevel').map((a) => a.key)).toEqual(['contact_business', 'contact_pet']);
		expect(last('GET', '/associations/').query).toEqual({ locationId: sandbox.locationId, skip: '0', limit: '2' });
	});

	it('Association Get by ID and by key', async () => {
		const pet = association('contact_pet');
		const byIdResult = await run({ resource: 'association', operation: 'get', associationId: byId(pet.id) });
		expect(byIdResult.output('HighLevel')).toEqual([
			expect.objectContaining({ id: pet.id, key: 'contact_pet', firstObjectKey: 'contact', secondObjectKey: PETS_KEY }),
		]);
		const byKey = await run({ resource: 'association', operation: 'getByKey', associationKey: 'pet_sibling' });
		expect(byKey.output('HighLevel')).toEqual([expect.objectContaining({ key: 'pet_sibling', firstObjectKey: PETS_KEY })]);
		expect(last('GET', '/associations/key/pet_sibling').query).toEqual({ locationId: sandbox.locationId });
		const missing = await run({ resource: 'association', operation: 'getByKey', associationKey: 'nope' });
		expect(errorText(missing)).toMatch(/not found/i);
	});

	it('Relation Create links a contact and a pet record; a record of the wrong object is refused by HighLevel', async () => {
		const pet = association('contact_pet');
		const created = await run({
			resource: 'relation',
			operation: 'create',
			associationId: byId(pet.id),
			firstRecordId: contactId,
			secondRecordId: petIds[0],
		});
		expect(created.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', '/associations/relations')).toEqual({
			locationId: sandbox.locationId,
			associationId: pet.id,
			firstRecordId: contactId,
			secondRecordId: petIds[0],
		});
		const [relation] = created.output('HighLevel');
		expect(data().relations.get(String(relation.id))).toMatchObject({ firstRecordId: contactId, secondRecordId: petIds[0] });

		const swapped = await run({
			resource: 'relation',
			operation: 'create',
			associationId: byId(pet.id),
			firstRecordId: petIds[1],
			secondRecordId: contactId,
		});
		expect(errorText(swapped)).toMatch(/is not a record of contact/);
		expect(data().relations.size).toBe(1);
	});

	it('Relation Get Many of a record: both sides, association filter, Return All over pages, Limit', async () => {
		const pet = association('contact_pet');
		const sibling = association('pet_sibling');
		const litter = addObjectRecords(sandbox.store.location(), sandbox.store.ids, PETS_KEY, 3, (i) => ({ name: `Kit ${i}`, species: 'rabbit' }));
		for (const kit of litter) {
			const result = await run({ resource: 'relation', operation: 'create', associationId: byId(sibling.id), firstRecordId: petIds[0], secondRecordId: kit.id });
			expect(result.errors('HighLevel')).toEqual([]);
		}
		// petIds[0] now has 4 relations: its owner (it is the second record there) and 3 siblings.
		const all = await run({ resource: 'relation', operation: 'getAll', recordId: petIds[0], returnAll: true });
		expect(all.errors('HighLevel')).toEqual([]);
		expect(all.output('HighLevel')).toHaveLength(4);

		const onlyOwner = await run({
			resource: 'relation',
			operation: 'getAll',
			recordId: petIds[0],
			returnAll: true,
			filters: { associationId: byId(pet.id) },
		});
		expect(onlyOwner.output('HighLevel')).toEqual([expect.objectContaining({ firstRecordId: contactId, associationId: pet.id })]);
		expect(last('GET', `/associations/relations/${petIds[0]}`).query).toMatchObject({ associationIds: pet.id });

		const limited = await run({ resource: 'relation', operation: 'getAll', recordId: petIds[0], limit: 3 });
		expect(limited.output('HighLevel')).toHaveLength(3);
		expect(last('GET', `/associations/relations/${petIds[0]}`).query).toMatchObject({ skip: '0', limit: '3' });
	});

	it('Relation Get Many with Return All reads pages of 100 until the total', async () => {
		const sibling = association('pet_sibling');
		const many = addObjectRecords(sandbox.store.location(), sandbox.store.ids, PETS_KEY, 230, (i) => ({ name: `Sib ${i}`, species: 'cat' }));
		const hub = petIds[2];
		for (const [i, kit] of many.entries()) {
			data().relations.set(`rel${String(i).padStart(4, '0')}x`, {
				id: `rel${String(i).padStart(4, '0')}x`,
				locationId: sandbox.locationId,
				associationId: sibling.id,
				firstObjectKey: PETS_KEY,
				firstRecordId: hub,
				secondObjectKey: PETS_KEY,
				secondRecordId: kit.id,
				createdAt: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
			});
		}
		const start = proxy.requests.length;
		const result = await run({ resource: 'relation', operation: 'getAll', recordId: hub, returnAll: true });
		expect(result.errors('HighLevel')).toEqual([]);
		const ids = result.output('HighLevel').map((r) => String(r.id));
		expect(new Set(ids).size).toBe(230);
		const pages = proxy.requests.slice(start).filter((r) => r.path === `/associations/relations/${hub}`);
		// 100 + 100 + 30: the third page reaches `total`, so no empty page is asked for.
		expect(pages.map((p) => [p.query.skip, p.query.limit])).toEqual([
			['0', '100'],
			['100', '100'],
			['200', '100'],
		]);
	});

	it('Relation Delete removes it; an unknown relation is HighLevel\'s 404', async () => {
		const [relation] = [...data().relations.values()];
		const deleted = await run({ resource: 'relation', operation: 'delete', relationId: relation.id });
		expect(deleted.output('HighLevel')).toEqual([{ id: relation.id, deleted: true }]);
		expect(last('DELETE', `/associations/relations/${relation.id}`).query).toEqual({ locationId: sandbox.locationId });
		expect(data().relations.has(relation.id)).toBe(false);
		const before = operationCounts(sandbox);
		const again = await run({ resource: 'relation', operation: 'delete', relationId: relation.id });
		expect(errorText(again)).toMatch(/not found/i);
		// A delete is not re-sent after HighLevel's answer.
		expect(operationsSince(sandbox, before)).toEqual({ 'delete-relation': 1 });
	});
});

