import { startSandbox, type Sandbox } from './index';
import { BUSINESSES } from './businesses';
import { recordsOf } from './records';
import { COMPANY_ID, SECOND_LOCATION_ID } from './seed';
import { call } from './testClient';

describe('sandbox users and businesses', () => {
	let sandbox: Sandbox;
	let loc: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: false });
		loc = sandbox.locationId;
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const newUser = (extra: Record<string, unknown> = {}) => ({
		companyId: COMPANY_ID,
		firstName: 'Kim',
		lastName: 'Ito',
		email: 'Kim.Ito@example.com',
		password: 'secret',
		type: 'account',
		role: 'user',
		locationIds: [loc],
		...extra,
	});

	it('seeded users carry the permissions of users.json PermissionsDto at their defaults', () => {
		const [user] = sandbox.store.location().users;
		expect(user.permissions).toMatchObject({ campaignsEnabled: true, campaignsReadOnly: false, websitesEnabled: false });
		expect(Object.keys(user.permissions ?? {})).toHaveLength(38);
	});

	it('search-users: only the agency given by the token, the location filter, skip/limit and count', async () => {
		const all = await call(sandbox, 'GET', `/users/search?companyId=${COMPANY_ID}`);
		expect(all.status).toBe(200);
		const everyone = [...sandbox.store.location().users, ...sandbox.store.location(SECOND_LOCATION_ID).users];
		expect(all.body.count).toBe(everyone.length);
		const mine = await call(sandbox, 'GET', `/users/search?companyId=${COMPANY_ID}&locationId=${loc}&skip=1&limit=1`);
		expect(mine.body.count).toBe(sandbox.store.location().users.length);
		expect(mine.body.users).toHaveLength(1);
		const other = await call(sandbox, 'GET', '/users/search?companyId=someOtherAgency01');
		expect(other.status).toBe(403);
		const byPhone = await call(sandbox, 'GET', `/users/search?companyId=${COMPANY_ID}&query=${encodeURIComponent(everyone[1].phone)}`);
		expect(byPhone.body.users.map((u: { id: string }) => u.id)).toEqual([everyone[1].id]);
		expect((await call(sandbox, 'GET', '/users/search')).status).toBe(422);
		expect(sandbox.stats.invalidRequests.map((r) => r.operationId)).toEqual(['search-users']);
	});

	it('create-user places the user in each of its locations; update moves it; delete removes it everywhere', async () => {
		const created = await call(sandbox, 'POST', '/users/', { body: newUser({ locationIds: [loc, SECOND_LOCATION_ID] }) });
		expect(created.status).toBe(201);
		expect(created.body).not.toHaveProperty('password');
		const id = created.body.id as string;
		expect(sandbox.store.location(SECOND_LOCATION_ID).users.some((u) => u.id === id)).toBe(true);

		const moved = await call(sandbox, 'PUT', `/users/${id}`, { body: { locationIds: [SECOND_LOCATION_ID], role: 'admin' } });
		expect(moved.status).toBe(200);
		expect(sandbox.store.location().users.some((u) => u.id === id)).toBe(false);
		expect(sandbox.store.location(SECOND_LOCATION_ID).users.find((u) => u.id === id)?.roles.role).toBe('admin');

		expect((await call(sandbox, 'DELETE', `/users/${id}`)).body).toMatchObject({ succeded: true });
		expect((await call(sandbox, 'GET', `/users/${id}`)).status).toBe(404);
	});

	it('create-user refuses another agency (403), a location of no agency (400) and unknown properties (422)', async () => {
		expect((await call(sandbox, 'POST', '/users/', { body: newUser({ companyId: 'someOtherAgency01' }) })).status).toBe(403);
		expect((await call(sandbox, 'POST', '/users/', { body: newUser({ locationIds: ['noSuchLocation01'] }) })).status).toBe(400);
		expect((await call(sandbox, 'POST', '/users/', { body: newUser({ nickname: 'K' }) })).status).toBe(422);
	});

	it('businesses: create answers `buiseness` (sic) with success, get `business`; contacts join and leave', async () => {
		const created = await call(sandbox, 'POST', '/businesses/', { body: { name: 'Contoso', locationId: loc } });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ success: true, buiseness: { name: 'Contoso', locationId: loc } });
		const id = created.body.buiseness.id as string;
		expect((await call(sandbox, 'GET', `/businesses/${id}`)).body.business).toMatchObject({ id, name: 'Contoso' });

		const [contactId] = sandbox.store.location().contacts.keys();
		const join = await call(sandbox, 'POST', '/contacts/bulk/business', { body: { locationId: loc, ids: [contactId], businessId: id } });
		expect(join.body).toMatchObject({ success: true, ids: [contactId] });
		expect((await call(sandbox, 'GET', `/contacts/${contactId}`)).body.contact.businessId).toBe(id);
		const members = await call(sandbox, 'GET', `/contacts/business/${id}?locationId=${loc}`);
		expect(members.body).toMatchObject({ count: 1, contacts: [{ id: contactId, businessId: id }] });

		const unknown = await call(sandbox, 'POST', '/contacts/bulk/business', { body: { locationId: loc, ids: ['noSuchContact01'], businessId: id } });
		expect(unknown.status).toBe(422);
		const leave = await call(sandbox, 'POST', '/contacts/bulk/business', { body: { locationId: loc, ids: [contactId], businessId: null } });
		expect(leave.status).toBe(200);
		expect(sandbox.store.location().contacts.get(contactId)?.businessId).toBeUndefined();

		const foreign = sandbox.store.ids.id();
		recordsOf(sandbox.store.location(SECOND_LOCATION_ID), BUSINESSES).set(foreign, { id: foreign, name: 'Far', locationId: SECOND_LOCATION_ID });
		expect((await call(sandbox, 'GET', `/businesses/${foreign}`)).status).toBe(403);
		expect((await call(sandbox, 'DELETE', `/businesses/${id}`)).body).toMatchObject({ success: true });
		expect((await call(sandbox, 'GET', `/businesses/${id}`)).status).toBe(404);
	});
});
