/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
/**
 * The operation catalogue of the API Request operation (nodes/GoHighLevel/shared/catalog): the committed generated
 * module is what scripts/catalog.ts makes from the official specs today, its facts agree with the endpoint table,
 * and the validator reports what the spec forbids, naming the field.
 */
import * as fs from 'fs';
import * as path from 'path';

import {
	CATALOG_FILE,
	DEFAULT_SPEC_DIR,
	EXCLUDED,
	REPO_ROOT,
	renderCatalog,
} from '../../../scripts/catalog';
import {
	CATALOG,
	endpointOf,
	findOperation,
	knownEndpointOf,
	operationKey,
	pagedOperations,
	validateRequest,
	withPackageLocation,
	type CatalogOperation,
} from '../../../nodes/GoHighLevel/shared/catalog';
import { ENDPOINTS, type Endpoint } from '../../../nodes/GoHighLevel/shared/endpoints';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

const op = (key: string): CatalogOperation => {
	const found = findOperation(key);
	if (!found) throw new Error(`no operation ${key} in the catalogue`);
	return found;
};

describe('catalog.generated.ts', () => {
	it('reads the specs from ../shared beside the repository (a relative path)', () => {
		expect(path.relative(REPO_ROOT, DEFAULT_SPEC_DIR)).toBe(path.join('..', 'shared', 'highlevel-api-docs', 'openapi'));
		expect(fs.existsSync(DEFAULT_SPEC_DIR)).toBe(true);
	});

	it('is up to date with the official specs: run `npm run catalog` when this fails', () => {
		const committed = fs.readFileSync(CATALOG_FILE, 'utf8');
		expect(committed === renderCatalog(DEFAULT_SPEC_DIR)).toBe(true);
	});

	it('stays a reasonable size (under 350 kB)', () => {
		expect(fs.statSync(CATALOG_FILE).size).toBeLessThan(350_000);
	});

	it('holds every operation of every spec except oauth.json\'s token endpoints, each once', () => {
		let total = 0;
		for (const file of fs.readdirSync(DEFAULT_SPEC_DIR).filter((f) => f.endsWith('.json'))) {
			const doc = JSON.parse(fs.readFileSync(path.join(DEFAULT_SPEC_DIR, file), 'utf8')) as Json;
			for (const item of Object.values(doc.paths ?? {}) as Json[]) {
				total += ['get', 'post', 'put', 'patch', 'delete'].filter((m) => item[m]).length;
			}
		}
		expect(total).toBeGreaterThan(500);
		expect(CATALOG).toHaveLength(total - EXCLUDED.size);
		expect(new Set(CATALOG.map(operationKey)).size).toBe(CATALOG.length);
		expect(CATALOG.map(operationKey)).not.toContain('oauth:get-access-token');
		expect(CATALOG.map(operationKey)).not.toContain('oauth:get-location-access-token');
	});

	it('agrees with every endpoint-table entry on method, path and Version', () => {
		const table = (Object.values(ENDPOINTS) as Endpoint[]).filter((e) => !EXCLUDED.has(`${e.spec}:${e.operationId}`));
		for (const endpoint of table) {
			const entry = op(`${endpoint.spec}:${endpoint.operationId}`);
			expect({ key: operationKey(entry), method: entry.method, path: entry.path, version: entry.version }).toEqual({
				key: operationKey(entry),
				method: endpoint.method,
				path: endpoint.path,
				version: endpoint.version,
			});
			// Where the spec requires a location field, the table puts the location in the same place, with
			// `altType` beside an `altId` exactly when the spec declares it.
			if (endpoint.location && entry.location && !entry.location.optional) {
				expect({ key: operationKey(entry), ...endpoint.location }).toEqual({
					key: operationKey(entry),
					in: entry.location.in,
					name: entry.location.name,
					...(entry.location.altType ? { altType: true } : {}),
				});
			}
		}
	});

	it.each([
		['contacts:get-contact', undefined],
		['contacts:create-contact', { in: 'body', name: 'locationId' }],
		['opportunities:get-pipelines', { in: 'query', name: 'locationId' }],
		['opportunities:search-opportunity', { in: 'query', name: 'location_id' }],
		['locations:get-location-tags', { in: 'path', name: 'locationId' }],
		['payments:list-transactions', { in: 'query', name: 'altId', altType: true }],
		['invoices:create-invoice', { in: 'body', name: 'altId', altType: true }],
	])('%s takes the location in %j', (key, location) => {
		expect(op(key).location).toEqual(location);
	});

	it('takes Version from the spec, else the app\'s usual one (FACTS.md 1.2)', () => {
		expect(op('calendars:get-calendars').version).toBe('2021-04-15');
		expect(op('contacts:get-contact')).not.toHaveProperty('versionAssumed');
		expect(op('conversations:get-email-by-id')).toMatchObject({ version: '2021-04-15', versionAssumed: true });
		expect(op('funnels:getFunnels')).toMatchObject({ version: '2021-07-28', versionAssumed: true });
	});

	it('marks agency-only operations (security: Agency-Access only) with tokenKind company', () => {
		expect(op('oauth:get-installed-location').tokenKind).toBe('company');
		expect(op('contacts:get-contact').tokenKind).toBeUndefined();
		const agencyOnly = CATALOG.filter((o) => o.tokenKind === 'company');
		expect(agencyOnly.length).toBeGreaterThan(10);
	});

	it('keeps path parameters from the template, query parameters and top-level body fields with type and enum', () => {
		const note = op('contacts:update-note');
		expect(note.pathParams).toEqual(['contactId', 'id']);
		expect(note.body).toEqual(expect.arrayContaining([{ name: 'body', jsonType: 'string' }]));
		const search = op('opportunities:search-opportunity');
		expect(search.query).toEqual(
			expect.arrayContaining([{ name: 'status', jsonType: 'string', enum: ['open', 'won', 'lost', 'abandoned', 'all'] }]),
		);
		expect(op('contacts:create-note').body).toEqual(expect.arrayContaining([{ name: 'body', required: true, jsonType: 'string' }]));
		expect(op('medias:upload-media-content').bodyFormat).toBe('multipart');
	});
});

