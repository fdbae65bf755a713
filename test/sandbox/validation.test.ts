/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
import * as fs from 'fs';
import * as path from 'path';
import { startSandbox, type Sandbox } from './index';
import { loadSpecs, readSpec, SPEC_FILES, SPEC_PATCHES } from './spec';
import { call } from './testClient';

describe('sandbox request validation (OpenAPI specs)', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: false });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('answers 422 when the Version header is missing and records it', async () => {
		const res = await call(
			sandbox,
			'GET',
			`/opportunities/pipelines?locationId=${sandbox.locationId}`,
			{ version: null },
		);
		expect(res.status).toBe(422);
		expect(res.body).toEqual({
			statusCode: 422,
			message: ['Version header is required'],
			error: 'Unprocessable Entity',
		});
		expect(sandbox.stats.invalidRequests).toEqual([
			{
				method: 'GET',
				path: '/opportunities/pipelines',
				operationId: 'get-pipelines',
				errors: ['Version header is required'],
			},
		]);
	});

	it('rejects a Version the operation does not accept', async () => {
		const res = await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`, {
			version: '2021-04-15',
		});
		expect(res.status).toBe(422);
		expect(res.body.message).toEqual([
			'Version header must be one of the following values: 2021-07-28',
		]);
	});

	it('rejects camelCase locationId on GET /opportunities/search (needs location_id)', async () => {
		const res = await call(
			sandbox,
			'GET',
			`/opportunities/search?locationId=${sandbox.locationId}`,
		);
		expect(res.status).toBe(422);
		expect(res.body.message).toContain('property locationId should not exist');
		expect(res.body.message).toContain('location_id should not be empty');
		expect(sandbox.stats.invalidRequests).toHaveLength(1);
	});

	it('rejects unknown body properties on create/update DTOs', async () => {
		const res = await call(sandbox, 'POST', '/contacts/', {
			body: { locationId: sandbox.locationId, firstName: 'A', nickname: 'x' },
		});
		expect(res.status).toBe(422);
		expect(res.body.message).toEqual(['property nickname should not exist']);
		const opp = await call(sandbox, 'PUT', '/opportunities/nope', { body: { stage: 'x' } });
		expect(opp.status).toBe(422);
		expect(opp.body.message).toEqual(['property stage should not exist']);
	});

	it('reports type, enum and limit violations readably', async () => {
		const res = await call(
			sandbox,
			'GET',
			`/opportunities/search?location_id=${sandbox.locationId}&limit=101&status=closed`,
		);
		expect(res.status).toBe(422);
		expect(res.body.message).toEqual(
			expect.arrayContaining([
				'limit must not be greater than 100',
				'status must be one of the following values: open, won, lost, abandoned, all',
			]),
		);
		const body = await call(sandbox, 'POST', '/contacts/', {
			body: { locationId: sandbox.locationId, firstName: 5, tags: 'vip' },
		});
		expect(body.body.message).toEqual(
			expect.arrayContaining(['firstName must be a string', 'tags must be an array']),
		);
	});

	it('answers 404 "Cannot METHOD /path" for paths no spec has', async () => {
		const res = await call(sandbox, 'GET', '/contacts-v9/list');
		expect(res).toMatchObject({
			status: 404,
			body: { statusCode: 404, message: 'Cannot GET /contacts-v9/list' },
		});
		const wrongMethod = await call(sandbox, 'PATCH', '/contacts/abc');
		expect(wrongMethod.body).toEqual({ statusCode: 404, message: 'Cannot PATCH /contacts/abc' });
		expect(sandbox.stats.invalidRequests).toHaveLength(0);
	});

	it('records nothing for a sequence of valid requests', async () => {
		const loc = sandbox.locationId;
		const created = await call(sandbox, 'POST', '/contacts/', {
			body: {
				locationId: loc,
				firstName: 'Val',
				lastName: 'Id',
				email: 'val@example.com',
				phone: '+1 512 555 0142',
				dateOfBirth: '1990-09-25',
				customFields: [{ id: fieldId(sandbox, 'contact.lead_score'), field_value: 12 }],
			},
		});
		expect(created.status).toBe(201);
		const id = created.body.contact.id;
		const pipeline = sandbox.store.location().pipelines[0];
		const responses = await Promise.all([
			call(sandbox, 'GET', `/contacts/${id}`),
			call(sandbox, 'PUT', `/contacts/${id}`, { body: { companyName: 'Valid Co', tags: ['x'] } }),
			call(sandbox, 'POST', `/contacts/${id}/tags`, { body: { tags: ['y'] } }),
			call(sandbox, 'POST', '/contacts/search', {
				body: {
					locationId: loc,
					pageLimit: 10,
					filters: [{ field: 'tags', operator: 'eq', value: 'y' }],
				},
			}),
			call(sandbox, 'GET', `/contacts/?locationId=${loc}&limit=5`),
			call(sandbox, 'GET', `/contacts/search/duplicate?locationId=${loc}&email=val%40example.com`),
			call(
				sandbox,
				'GET',
				`/opportunities/search?location_id=${loc}&limit=5&status=all&getTasks=false`,
			),
			call(sandbox, 'GET', `/opportunities/pipelines?locationId=${loc}`),
			call(sandbox, 'POST', '/opportunities/upsert', {
				body: {
					locationId: loc,
					pipelineId: pipeline.id,
					contactId: id,
					name: 'Upserted',
					monetaryValue: 250,
					status: 'open',
				},
			}),
			call(sandbox, 'GET', `/locations/${loc}/customFields?model=all`),
			call(sandbox, 'GET', `/locations/${loc}/tags`),
			call(sandbox, 'GET', `/locations/${loc}`),
			call(sandbox, 'GET', `/users/?locationId=${loc}`),
		]);
		expect(responses.map((r) => r.status)).toEqual([
			200, 200, 201, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200,
		]);
		expect(sandbox.stats.invalidRequests).toEqual([]);
		expect(sandbox.stats.byOperation['Upsert-opportunity']).toBe(1);
	});

	it('puts a traceId into success bodies', async () => {
		const res = await call(sandbox, 'GET', `/users/?locationId=${sandbox.locationId}`);
		expect(res.body.traceId).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('routes calendars/conversations (vendored for later) and answers 501 for unimplemented operations after validation', async () => {
		const schedules = `/calendars/schedules/search?locationId=${sandbox.locationId}&userId=${sandbox.store.location().users[0].id}`;
		const invalid = await call(sandbox, 'GET', schedules);
		expect(invalid.status).toBe(422);
		const res = await call(sandbox, 'GET', schedules, { version: '2021-04-15' });
		expect(res.status).toBe(501);
		expect(res.body.message).toContain('getAllSchedules');
	});

	it.each([
		['/workflows/', 'get-workflow'],
		['/campaigns/', 'get-campaigns'],
	])('routes and validates %s (%s) from its vendored spec', async (p, operationId) => {
		const missing = await call(sandbox, 'GET', p);
		expect(missing.status).toBe(422);
		expect(JSON.stringify(missing.body)).toContain('locationId should not be empty');
		const res = await call(sandbox, 'GET', `${p}?locationId=${sandbox.locationId}`);
		expect(res.status).not.toBe(404);
		expect(res.status).not.toBe(422);
		expect(sandbox.stats.byOperation[operationId]).toBeGreaterThan(0);
	});
});

describe('vendored spec loading', () => {
	it('applies every quirk patch and resolves the common-schemas $refs', () => {
		for (const name of SPEC_FILES) {
			const text = JSON.stringify(readSpec(name));
			expect(text).not.toContain('../common/common-schemas.json');
		}
		expect(SPEC_PATCHES.every((p) => p.reason.length > 20)).toBe(true);
		expect(
			readSpec('opportunities').components.schemas.UpsertOpportunityDto.properties.monetaryValue
				.type,
		).toBe('number');
	});

	it('documents every quirk patch in the README', () => {
		const readme = fs.readFileSync(path.join(__dirname, 'README.md'), 'utf8');
		for (const patch of SPEC_PATCHES) expect(readme).toContain(patch.target);
	});

	it('compiles request validators for every operation of every loaded spec', async () => {
		const specs = await loadSpecs();
		let count = 0;
		for (const spec of specs.values()) {
			for (const op of spec.api.router.getOperations()) {
				expect(() =>
					spec.api.validator.getRequestValidatorsForOperation(op.operationId as string),
				).not.toThrow();
				count++;
			}
		}
		expect(count).toBeGreaterThan(100);
	});
});

function fieldId(sandbox: Sandbox, key: string): string {
	const field = [...sandbox.store.location().customFields.values()].find((f) => f.fieldKey === key);
	if (!field) throw new Error(`no field ${key}`);
	return field.id;
}
