/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
/**
 * Loads the vendored HighLevel OpenAPI specs (test/sandbox/openapi), applies the documented quirk patches, and
 * exposes routing + request validation through openapi-backend.
 *
 * One OpenAPIBackend per spec file (their component names collide, e.g. `CustomFieldSchema` differs between
 * contacts.json and locations.json). Validators are compiled lazily per operation and shared by every sandbox
 * in the process.
 */
import * as fs from 'fs';
import * as path from 'path';
import type OpenAPIBackendType from 'openapi-backend';
import type { ErrorObject } from 'ajv';

type OpenAPIBackendClass = typeof OpenAPIBackendType;

/**
 * Loads openapi-backend lazily. Specs are passed as self-contained objects (see {@link readSpec}) and `quick` mode
 * dereferences them synchronously, so its `$ref` resolver (@apidevtools/json-schema-ref-parser) never fetches anything.
 */
function loadOpenApiBackend(): OpenAPIBackendClass {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (require('openapi-backend') as { default: OpenAPIBackendClass }).default;
}

/** Folder of the vendored specs (CC0 copies of GoHighLevel/highlevel-api-docs `apps/*.json`). */
export const SPEC_DIR = path.join(__dirname, 'openapi');

/** Spec files served, keyed by the first path segment they own (`/contacts/...` → contacts.json). */
export const SPEC_FILES = [
	'contacts',
	'opportunities',
	'locations',
	'users',
	'oauth',
	'calendars',
	'conversations',
	'workflows',
	'campaigns',
	'businesses',
	'custom-fields',
	'objects',
	'associations',
	'forms',
	'surveys',
	'funnels',
	'links',
	'medias',
	'invoices',
	'payments',
	'products',
] as const;
export type SpecName = (typeof SPEC_FILES)[number];

/* eslint-disable @typescript-eslint/no-explicit-any */
/** A parsed OpenAPI 3.0 document (JSON as loaded; deliberately loose). */
export type SpecDocument = {
	paths: Record<string, Record<string, any>>;
	components: { schemas: Record<string, any> };
} & Record<string, any>;
/** A JSON schema object (loose). */
export type JsonSchema = Record<string, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * One correction applied to a vendored spec before it is used for validation.
 * Only spec mistakes and constraints that the spec states in prose but not in the schema belong here;
 * real requirements (required `Version`, `location_id` on GET /opportunities/search, …) are never patched away.
 */
export interface SpecPatch {
	spec: SpecName;
	/** What is changed, e.g. `UpsertOpportunityDto.monetaryValue`. */
	target: string;
	/** Why, with the source. */
	reason: string;
	apply(doc: SpecDocument): void;
}

function schema(doc: SpecDocument, name: string): JsonSchema {
	const s = doc.components.schemas[name];
	if (!s) throw new Error(`spec patch: schema ${name} not found`);
	return s;
}

function operation(doc: SpecDocument, p: string, method: string): JsonSchema {
	const op = doc.paths[p]?.[method];
	if (!op) throw new Error(`spec patch: ${method.toUpperCase()} ${p} not found`);
	return op;
}

function parameter(doc: SpecDocument, p: string, method: string, name: string): JsonSchema {
	const param = (operation(doc, p, method).parameters as JsonSchema[] | undefined)?.find(
		(x) => x.name === name,
	);
	if (!param)
		throw new Error(`spec patch: parameter ${name} of ${method.toUpperCase()} ${p} not found`);
	return param;
}

function property(doc: SpecDocument, schemaName: string, prop: string): JsonSchema {
	const s = schema(doc, schemaName);
	if (!s.properties?.[prop]) throw new Error(`spec patch: ${schemaName}.${prop} not found`);
	return s.properties[prop];
}

/**
 * THE list of spec quirk patches (FACTS.md "spec quirks", plus what the sandbox found while validating real
 * request shapes). Each entry names its target and reason; the README repeats this list.
 */
