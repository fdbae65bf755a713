import { SECOND_LOCATION_ID } from '../../sandbox/seed';
import { seedUsers } from '../../sandbox/users';
import { byId, operationCounts, operationsSince, useEngineSandbox } from './helpers';

/** Every operation of the User resource (users.json), through n8n-core and the sandbox. */
describe('User operations', () => {
	const { sandbox, proxy, run, last, lastBody, errorText } = useEngineSandbox();
	const companyId = () => sandbox.store.location().location.companyId;
	const users = (locationId = sandbox.locationId) => sandbox.store.location(locationId).users;

	it('Search with Return All: offset pages of 100 until `count`, with companyId and the location; only its users', async () => {
		seedUsers(sandbox.store, 230);
		const expected = users().length;
		expect(expected).toBe(233);
		const before = proxy.requests.length;
		const result = await run({ resource: 'user', operation: 'search', returnAll: true });
		expect(result.errors('HighLevel')).toEqual([]);
		const output = result.output('HighLevel');
		expect(output).toHaveLength(expected);
		expect(new Set(output.map((u) => u.id)).size).toBe(expected);
		expect(new Set(output.map((u) => String(u.id)))).toEqual(new Set(users().map((u) => u.id)));
		// The second location's users (same agency) are not listed.
		const others = users(SECOND_LOCATION_ID).map((u) => u.id);
		expect(output.filter((u) => others.includes(String(u.id)))).toEqual([]);
		const pages = proxy.requests.slice(before).filter((r) => r.path === '/users/search');
		expect(pages.map((r) => [r.query.skip, r.query.limit])).toEqual([
			[undefined, '100'],
			['100', '100'],
			['200', '100'],
		]);
		for (const page of pages) {
			expect(page.query).toMatchObject({ companyId: companyId(), locationId: sandbox.locationId });
		}
		// The deprecated GET /users/ is not used.
		expect(proxy.requests.filter((r) => r.path === '/users' || r.path === '/users/')).toEqual([]);
	});

	it('Search with Limit, text, filters and sort: sent as query parameters, one page of the limit', async () => {
		const result = await run({
			resource: 'user',
			operation: 'search',
			query: 'patel',
			limit: 5,
			filters: { role: 'user', type: 'account', ids: ` ${users()[1].id} , ${users()[0].id}` },
			sort: { sort: 'email', direction: 'desc' },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(last('GET', '/users/search').query).toEqual({
			companyId: companyId(),
			locationId: sandbox.locationId,
			query: 'patel',
			role: 'user',
			type: 'account',
			ids: `${users()[1].id},${users()[0].id}`,
			sort: 'email',
			sortDirection: 'desc',
			limit: '5',
		});
		expect(result.output('HighLevel').map((u) => u.name)).toEqual(['Sam Patel']);

		const limited = await run({ resource: 'user', operation: 'search', limit: 7 });
		expect(limited.output('HighLevel')).toHaveLength(7);
		expect(last('GET', '/users/search').query).toMatchObject({ limit: '7' });
	});

	it('Search: a User IDs filter that is not a list of IDs fails before any request', async () => {
		const before = operationCounts(sandbox);
		const result = await run({ resource: 'user', operation: 'search', limit: 5, filters: { ids: 'abc, not an id' } });
		expect(errorText(result)).toMatch(/Filters → User IDs.*"abc"/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('Create: the typed fields plus companyId and the location, permissions only as added; outputs the user', async () => {
		const result = await run({
			resource: 'user',
			operation: 'create',
			firstName: 'Dana',
			lastName: 'Reyes',
			email: 'Dana.Reyes@acme-plumbing.example.com',
			password: 'S3cret-pass!',
			type: 'account',
			role: 'admin',
			additionalFields: { phone: '+15125550199', platformLanguage: 'es', otherLocationIds: '', profilePhoto: '' },
			permissions: { campaignsEnabled: false, invoiceEnabled: true },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', '/users/')).toEqual({
			firstName: 'Dana',
			lastName: 'Reyes',
			email: 'Dana.Reyes@acme-plumbing.example.com',
			password: 'S3cret-pass!',
			type: 'account',
			role: 'admin',
			phone: '+15125550199',
			platformLanguage: 'es',
			permissions: { campaignsEnabled: false, invoiceEnabled: true },
			companyId: companyId(),
			locationIds: [sandbox.locationId],
		});
		const [user] = result.output('HighLevel');
		expect(user).toMatchObject({
			name: 'Dana Reyes',
			email: 'dana.reyes@acme-plumbing.example.com',
			roles: { type: 'account', role: 'admin', locationIds: [sandbox.locationId] },
			platformLanguage: 'es',
		});
		expect(user).not.toHaveProperty('traceId');
		expect(user).not.toHaveProperty('password');
		expect((user.permissions as Record<string, boolean>).campaignsEnabled).toBe(false);
		expect(users().some((u) => u.id === user.id)).toBe(true);
		expect(users(SECOND_LOCATION_ID).some((u) => u.id === user.id)).toBe(false);
	});

	it('Create with Other Location IDs: the user gets the node\'s location and those', async () => {
		const result = await run({
			resource: 'user',
			operation: 'create',
			firstName: 'Lee',
			lastName: 'Park',
			email: 'lee.park@example.com',
			password: 'S3cret-pass!',
			type: 'account',
			role: 'user',
			additionalFields: { otherLocationIds: `${SECOND_LOCATION_ID}, ${sandbox.locationId}` },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', '/users/').locationIds).toEqual([sandbox.locationId, SECOND_LOCATION_ID]);
		const id = String(result.output('HighLevel')[0].id);
		expect(users(SECOND_LOCATION_ID).some((u) => u.id === id)).toBe(true);
	});

	it('Create: a bad e-mail or location ID fails before any request, naming the field', async () => {
		const before = operationCounts(sandbox);
		const base = { resource: 'user', operation: 'create', firstName: 'A', lastName: 'B', password: 'x', type: 'account', role: 'user' };
		const badEmail = await run({ ...base, email: 'not-an-email' });
		expect(errorText(badEmail)).toMatch(/Email/);
		const badLocation = await run({ ...base, email: 'a.b@example.com', additionalFields: { otherLocationIds: 'x y' } });
		expect(errorText(badLocation)).toMatch(/Other Location IDs/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('Get, Update (only the fields set, locations replaced), Delete', async () => {
		const sam = users().find((u) => u.firstName === 'Sam')!;
		const got = await run({ resource: 'user', operation: 'get', userId: byId(sam.id) });
		expect(got.errors('HighLevel')).toEqual([]);
		expect(got.output('HighLevel')).toEqual([
			expect.objectContaining({ id: sam.id, name: 'Sam Patel', email: sam.email, permissions: expect.any(Object) }),
		]);
		expect(got.output('HighLevel')[0]).not.toHaveProperty('traceId');

		const updated = await run({
			resource: 'user',
			operation: 'update',
			userId: byId(sam.id),
			updateFields: { lastName: 'Patel-Shah', locationIds: `${sandbox.locationId},${SECOND_LOCATION_ID}`, phone: '' },
			permissions: { settingsEnabled: false },
		});
		expect(updated.errors('HighLevel')).toEqual([]);
		expect(lastBody('PUT', `/users/${sam.id}`)).toEqual({
			lastName: 'Patel-Shah',
			locationIds: [sandbox.locationId, SECOND_LOCATION_ID],
			permissions: { settingsEnabled: false },
		});
		expect(updated.output('HighLevel')[0]).toMatchObject({ id: sam.id, name: 'Sam Patel-Shah' });
		expect(users(SECOND_LOCATION_ID).find((u) => u.id === sam.id)?.permissions?.settingsEnabled).toBe(false);

		const before = operationCounts(sandbox);
		const nothing = await run({ resource: 'user', operation: 'update', userId: byId(sam.id), updateFields: { firstName: '' } });
		expect(errorText(nothing)).toMatch(/Nothing to update/);
		expect(operationsSince(sandbox, before)).toEqual({});

		const deleted = await run({ resource: 'user', operation: 'delete', userId: byId(sam.id) });
		expect(deleted.errors('HighLevel')).toEqual([]);
		expect(deleted.output('HighLevel')).toEqual([
			{ id: sam.id, deleted: true, message: expect.stringContaining('Queued deleting user') },
		]);
		expect(last('DELETE', `/users/${sam.id}`).status).toBe(200);
		expect(users().some((u) => u.id === sam.id)).toBe(false);
		expect(users(SECOND_LOCATION_ID).some((u) => u.id === sam.id)).toBe(false);

		const gone = await run({ resource: 'user', operation: 'get', userId: byId(sam.id) });
		expect(errorText(gone)).toMatch(/not found/i);
	});
});
