import { timeZoneItems } from '../../../../nodes/GoHighLevel/resources/location/getTimezones';

/** get-timezones declares no response schema (locations.json): the output reads whatever list the answer holds. */
describe('Location → Get Timezones output', () => {
	it('one item per entry of the first array in the answer; texts become { timeZone }', () => {
		expect(timeZoneItems({ timeZones: ['UTC', 'Europe/Berlin'], traceId: 't' })).toEqual([
			{ timeZone: 'UTC' },
			{ timeZone: 'Europe/Berlin' },
		]);
		expect(timeZoneItems({ traceId: 't', timezones: [{ name: 'UTC', offset: '+00:00' }] })).toEqual([
			{ name: 'UTC', offset: '+00:00' },
		]);
	});

	it('an answer that is a list itself, or holds no list, still gives items', () => {
		expect(timeZoneItems(['America/Chicago'] as never)).toEqual([{ timeZone: 'America/Chicago' }]);
		expect(timeZoneItems({ message: 'odd' })).toEqual([{ message: 'odd' }]);
	});
});
