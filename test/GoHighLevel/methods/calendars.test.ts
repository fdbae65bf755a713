import { loadOptions } from '../../../nodes/GoHighLevel/methods/loadOptions';
import { activityOf, defaultCalendarGroupId, defaultCalendarId } from '../../sandbox/activity';
import { loadOptionsContext, useMethodsSandbox } from './helpers';

describe('calendar and calendar group dropdowns', () => {
	const sandbox = useMethodsSandbox();

	it('getCalendars: every calendar of the location by name (Version 2021-04-15), drafts marked', async () => {
		activityOf(sandbox.store.location()).calendars.set('cal-draft-0001', {
			id: 'cal-draft-0001',
			locationId: sandbox.locationId,
			name: 'Audit Calls',
			isActive: false,
			calendarType: 'event',
		});
		const options = await loadOptions.getCalendars.call(loadOptionsContext(sandbox));
		expect(options).toEqual([
			{ name: 'Audit Calls', value: 'cal-draft-0001', description: 'Draft (inactive)' },
			{ name: 'Sales Calls', value: defaultCalendarId(sandbox.locationId) },
		]);
		expect(sandbox.stats.byOperation['get-calendars']).toBe(1);
	});

	it('getCalendarGroups: the groups of the location by name', async () => {
		const options = await loadOptions.getCalendarGroups.call(loadOptionsContext(sandbox));
		expect(options).toEqual([{ name: 'Sales Team', value: defaultCalendarGroupId(sandbox.locationId) }]);
		expect(sandbox.stats.byOperation['get-groups']).toBe(1);
	});
});
