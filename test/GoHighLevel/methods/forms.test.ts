import { listSearch } from '../../../nodes/GoHighLevel/methods/listSearch';
import { loadOptions } from '../../../nodes/GoHighLevel/methods/loadOptions';
import { formsOf } from '../../sandbox/forms';
import { addFunnels, funnelsOf, mediaOf } from '../../sandbox/sites';
import { loadOptionsContext, useMethodsSandbox } from './helpers';

describe('form and survey dropdowns, the funnel locator', () => {
	const sandbox = useMethodsSandbox();

	it('getForms / getSurveys: every one of the location by name, over several skip + limit pages', async () => {
		const forms = formsOf(sandbox.store.location(), 'form');
		for (let i = 0; i < 55; i++) forms.set(`formExtra${String(i).padStart(4, '0')}`, { id: `formExtra${String(i).padStart(4, '0')}`, name: `Zz extra ${String(i).padStart(2, '0')}`, locationId: sandbox.locationId });
		const before = sandbox.stats.byOperation['get-forms'] ?? 0;
		const options = await loadOptions.getForms.call(loadOptionsContext(sandbox));
		expect(sandbox.stats.byOperation['get-forms'] - before).toBe(2);
		expect(options.map((o) => o.value).sort()).toEqual([...forms.keys()].sort());
		expect(options[0]).toEqual({ name: 'Contact Us', value: expect.any(String) });
		expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));

		const surveys = await loadOptions.getSurveys.call(loadOptionsContext(sandbox));
		expect(surveys.map((s) => s.name)).toEqual(['Customer Satisfaction', 'Service Feedback']);
		expect(surveys.map((s) => s.value).sort()).toEqual([...formsOf(sandbox.store.location(), 'survey').keys()].sort());
	});

	it('searchFunnels: funnels and websites whose name contains the text, value = _id, one page of 50', async () => {
		addFunnels(sandbox.store.location(), 60, 'Lead magnet');
		const found = await listSearch.searchFunnels.call(loadOptionsContext(sandbox), 'website');
		const site = [...funnelsOf(sandbox.store.location()).values()].find((f) => f.name === 'Main Website')!;
		expect(found.results).toEqual([{ name: 'Main Website (website)', value: site._id }]);
		const many = await listSearch.searchFunnels.call(loadOptionsContext(sandbox), 'lead magnet');
		expect(many.results).toHaveLength(50);
		expect(many.results[0]).toEqual({ name: 'Lead magnet 1 (funnel)', value: expect.any(String) });
	});
});

describe('the media folder dropdown', () => {
	const sandbox = useMethodsSandbox();

	it('getMediaFolders: the folders of the location by name, value = _id, files left out', async () => {
		const folders = [...mediaOf(sandbox.store.location()).values()].filter((m) => m.type === 'folder');
		expect(folders).toHaveLength(1);
		const options = await loadOptions.getMediaFolders.call(loadOptionsContext(sandbox));
		expect(options).toEqual([{ name: 'Brand', value: folders[0]._id }]);
	});
});
