import { startSandbox, type ContactRecord, type Sandbox } from './index';
import { call } from './testClient';

describe('sandbox contacts', () => {
	let sandbox: Sandbox;
	let loc: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: false });
		loc = sandbox.locationId;
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const field = (key: string) => {
		const f = [...sandbox.store.location().customFields.values()].find((x) => x.fieldKey === key);
		if (!f) throw new Error(key);
		return f;
	};

	describe('create / read / update / delete', () => {
		it('creates a contact with normalised email, phone and tags and stores custom field values by id', async () => {
			const score = field('contact.lead_score');
			const colour = field('contact.favourite_colour');
			const interests = field('contact.interests');
			const res = await call(sandbox, 'POST', '/contacts/', {
				body: {
					locationId: loc,
					name: 'Hedy Lamarr',
					email: ' Hedy@Example.COM ',
					phone: '(415) 555-0199',
					tags: ['Inventor', 'inventor', ' VIP '],
					source: 'public api',
					customFields: [
						{ id: score.id, field_value: 77 },
						{ id: colour.id, key: 'favourite_colour', field_value: 'green' },
						{ id: interests.id, field_value: ['Tech', 'Music'] },
					],
				},
			});
			expect(res.status).toBe(201);
			const c = res.body.contact;
			expect(c).toMatchObject({
				locationId: loc,
				firstName: 'Hedy',
				lastName: 'Lamarr',
				contactName: 'Hedy Lamarr',
				firstNameLowerCase: 'hedy',
				lastNameLowerCase: 'lamarr',
				email: 'hedy@example.com',
				phone: '+14155550199',
				tags: ['inventor', 'vip'],
				dnd: false,
			});
			expect(c.id).toMatch(/^[A-Za-z0-9]{20}$/);
			expect(c.dateAdded).toBe(c.dateUpdated);
			expect(c.customFields).toEqual(
				expect.arrayContaining([
					{ id: score.id, value: 77 },
					{ id: colour.id, value: 'Green' },
					{ id: interests.id, value: ['Tech', 'Music'] },
				]),
			);
			expect(sandbox.store.location().contacts.get(c.id)?.customFields[score.id]).toBe(77);
			expect(sandbox.store.location().tags.has('inventor')).toBe(true);
			expect(sandbox.stats.creates.contact).toBe(1);
			const got = await call(sandbox, 'GET', `/contacts/${c.id}`);
			expect(got.body.contact).toEqual(c);
		});

		it('refuses a duplicate email or phone in the same location, but not in another one', async () => {
			const dup = await call(sandbox, 'POST', '/contacts/', {
				body: { locationId: loc, firstName: 'Again', email: 'ADA@example.com' },
			});
			const ada = [...sandbox.store.location().contacts.values()].find(
				(c) => c.email === 'ada@example.com',
			) as ContactRecord;
			expect(dup).toMatchObject({
				status: 400,
				body: {
					statusCode: 400,
					message: 'This location does not allow duplicated contacts.',
					meta: { contactId: ada.id, matchingField: 'email' },
				},
			});
			const byPhone = await call(sandbox, 'POST', '/contacts/', {
				body: { locationId: loc, firstName: 'Again', phone: '+1 415 555 0101' },
			});
			expect(byPhone.body.meta).toMatchObject({ contactId: ada.id, matchingField: 'phone' });
			// the second location has its own Ada with the same email (seeded): scoping
			expect(
				sandbox.store.location(sandbox.secondLocationId).findContactByEmail('ada@example.com'),
			).toBeDefined();
		});

		it('answers 422 naming unknown custom fields and wrongly typed values', async () => {
			const res = await call(sandbox, 'POST', '/contacts/', {
				body: {
					locationId: loc,
					firstName: 'Bad',
					customFields: [
						{ id: 'noSuchField000000000', field_value: 'x' },
						{ id: field('contact.lead_score').id, field_value: 'lots' },
						{ id: field('contact.favourite_colour').id, field_value: 'Purple' },
						{ id: field('opportunity.deal_source').id, field_value: 'x' },
					],
				},
			});
			expect(res.status).toBe(422);
			expect(res.body.message).toEqual([
				'customFields.0.id: custom field noSuchField000000000 does not exist in this location',
				'customFields.1.field_value: Lead Score (NUMERICAL) must be a number',
				'customFields.2.field_value: Favourite Colour must be one of: Red, Green, Blue, Yellow',
				`customFields.3: custom field ${field('opportunity.deal_source').id} belongs to model opportunity, not contact`,
			]);
			expect(sandbox.stats.invalidRequests).toHaveLength(1);
			expect(sandbox.stats.creates.contact).toBe(0);
		});

		it('rejects an invalid email and an assignedTo that is not a user of the location', async () => {
			const res = await call(sandbox, 'POST', '/contacts/', {
				body: { locationId: loc, email: 'not-an-email', assignedTo: 'someoneElse' },
			});
			expect(res.status).toBe(422);
			expect(res.body.message).toEqual([
				'email must be an email',
				'assignedTo must be the id of a user of this location',
			]);
		});

		it('updates (succeded + contact), replaces tags, merges custom fields and clears with null', async () => {
			const ada = [...sandbox.store.location().contacts.values()].find(
				(c) => c.email === 'ada@example.com',
			) as ContactRecord;
			const score = field('contact.lead_score');
			const colour = field('contact.favourite_colour');
			const res = await call(sandbox, 'PUT', `/contacts/${ada.id}`, {
				body: {
					companyName: 'Babbage & Co',
					city: null,
					tags: ['Alumni'],
					customFields: [
						{ id: score.id, field_value: '95' },
						{ id: colour.id, field_value: '' },
					],
				},
			});
			expect(res.status).toBe(200);
			expect(res.body.succeded).toBe(true);
			expect(res.body.contact).toMatchObject({ companyName: 'Babbage & Co', tags: ['alumni'] });
			expect(res.body.contact.city).toBeUndefined();
			const stored = sandbox.store.location().contacts.get(ada.id) as ContactRecord;
			expect(stored.customFields[score.id]).toBe(95);
			expect(stored.customFields[colour.id]).toBeUndefined();
			expect(Object.keys(stored.customFields)).toContain(field('contact.interests').id);
			expect(Date.parse(stored.dateUpdated)).toBeGreaterThan(Date.parse(stored.dateAdded));
		});

		it('adds and removes tags, answering the contact tags afterwards', async () => {
			const ada = [...sandbox.store.location().contacts.values()].find(
				(c) => c.email === 'ada@example.com',
			) as ContactRecord;
			const add = await call(sandbox, 'POST', `/contacts/${ada.id}/tags`, {
				body: { tags: ['New-Tag', 'vip'] },
			});
			expect(add).toMatchObject({ status: 201, body: { tags: ['customer', 'vip', 'new-tag'] } });
			const remove = await call(sandbox, 'DELETE', `/contacts/${ada.id}/tags`, {
				body: { tags: ['VIP', 'absent'] },
			});
			expect(remove).toMatchObject({ status: 200, body: { tags: ['customer', 'new-tag'] } });
		});

		it('deletes a contact (succeded) and its opportunities', async () => {
			const ada = [...sandbox.store.location().contacts.values()].find(
				(c) => c.email === 'ada@example.com',
			) as ContactRecord;
			const res = await call(sandbox, 'DELETE', `/contacts/${ada.id}`);
			expect(res.body).toMatchObject({ succeded: true });
			expect((await call(sandbox, 'GET', `/contacts/${ada.id}`)).status).toBe(404);
			expect(
				[...sandbox.store.location().opportunities.values()].some((o) => o.contactId === ada.id),
			).toBe(false);
			const again = await call(sandbox, 'POST', '/contacts/', {
				body: { locationId: loc, email: 'ada@example.com' },
			});
			expect(again.status).toBe(201);
		});

		it('upserts: matches by email, then phone, else creates', async () => {
			const byEmail = await call(sandbox, 'POST', '/contacts/upsert', {
				body: { locationId: loc, email: 'grace@example.com', lastName: 'Hopper-Murray' },
			});
			expect(byEmail.body).toMatchObject({
				new: false,
				contact: { firstName: 'Grace', lastName: 'Hopper-Murray' },
			});
			expect(typeof byEmail.body.traceId).toBe('string');
			const byPhone = await call(sandbox, 'POST', '/contacts/upsert', {
				body: { locationId: loc, phone: '+14155550103', companyName: 'Bletchley' },
			});
			expect(byPhone.body).toMatchObject({
				new: false,
				contact: { firstName: 'Alan', companyName: 'Bletchley' },
			});
			const created = await call(sandbox, 'POST', '/contacts/upsert', {
				body: { locationId: loc, email: 'new@example.com', firstName: 'New' },
			});
			expect(created.body.new).toBe(true);
			expect(sandbox.stats.creates.contact).toBe(1);
		});

		it('finds duplicates by email or number', async () => {
			const byEmail = await call(
				sandbox,
				'GET',
				`/contacts/search/duplicate?locationId=${loc}&email=${encodeURIComponent('Grace@example.com')}`,
			);
			expect(byEmail.body.contact.firstName).toBe('Grace');
			const byNumber = await call(
				sandbox,
				'GET',
				`/contacts/search/duplicate?locationId=${loc}&number=${encodeURIComponent('+14155550103')}`,
			);
			expect(byNumber.body.contact.firstName).toBe('Alan');
			const none = await call(
				sandbox,
				'GET',
				`/contacts/search/duplicate?locationId=${loc}&email=nobody%40example.com`,
			);
			expect(none.body.contact).toBeNull();
		});
	});

	describe('POST /contacts/search', () => {
		const search = (body: Record<string, unknown>) =>
			call(sandbox, 'POST', '/contacts/search', { body: { locationId: loc, ...body } });

		it('paginates with searchAfter across pages, with a filter, returning every match once and the total', async () => {
			sandbox.seedContacts(230, { tags: ['imported'] });
			const expected = [...sandbox.store.location().contacts.values()].filter(
				(c) => c.tags.includes('imported') && c.tags.includes('vip'),
			);
			const filters = [
				{ field: 'tags', operator: 'eq', value: 'imported' },
				{ field: 'tags', operator: 'eq', value: 'vip' },
			];
			const seen: string[] = [];
			let searchAfter: unknown[] | undefined;
			let pages = 0;
			for (;;) {
				const res = await search({
					pageLimit: 10,
					filters,
					...(searchAfter ? { searchAfter } : {}),
				});
				expect(res.status).toBe(200);
				expect(res.body.total).toBe(expected.length);
				pages++;
				seen.push(...res.body.contacts.map((c: { id: string }) => c.id));
				if (res.body.contacts.length < 10) break;
				searchAfter = res.body.contacts[res.body.contacts.length - 1].searchAfter;
			}
			expect(expected.length).toBe(46);
			expect(pages).toBe(5);
			expect(new Set(seen).size).toBe(seen.length);
			expect(seen.sort()).toEqual(expected.map((c) => c.id).sort());
		});

		it('orders by dateAdded desc by default and gives each record its [sortValue, id] cursor', async () => {
			const res = await search({ pageLimit: 3 });
			const dates = res.body.contacts.map((c: { dateAdded: string }) => Date.parse(c.dateAdded));
			expect(dates).toEqual([...dates].sort((a, b) => b - a));
			expect(res.body.contacts[0].searchAfter).toEqual([dates[0], res.body.contacts[0].id]);
			expect(res.body.total).toBe(6);
		});

		it('pages with page + pageLimit and refuses to go past 10,000 records', async () => {
			const p2 = await search({ page: 2, pageLimit: 4 });
			expect(p2.body.contacts).toHaveLength(2);
			const deep = await search({ page: 21, pageLimit: 500 });
			expect(deep.status).toBe(422);
			expect((await search({ page: 20, pageLimit: 500 })).status).toBe(200);
		});

		it('refuses page with searchAfter, pageLimit over 500, a missing pageLimit, unknown fields and operators', async () => {
			expect((await search({ page: 1, pageLimit: 5, searchAfter: [1, 'x'] })).status).toBe(422);
			const big = await search({ pageLimit: 501 });
			expect(big.body.message).toEqual(['pageLimit must not be greater than 500']);
			expect((await search({})).body.message).toEqual(['pageLimit should not be empty']);
			const bad = await search({
				pageLimit: 5,
				filters: [
					{ field: 'shoeSize', operator: 'eq', value: 1 },
					{ field: 'email', operator: 'like', value: 'x' },
				],
			});
			expect(bad.status).toBe(422);
			expect(bad.body.message).toHaveLength(2);
			expect(sandbox.stats.invalidRequests).toHaveLength(4);
		});

		it('supports range on dates, OR groups, exists, contains, custom fields and name sorting', async () => {
			const range = await search({
				pageLimit: 50,
				filters: [
					{
						field: 'dateAdded',
						operator: 'range',
						value: { gte: '2025-01-13T00:00:00.000Z', lt: '2025-02-17T00:00:00.000Z' },
					},
				],
			});
			expect(names(range.body.contacts).sort()).toEqual(['Alan', 'Grace', 'Katherine']);

			const or = await search({
				pageLimit: 50,
				filters: [
					{
						group: 'OR',
						filters: [
							{ field: 'tags', operator: 'eq', value: 'partner' },
							{ field: 'email', operator: 'eq', value: 'ADA@example.com' },
						],
					},
				],
			});
			expect(names(or.body.contacts).sort()).toEqual(['Ada', 'Linus']);

			const noPhone = await search({
				pageLimit: 50,
				filters: [{ field: 'phone', operator: 'not_exists' }],
			});
			expect(names(noPhone.body.contacts)).toEqual(['Linus']);

			const contains = await search({
				pageLimit: 50,
				filters: [{ field: 'lastNameLowerCase', operator: 'contains', value: 'ho' }],
			});
			expect(names(contains.body.contacts).sort()).toEqual(['Grace']);

			const score = field('contact.lead_score');
			const high = await search({
				pageLimit: 50,
				filters: [{ field: `customFields.${score.id}`, operator: 'range', value: { gte: 80 } }],
			});
			expect(names(high.body.contacts).sort()).toEqual(['Ada', 'Grace']);

			const interests = field('contact.interests');
			const travel = await search({
				pageLimit: 50,
				filters: [{ field: `customFields.${interests.id}`, operator: 'eq', value: 'travel' }],
			});
			expect(names(travel.body.contacts)).toEqual(['Grace']);

			const sorted = await search({
				pageLimit: 50,
				sort: [{ field: 'firstNameLowerCase', direction: 'asc' }],
			});
			expect(names(sorted.body.contacts)).toEqual([
				'Ada',
				'Alan',
				'Grace',
				'Katherine',
				'Linus',
				'Margaret',
			]);
			expect(sorted.body.contacts[0].searchAfter).toEqual(['ada', sorted.body.contacts[0].id]);
			const next = await search({
				pageLimit: 2,
				sort: [{ field: 'firstNameLowerCase', direction: 'asc' }],
				searchAfter: sorted.body.contacts[1].searchAfter,
			});
			expect(names(next.body.contacts)).toEqual(['Grace', 'Katherine']);

			const dnd = await search({
				pageLimit: 50,
				filters: [{ field: 'dnd', operator: 'eq', value: true }],
			});
			expect(names(dnd.body.contacts)).toEqual(['Linus']);
			const text = await search({ pageLimit: 50, query: 'compiler' });
			expect(names(text.body.contacts)).toEqual(['Grace']);
		});

		it('sees contacts written just before (no index lag in the sandbox)', async () => {
			await call(sandbox, 'POST', '/contacts/', {
				body: { locationId: loc, firstName: 'Fresh', tags: ['fresh'] },
			});
			const res = await search({
				pageLimit: 5,
				filters: [{ field: 'tags', operator: 'eq', value: 'fresh' }],
			});
			expect(names(res.body.contacts)).toEqual(['Fresh']);
		});
	});

	describe('GET /contacts/ (deprecated)', () => {
		it('paginates with meta.startAfter/startAfterId until nextPageUrl is null', async () => {
			sandbox.seedContacts(45);
			const total = sandbox.store.location().contacts.size;
			const seen: string[] = [];
			let query = `/contacts/?locationId=${loc}&limit=20`;
			let pages = 0;
			for (;;) {
				const res = await call(sandbox, 'GET', query);
				expect(res.status).toBe(200);
				expect(res.body.meta.total).toBe(total);
				seen.push(...res.body.contacts.map((c: { id: string }) => c.id));
				pages++;
				if (!res.body.meta.nextPageUrl) {
					expect(res.body.meta.nextPage).toBeNull();
					break;
				}
				expect(res.body.meta.nextPageUrl).toContain(`startAfterId=${res.body.meta.startAfterId}`);
				query = `/contacts/?locationId=${loc}&limit=20&startAfter=${res.body.meta.startAfter}&startAfterId=${res.body.meta.startAfterId}`;
			}
			expect(pages).toBe(Math.ceil(total / 20));
			expect(new Set(seen).size).toBe(total);
			expect((await call(sandbox, 'GET', `/contacts/?locationId=${loc}&limit=101`)).status).toBe(
				422,
			);
		});
	});
});

function names(contacts: Array<{ firstName?: string }>): string[] {
	return contacts.map((c) => c.firstName ?? '');
}
