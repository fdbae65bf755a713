/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
/**
 * Checks every entry of ENDPOINTS against the vendored official specs (test/sandbox/openapi/*.json, CC0 copies of
 * GoHighLevel/highlevel-api-docs `apps/*.json`): path + method + operationId, Version header, where the location id
 * goes, the security scope, the response root, path parameters, and page sizes.
 */
import * as fs from 'fs';
import * as path from 'path';

import {
	API_VERSION,
	DEFAULT_BASE_URL,
	ENDPOINTS,
	ENDPOINTS_BY_APP,
	type Endpoint,
} from '../../../nodes/GoHighLevel/shared/endpoints';
import { buildRequest, type Connection } from '../../../nodes/GoHighLevel/shared/transport';
import { BASE_URL, fakeContext, LOCATION_ID } from '../helpers';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

const SPEC_DIR = path.join(__dirname, '..', '..', 'sandbox', 'openapi');
const specCache = new Map<string, Json>();

function spec(name: string): Json {
	let doc = specCache.get(name);
	if (!doc) {
		doc = JSON.parse(fs.readFileSync(path.join(SPEC_DIR, `${name}.json`), 'utf8')) as Json;
		specCache.set(name, doc);
	}
	return doc;
}

/**
 * Follows `$ref`s until a plain object: local `#/components/...`, and `../common/common-schemas.json#/...`, whose
 * vendored copy is openapi/common/.
 */
function resolve(doc: Json, value: Json | undefined): Json | undefined {
	let current = value;
	for (let i = 0; current?.$ref && i < 20; i++) {
		const [file, pointer] = String(current.$ref).split('#');
		const target = file ? spec(path.posix.join('common', path.basename(file, '.json'))) : doc;
		current = pointer
			.split('/')
			.filter(Boolean)
			.reduce<Json | undefined>((node, key) => node?.[key], target);
	}
	return current;
}

/** Properties of a schema, merging `allOf` members; undefined when it declares none. */
function propertiesOf(doc: Json, schema: Json | undefined): Json | undefined {
	const s = resolve(doc, schema);
	if (!s) return undefined;
	const merged: Json = { ...(s.properties ?? {}) };
	for (const part of s.allOf ?? []) Object.assign(merged, propertiesOf(doc, part) ?? {});
	return Object.keys(merged).length ? merged : undefined;
}

function operationOf(endpoint: Endpoint): Json | undefined {
	return spec(endpoint.spec).paths?.[endpoint.path]?.[endpoint.method.toLowerCase()];
}

function parametersOf(endpoint: Endpoint): Json[] {
	const doc = spec(endpoint.spec);
	const op = operationOf(endpoint) ?? {};
	const shared = spec(endpoint.spec).paths?.[endpoint.path]?.parameters ?? [];
	return [...shared, ...(op.parameters ?? [])].map((p: Json) => resolve(doc, p) as Json);
}

function requestBodySchema(endpoint: Endpoint): Json | undefined {
	return operationOf(endpoint)?.requestBody?.content?.['application/json']?.schema;
}

/**
 * The body of POST /contacts/search as documented outside the spec (FACTS.md 2.1: HighLevel's search doc linked from
 * the operation's `externalDocs`): the spec's `SearchBodyV2DTO` is an empty object, so this stands in for it.
 */
const DOCUMENTED_CONTACT_SEARCH_BODY: Json = {
	type: 'object',
	properties: {
		locationId: { type: 'string' },
		page: { type: 'number', minimum: 1 },
		pageLimit: { type: 'number', minimum: 1, maximum: 500 },
		searchAfter: { type: 'array' },
		filters: { type: 'array' },
		sort: { type: 'array' },
		query: { type: 'string', maxLength: 75 },
	},
	required: ['locationId', 'pageLimit'],
};

/**
 * The body of POST /objects/{schemaKey}/records (objects.json `create-object-record`): the spec's
 * `CreateCustomObjectRecordDto` is an empty object; the fields are the record's own (`IRecordSchema`: properties,
 * owner, followers) and the location (endpoints/objects.ts).
 */
const DOCUMENTED_OBJECT_RECORD_BODY: Json = {
	type: 'object',
	properties: {
		locationId: { type: 'string' },
		properties: { type: 'object' },
		owner: { type: 'array' },
		followers: { type: 'array' },
	},
	required: ['locationId'],
};

