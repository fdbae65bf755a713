import { AGENCY_LOCATIONS, CUSTOM_VALUES } from './locationRecords';
import { recordsOf } from './records';
import { COMPANY_ID } from './seed';
import { startSandbox, type Sandbox } from './index';
import { call } from './testClient';

describe('sandbox: location search, time zones, templates, custom values, tags, fields by object key', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: false });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());
	afterEach(() => expect(sandbox.stats.invalidRequests).toEqual([]));

	it('search-locations: the agency\'s locations by name, paged by skip/limit, filtered by e-mail; another agency is 403', async () => {
		const all = await call(sandbox, 'GET', `/locations/search?companyId=${COMPANY_ID}&limit=100`);
		expect(all.status).toBe(200);
		const names = all.body.locations.map((l: { name: string }) => l.name);
		expect(names).toHaveLength(2 + AGENCY_LOCATIONS.length);
		expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
		const page = await call(sandbox, 'GET', `/locations/search?companyId=${COMPANY_ID}&skip=1&limit=2&order=desc`);
		expect(page.body.locations.map((l: { name: string }) => l.name)).toEqual([...names].reverse().slice(1, 3));
		const byEmail = await call(sandbox, 'GET', '/locations/search?email=OWNER@acme-plumbing.example.com');
		expect(byEmail.body.locations.map((l: { id: string }) => l.id)).toEqual([sandbox.locationId]);
		expect((await call(sandbox, 'GET', '/locations/search?companyId=otherAgency123')).status).toBe(403);
	});

	it('tags: update renames (lower-cased), a taken name is 400, delete removes', async () => {
		const tag = sandbox.store.location().tags.get('lead')!;
		const path = `/locations/${sandbox.locationId}/tags/${tag.id}`;
		const renamed = await call(sandbox, 'PUT', path, { body: { name: 'Hot Lead' } });
		expect(renamed.body.tag).toEqual({ id: tag.id, name: 'hot lead', locationId: sandbox.locationId });
		expect(sandbox.store.location().tags.has('lead')).toBe(false);
		expect((await call(sandbox, 'PUT', path, { body: { name: 'vip' } })).status).toBe(400);
		expect((await call(sandbox, 'DELETE', path)).body).toMatchObject({ succeded: true });
		expect((await call(sandbox, 'GET', path)).status).toBe(404);
	});

	it('custom fields: options become picklistOptions, update and delete; custom-fields.json twins answer 501', async () => {
		const base = `/locations/${sandbox.locationId}/customFields`;
		const created = await call(sandbox, 'POST', base, {
			body: { name: 'Shirt Size', dataType: 'SINGLE_OPTIONS', options: ['S', 'M'], model: 'contact' },
		});
		expect(created.status).toBe(201);
		expect(created.body.customField).toMatchObject({ fieldKey: 'contact.shirt_size', picklistOptions: ['S', 'M'] });
		const id = created.body.customField.id;
		const updated = await call(sandbox, 'PUT', `${base}/${id}`, { body: { name: 'T-Shirt Size', options: ['S', 'M', 'L'] } });
		expect(updated.body.customField).toMatchObject({ name: 'T-Shirt Size', fieldKey: 'contact.shirt_size', picklistOptions: ['S', 'M', 'L'] });
		expect((await call(sandbox, 'DELETE', `${base}/${id}`)).body).toMatchObject({ succeded: true });
		expect(sandbox.store.location().customFields.has(id)).toBe(false);
		expect((await call(sandbox, 'DELETE', `/custom-fields/${id}`)).status).toBe(501);
	});

	it('custom values: create derives the merge tag, list by name', async () => {
		const base = `/locations/${sandbox.locationId}/customValues`;
		const created = await call(sandbox, 'POST', base, { body: { name: 'Office Hours', value: '9-5' } });
		expect(created.status).toBe(201);
		expect(created.body.customValue).toMatchObject({ name: 'Office Hours', value: '9-5', fieldKey: '{{ custom_values.office_hours }}' });
		expect(recordsOf(sandbox.store.location(), CUSTOM_VALUES).has(created.body.customValue.id)).toBe(true);
		const list = await call(sandbox, 'GET', base);
		expect(list.body.customValues.map((v: { name: string }) => v.name)).toEqual(['Booking Link', 'Company Phone', 'Office Hours']);
	});

	it('time zones, templates by type with totalCount, fields by object key', async () => {
		const zones = await call(sandbox, 'GET', `/locations/${sandbox.locationId}/timezones`);
		expect(zones.body.timeZones).toContain('America/Chicago');
		const sms = await call(sandbox, 'GET', `/locations/${sandbox.locationId}/templates?originId=${sandbox.locationId}&type=sms`);
		expect(sms.body).toMatchObject({ totalCount: 1, templates: [{ type: 'sms', name: 'Appointment reminder' }] });
		const noOrigin = await call(sandbox, 'GET', `/locations/${sandbox.locationId}/templates`);
		expect(noOrigin.status).toBe(422);
		sandbox.stats.invalidRequests.length = 0;
		const pets = await call(sandbox, 'GET', `/custom-fields/object-key/custom_objects.pets?locationId=${sandbox.locationId}`);
		expect(pets.body.fields.map((f: { fieldKey: string }) => f.fieldKey)).toContain('custom_objects.pets.species');
		expect(pets.body.folders).toEqual([]);
		const business = await call(sandbox, 'GET', `/custom-fields/object-key/business?locationId=${sandbox.locationId}`);
		expect(business.status).toBe(200);
		expect((await call(sandbox, 'GET', `/custom-fields/object-key/contact?locationId=${sandbox.locationId}`)).status).toBe(404);
	});
});