export const SPEC_PATCHES: readonly SpecPatch[] = [
	{
		spec: 'opportunities',
		target: 'UpsertOpportunityDto.monetaryValue',
		reason:
			'typed `object` but is a number (example 220; CreateDto and UpdateOpportunityDto type it `number`).',
		apply: (doc) => {
			const p = property(doc, 'UpsertOpportunityDto', 'monetaryValue');
			p.type = 'number';
		},
	},
	{
		spec: 'opportunities',
		target: 'UpsertOpportunityDto.contactId (added)',
		reason:
			'an upsert that may create an opportunity needs the contact (create-opportunity requires contactId) and ' +
			'callers send it; the DTO omits it.',
		apply: (doc) => {
			schema(doc, 'UpsertOpportunityDto').properties.contactId = {
				type: 'string',
				example: 'mTkSCb1UBjb5tk4OvB69',
			};
		},
	},
	{
		spec: 'opportunities',
		target:
			'UpsertOpportunityDto.required (followers, isRemoveAllFollowers, followersActionType dropped)',
		reason:
			'follower management is optional on every other opportunity write (followers have their own endpoints); ' +
			'FACTS.md 2.2 flags these as "spec marks … required".',
		apply: (doc) => {
			const s = schema(doc, 'UpsertOpportunityDto');
			s.required = (s.required as string[]).filter(
				(r) => !['followers', 'isRemoveAllFollowers', 'followersActionType'].includes(r),
			);
		},
	},
	{
		spec: 'opportunities',
		target: 'CreateDto/UpdateOpportunityDto customFields items (number value accepted)',
		reason:
			'the item variants cover string, string[] and object values only, so a NUMERICAL/MONETORY custom field ' +
			'could not be written as a number.',
		apply: (doc) => {
			doc.components.schemas.customFieldsInputNumberSchema = {
				type: 'object',
				properties: {
					id: { type: 'string' },
					key: { type: 'string' },
					field_value: { type: 'number', example: 100 },
				},
			};
			for (const name of ['CreateDto', 'UpdateOpportunityDto']) {
				property(doc, name, 'customFields').items.anyOf.push({
					$ref: '#/components/schemas/customFieldsInputNumberSchema',
				});
			}
		},
	},
	{
		spec: 'opportunities',
		target: 'GET /opportunities/search `limit` maximum 100',
		reason:
			'the description says "will allow maximum up to 100" but the schema has no maximum (FACTS.md 2.14).',
		apply: (doc) => {
			parameter(doc, '/opportunities/search', 'get', 'limit').schema.maximum = 100;
		},
	},
	{
		spec: 'contacts',
		target: 'GET /contacts/ `limit` maximum 100',
		reason:
			'the description says "will allow maximum up to 100" but the schema has no maximum (FACTS.md 2.1).',
		apply: (doc) => {
			parameter(doc, '/contacts/', 'get', 'limit').schema.maximum = 100;
		},
	},
	{
		spec: 'contacts',
		target: 'NumericField.field_value, MonetoryField.field_value',
		reason:
			'typed `object` but the examples are 100 and 100.5: the value of a number custom field is a number.',
		apply: (doc) => {
			property(doc, 'NumericField', 'field_value').type = 'number';
			property(doc, 'MonetoryField', 'field_value').type = 'number';
		},
	},
	{
		spec: 'contacts',
		target: 'CreateContactDto/UpdateContactDto/UpsertContactDto.dateOfBirth',
		reason:
			'typed `object` but its description lists string formats (YYYY-MM-DD, MM/DD/YYYY, …) and the example is "1990-09-25".',
		apply: (doc) => {
			for (const name of ['CreateContactDto', 'UpdateContactDto', 'UpsertContactDto']) {
				property(doc, name, 'dateOfBirth').type = 'string';
			}
		},
	},
	{
		spec: 'contacts',
		target: 'UpdateContactDto.companyName (added)',
		reason:
			'missing from the DTO although PUT /contacts/{id} accepts it (GoHighLevel/highlevel-api-docs#314, verified ' +
			'live; Create/Upsert DTOs have it).',
		apply: (doc) => {
			schema(doc, 'UpdateContactDto').properties.companyName = {
				type: 'string',
				example: 'DGS VolMAX',
				nullable: true,
			};
		},
	},
	{
		spec: 'contacts',
		target: 'SearchBodyV2DTO (POST /contacts/search body)',
		reason:
			'the spec body is an empty object; the documented body (FACTS.md 2.1) is filled in: locationId and ' +
			'pageLimit (1..500) required, page ≥ 1, searchAfter[], filters[], sort[], query. Unknown properties stay ' +
			'allowed because the spec body is `{}`.',
		apply: (doc) => {
			doc.components.schemas.SearchBodyV2DTO = {
				type: 'object',
				properties: {
					locationId: { type: 'string' },
					page: { type: 'number', minimum: 1 },
					pageLimit: { type: 'number', minimum: 1, maximum: 500 },
					searchAfter: { type: 'array' },
					filters: { type: 'array', items: { type: 'object' } },
					sort: {
						type: 'array',
						items: {
							type: 'object',
							properties: {
								field: { type: 'string' },
								direction: { type: 'string', enum: ['asc', 'desc'] },
							},
							required: ['field'],
						},
					},
					query: { type: 'string', maxLength: 75 },
				},
				required: ['locationId', 'pageLimit'],
			};
		},
	},
	{
		spec: 'calendars',
		target: 'delete-event: request body optional',
		reason:
			'the body is marked required, but its schema `DeleteAppointmentSchema` is an empty object (FACTS.md 2.3 lists ' +
			'DELETE /calendars/events/{eventId} with no input); n8n sends no body for an empty object.',
		apply: (doc) => {
			(operation(doc, '/calendars/events/{eventId}', 'delete').requestBody as JsonSchema).required = false;
		},
	},
	{
		spec: 'calendars',
		target: 'PUT/DELETE /calendars/appointments/{appointmentId}/notes/{noteId} `noteId` path parameter (added)',
		reason:
			'the path template has {noteId} but update-appointment-note and delete-appointment-note declare only ' +
			'appointmentId (FACTS.md 2.3 lists the path with the note id).',
		apply: (doc) => {
			for (const method of ['put', 'delete']) {
				const op = operation(doc, '/calendars/appointments/{appointmentId}/notes/{noteId}', method);
				if (!(op.parameters as JsonSchema[]).some((x) => x.name === 'noteId')) {
					(op.parameters as JsonSchema[]).push({ name: 'noteId', in: 'path', required: true, schema: { type: 'string' } });
				}
			}
		},
	},
	{
		spec: 'contacts',
		target: 'add-contact-to-workflow, delete-contact-from-workflow, add-contact-to-campaign: request body optional',
		reason:
			'the body is marked required, but its DTO has no required property (`CreateWorkflowDto {eventStartTime?}`, ' +
			'`AddContactToCampaignDto {}`, FACTS.md 2.1 lists these calls with "–" or an optional body); n8n sends no ' +
			'body for an empty object, and an enrolment without event start time is the usual call.',
		apply: (doc) => {
			for (const [p, method] of [
				['/contacts/{contactId}/workflow/{workflowId}', 'post'],
				['/contacts/{contactId}/workflow/{workflowId}', 'delete'],
				['/contacts/{contactId}/campaigns/{campaignId}', 'post'],
			]) {
				(operation(doc, p, method).requestBody as JsonSchema).required = false;
			}
		},
	},
	{
		spec: 'conversations',
		target: 'GET /conversations/search `startAfterDate` schema',
		reason:
			'`type: "any"` is not a JSON-schema type (Ajv refuses to compile it); the parameter-level anyOf says number or number[].',
		apply: (doc) => {
			const p = parameter(doc, '/conversations/search', 'get', 'startAfterDate');
			p.schema = {};
		},
	},
	{
		spec: 'conversations',
		target: 'SendMessageBodyDto.required (subType, status dropped)',
		reason:
			'the DTO marks `subType` (typed object) and `status` required on every send; FACTS.md 2.4: treat only `type` ' +
			'and `contactId` as required (a send has no status yet; subType is not documented).',
		apply: (doc) => {
			const s = schema(doc, 'SendMessageBodyDto');
			s.required = (s.required as string[]).filter((r) => !['subType', 'status'].includes(r));
		},
	},
	{
		spec: 'conversations',
		target: 'get-message and get-email-by-id: path parameter id (added)',
		reason:
			'both paths have an `{id}` template parameter that get-message and get-email-by-id do not declare, so the ' +
			'validator refuses it as an unknown property.',
		apply: (doc) => {
			for (const p of ['/conversations/messages/{id}', '/conversations/messages/email/{id}']) {
				const op = operation(doc, p, 'get');
				op.parameters = [
					...((op.parameters as JsonSchema[] | undefined) ?? []),
					{ name: 'id', in: 'path', required: true, schema: { type: 'string' } },
				];
			}
		},
	},
	{
		spec: 'users',
		target: 'update-user and delete-user: path parameter userId (added)',
		reason:
			'PUT and DELETE /users/{userId} have a `{userId}` template parameter that the operations do not declare ' +
			'(get-user on the same path does), so the validator refuses it as an unknown property.',
		apply: (doc) => {
			for (const method of ['put', 'delete']) {
				const op = operation(doc, '/users/{userId}', method);
				op.parameters = [
					...((op.parameters as JsonSchema[] | undefined) ?? []),
					{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } },
				];
			}
		},
	},
	{
		spec: 'conversations',
		target: 'UploadFilesDto.required (attachmentUrls dropped)',
		reason:
			'upload-file-attachments takes the files as multipart parts under `fileAttachment` (operation description); ' +
			'a file upload has no URLs to send, so `attachmentUrls` cannot be required.',
		apply: (doc) => {
			const s = schema(doc, 'UploadFilesDto');
			s.required = (s.required as string[]).filter((r) => r !== 'attachmentUrls');
		},
	},
	{
		spec: 'conversations',
		target: 'UserSubscriptionChangeDto.subscription_action.examples',
		reason:
			'an OpenAPI 3.0 schema has no `examples` map (Ajv refuses to compile it); removed, the `allOf` is kept.',
		apply: (doc) => {
			delete property(doc, 'UserSubscriptionChangeDto', 'subscription_action').examples;
		},
	},
	{
		spec: 'locations',
		target: 'get-timezones: path parameter locationId (added)',
		reason:
			'the path is /locations/{locationId}/timezones but the operation declares only the Version header ' +
			'(FACTS.md 2.9 lists the path with the location id).',
		apply: (doc) => {
			const op = operation(doc, '/locations/{locationId}/timezones', 'get');
			if (!(op.parameters as JsonSchema[]).some((x) => x.name === 'locationId')) {
				(op.parameters as JsonSchema[]).push({ name: 'locationId', in: 'path', required: true, schema: { type: 'string' } });
			}
		},
	},
	{
		spec: 'locations',
		target: 'CreateCustomFieldsDTO/UpdateCustomFieldsDTO.options (added)',
		reason:
			'the options of SINGLE_OPTIONS, MULTIPLE_OPTIONS, RADIO and CHECKBOX fields (answered as `picklistOptions`, ' +
			'CustomFieldSchema) are sent as `options: string[]`; the DTOs do not list it, and HighLevel confirms the ' +
			'create DTO is incomplete (GoHighLevel/highlevel-api-docs#300).',
		apply: (doc) => {
			for (const name of ['CreateCustomFieldsDTO', 'UpdateCustomFieldsDTO']) {
				(schema(doc, name).properties as JsonSchema).options = { type: 'array', items: { type: 'string' } };
			}
		},
	},
	{
		spec: 'medias',
		target: 'upload-media-content multipart field hosted (text "true" / "false" accepted)',
		reason:
			'the body is multipart/form-data, whose fields are text (RFC 7578): the boolean `hosted` arrives as "true" or ' +
			'"false", which the JSON-schema `type: boolean` refuses.',
		apply: (doc) => {
			const body = operation(doc, '/medias/upload-file', 'post').requestBody.content['multipart/form-data'].schema;
			body.properties.hosted = { anyOf: [{ type: 'boolean' }, { type: 'string', enum: ['true', 'false'] }] };
		},
	},
];