/** The request body schema, or the documented one where the spec declares nothing (POST /contacts/search, POST /objects/{schemaKey}/records). */
function effectiveBodySchema(endpoint: Endpoint): Json | undefined {
	const doc = spec(endpoint.spec);
	if (propertiesOf(doc, requestBodySchema(endpoint))) return resolve(doc, requestBodySchema(endpoint));
	if (endpoint.operationId === 'create-object-record') return DOCUMENTED_OBJECT_RECORD_BODY;
	return endpoint.operationId === 'search-contacts-advanced' ? DOCUMENTED_CONTACT_SEARCH_BODY : undefined;
}

/**
 * objects.json record operations whose security names no scope (`[{ bearer: [] }]`): the entry uses the scope of the
 * sibling record operations (endpoints/objects.ts).
 */
const OBJECT_RECORD_SCOPES: Record<string, string> = {
	'get-record-by-id': 'objects/record.readonly',
	'update-object-record': 'objects/record.write',
	'delete-object-record': 'objects/record.write',
};

/**
 * associations.json lists whose 2xx schema is the one-association DTO; HighLevel answers the list under this key
 * (endpoints/associations.ts).
 */
const UNDECLARED_LIST_ROOTS: Record<string, string> = {
	'find-associations': 'associations',
	'get-relations-by-record-id': 'relations',
};

/**
 * Path parameters in a spec path template that the operation does not declare (a spec quirk, patched for the sandbox in
 * test/sandbox/spec.ts SPEC_PATCHES): calendars.json update/delete-appointment-note declare only `appointmentId`.
 */
const UNDECLARED_PATH_PARAMETERS: Record<string, string[]> = {
	'update-appointment-note': ['noteId'],
	'delete-appointment-note': ['noteId'],
	// conversations.json: get-message and get-email-by-id do not declare `{id}` (endpoints/conversations.ts).
	'get-message': ['id'],
	'get-email-by-id': ['id'],
	// users.json: update-user and delete-user do not declare `{userId}` (get-user on the same path does).
	'update-user': ['userId'],
	'delete-user': ['userId'],
	// locations.json: get-timezones declares no parameter but the Version header (endpoints/locations.ts).
	'get-timezones': ['locationId'],
};

/**
 * Operations whose spec security names no scope (`[{ bearer: [] }]`, locations.json tag, custom field and custom
 * value by id): the entry uses the scope of the sibling list / create operation (endpoints/locations.ts).
 */
const NO_SCOPE_IN_SPEC: Record<string, string> = {
	'get-tag-by-id': 'locations/tags.readonly',
	'update-tag': 'locations/tags.write',
	'delete-tag': 'locations/tags.write',
	'get-custom-field': 'locations/customFields.readonly',
	'update-custom-field': 'locations/customFields.write',
	'delete-custom-field': 'locations/customFields.write',
	'get-custom-value': 'locations/customValues.readonly',
	'update-custom-value': 'locations/customValues.write',
	'delete-custom-value': 'locations/customValues.write',
};

/**
 * Operations whose spec entry declares no `Version` header and no `security` (conversations.json get-email-by-id,
 * cancel-scheduled-email-message): the entry uses the Version and scope of its sibling message operations
 * (endpoints/conversations.ts).
 */
const NO_VERSION_NOR_SECURITY = ['get-email-by-id', 'cancel-scheduled-email-message'];

/**
 * funnels.json's lists declare no `Version` header and no scope (`security: [{"Location-Access": []}]`): the entries
 * send the v2 default Version and name the scope of FACTS.md 3.5's table (endpoints/funnels.ts).
 */
const NO_VERSION_NOR_SCOPE: Record<string, string> = {
	getFunnels: 'funnels/funnel.readonly',
	getPagesByFunnelId: 'funnels/page.readonly',
};

/**
 * Paged operations whose answer is the list itself, without a root key: funnels.json `getPagesByFunnelId` (its 200
 * schema `FunnelPageResponseDTO` is one page; endpoints/funnels.ts).
 */
const ROOTLESS_LISTS = ['getPagesByFunnelId'];

