import { COMPANY_ID } from '../../sandbox';
import { AGENCY_LOCATIONS, SANDBOX_TIME_ZONES, TEMPLATES } from '../../sandbox/locationRecords';
import { recordsOf } from '../../sandbox/records';
import { useEngineSandbox } from './helpers';

/** Every operation of the Location resource (locations.json), through n8n-core and the sandbox. */
describe('Location operations', () => {
	const { sandbox, proxy, run, last, errorText } = useEngineSandbox();

	it('Get: reads the credential\'s location, outputs it', async () => {
		const result = await run({ resource: 'location', operation: 'get' });
		expect(result.errors('HighLevel')).toEqual([]);
		expect(last()).toMatchObject({ method: 'GET', path: `/locations/${sandbox.locationId}`, status: 200 });
		expect(result.output('HighLevel')).toEqual([
			expect.objectContaining({ id: sandbox.locationId, companyId: COMPANY_ID, name: 'Acme Plumbing (sandbox)' }),
		]);
	});

	it('Search: asks with the agency id of the location, filters by e-mail, Limit sends one page', async () => {
		const byEmail = await run({
			resource: 'location',
			operation: 'search',
			returnAll: true,
			filters: { email: 'owner@northwind-bakery.example.com', order: 'desc' },
		});
		expect(byEmail.errors('HighLevel')).toEqual([]);
		expect(byEmail.output('HighLevel')).toEqual([
			expect.objectContaining({ id: sandbox.secondLocationId, name: 'Northwind Bakery (sandbox)' }),
		]);
		expect(last('GET', '/locations/search').query).toMatchObject({
			companyId: COMPANY_ID,
			email: 'owner@northwind-bakery.example.com',
			order: 'desc',
		});

		const before = proxy.to('GET', '/locations/search').length;
		const limited = await run({ resource: 'location', operation: 'search', limit: 2 });
		const names = limited.output('HighLevel').map((l) => l.name);
		expect(names).toEqual(['Acme Plumbing (sandbox)', AGENCY_LOCATIONS[0][1]]);
		const pages = proxy.to('GET', '/locations/search').slice(before);
		expect(pages.map((p) => p.query)).toEqual([{ companyId: COMPANY_ID, limit: '2' }]);
	});

	it('Search with Return All reads every page (skip/limit offset paging: 2 full pages, a short one, an empty one)', async () => {
		const data = sandbox.store.location();
		for (let i = 0; i < 245; i++) {
			sandbox.store.addLocation({
				...data.location,
				id: `AgencyLoc${String(i).padStart(11, '0')}`,
				name: `Franchise ${String(i).padStart(3, '0')}`,
				email: `franchise${i}@example.com`,
			});
		}
		const total = [...sandbox.store.locations.values()].filter((d) => d.location.companyId === COMPANY_ID).length;
		expect(total).toBe(250);
		const before = proxy.to('GET', '/locations/search').length;
		const result = await run({ resource: 'location', operation: 'search', returnAll: true });
		expect(result.errors('HighLevel')).toEqual([]);
		const output = result.output('HighLevel');
		expect(output).toHaveLength(250);
		expect(new Set(output.map((l) => l.id)).size).toBe(250);
		const pages = proxy.to('GET', '/locations/search').slice(before);
		expect(pages.map((p) => [p.query.skip, p.query.limit, p.query.companyId])).toEqual([
			[undefined, '100', COMPANY_ID],
			['100', '100', COMPANY_ID],
			['200', '100', COMPANY_ID],
			['250', '100', COMPANY_ID],
		]);
	});

	it('Get Timezones: one item per time zone', async () => {
		const result = await run({ resource: 'location', operation: 'getTimezones' });
		expect(result.errors('HighLevel')).toEqual([]);
		expect(last()).toMatchObject({ path: `/locations/${sandbox.locationId}/timezones`, status: 200 });
		expect(result.output('HighLevel')).toEqual(SANDBOX_TIME_ZONES.map((timeZone) => ({ timeZone })));
	});

	it('Get Templates: originId defaults to the location, type filter, Return All over offset pages until totalCount, Origin ID option', async () => {
		const templates = recordsOf(sandbox.store.location(), TEMPLATES);
		for (let i = 0; i < 120; i++) {
			const id = `smsTemplate${String(i).padStart(9, '0')}`;
			templates.set(id, {
				id,
				name: `Reminder ${i}`,
				type: 'sms',
				template: { body: `Reminder ${i}`, attachments: [] },
				dateAdded: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
				locationId: sandbox.locationId,
			});
		}
		const before = proxy.to('GET', `/locations/${sandbox.locationId}/templates`).length;
		const sms = await run({ resource: 'location', operation: 'getTemplates', type: 'sms', returnAll: true });
		expect(sms.errors('HighLevel')).toEqual([]);
		expect(sms.output('HighLevel')).toHaveLength(121);
		expect(sms.output('HighLevel').every((t) => t.type === 'sms')).toBe(true);
		const pages = proxy.to('GET', `/locations/${sandbox.locationId}/templates`).slice(before);
		expect(pages.map((p) => [p.query.originId, p.query.type, p.query.skip, p.query.limit])).toEqual([
			[sandbox.locationId, 'sms', undefined, '100'],
			[sandbox.locationId, 'sms', '100', '100'],
		]);

		const email = await run({
			resource: 'location',
			operation: 'getTemplates',
			type: 'email',
			limit: 5,
			options: { originId: 'originAbc123', deleted: false },
		});
		expect(email.output('HighLevel')).toEqual([expect.objectContaining({ name: 'Welcome e-mail', type: 'email' })]);
		expect(last('GET', `/locations/${sandbox.locationId}/templates`).query).toEqual({
			originId: 'originAbc123',
			type: 'email',
			deleted: 'false',
			limit: '5',
		});
		expect(errorText(email)).toBe('');
	});
});