/**
 * Operations whose JSON body rejects unknown properties with 422 "property X should not exist", like HighLevel's
 * DTO validation (FACTS.md 2.2 and 6). Applied to the top level of the request body schema. Not applied where the
 * spec body is `{}` (POST /contacts/search).
 */
export const STRICT_BODY_OPERATIONS: readonly string[] = [
	'create-contact',
	'update-contact',
	'upsert-contact',
	'add-tags',
	'remove-tags',
	'create-opportunity',
	'update-opportunity',
	'Upsert-opportunity',
	'update-opportunity-status',
	'create-custom-field',
	'update-custom-field',
	'create-tag',
	'update-tag',
	'create-custom-value',
	'update-custom-value',
	'create-user',
	'update-user',
	'create-business',
	'update-business',
];

/** Header parameter names, lower-case → spelling used in messages. */
const HEADER_NAMES: Record<string, string> = { version: 'Version', authorization: 'Authorization' };

export interface LoadedSpec {
	name: SpecName;
	api: OpenAPIBackendType;
}

/** A routed request: the operation and the spec it belongs to. */
export interface MatchedOperation {
	spec: LoadedSpec;
	operationId: string;
	method: string;
	/** Spec path (after trailing-slash normalisation), e.g. `/contacts/{contactId}`. */
	path: string;
	/** Security requirement alternatives, e.g. `[{ bearer: ['contacts.readonly'] }]`. */
	security: Array<Record<string, string[]>>;
	/** Whether the operation declares any query parameter (unknown query params are only rejected then). */
	hasQueryParams: boolean;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	raw: any;
}

