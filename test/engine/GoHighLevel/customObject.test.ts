import { addObjectRecords, objectsOf, PETS_KEY } from '../../sandbox/objects';
import { byId, operationCounts, operationsSince, useEngineSandbox } from './helpers';

/** A resource locator value picked by key (the Object locator's "By Key" mode). */
const byKey = (value: string) => ({ __rl: true, mode: 'key', value });

/**
 * Every operation of the Custom Object and Custom Object Record resources (objects.json), through n8n-core and the
 * sandbox.
 */
describe('Custom Object operations', () => {
	const { run, last, errorText } = useEngineSandbox();

	it('Get Many: the location\'s object schemas, Limit keeps the first ones', async () => {
		const all = await run({ resource: 'customObject', operation: 'getAll', returnAll: true });
		expect(all.errors('HighLevel')).toEqual([]);
		const keys = all.output('HighLevel').map((o) => o.key);
		expect(keys).toEqual(expect.arrayContaining(['contact', 'opportunity', 'business', PETS_KEY]));
		expect(last('GET', '/objects/').query).toEqual({ locationId: expect.any(String) });

		const limited = await run({ resource: 'customObject', operation: 'getAll', limit: 2 });
		expect(limited.output('HighLevel')).toHaveLength(2);
	});

	it('Get: the schema by key with its fields', async () => {
		const result = await run({ resource: 'customObject', operation: 'get', objectKey: byKey(PETS_KEY), fetchProperties: true });
		expect(result.errors('HighLevel')).toEqual([]);
		const [schema] = result.output('HighLevel');
		expect(schema).toMatchObject({ key: PETS_KEY, standard: false, labels: { singular: 'Pet', plural: 'Pets' } });
		expect((schema.fields as Array<{ fieldKey: string }>).map((f) => f.fieldKey)).toEqual(
			expect.arrayContaining([`${PETS_KEY}.name`, `${PETS_KEY}.species`, `${PETS_KEY}.age`]),
		);
		expect(last('GET', `/objects/${PETS_KEY}`).query).toMatchObject({ fetchProperties: 'true' });
		expect(schema).not.toHaveProperty('cache');
	});

	it('Get of an unknown key fails with HighLevel\'s 404', async () => {
		const result = await run({ resource: 'customObject', operation: 'get', objectKey: byKey('custom_objects.nope') });
		expect(errorText(result)).toMatch(/not found/i);
	});
});

