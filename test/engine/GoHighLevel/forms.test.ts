import { addSubmission, formsOf, submissionsOf, type SubmissionKind, type SubmissionRecord } from '../../sandbox/forms';
import { operationCounts, operationsSince, useEngineSandbox } from './helpers';

/**
 * Form and Survey resources (forms.json, surveys.json) through n8n-core and the sandbox: Get Many (skip + limit ≤ 50
 * until `total`) and Get Submissions (page + limit ≤ 100 until `meta.nextPage` is null; form/survey, date range and
 * search filters).
 */
describe.each([
	{
		resource: 'form',
		plural: 'forms',
		idField: 'formId',
		submissionsOperation: 'get-forms-submissions',
		getMany: { resource: 'form', operation: 'getAll' },
		getSubmissions: { resource: 'form', operation: 'getSubmissions' },
	},
	{
		resource: 'survey',
		plural: 'surveys',
		idField: 'surveyId',
		submissionsOperation: 'get-surveys-submissions',
		getMany: { resource: 'survey', operation: 'getAll' },
		getSubmissions: { resource: 'survey', operation: 'getSubmissions' },
	},
] as const)('$resource resource', ({ resource, plural, idField, submissionsOperation, getMany, getSubmissions }) => {
	const { sandbox, proxy, run, errorText } = useEngineSandbox();
	const kind = resource as SubmissionKind;
	const location = () => sandbox.store.location();
	/** The seeded submissions, newest first (the order HighLevel lists them in). */
	const submissions = (filter: (s: SubmissionRecord) => boolean = () => true) =>
		[...submissionsOf(location(), kind).values()]
			.filter(filter)
			.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
	const day = (iso: string) => iso.slice(0, 10);
	beforeEach(() => {
		proxy.requests.length = 0;
	});

	it(`Get Many: every ${resource} over skip + limit pages, stopping at total; Limit cuts`, async () => {
		const forms = formsOf(location(), kind);
		const before = forms.size;
		for (let i = 0; i < 60; i++) forms.set(`extra${resource}${String(i).padStart(4, '0')}`, { id: `extra${resource}${String(i).padStart(4, '0')}`, name: `Extra ${i}`, locationId: location().id });
		try {
			const all = await run({ ...getMany, returnAll: true });
			expect(all.errors('HighLevel')).toEqual([]);
			const ids = all.output('HighLevel').map((f) => String(f.id));
			expect(new Set(ids)).toEqual(new Set(forms.keys()));
			expect(ids).toHaveLength(before + 60);
			const pages = proxy.to('GET', `/${plural}/`);
			expect(pages.map((p) => [p.query.skip, p.query.limit])).toEqual([
				[undefined, '50'],
				['50', '50'],
			]);
			expect(pages.every((p) => p.query.locationId === sandbox.locationId)).toBe(true);

			proxy.requests.length = 0;
			const limited = await run({ ...getMany, limit: 2 });
			expect(limited.output('HighLevel')).toHaveLength(2);
			expect(limited.output('HighLevel')[0]).toMatchObject({ id: expect.any(String), name: expect.any(String), locationId: sandbox.locationId });
			expect(proxy.to('GET', `/${plural}/`).map((p) => p.query.limit)).toEqual(['2']);
		} finally {
			for (const id of [...forms.keys()]) if (id.startsWith('extra')) forms.delete(id);
		}
	});

	it('Get Submissions, Return All over a date range: every page (≥3) with page + limit 100, exactly the submissions of those days', async () => {
		const all = submissions();
		// A range holding more than two pages: from the oldest seeded day to a day well inside the seed.
		const startDay = day(String(all[all.length - 1].createdAt));
		const endDay = day(String(all[20].createdAt));
		const expected = submissions((s) => day(String(s.createdAt)) >= startDay && day(String(s.createdAt)) <= endDay);
		expect(expected.length).toBeGreaterThan(200);
		const before = operationCounts(sandbox);
		const result = await run({
			resource,
			operation: 'getSubmissions',
			returnAll: true,
			filters: { startAt: `${startDay}T12:00:00Z`, endAt: `${endDay}T12:00:00Z` },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		const output = result.output('HighLevel');
		// Seeded createdAt are whole 5-hour steps in UTC; the sandbox compares dates in the location's zone
		// (America/Chicago), so compare by id with the sandbox's own answer for the same range instead of UTC days.
		const pages = proxy.to('GET', `/${plural}/submissions`);
		expect(pages.length).toBeGreaterThanOrEqual(3);
		expect(pages.map((p) => p.query.page)).toEqual([undefined, ...pages.slice(1).map((_, i) => String(i + 2))]);
		expect(pages.every((p) => p.query.limit === '100' && p.query.startAt === startDay && p.query.endAt === endDay)).toBe(true);
		expect(operationsSince(sandbox, before)).toEqual({ [submissionsOperation]: pages.length });
		const ids = output.map((s) => String(s.id));
		expect(new Set(ids).size).toBe(ids.length);
		const inRange = (s: SubmissionRecord) => {
			const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date(String(s.createdAt)));
			return local >= startDay && local <= endDay;
		};
		expect(ids).toEqual(submissions(inRange).map((s) => s.id));
		expect(output[0]).toMatchObject({ id: expect.any(String), contactId: expect.any(String), createdAt: expect.any(String), [idField]: expect.any(String) });

		// A Limit above one page: page numbers count pages of one size, so page 2 is asked with limit 100 too and cut.
		proxy.requests.length = 0;
		const limited = await run({ ...getSubmissions, limit: 150, filters: { startAt: `${startDay}T12:00:00Z`, endAt: `${endDay}T12:00:00Z` } });
		expect(limited.output('HighLevel').map((s) => String(s.id))).toEqual(ids.slice(0, 150));
		expect(proxy.to('GET', `/${plural}/submissions`).map((p) => [p.query.page, p.query.limit])).toEqual([
			[undefined, '100'],
			['2', '100'],
		]);
	});

	it(`Get Submissions of one ${resource}, searched, with Limit: one page of the Limit, filters sent, nothing empty sent, HighLevel's default range`, async () => {
		const target = [...formsOf(location(), kind).keys()][1];
		const added = addSubmission(location(), kind, { id: `sub-${resource}-search-1`, parentId: target, email: 'grace.search@example.com', name: 'Grace Search' });
		addSubmission(location(), kind, { id: `sub-${resource}-search-2`, parentId: [...formsOf(location(), kind).keys()][0], email: 'grace.search@example.com' });
		const result = await run({ ...getSubmissions, [idField]: target, limit: 5, filters: { q: 'grace.search' } });
		expect(result.errors('HighLevel')).toEqual([]);
		expect(result.output('HighLevel').map((s) => s.id)).toEqual([added.id]);
		const [request] = proxy.to('GET', `/${plural}/submissions`);
		expect(request.query).toEqual({ locationId: sandbox.locationId, [idField]: target, q: 'grace.search', limit: '5' });

		// No form and no dates: nothing empty is sent, and HighLevel's default range (the last month) holds only the
		// two submissions added now, not the seeded ones of 2025.
		const recent = await run({ ...getSubmissions, [idField]: '', limit: 3 });
		expect(recent.output('HighLevel').map((s) => s.id).sort()).toEqual([`sub-${resource}-search-1`, `sub-${resource}-search-2`]);
		expect(proxy.to('GET', `/${plural}/submissions`)[1].query).toEqual({ locationId: sandbox.locationId, limit: '3' });
	});

	it('an End Date before the Start Date, or a value that is not a date, fails before any request, naming the field', async () => {
		const before = operationCounts(sandbox);
		const reversed = await run({ ...getSubmissions, filters: { startAt: '2025-12-10T12:00:00Z', endAt: '2025-12-01T12:00:00Z' } });
		expect(errorText(reversed)).toMatch(/Invalid End Date.*2025-12-01 is before the Start Date 2025-12-10/);
		const garbage = await run({ ...getSubmissions, filters: { startAt: 'next tuesday' } });
		expect(errorText(garbage)).toMatch(/Start Date: "next tuesday" is not a date-time/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});
});