/** Outcome of validating one request against its operation. */
export interface ValidationOutcome {
	valid: boolean;
	/** Readable, class-validator-style messages (e.g. `property locationId should not exist`). */
	errors: string[];
	/** Path parameters after coercion. */
	params: Record<string, string>;
	/** Query parameters after coercion (numbers and booleans converted per spec). */
	query: Record<string, unknown>;
}

function readJson(file: string): SpecDocument {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as SpecDocument;
}

/**
 * Reads one vendored spec and makes it self-contained: `../common/common-schemas.json#/components/schemas/X`
 * becomes `#/components/schemas/Common_X` (the common file is copied into components), and path keys lose
 * their trailing slash (`/contacts/` → `/contacts`) because openapi-backend strips it from request paths but not
 * from spec paths; HighLevel answers both spellings.
 */
export function readSpec(name: SpecName): SpecDocument {
	const common = readJson(path.join(SPEC_DIR, 'common', 'common-schemas.json')).components.schemas;
	const text = fs
		.readFileSync(path.join(SPEC_DIR, `${name}.json`), 'utf8')
		.replace(
			/"\.\.\/common\/common-schemas\.json#\/components\/schemas\/([A-Za-z0-9_]+)"/g,
			'"#/components/schemas/Common_$1"',
		);
	const doc = JSON.parse(text) as SpecDocument;
	for (const [key, value] of Object.entries(common))
		doc.components.schemas[`Common_${key}`] = value;
	for (const patch of SPEC_PATCHES) if (patch.spec === name) patch.apply(doc);
	for (const [p, ops] of Object.entries(doc.paths)) {
		for (const op of Object.values(ops)) {
			if (op && typeof op === 'object' && STRICT_BODY_OPERATIONS.includes(op.operationId)) {
				const ref: string | undefined = op.requestBody?.content?.['application/json']?.schema?.$ref;
				if (!ref) throw new Error(`strict body: ${op.operationId} has no JSON body schema`);
				const target = doc.components.schemas[ref.split('/').pop() as string];
				doc.components.schemas[ref.split('/').pop() as string] = {
					...target,
					additionalProperties: false,
				};
			}
		}
		if (p.length > 1 && p.endsWith('/')) {
			const trimmed = p.replace(/\/+$/, '');
			if (doc.paths[trimmed]) throw new Error(`spec ${name}: both ${p} and ${trimmed} exist`);
			doc.paths[trimmed] = ops;
			delete doc.paths[p];
		}
	}
	return doc;
}

