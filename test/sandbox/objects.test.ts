import { startSandbox, type Sandbox } from './index';
import { objectsOf, PETS_KEY } from './objects';
import { call } from './testClient';

/** Custom objects, records, associations and relations of the sandbox (objects.ts). */
describe('sandbox custom objects and associations', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: false });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const search = (body: Record<string, unknown>) =>
		call(sandbox, 'POST', `/objects/${PETS_KEY}/records/search`, {
			body: { locationId: sandbox.locationId, page: 1, pageLimit: 2, query: '', searchAfter: [], ...body },
		});

	it('search: newest first with a [createdAt ms, id] cursor per record, total, searchAfter continues after it', async () => {
		const first = await search({});
		expect(first.status).toBe(200);
		expect(first.body.total).toBe(5);
		expect(first.body.records.map((r: { properties: { name: string } }) => r.properties.name)).toEqual(['Max', 'Coco']);
		const cursor = first.body.records[1].searchAfter;
		expect(cursor).toEqual([Date.parse(first.body.records[1].createdAt), first.body.records[1].id]);
		const next = await search({ searchAfter: cursor.map(String) });
		expect(next.body.records.map((r: { properties: { name: string } }) => r.properties.name)).toEqual(['Luna', 'Milo']);
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});

	it('search: `property:text` looks in that searchable property only; page with a cursor or beyond 10,000 is refused', async () => {
		const byName = await search({ query: 'name:o', pageLimit: 10 });
		expect(byName.body.records.map((r: { properties: { name: string } }) => r.properties.name).sort()).toEqual(['Coco', 'Milo']);
		const anywhere = await search({ query: 'DOG', pageLimit: 10 });
		expect(anywhere.body.total).toBe(2);
		expect((await search({ page: 2, searchAfter: ['1', 'x'] })).status).toBe(400);
		expect((await search({ page: 101, pageLimit: 100 })).status).toBe(400);
	});

	it('records: properties must be fields of the object with values of their type (422, recorded as invalid)', async () => {
		const bad = await call(sandbox, 'POST', `/objects/${PETS_KEY}/records`, {
			body: { locationId: sandbox.locationId, properties: { colour: 'brown', age: '3', species: 'parrot' } },
		});
		expect(bad.status).toBe(422);
		expect(bad.body.message).toEqual([
			`properties.colour is not a field of ${PETS_KEY}`,
			'properties.age must be a number',
			'properties.species must be one of dog, cat, rabbit',
		]);
		expect(sandbox.stats.invalidRequests).toHaveLength(1);
	});

	it('records of another location answer 403; an unknown object 404', async () => {
		const other = objectsOf(sandbox.store.location(sandbox.secondLocationId!));
		const foreign = [...other.records.values()][0];
		expect((await call(sandbox, 'GET', `/objects/${PETS_KEY}/records/${foreign.id}`)).status).toBe(403);
		expect((await call(sandbox, 'GET', `/objects/custom_objects.nope?locationId=${sandbox.locationId}`)).status).toBe(404);
	});

	it('relations: each record must belong to its side\'s object; listed from either side with a total', async () => {
		const data = objectsOf(sandbox.store.location());
		const ownerOf = [...data.associations.values()].find((a) => a.key === 'contact_pet')!;
		const contactId = [...sandbox.store.location().contacts.keys()][0];
		const petId = [...data.records.keys()][0];
		const create = (firstRecordId: string, secondRecordId: string) =>
			call(sandbox, 'POST', '/associations/relations', {
				body: { locationId: sandbox.locationId, associationId: ownerOf.id, firstRecordId, secondRecordId },
			});
		expect((await create(petId, contactId)).status).toBe(400);
		const created = await create(contactId, petId);
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ associationId: ownerOf.id, firstObjectKey: 'contact', secondObjectKey: PETS_KEY });
		for (const id of [contactId, petId]) {
			const listed = await call(sandbox, 'GET', `/associations/relations/${id}?locationId=${sandbox.locationId}&skip=0&limit=10`);
			expect(listed.body).toMatchObject({ total: 1, relations: [expect.objectContaining({ id: created.body.id })] });
		}
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});
});