describe('findOperation', () => {
	it('finds by <app>:<operationId>, by method and path, and by an operationId only one app uses', () => {
		expect(operationKey(op('contacts:get-contact'))).toBe('contacts:get-contact');
		expect(operationKey(op('get /contacts/{contactId}'))).toBe('contacts:get-contact');
		expect(operationKey(op(' get-contact '))).toBe('contacts:get-contact');
	});

	it('finds nothing for an unknown or ambiguous reference', () => {
		expect(findOperation('contacts:nope')).toBeUndefined();
		expect(findOperation('create-agent')).toBeUndefined(); // conversation-ai and voice-ai
		expect(findOperation('')).toBeUndefined();
	});
});

describe('endpointOf', () => {
	it('uses the endpoint-table entry when the package has one (its pagination, root and location)', () => {
		expect(endpointOf(op('contacts:search-contacts-advanced'))).toBe(ENDPOINTS.searchContacts);
		expect(knownEndpointOf(op('opportunities:search-opportunity'))).toBe(ENDPOINTS.searchOpportunities);
	});

	it('fills the location where the endpoint table says, where the package has an entry', () => {
		// The spec's body schema is empty; the table (FACTS.md 2.1) sends locationId in the body.
		expect(op('contacts:search-contacts-advanced').location).toBeUndefined();
		expect(withPackageLocation(op('contacts:search-contacts-advanced')).location).toEqual({ in: 'body', name: 'locationId' });
		// An optional locationId filter of an agency search: the table leaves it to the user.
		expect(op('users:search-users').location).toEqual({ in: 'query', name: 'locationId', optional: true });
		expect(withPackageLocation(op('users:search-users')).location).toBeUndefined();
		// No table entry: the catalogue's placement.
		expect(withPackageLocation(op('payments:list-transactions'))).toBe(op('payments:list-transactions'));
	});

	it('makes one from the catalogue otherwise', () => {
		expect(endpointOf(op('invoices:list-invoice-templates'))).toEqual({
			spec: 'invoices',
			operationId: 'list-invoice-templates',
			method: 'GET',
			path: '/invoices/template',
			version: '2021-07-28',
			location: { in: 'query', name: 'altId' },
			scope: 'invoices/template.readonly',
		});
		expect(endpointOf(op('oauth:get-installed-location')).tokenKind).toBe('company');
	});

	it('pages the operations whose endpoint-table entry has pagination, and only those', () => {
		const paged = pagedOperations().map(operationKey);
		expect(paged).toEqual(
			expect.arrayContaining(['contacts:search-contacts-advanced', 'opportunities:search-opportunity', 'conversations:search-conversation']),
		);
		for (const key of paged) expect(knownEndpointOf(op(key))?.pagination).toBeDefined();
		expect(paged).not.toContain('contacts:get-contact');
	});
});