let loading: Promise<Map<SpecName, LoadedSpec>> | undefined;

/** Loads (once per process) and returns all specs. Resolves in tens of milliseconds; validators compile lazily. */
export function loadSpecs(): Promise<Map<SpecName, LoadedSpec>> {
	loading ??= (async () => {
		const OpenAPIBackend = loadOpenApiBackend();
		const specs = new Map<SpecName, LoadedSpec>();
		for (const name of SPEC_FILES) {
			const api = new OpenAPIBackend({
				definition: readSpec(name) as never,
				quick: true,
				strict: false,
				coerceTypes: true,
				ajvOpts: { allErrors: true, strict: false, validateFormats: false, logger: false },
			});
			await api.init();
			specs.set(name, { name, api });
		}
		return specs;
	})();
	return loading;
}

/**
 * Finds the spec operation for a request.
 * @returns the match, `undefined` when no spec path/method matches (the caller answers 404 "Cannot GET /x")
 */
export function matchOperation(
	specs: Map<SpecName, LoadedSpec>,
	method: string,
	pathname: string,
): MatchedOperation | undefined {
	const first = pathname.split('/')[1] as SpecName;
	const spec = specs.get(first);
	if (!spec) return undefined;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const op: any = spec.api.router.matchOperation({ method, path: pathname, headers: {} });
	if (!op?.operationId) return undefined;
	return {
		spec,
		operationId: op.operationId,
		method: op.method,
		path: op.path,
		security: op.security ?? [],
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		hasQueryParams: (op.parameters ?? []).some((p: any) => p.in === 'query'),
		raw: op,
	};
}

