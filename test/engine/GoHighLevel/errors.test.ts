import type { IDataObject } from 'n8n-workflow';

import { SECOND_LOCATION_ID } from '../../sandbox';
import { createCredentialStore, type RunResult } from '../harness';
import {
	byId,
	directRequest,
	GENEROUS_RATE_LIMIT,
	operationCounts,
	operationsSince,
	pitCredential,
	runNode,
	useSandbox,
} from './helpers';

/** What users see when something is wrong: readable messages, nothing sent when it is wrong locally, no tokens. */
describe('error mapping', () => {
	const sandbox = useSandbox({ rateLimit: GENEROUS_RATE_LIMIT });
	const secrets: string[] = [];
	beforeAll(() => {
		secrets.push(sandbox.privateIntegrationToken);
	});

	/** Runs the node and checks that no token appears anywhere in the execution data. */
	const run = async (
		parameters: IDataObject,
		options: Parameters<typeof runNode>[2] = {},
	): Promise<RunResult> => {
		const result = await runNode(sandbox, parameters as never, options);
		const text = JSON.stringify(result.run);
		for (const secret of secrets) expect(text).not.toContain(secret);
		return result;
	};
	const seeded = (email: string) =>
		[...sandbox.store.location().contacts.values()].find((c) => c.email === email)!.id;
	const createContact = (extra: IDataObject) => ({ resource: 'contact', operation: 'create', ...extra });

	describe('checked before any request', () => {
		afterEach(() => {
			expect(sandbox.stats.invalidRequests).toEqual([]);
		});

		it('unknown custom field: names "Custom Fields", lists the fields, writes nothing', async () => {
			const before = operationCounts(sandbox);
			const contacts = sandbox.store.location().contacts.size;
			const result = await run(
				createContact({
					email: 'shoe@example.com',
					customFields: { values: [{ field: '={{ "contact.shoe_size" }}', value: '44' }] },
				}),
			);
			expect(result.status).toBe('error');
			const [error] = result.errors('HighLevel');
			expect(error.message).toBe('Unknown contact custom field "contact.shoe_size"');
			expect(error.description).toContain('Parameter "Custom Fields"');
			expect(error.description).toContain('Lead Score (contact.lead_score)');
			// At most the field list was read (cached, then fresh before giving up); no write was sent.
			expect(Object.keys(operationsSince(sandbox, before))).not.toContain('create-contact');
			expect(operationsSince(sandbox, before)['get-custom-fields']).toBeGreaterThanOrEqual(1);
			expect(sandbox.store.location().contacts.size).toBe(contacts);
		});

		it('invalid custom field value: names the field and its options', async () => {
			const before = operationCounts(sandbox);
			const result = await run(
				createContact({
					email: 'purple@example.com',
					customFields: { values: [{ field: '={{ "Favourite Colour" }}', value: 'Purple' }] },
				}),
			);
			const [error] = result.errors('HighLevel');
			expect(error.message).toBe('Invalid value for custom field "Favourite Colour"');
			expect(error.description).toContain('Red, Green, Blue, Yellow');
			expect(Object.keys(operationsSince(sandbox, before)).filter((op) => op !== 'get-custom-fields')).toEqual([]);
		});

		it.each([
			['email', createContact({ email: 'not-an-email' }), 'Invalid Email: "not-an-email"'],
			['phone', createContact({ phone: 'call me maybe' }), 'Invalid Phone: "call me maybe"'],
			[
				'update email',
				{ resource: 'contact', operation: 'update', contactId: byId('aaaaaaaaaaaaaaaaaaaa'), updateFields: { email: 'a@b' } },
				'Invalid Email: "a@b"',
			],
			[
				'search date',
				{ resource: 'contact', operation: 'getAll', filters: { dateAddedAfter: 'next tuesday' } },
				'Invalid Date Added After',
			],
			[
				'search date order',
				{
					resource: 'contact',
					operation: 'getAll',
					filters: { dateAddedAfter: '2025-02-01', dateAddedBefore: '2025-01-01' },
				},
				'Invalid Date Added After',
			],
		])('invalid %s: fails without sending anything', async (_name, parameters, message) => {
			const requests = sandbox.stats.requests;
			const result = await run(parameters as IDataObject);
			expect(result.status).toBe('error');
			expect(result.errors('HighLevel')[0].message).toBe(message);
			expect(sandbox.stats.requests).toBe(requests);
		});

		it('invalid Date of Birth: fails without sending anything', async () => {
			const requests = sandbox.stats.requests;
			const result = await run(
				createContact({ email: 'dob@example.com', additionalFields: { dateOfBirth: '2024-02-31' } }),
			);
			expect(result.status).toBe('error');
			expect(result.errors('HighLevel')[0]?.message).toMatch(/Date of Birth/);
			expect(sandbox.stats.requests).toBe(requests);
		});
	});

	describe('answers of HighLevel', () => {
		afterEach(() => {
			expect(sandbox.stats.invalidRequests).toEqual([]);
		});

		it('404: "Not found: …"', async () => {
			const result = await run({ resource: 'contact', operation: 'get', contactId: byId('zzzzzzzzzzzzzzzzzzzz') });
			const [error] = result.errors('HighLevel');
			expect(error.message).toBe('Not found: Contact not found');
			expect(error.httpCode).toBe('404');
		});

		it('PIT without contacts.write: the message names the scope', async () => {
			const limited = sandbox.createPrivateIntegrationToken({
				scopes: ['contacts.readonly', 'locations/customFields.readonly'],
			});
			secrets.push(limited);
			const contacts = sandbox.store.location().contacts.size;
			const result = await run(createContact({ email: 'scope@example.com' }), {
				credentials: createCredentialStore([pitCredential(sandbox, limited)]),
			});
			const [error] = result.errors('HighLevel');
			expect(error.message).toBe('The credential is missing the HighLevel scope "contacts.write"');
			expect(error.description).toContain('The token is not authorized for this scope.');
			expect(error.httpCode).toBe('401');
			expect(sandbox.store.location().contacts.size).toBe(contacts);
		});

		it('wrong location: 403 message naming the location', async () => {
			const credential = pitCredential(sandbox);
			credential.data.locationId = SECOND_LOCATION_ID;
			const result = await run(createContact({ email: 'elsewhere@example.com' }), {
				credentials: createCredentialStore([credential]),
			});
			const [error] = result.errors('HighLevel');
			expect(error.message).toBe('The credential has no access to this location');
			expect(error.description).toContain('The token does not have access to this location.');
			expect(error.description).toContain(SECOND_LOCATION_ID);
			expect(error.httpCode).toBe('403');
		});

		it('continue on fail: one error item per failing item, the others succeed', async () => {
			const ids = [seeded('ada@example.com'), 'zzzzzzzzzzzzzzzzzzzz', seeded('grace@example.com')];
			const result = await run(
				{ resource: 'contact', operation: 'get', contactId: byId('={{ $json.id }}') },
				{ items: ids.map((id) => ({ id })), continueOnFail: true },
			);
			expect(result.status).toBe('success');
			expect(result.errors('HighLevel')).toEqual([
				expect.objectContaining({ message: 'Not found: Contact not found', itemIndex: 1 }),
			]);
			const output = result.output('HighLevel');
			expect(output).toHaveLength(3);
			expect(output[0].email).toBe('ada@example.com');
			expect(output[2].email).toBe('grace@example.com');
		});

		it('continue on fail with local errors: the invalid item fails alone and is not sent', async () => {
			const before = operationCounts(sandbox);
			const result = await run(createContact({ email: '={{ $json.email }}' }), {
				items: [{ email: 'good.one@example.com' }, { email: 'bad@' }, { email: 'good.two@example.com' }],
				continueOnFail: true,
			});
			expect(result.errors('HighLevel')).toEqual([
				expect.objectContaining({ message: 'Invalid Email: "bad@"', itemIndex: 1 }),
			]);
			expect(result.output('HighLevel').filter((c) => c.email).map((c) => c.email)).toEqual([
				'good.one@example.com',
				'good.two@example.com',
			]);
			expect(operationsSince(sandbox, before)).toEqual({ 'create-contact': 2 });
		});
	});
});

