import { startSandbox, type Sandbox } from './index';
import { call, fakeClock } from './testClient';

describe('sandbox opportunities and pipelines', () => {
	const clock = fakeClock();
	let sandbox: Sandbox;
	let loc: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: false, now: clock.now });
		loc = sandbox.locationId;
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const sales = () => sandbox.store.location().pipelines.find((p) => p.name === 'Sales Pipeline')!;
	const onboarding = () => sandbox.store.location().pipelines.find((p) => p.name === 'Onboarding')!;
	const contactByEmail = (email: string) =>
		[...sandbox.store.location().contacts.values()].find((c) => c.email === email)!;

	it('lists pipelines with UUID stage ids and positions', async () => {
		const res = await call(sandbox, 'GET', `/opportunities/pipelines?locationId=${loc}`);
		expect(res.body.pipelines.map((p: { name: string }) => p.name)).toEqual([
			'Sales Pipeline',
			'Onboarding',
		]);
		const stages = res.body.pipelines[0].stages;
		expect(stages).toHaveLength(5);
		expect(stages[0]).toMatchObject({ name: 'New Lead', position: 0 });
		expect(stages[0].id).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
		);
	});

	it('creates an opportunity (201) with the embedded contact and custom fields', async () => {
		const margaret = contactByEmail('margaret@example.com');
		const dealSource = [...sandbox.store.location().customFields.values()].find(
			(f) => f.fieldKey === 'opportunity.deal_source',
		)!;
		const res = await call(sandbox, 'POST', '/opportunities/', {
			body: {
				locationId: loc,
				pipelineId: sales().id,
				pipelineStageId: sales().stages[1].id,
				name: 'Margaret - Flight software',
				status: 'open',
				contactId: margaret.id,
				monetaryValue: 3000,
				customFields: [{ id: dealSource.id, field_value: 'Conference' }],
			},
		});
		expect(res.status).toBe(201);
		expect(res.body.opportunity).toMatchObject({
			name: 'Margaret - Flight software',
			monetaryValue: 3000,
			pipelineStageId: sales().stages[1].id,
			status: 'open',
			contactId: margaret.id,
			locationId: loc,
			contact: {
				id: margaret.id,
				name: 'Margaret Hamilton',
				email: 'margaret@example.com',
				tags: [],
			},
			customFields: [{ id: dealSource.id, fieldValue: 'Conference' }],
			createdAt: new Date(clock.now()).toISOString(),
		});
		expect(sandbox.stats.creates.opportunity).toBe(1);
	});

	it('validates pipeline, stage, contact and duplicates on create', async () => {
		const margaret = contactByEmail('margaret@example.com');
		const base = { locationId: loc, name: 'X', status: 'open', contactId: margaret.id };
		const noPipeline = await call(sandbox, 'POST', '/opportunities/', {
			body: { ...base, pipelineId: 'nope' },
		});
		expect(noPipeline).toMatchObject({ status: 400, body: { statusCode: 400 } });
		const wrongStage = await call(sandbox, 'POST', '/opportunities/', {
			body: { ...base, pipelineId: sales().id, pipelineStageId: onboarding().stages[0].id },
		});
		expect(wrongStage.status).toBe(400);
		expect(wrongStage.body.message).toContain('does not belong to pipeline');
		const foreignContact = [
			...sandbox.store.location(sandbox.secondLocationId).contacts.values(),
		][0];
		const badContact = await call(sandbox, 'POST', '/opportunities/', {
			body: { ...base, pipelineId: sales().id, contactId: foreignContact.id },
		});
		expect(badContact.status).toBe(400);
		const ada = contactByEmail('ada@example.com');
		const duplicate = await call(sandbox, 'POST', '/opportunities/', {
			body: { ...base, contactId: ada.id, pipelineId: sales().id },
		});
		expect(duplicate.body).toEqual({
			statusCode: 400,
			message: 'Can not create duplicate opportunity for the contact.',
		});
		const missing = await call(sandbox, 'POST', '/opportunities/', {
			body: { locationId: loc, pipelineId: sales().id, name: 'No contact' },
		});
		expect(missing.status).toBe(422);
		expect(missing.body.message).toEqual(
			expect.arrayContaining(['status should not be empty', 'contactId should not be empty']),
		);
		expect(sandbox.stats.creates.opportunity).toBe(0);
	});

	it('updates stage and status, recording lastStageChangeAt and lastStatusChangeAt', async () => {
		const opp = [...sandbox.store.location().opportunities.values()].find((o) =>
			o.name.startsWith('Alan'),
		)!;
		clock.advance(60_000);
		const moved = await call(sandbox, 'PUT', `/opportunities/${opp.id}`, {
			body: { pipelineStageId: sales().stages[3].id, monetaryValue: 2000 },
		});
		expect(moved.status).toBe(200);
		expect(moved.body.opportunity).toMatchObject({
			pipelineStageId: sales().stages[3].id,
			monetaryValue: 2000,
			lastStageChangeAt: new Date(clock.now()).toISOString(),
			lastStatusChangeAt: opp.lastStatusChangeAt,
		});
		clock.advance(60_000);
		const status = await call(sandbox, 'PUT', `/opportunities/${opp.id}/status`, {
			body: { status: 'won' },
		});
		expect(status.body).toMatchObject({ succeded: true });
		const stored = sandbox.store.location().opportunities.get(opp.id)!;
		expect(stored.status).toBe('won');
		expect(stored.lastStatusChangeAt).toBe(new Date(clock.now()).toISOString());
		const toOnboarding = await call(sandbox, 'PUT', `/opportunities/${opp.id}`, {
			body: { pipelineId: onboarding().id },
		});
		expect(toOnboarding.body.opportunity.pipelineStageId).toBe(onboarding().stages[0].id);
	});

	it('upserts by id, then by contact + pipeline, else creates', async () => {
		const ada = contactByEmail('ada@example.com');
		const existing = [...sandbox.store.location().opportunities.values()].find(
			(o) => o.contactId === ada.id && o.pipelineId === sales().id,
		)!;
		const byPair = await call(sandbox, 'POST', '/opportunities/upsert', {
			body: { locationId: loc, pipelineId: sales().id, contactId: ada.id, monetaryValue: 13000 },
		});
		expect(byPair.body).toMatchObject({
			new: false,
			opportunity: { id: existing.id, monetaryValue: 13000 },
		});
		const byId = await call(sandbox, 'POST', '/opportunities/upsert', {
			body: { id: existing.id, locationId: loc, pipelineId: sales().id, status: 'lost' },
		});
		expect(byId.body).toMatchObject({
			new: false,
			opportunity: { id: existing.id, status: 'lost' },
		});
		const margaret = contactByEmail('margaret@example.com');
		const created = await call(sandbox, 'POST', '/opportunities/upsert', {
			body: {
				locationId: loc,
				pipelineId: onboarding().id,
				contactId: margaret.id,
				name: 'Margaret onboarding',
				status: 'open',
			},
		});
		expect(created.body).toMatchObject({
			new: true,
			opportunity: { name: 'Margaret onboarding', pipelineStageId: onboarding().stages[0].id },
		});
		expect(sandbox.stats.creates.opportunity).toBe(1);
	});

	it('deletes an opportunity (succeded) and answers 404 afterwards', async () => {
		const opp = [...sandbox.store.location().opportunities.values()][0];
		expect((await call(sandbox, 'DELETE', `/opportunities/${opp.id}`)).body).toMatchObject({
			succeded: true,
		});
		expect((await call(sandbox, 'GET', `/opportunities/${opp.id}`)).body).toEqual({
			statusCode: 404,
			message: 'Opportunity not found',
		});
	});

	describe('GET /opportunities/search', () => {
		/** Inserts n opportunities (one per generated contact), createdAt one minute apart, some sharing a timestamp. */
		function seedOpportunities(n: number): void {
			sandbox.seedContacts(n);
			const data = sandbox.store.location();
			const contacts = [...data.contacts.values()].filter((c) => c.source === 'sandbox seed');
			contacts.forEach((c, i) => {
				const at = new Date(Date.UTC(2025, 5, 1) + Math.floor(i / 2) * 60_000).toISOString();
				const id = `opp${String(i).padStart(17, '0')}`;
				data.opportunities.set(id, {
					id,
					locationId: data.id,
					name: `Deal ${i}`,
					monetaryValue: i * 10,
					pipelineId: sales().id,
					pipelineStageId: sales().stages[i % 5].id,
					status: i % 3 === 0 ? 'won' : 'open',
					contactId: c.id,
					followers: [],
					customFields: {},
					createdAt: at,
					updatedAt: at,
					lastStatusChangeAt: at,
					lastStageChangeAt: at,
				});
			});
		}

		it('paginates with startAfter/startAfterId: every record once, the last page keeps a cursor and has nextPageUrl null', async () => {
			seedOpportunities(95);
			const total = sandbox.store.location().opportunities.size;
			const seen: string[] = [];
			let query = `/opportunities/search?location_id=${loc}&limit=20`;
			let previousLastMs = Infinity;
			for (let page = 1; ; page++) {
				const res = await call(sandbox, 'GET', query);
				expect(res.status).toBe(200);
				const { meta } = res.body;
				expect(meta.total).toBe(total);
				expect(meta.currentPage).toBe(page);
				const ms = res.body.opportunities.map((o: { createdAt: string }) =>
					Date.parse(o.createdAt),
				);
				expect(ms).toEqual([...ms].sort((a, b) => b - a));
				expect(ms[0]).toBeLessThanOrEqual(previousLastMs);
				previousLastMs = ms[ms.length - 1];
				seen.push(...res.body.opportunities.map((o: { id: string }) => o.id));
				expect(meta.startAfterId).toBe(
					res.body.opportunities[res.body.opportunities.length - 1].id,
				);
				expect(meta.startAfter).toBe(previousLastMs);
				if (meta.nextPageUrl === null) {
					expect(meta.nextPage).toBeNull();
					break;
				}
				const next = new URL(meta.nextPageUrl);
				expect(next.searchParams.get('location_id')).toBe(loc);
				query = `/opportunities/search?location_id=${loc}&limit=20&startAfter=${meta.startAfter}&startAfterId=${meta.startAfterId}`;
			}
			expect(seen).toHaveLength(total);
			expect(new Set(seen).size).toBe(total);
		});

		it('follows nextPageUrl as given', async () => {
			seedOpportunities(30);
			let url: string | null =
				`${sandbox.url}/opportunities/search?location_id=${loc}&limit=15&status=open`;
			const seen = new Set<string>();
			let expectedTotal = -1;
			while (url) {
				const res = await call(sandbox, 'GET', url.slice(sandbox.url.length));
				expectedTotal = res.body.meta.total;
				res.body.opportunities.forEach((o: { id: string; status: string }) => {
					expect(o.status).toBe('open');
					seen.add(o.id);
				});
				url = res.body.meta.nextPageUrl;
			}
			expect(seen.size).toBe(expectedTotal);
			expect(expectedTotal).toBe(
				[...sandbox.store.location().opportunities.values()].filter((o) => o.status === 'open')
					.length,
			);
		});

		it('filters by pipeline, stage, contact, q and date range; pages with page=', async () => {
			const ada = contactByEmail('ada@example.com');
			const byContact = await call(
				sandbox,
				'GET',
				`/opportunities/search?location_id=${loc}&contact_id=${ada.id}`,
			);
			expect(byContact.body.opportunities).toHaveLength(2);
			const byPipeline = await call(
				sandbox,
				'GET',
				`/opportunities/search?location_id=${loc}&pipeline_id=${onboarding().id}`,
			);
			expect(byPipeline.body.meta.total).toBe(1);
			const byStage = await call(
				sandbox,
				'GET',
				`/opportunities/search?location_id=${loc}&pipeline_stage_id=${sales().stages[0].id}`,
			);
			expect(byStage.body.opportunities.map((o: { name: string }) => o.name)).toEqual([
				'Alan Turing - Pilot',
			]);
			const text = await call(sandbox, 'GET', `/opportunities/search?location_id=${loc}&q=grace`);
			expect(text.body.meta.total).toBe(1);
			const won = await call(sandbox, 'GET', `/opportunities/search?location_id=${loc}&status=won`);
			expect(won.body.opportunities.map((o: { status: string }) => o.status)).toEqual(['won']);
			const jan = await call(
				sandbox,
				'GET',
				`/opportunities/search?location_id=${loc}&date=01-10-2025&endDate=01-22-2025`,
			);
			expect(jan.body.opportunities.map((o: { name: string }) => o.name)).toEqual([
				'Alan Turing - Pilot',
				'Grace Hopper - Support renewal',
			]);
			const badDate = await call(
				sandbox,
				'GET',
				`/opportunities/search?location_id=${loc}&date=2025-01-10`,
			);
			expect(badDate.status).toBe(422);
			const page2 = await call(
				sandbox,
				'GET',
				`/opportunities/search?location_id=${loc}&limit=3&page=2`,
			);
			expect(page2.body.opportunities).toHaveLength(1);
			expect(page2.body.meta).toMatchObject({
				currentPage: 2,
				prevPage: 1,
				nextPage: null,
				nextPageUrl: null,
				total: 4,
			});
			expect(page2.body.aggregations).toEqual({});
		});
	});
});