/**
 * Validates a request against its operation's parameters (path, query, headers incl. `Version`) and JSON body.
 * Unknown query parameters are rejected only when the operation declares query parameters (a query DTO), like
 * HighLevel's `property locationId should not exist` on GET /opportunities/search (FACTS.md 2.2).
 * @param rawQuery the query string without `?`
 */
export function validateRequest(
	match: MatchedOperation,
	req: {
		method: string;
		path: string;
		rawQuery: string;
		headers: Record<string, string | string[] | undefined>;
		body: unknown;
	},
): ValidationOutcome {
	const result = match.spec.api.validator.validateRequest(
		{
			method: req.method,
			path: req.path,
			query: match.hasQueryParams ? req.rawQuery : '',
			headers: req.headers as Record<string, string | string[]>,
			body: req.body as never,
		},
		match.raw,
	);
	const coerced = (result.coerced ?? {}) as {
		params?: Record<string, string>;
		query?: Record<string, unknown>;
	};
	const errors = result.errors ? formatAjvErrors(result.errors) : [];
	return {
		valid: errors.length === 0,
		errors,
		params: coerced.params ?? {},
		query: typeof coerced.query === 'object' && coerced.query ? coerced.query : {},
	};
}

function fieldName(
	instancePath: string,
	extra?: string,
): { where: 'body' | 'query' | 'path' | 'header'; name: string } {
	const parts = instancePath.split('/').filter(Boolean);
	const head = parts.shift();
	const where =
		head === 'requestBody'
			? 'body'
			: head === 'header'
				? 'header'
				: head === 'path'
					? 'path'
					: 'query';
	if (extra !== undefined) parts.push(extra);
	let name = parts.join('.');
	if (where === 'header') name = HEADER_NAMES[name] ?? name;
	return { where, name };
}

function article(type: string): string {
	return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * Turns Ajv errors into readable class-validator-style messages, e.g.
 * `property locationId should not exist`, `location_id should not be empty`,
 * `Version header must be one of the following values: 2021-07-28`, `limit must not be greater than 100`.
 * Errors from the branches of a failed `anyOf` are folded into one message for the `anyOf`.
 */
export function formatAjvErrors(errors: ErrorObject[]): string[] {
	const anyOfPaths = errors
		.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
		.map((e) => e.schemaPath + '/');
	const out: string[] = [];
	for (const e of errors) {
		if (anyOfPaths.some((p) => e.schemaPath.startsWith(p))) continue;
		const params = e.params as Record<string, unknown>;
		let message: string;
		switch (e.keyword) {
			case 'required': {
				const missing = String(params.missingProperty);
				if (e.instancePath === '' && missing === 'requestBody') {
					message = 'request body should not be empty';
					break;
				}
				const f = fieldName(e.instancePath, missing);
				message =
					f.where === 'header' ? `${f.name} header is required` : `${f.name} should not be empty`;
				break;
			}
			case 'additionalProperties':
				message = `property ${fieldName(e.instancePath, String(params.additionalProperty)).name} should not exist`;
				break;
			case 'enum': {
				const f = fieldName(e.instancePath);
				const allowed = (params.allowedValues as unknown[]).join(', ');
				message = `${f.where === 'header' ? `${f.name} header` : f.name} must be one of the following values: ${allowed}`;
				break;
			}
			case 'type':
				message = `${fieldName(e.instancePath).name} must be ${article(String(params.type))}`;
				break;
			case 'maximum':
				message = `${fieldName(e.instancePath).name} must not be greater than ${String(params.limit)}`;
				break;
			case 'minimum':
				message = `${fieldName(e.instancePath).name} must not be less than ${String(params.limit)}`;
				break;
			case 'maxLength':
				message = `${fieldName(e.instancePath).name} must be shorter than or equal to ${String(params.limit)} characters`;
				break;
			case 'anyOf':
			case 'oneOf':
				message = `${fieldName(e.instancePath).name} does not match any accepted shape`;
				break;
			default:
				message = `${fieldName(e.instancePath).name || 'request'} ${e.message ?? 'is invalid'}`;
		}
		if (!out.includes(message)) out.push(message);
	}
	return out;
}
