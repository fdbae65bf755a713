import { listSearch } from '../../../nodes/GoHighLevel/methods/listSearch';
import { CUSTOM_VALUES } from '../../sandbox/locationRecords';
import { recordsOf } from '../../sandbox/records';
import { loadOptionsContext, useMethodsSandbox } from './helpers';

describe('tag, custom field and custom value locators', () => {
	const sandbox = useMethodsSandbox();

	it('searchLocationTags: the location\'s tags containing the text, by name; value = tag id', async () => {
		const tags = sandbox.store.location().tags;
		const all = await listSearch.searchLocationTags.call(loadOptionsContext(sandbox));
		expect(all.results.map((r) => r.name)).toEqual([...tags.keys()].sort((a, b) => a.localeCompare(b)));
		const found = await listSearch.searchLocationTags.call(loadOptionsContext(sandbox), 'NEWS');
		expect(found.results).toEqual([{ name: 'newsletter', value: tags.get('newsletter')!.id }]);
		expect(sandbox.stats.byOperation['get-location-tags']).toBe(2);
	});

	it('searchCustomFields: contact and opportunity fields by name or key, shown with key and type', async () => {
		const fields = [...sandbox.store.location().customFields.values()];
		const all = await listSearch.searchCustomFields.call(loadOptionsContext(sandbox));
		expect(all.results).toHaveLength(fields.length);
		const byKey = await listSearch.searchCustomFields.call(loadOptionsContext(sandbox), 'opportunity.deal');
		const dealSource = fields.find((f) => f.fieldKey === 'opportunity.deal_source')!;
		expect(byKey.results).toContainEqual({ name: 'Deal Source (opportunity.deal_source · TEXT)', value: dealSource.id });
		expect(byKey.results.every((r) => r.name.includes('opportunity.deal'))).toBe(true);
	});

	it('searchCustomValues: by name or merge tag, shown with the merge tag', async () => {
		const values = [...recordsOf(sandbox.store.location(), CUSTOM_VALUES).values()];
		const found = await listSearch.searchCustomValues.call(loadOptionsContext(sandbox), 'booking');
		const booking = values.find((v) => v.name === 'Booking Link')!;
		expect(found.results).toEqual([{ name: 'Booking Link ({{ custom_values.booking_link }})', value: booking.id }]);
		const all = await listSearch.searchCustomValues.call(loadOptionsContext(sandbox));
		expect(all.results.map((r) => r.name)).toEqual([
			'Booking Link ({{ custom_values.booking_link }})',
			'Company Phone ({{ custom_values.company_phone }})',
		]);
	});
});