const entries = Object.entries(ENDPOINTS) as Array<[string, Endpoint]>;
const connection: Connection = {
	credentialType: 'goHighLevelPrivateIntegrationTokenApi',
	baseUrl: BASE_URL,
	locationId: LOCATION_ID,
	rateLimitKey: `${BASE_URL}|${LOCATION_ID}`,
	tokenType: 'Location',
};

describe('ENDPOINTS against the official specs', () => {
	describe.each(entries)('%s', (_name, endpoint) => {
		it('exists in the spec with this method, path and operationId', () => {
			const op = operationOf(endpoint);
			expect(op).toBeDefined();
			expect(op?.operationId).toBe(endpoint.operationId);
		});

		it('sends a Version the spec allows', () => {
			const header = parametersOf(endpoint).find((p) => p.in === 'header' && p.name === 'Version');
			if (endpoint.operationId in NO_VERSION_NOR_SCOPE) {
				expect(header).toBeUndefined();
				expect(endpoint.version).toBe(API_VERSION.default);
				return;
			}
			if (NO_VERSION_NOR_SECURITY.includes(endpoint.operationId)) {
				expect(header).toBeUndefined();
				expect(endpoint.version).toBe(API_VERSION.calendarsAndConversations);
				return;
			}
			expect(header).toBeDefined();
			expect(header?.schema?.enum).toContain(endpoint.version);
		});

		it('needs exactly the scope the spec states', () => {
			const security = (operationOf(endpoint)?.security ?? []) as Array<Record<string, string[]>>;
			// The same scope under several schemes (Location-Access or Agency-Access) counts once.
			const scopes = [...new Set(security.flatMap((entry) => Object.values(entry).flat()))];
			if (endpoint.operationId in NO_VERSION_NOR_SCOPE) {
				expect(scopes).toEqual([]);
				expect(endpoint.scope).toBe(NO_VERSION_NOR_SCOPE[endpoint.operationId]);
				return;
			}
			// contacts.json add-remove-contact-from-business states no security at all: the entry uses contacts.write,
			// the scope of every other contact write (endpoints/contacts.ts).
			if (endpoint.operationId === 'add-remove-contact-from-business') {
				expect(security).toEqual([]);
				expect(endpoint.scope).toBe('contacts.write');
				return;
			}
			if (endpoint.spec === 'locations' && NO_SCOPE_IN_SPEC[endpoint.operationId]) {
				expect(scopes).toEqual([]);
				expect(endpoint.scope).toBe(NO_SCOPE_IN_SPEC[endpoint.operationId]);
				return;
			}
			if (endpoint.spec === 'objects' && OBJECT_RECORD_SCOPES[endpoint.operationId]) {
				expect(scopes).toEqual([]);
				expect(endpoint.scope).toBe(OBJECT_RECORD_SCOPES[endpoint.operationId]);
				return;
			}
			expect(scopes).toEqual(NO_VERSION_NOR_SECURITY.includes(endpoint.operationId) ? [] : [endpoint.scope]);
		});

		it('reads the records from a key the 2xx response schema declares (when it declares any)', () => {
			const doc = spec(endpoint.spec);
			const responses = Object.entries(operationOf(endpoint)?.responses ?? {}).filter(([code]) => /^2/.test(code));
			expect(responses.length).toBeGreaterThan(0);
			const declared = responses
				.map(([, r]) => propertiesOf(doc, (r as Json).content?.['application/json']?.schema))
				.filter((p): p is Json => p !== undefined);
			if (endpoint.spec === 'associations' && UNDECLARED_LIST_ROOTS[endpoint.operationId]) {
				expect(endpoint.root).toBe(UNDECLARED_LIST_ROOTS[endpoint.operationId]);
				expect(declared.map((props) => Object.keys(props).sort())).toEqual([expect.arrayContaining(['id', 'key', 'firstObjectKey'])]);
				return;
			}
			const missing = endpoint.root ? declared.filter((props) => !(endpoint.root! in props)) : [];
			expect(missing).toEqual([]);
		});

		it('fills every path parameter of the template, the location one from the credential', () => {
			const declared = parametersOf(endpoint)
				.filter((p) => p.in === 'path')
				.map((p) => p.name as string)
				.concat(UNDECLARED_PATH_PARAMETERS[endpoint.operationId] ?? []);
			const inTemplate = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
			expect([...declared].sort()).toEqual([...inTemplate].sort());
			const values = Object.fromEntries(
				inTemplate.filter((n) => !(endpoint.location?.in === 'path' && endpoint.location.name === n)).map((n) => [n, `v-${n}`]),
			);
			const { ctx } = fakeContext();
			const request = buildRequest(ctx, endpoint, connection, { path: values });
			expect(request.url).not.toMatch(/[{}]/);
			for (const value of Object.values(values)) expect(request.url).toContain(value);
			if (endpoint.location?.in === 'path') expect(request.url).toContain(`/${LOCATION_ID}`);
		});
	});

	const located = entries.filter(([, e]) => e.location) as Array<[string, Endpoint & { location: NonNullable<Endpoint['location']> }]>;

	describe.each(located.filter(([, e]) => e.location.in !== 'body'))('%s location parameter', (_name, endpoint) => {
		it('is a required parameter of that name and place', () => {
			if (UNDECLARED_PATH_PARAMETERS[endpoint.operationId]?.includes(endpoint.location.name)) return;
			const parameter = parametersOf(endpoint).find((p) => p.name === endpoint.location.name);
			expect(parameter?.in).toBe(endpoint.location.in);
			expect(parameter?.required).toBe(true);
		});
	});

	describe.each(located.filter(([, e]) => e.location.in === 'body'))('%s location in the body', (_name, endpoint) => {
		it('is a required property of the request body schema', () => {
			const schema = effectiveBodySchema(endpoint);
			expect(propertiesOf(spec(endpoint.spec), schema)).toHaveProperty(endpoint.location.name);
			expect(schema?.required).toContain(endpoint.location.name);
		});
	});

	it('leaves only POST /contacts/search and POST /objects/{schemaKey}/records with a request body schema that declares nothing', () => {
		const empty = entries
			.filter(([, e]) => e.location?.in === 'body')
			.filter(([, e]) => !propertiesOf(spec(e.spec), requestBodySchema(e)))
			.map(([, e]) => e.operationId);
		expect(empty.sort()).toEqual(['create-object-record', 'search-contacts-advanced']);
	});

	describe('paged endpoints', () => {
		it('GET /opportunities/search: limit in the query, at most what the spec says, cursor from meta', () => {
			const endpoint = ENDPOINTS.searchOpportunities;
			const doc = spec(endpoint.spec);
			const limit = parametersOf(endpoint).find((p) => p.name === endpoint.pagination.sizeParameter);
			expect(limit?.in).toBe('query');
			const max = /maximum up to (\d+)/i.exec(String(limit?.description));
			expect(max).not.toBeNull();
			expect(endpoint.pagination.maxPageSize).toBe(Number(max![1]));
			const query = parametersOf(endpoint).filter((p) => p.in === 'query').map((p) => p.name);
			expect(query).toEqual(expect.arrayContaining(['startAfter', 'startAfterId']));
			expect(query).not.toContain('pageLimit');
			const response = operationOf(endpoint)?.responses?.['200']?.content?.['application/json']?.schema;
			const meta = propertiesOf(doc, propertiesOf(doc, response)?.meta);
			expect(Object.keys(meta ?? {})).toEqual(
				expect.arrayContaining(['startAfter', 'startAfterId', 'nextPageUrl', 'total']),
			);
		});

		it('POST /contacts/search: pageLimit and searchAfter in the body, page size at the documented maximum', () => {
			const endpoint = ENDPOINTS.searchContacts;
			const props = propertiesOf(spec(endpoint.spec), effectiveBodySchema(endpoint)) ?? {};
			expect(props).toHaveProperty(endpoint.pagination.sizeParameter);
			expect(props).toHaveProperty('searchAfter');
			expect(props[endpoint.pagination.sizeParameter].maximum).toBe(endpoint.pagination.maxPageSize);
		});

		it('GET /conversations/messages/export: limit bounds and the cursor parameter as the spec declares them', () => {
			const endpoint = ENDPOINTS.exportMessages;
			const params = parametersOf(endpoint);
			const limit = params.find((p) => p.name === endpoint.pagination.sizeParameter);
			expect(limit?.in).toBe('query');
			expect(limit?.schema?.minimum).toBe(endpoint.pagination.minPageSize);
			expect(limit?.schema?.maximum).toBe(endpoint.pagination.maxPageSize);
			expect(params.find((p) => p.name === 'cursor')?.in).toBe('query');
		});

		it('POST /locations/{locationId}/tasks/search: limit and skip in the body', () => {
			const endpoint = ENDPOINTS.searchLocationTasks;
			const props = propertiesOf(spec(endpoint.spec), effectiveBodySchema(endpoint)) ?? {};
			expect(props).toHaveProperty(endpoint.pagination.sizeParameter);
			expect(props).toHaveProperty(endpoint.pagination.offsetParameter);
		});

		it.each([
			['GET /locations/search', ENDPOINTS.searchLocations],
			['GET /locations/{locationId}/templates', ENDPOINTS.getTemplates],
		] as const)('%s: limit and skip in the query', (_label, endpoint) => {
			const query = parametersOf(endpoint).filter((p) => p.in === 'query').map((p) => p.name);
			expect(query).toEqual(expect.arrayContaining([endpoint.pagination.sizeParameter, endpoint.pagination.offsetParameter]));
		});

		it('GET /locations/{locationId}/templates: the total it stops at is a property of the response', () => {
			const endpoint = ENDPOINTS.getTemplates;
			const doc = spec(endpoint.spec);
			const response = operationOf(endpoint)?.responses?.['200']?.content?.['application/json']?.schema;
			expect(propertiesOf(doc, response)).toHaveProperty(endpoint.pagination.totalField as string);
		});

		it('every paged endpoint has a response root to read records from', () => {
			const paged = entries.filter(([, e]) => e.pagination);
			expect(paged.length).toBeGreaterThan(0);
			expect(paged.filter(([, e]) => !e.root && !ROOTLESS_LISTS.includes(e.operationId)).map(([n]) => n)).toEqual([]);
		});
	});

	describe('one module per spec app', () => {
		it('holds each entry in the module of its spec app, every app module has a vendored spec, no name twice', () => {
			const misplaced: string[] = [];
			let count = 0;
			for (const [app, module] of Object.entries(ENDPOINTS_BY_APP) as Array<[string, Record<string, Endpoint>]>) {
				expect(fs.existsSync(path.join(SPEC_DIR, `${app}.json`))).toBe(true);
				for (const [name, endpoint] of Object.entries(module)) {
					count++;
					if (endpoint.spec !== app) misplaced.push(`${name} (${endpoint.spec}) in ${app}.ts`);
				}
			}
			expect(misplaced).toEqual([]);
			// A name used in two modules would be silently overwritten when ENDPOINTS is assembled.
			expect(Object.keys(ENDPOINTS)).toHaveLength(count);
		});
	});

	describe('shared constants', () => {
		it('DEFAULT_BASE_URL is the server of every spec the endpoints use', () => {
			const servers = [...new Set(entries.map(([, e]) => e.spec))].map((name) => spec(name).servers?.[0]?.url);
			expect(new Set(servers)).toEqual(new Set([DEFAULT_BASE_URL]));
		});

		it.each([
			['calendars', API_VERSION.calendarsAndConversations],
			['conversations', API_VERSION.calendarsAndConversations],
			['contacts', API_VERSION.default],
			['opportunities', API_VERSION.default],
			['locations', API_VERSION.default],
			['users', API_VERSION.default],
			['workflows', API_VERSION.default],
			['campaigns', API_VERSION.default],
		])('every operation of %s.json accepts Version %s', (name, version) => {
			const doc = spec(name);
			const refused: string[] = [];
			for (const [p, ops] of Object.entries(doc.paths as Json)) {
				for (const [method, op] of Object.entries(ops as Json)) {
					if (!op || typeof op !== 'object' || !Array.isArray((op as Json).parameters)) continue;
					const header = ((op as Json).parameters as Json[])
						.map((x) => resolve(doc, x) as Json)
						.find((x) => x.in === 'header' && x.name === 'Version');
					if (header && !header.schema?.enum?.includes(version)) refused.push(`${method.toUpperCase()} ${p}`);
				}
			}
			expect(refused).toEqual([]);
		});
	});
});
