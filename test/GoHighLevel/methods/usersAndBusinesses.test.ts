import { listSearch } from '../../../nodes/GoHighLevel/methods/listSearch';
import { loadOptions } from '../../../nodes/GoHighLevel/methods/loadOptions';
import { BUSINESSES } from '../../sandbox/businesses';
import { recordsOf } from '../../sandbox/records';
import { SECOND_LOCATION_ID } from '../../sandbox/seed';
import { seedUsers } from '../../sandbox/users';
import { loadOptionsContext, useMethodsSandbox } from './helpers';

describe('user dropdowns (users.json search-users) and the business list', () => {
	const sandbox = useMethodsSandbox();
	const users = () => sandbox.store.location().users;

	it('searchUsers: the typed text goes to HighLevel as `query`; pages of 50 follow the pagination token', async () => {
		const before = { ...sandbox.stats.byOperation };
		const sam = await listSearch.searchUsers.call(loadOptionsContext(sandbox), 'patel');
		expect(sam).toEqual({ results: [{ name: `Sam Patel (${users()[1].email})`, value: users()[1].id }] });
		expect((sandbox.stats.byOperation['search-users'] ?? 0) - (before['search-users'] ?? 0)).toBe(1);
		expect(sandbox.stats.byOperation['get-user-by-location'] ?? 0).toBe(0);

		seedUsers(sandbox.store, 120);
		const total = users().length;
		const seen: string[] = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const page = await listSearch.searchUsers.call(loadOptionsContext(sandbox), '', token);
			expect(page.results.length).toBeLessThanOrEqual(50);
			seen.push(...page.results.map((r) => String(r.value)));
			token = page.paginationToken as string | undefined;
			pages++;
		} while (token);
		expect(pages).toBe(Math.ceil(total / 50));
		expect(new Set(seen)).toEqual(new Set(users().map((u) => u.id)));
		expect(seen).toHaveLength(total);
	});

	it('getLocationUsers: every user of the location over pages of 100, none of the other location', async () => {
		const before = sandbox.stats.byOperation['search-users'] ?? 0;
		const options = await loadOptions.getLocationUsers.call(loadOptionsContext(sandbox));
		expect(options.map((o) => o.value).sort()).toEqual(users().map((u) => u.id).sort());
		expect((sandbox.stats.byOperation['search-users'] ?? 0) - before).toBe(Math.ceil(users().length / 100));
		const others = sandbox.store.location(SECOND_LOCATION_ID).users.map((u) => u.id);
		expect(options.filter((o) => others.includes(String(o.value)))).toEqual([]);
	});

	it('searchBusinesses: the location\'s businesses by name, filtered by the typed text', async () => {
		const stored = recordsOf(sandbox.store.location(), BUSINESSES);
		for (const [id, name, city] of [
			['bizAAAAAAAAAAAAAAAAA', 'Northwind Traders', 'Seattle'],
			['bizBBBBBBBBBBBBBBBBB', 'Contoso', 'Austin'],
		]) {
			stored.set(id, { id, name, city, locationId: sandbox.locationId, createdAt: '2025-01-01T00:00:00.000Z' });
		}
		const all = await listSearch.searchBusinesses.call(loadOptionsContext(sandbox));
		expect(all.results).toEqual([
			{ name: 'Contoso (Austin)', value: 'bizBBBBBBBBBBBBBBBBB' },
			{ name: 'Northwind Traders (Seattle)', value: 'bizAAAAAAAAAAAAAAAAA' },
		]);
		const found = await listSearch.searchBusinesses.call(loadOptionsContext(sandbox), 'seattle');
		expect(found.results.map((r) => r.value)).toEqual(['bizAAAAAAAAAAAAAAAAA']);
	});
});