describe('Custom Object Record operations', () => {
	const { sandbox, proxy, run, lastBody, last, errorText } = useEngineSandbox();
	const records = () => objectsOf(sandbox.store.location()).records;
	let userId: string;
	beforeAll(() => {
		userId = sandbox.store.location().users[1].id;
	});

	it('Create: properties by field (key, name or label), typed per field; owner and followers; stored and output', async () => {
		const result = await run({
			resource: 'customObjectRecord',
			operation: 'create',
			objectKey: byKey(PETS_KEY),
			properties: {
				values: [
					{ field: 'name', value: 'Rex' },
					{ field: 'Species', value: 'Dog' },
					{ field: 'age', value: '3' },
					{ field: `${PETS_KEY}.traits`, value: 'friendly, Outdoor' },
					{ field: 'birthday', value: '2023-04-05' },
					{ field: 'name', value: '' },
				],
			},
			additionalFields: { owner: byId(userId), followers: [userId] },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', `/objects/${PETS_KEY}/records`)).toEqual({
			locationId: sandbox.locationId,
			properties: { name: 'Rex', species: 'dog', age: 3, traits: ['friendly', 'outdoor'], birthday: '2023-04-05' },
			owner: [userId],
			followers: [userId],
		});
		const [record] = result.output('HighLevel');
		expect(record).toMatchObject({ objectKey: PETS_KEY, properties: { name: 'Rex', species: 'dog' }, owner: [userId] });
		expect(records().get(String(record.id))).toMatchObject({ properties: { age: 3 }, followers: [userId] });
	});

	it('Create: an unknown field or a value outside the options fails before any request, naming Properties', async () => {
		const before = operationCounts(sandbox);
		const unknown = await run({
			resource: 'customObjectRecord',
			operation: 'create',
			objectKey: byKey(PETS_KEY),
			properties: { values: [{ field: 'colour', value: 'brown' }] },
		});
		expect(errorText(unknown)).toMatch(/Unknown field "colour".*Properties.*Pet Name \(name\)/s);
		const badOption = await run({
			resource: 'customObjectRecord',
			operation: 'create',
			objectKey: byKey(PETS_KEY),
			properties: { values: [{ field: 'species', value: 'parrot' }] },
		});
		expect(errorText(badOption)).toMatch(/"parrot" is not an option of "Species" \(options: Dog \(dog\)/);
		const none = await run({ resource: 'customObjectRecord', operation: 'create', objectKey: byKey(PETS_KEY) });
		expect(errorText(none)).toMatch(/Properties/);
		// Only the object's fields were read (once, then once more fresh for the unknown field); no write was sent.
		expect(Object.keys(operationsSince(sandbox, before))).toEqual(['get-object-schema-by-key']);
	});

	it('Get, Update (only what is set, properties merged), Delete', async () => {
		const pet = [...records().values()].find((r) => r.properties.name === 'Buddy')!;
		const got = await run({ resource: 'customObjectRecord', operation: 'get', objectKey: byKey(PETS_KEY), recordId: byId(pet.id) });
		expect(got.output('HighLevel')).toEqual([expect.objectContaining({ id: pet.id, properties: expect.objectContaining({ name: 'Buddy' }) })]);

		const updated = await run({
			resource: 'customObjectRecord',
			operation: 'update',
			objectKey: byKey(PETS_KEY),
			recordId: byId(pet.id),
			properties: { values: [{ field: 'age', value: 5 }] },
			updateFields: {},
		});
		expect(updated.errors('HighLevel')).toEqual([]);
		expect(last('PUT', `/objects/${PETS_KEY}/records/${pet.id}`).query).toEqual({ locationId: sandbox.locationId });
		expect(lastBody('PUT', `/objects/${PETS_KEY}/records/${pet.id}`)).toEqual({ properties: { age: 5 } });
		expect(records().get(pet.id)?.properties).toEqual({ name: 'Buddy', species: 'dog', age: 5 });
		expect(updated.output('HighLevel')[0]).toMatchObject({ id: pet.id, properties: { age: 5, name: 'Buddy' } });

		const before = operationCounts(sandbox);
		const nothing = await run({
			resource: 'customObjectRecord',
			operation: 'update',
			objectKey: byKey(PETS_KEY),
			recordId: byId(pet.id),
			updateFields: {},
		});
		expect(errorText(nothing)).toMatch(/Nothing to update/);
		expect(operationsSince(sandbox, before)).toEqual({});

		const deleted = await run({ resource: 'customObjectRecord', operation: 'delete', objectKey: byKey(PETS_KEY), recordId: byId(pet.id) });
		expect(deleted.output('HighLevel')).toEqual([{ id: pet.id, objectKey: PETS_KEY, deleted: true }]);
		expect(records().has(pet.id)).toBe(false);
		const gone = await run({ resource: 'customObjectRecord', operation: 'get', objectKey: byKey(PETS_KEY), recordId: byId(pet.id) });
		expect(errorText(gone)).toMatch(/not found/i);
	});

	it('Search: query on the searchable properties, Limit', async () => {
		const result = await run({ resource: 'customObjectRecord', operation: 'search', objectKey: byKey(PETS_KEY), query: 'species:cat', limit: 10 });
		expect(result.errors('HighLevel')).toEqual([]);
		expect(result.output('HighLevel').map((r) => (r.properties as { name: string }).name).sort()).toEqual(['Luna', 'Milo']);
		expect(lastBody('POST', `/objects/${PETS_KEY}/records/search`)).toEqual({
			locationId: sandbox.locationId,
			page: 1,
			pageLimit: 10,
			query: 'species:cat',
			searchAfter: [],
		});
	});

	it('Search: Return All reads every page with searchAfter, page staying 1, without duplicates or gaps', async () => {
		const location = sandbox.store.location();
		addObjectRecords(location, sandbox.store.ids, PETS_KEY, 230, (i) => ({ name: `Litter ${i}`, species: 'rabbit', age: i % 12 }));
		const expected = [...records().values()].filter((r) => r.objectKey === PETS_KEY).map((r) => r.id);
		expect(expected.length).toBeGreaterThan(200);
		const start = proxy.requests.length;
		const result = await run({ resource: 'customObjectRecord', operation: 'search', objectKey: byKey(PETS_KEY), returnAll: true });
		expect(result.errors('HighLevel')).toEqual([]);
		const ids = result.output('HighLevel').map((r) => String(r.id));
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual([...expected].sort());

		const pages = proxy.requests.slice(start).filter((r) => r.path === `/objects/${PETS_KEY}/records/search`);
		expect(pages.length).toBeGreaterThanOrEqual(3);
		const bodies = pages.map((p) => p.body as { page: number; pageLimit: number; searchAfter: unknown[] });
		expect(bodies.map((b) => b.page)).toEqual(bodies.map(() => 1));
		expect(bodies.map((b) => b.pageLimit)).toEqual(bodies.map(() => 100));
		expect(bodies[0].searchAfter).toEqual([]);
		// Each later page starts after the last record of the one before.
		for (let i = 1; i < bodies.length; i++) {
			const lastOfPrevious = result.output('HighLevel')[i * 100 - 1];
			expect(bodies[i].searchAfter).toEqual((lastOfPrevious.searchAfter as unknown[]).map(String));
		}
	});

});