describe('validateRequest', () => {
	const none = { path: {}, qs: {} };

	it('accepts a request that fits the spec', () => {
		expect(validateRequest(op('contacts:create-note'), { path: { contactId: 'c1' }, qs: {}, body: { body: 'Called', pinned: true } })).toEqual([]);
		expect(validateRequest(op('opportunities:search-opportunity'), { path: {}, qs: { status: 'open', limit: '20' } })).toEqual([]);
	});

	it('reports a missing path parameter and one the operation does not have', () => {
		expect(validateRequest(op('contacts:get-contact'), { path: { id: 'x' }, qs: {} })).toEqual([
			{ field: 'Path Parameters → contactId', problem: 'is required by GET /contacts/{contactId}', fix: 'add a row for contactId with its value' },
			expect.objectContaining({ field: 'Path Parameters → id', problem: expect.stringContaining('is not a path parameter') }),
		]);
	});

	it('does not ask for the location and agency id fields the node fills', () => {
		expect(validateRequest(op('locations:get-location-tags'), none)).toEqual([]);
		expect(validateRequest(op('users:search-users'), none)).toEqual([]);
		expect(validateRequest(op('opportunities:get-pipelines'), none)).toEqual([]);
		expect(validateRequest(op('payments:list-transactions'), none)).toEqual([]);
	});

	it('reports a required query parameter left out, and query values of the wrong type or outside the enum', () => {
		const problems = validateRequest(op('opportunities:search-opportunity'), { path: {}, qs: { status: 'pending', limit: 'ten' } });
		expect(problems.map((p) => p.field)).toEqual(['Query Parameters → status', 'Query Parameters → limit']);
		expect(problems[0].problem).toBe('must be one of "open", "won", "lost", "abandoned", "all", got "pending"');
		expect(problems[1].problem).toBe('must be a number, got "ten"');
		expect(validateRequest(op('calendars:get-slots'), { path: { calendarId: 'cal1' }, qs: { startDate: '1735689600000' } })).toEqual([
			{ field: 'Query Parameters → endDate', problem: 'is required', fix: 'add a row for endDate' },
		]);
	});

	it('reports a missing body, required body fields and top-level values of the wrong type', () => {
		const note = op('contacts:create-note');
		expect(validateRequest(note, { path: { contactId: 'c1' }, qs: {} }).map((p) => p.field)).toEqual(['JSON Body', 'JSON Body → body']);
		expect(validateRequest(note, { path: { contactId: 'c1' }, qs: {}, body: { body: 5, pinned: 'yes' } })).toEqual([
			{ field: 'JSON Body → body', problem: 'must be a string (in quotes), got a number', fix: 'correct the value' },
			{ field: 'JSON Body → pinned', problem: 'must be true or false (without quotes), got "yes"', fix: 'correct the value' },
		]);
	});

	it('checks only the top level of the body', () => {
		const contact = op('contacts:create-contact');
		expect(validateRequest(contact, { path: {}, qs: {}, body: { customFields: [{ id: 5, nonsense: true }] } })).toEqual([]);
		expect(validateRequest(contact, { path: {}, qs: {}, body: { customFields: 'x' } })[0]).toMatchObject({
			field: 'JSON Body → customFields',
			problem: 'must be an array ([…]), got a string',
		});
	});
});