describe('HighLevel 422 with an array message', () => {
	const sandbox = useSandbox({ rateLimit: GENEROUS_RATE_LIMIT });

	it('shows the messages joined', async () => {
		const result = await runNode(sandbox, {
			resource: 'contact',
			operation: 'create',
			email: 'joined@example.com',
			phone: '555-0101',
			additionalFields: { assignedTo: 'notAUserOfThisLocation' },
		});
		const [error] = result.errors('HighLevel');
		expect(error.message).toBe(
			'HighLevel rejected the request: phone must be a valid phone number; assignedTo must be the id of a user of this location',
		);
		expect(error.httpCode).toBe('422');
		expect(JSON.stringify(result.run)).not.toContain(sandbox.privateIntegrationToken);
		// The one deliberately invalid request (the node's checks accept a 7-digit phone; HighLevel does not).
		expect(sandbox.stats.invalidRequests).toEqual([expect.objectContaining({ operationId: 'create-contact' })]);
	});
});

describe('daily quota spent', () => {
	const sandbox = useSandbox({ rateLimit: { max: 100, intervalMs: 1000, daily: 5 } });

	it('fails fast with the daily message, without retrying, and then without asking again', async () => {
		for (let i = 0; i < 5; i++) {
			expect(await directRequest(sandbox, 'GET', `/locations/${sandbox.locationId}/tags`)).toBe(200);
		}
		const before = operationCounts(sandbox);
		const first = await runNode(sandbox, { resource: 'contact', operation: 'create', email: 'late@example.com' });
		const [error] = first.errors('HighLevel');
		expect(error.message).toBe('HighLevel daily API limit reached for this location');
		expect(error.description).toContain('X-RateLimit-Daily-Remaining: 0');
		// The limit HighLevel reports for this location (X-RateLimit-Limit-Daily), not the published 200,000.
		expect(error.description).toContain('all 5 requests of the day');
		expect(error.description).not.toContain('200,000');
		expect(operationsSince(sandbox, before)).toEqual({ 'create-contact': 1 });

		const second = await runNode(sandbox, { resource: 'contact', operation: 'create', email: 'later@example.com' });
		expect(second.errors('HighLevel')[0].message).toBe('HighLevel daily API limit reached for this location');
		expect(second.errors('HighLevel')[0].description).toContain('all 5 requests of the day');
		expect(operationsSince(sandbox, before)).toEqual({ 'create-contact': 1 });
		for (const result of [first, second]) {
			expect(JSON.stringify(result.run)).not.toContain(sandbox.privateIntegrationToken);
		}
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});
});
