import { listSearch } from '../../../nodes/GoHighLevel/methods/listSearch';
import { loadOptions } from '../../../nodes/GoHighLevel/methods/loadOptions';
import { objectsOf, PETS_KEY } from '../../sandbox/objects';
import { loadOptionsContext, useMethodsSandbox } from './helpers';

describe('custom object, record and association dropdowns', () => {
	const sandbox = useMethodsSandbox();
	const pets = { objectKey: { __rl: true, mode: 'list', value: PETS_KEY } };

	it('searchCustomObjects: custom objects and business only, filtered by label or key; searchObjectSchemas: every object', async () => {
		const { results } = await listSearch.searchCustomObjects.call(loadOptionsContext(sandbox));
		expect(results).toEqual([
			{ name: 'Companies (business)', value: 'business' },
			{ name: `Pets (${PETS_KEY})`, value: PETS_KEY },
		]);
		const filtered = await listSearch.searchCustomObjects.call(loadOptionsContext(sandbox), 'pet');
		expect(filtered.results.map((r) => r.value)).toEqual([PETS_KEY]);
		const all = await listSearch.searchObjectSchemas.call(loadOptionsContext(sandbox));
		expect(all.results.map((r) => r.value).sort()).toEqual(['business', 'contact', PETS_KEY, 'opportunity']);
	});

	it('searchObjectRecords: records of the chosen object by its searchable properties, none before an object is chosen', async () => {
		const { results } = await listSearch.searchObjectRecords.call(loadOptionsContext(sandbox, pets), 'cat');
		const cats = [...objectsOf(sandbox.store.location()).records.values()].filter((r) => r.properties.species === 'cat');
		expect(results.map((r) => r.value).sort()).toEqual(cats.map((r) => r.id).sort());
		expect(results.map((r) => r.name)).toEqual(expect.arrayContaining([`Milo (${cats.find((c) => c.properties.name === 'Milo')!.id})`]));
		const before = sandbox.stats.byOperation['search-object-records'];
		expect(await listSearch.searchObjectRecords.call(loadOptionsContext(sandbox, {}), 'cat')).toEqual({ results: [] });
		expect(sandbox.stats.byOperation['search-object-records']).toBe(before);
	});

	it('getObjectRecordFields: fields of the chosen object by name, value = property key', async () => {
		const options = await loadOptions.getObjectRecordFields.call(loadOptionsContext(sandbox, pets));
		expect(options.map((o) => [o.name, o.value])).toEqual([
			['Age', 'age'],
			['Birthday', 'birthday'],
			['Pet Name', 'name'],
			['Species', 'species'],
			['Traits', 'traits'],
		]);
		expect(options.find((o) => o.value === 'species')?.description).toBe(`${PETS_KEY}.species · SINGLE_OPTIONS · dog, cat, rabbit`);
	});

	it('searchAssociations and getAssociationKeys: the location\'s associations', async () => {
		const { results } = await listSearch.searchAssociations.call(loadOptionsContext(sandbox), 'pet');
		expect(results.map((r) => r.name)).toEqual([
			`Owner (contact) ↔ Pet (${PETS_KEY}) · contact_pet`,
			`Sibling (${PETS_KEY}) ↔ Sibling (${PETS_KEY}) · pet_sibling`,
		]);
		const keys = await loadOptions.getAssociationKeys.call(loadOptionsContext(sandbox));
		expect(keys.map((k) => k.value)).toEqual(['contact_business', 'contact_pet', 'pet_sibling']);
	});
});
