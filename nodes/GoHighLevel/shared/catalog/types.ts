import type { IHttpRequestMethods } from 'n8n-workflow';

/*
 * Shapes of the operation catalogue (catalog.generated.ts): the facts the API Request operation needs about every
 * operation of the official HighLevel specs, copied from them by scripts/catalog.ts because the specs are not
 * shipped with the package.
 */

/** JSON types of a spec field (the schema's `type`; `object` also for a `$ref` to an object schema). */
export type CatalogFieldType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';

/** One query parameter, or one top-level property of the JSON request body, as the spec declares it. */
export interface CatalogField {
	name: string;
	/** The spec lists it as required (parameter `required: true`, or in the body schema's `required`). */
	required?: true;
	/**
	 * The schema's JSON type; absent when the spec gives none (any value passes). Named `jsonType`, not `type`: a
	 * `{ name: 'apiKey', type: 'string' }` entry would read as a node parameter to n8n's linter.
	 */
	jsonType?: CatalogFieldType;
	/** The spec's `enum` of the field itself (not of array items). */
	enum?: ReadonlyArray<string | number | boolean>;
}

/**
 * Where the operation takes the location (sub-account) id, computed from the spec (scripts/catalog.ts
 * `locationOf`): path `{locationId}`; query `locationId` / `location_id`; query or body `altId` with
 * `altType` = `location` (payments, invoices, products: FACTS.md 8.4); body `locationId`.
 */
export interface CatalogLocation {
	in: 'path' | 'query' | 'body';
	name: 'locationId' | 'location_id' | 'altId';
	/** `altType: 'location'` goes beside `altId`, in the same place. */
	altType?: true;
	/** The spec marks the field optional (the node fills it anyway for sub-account operations). */
	optional?: true;
}

/** One operation of the official specs. */
export interface CatalogOperation {
	/** Spec file (app) in the official docs, e.g. `contacts` = openapi/contacts.json. */
	app: string;
	/** `operationId` in that spec; unique within an app, not across apps (e.g. `create-agent`). */
	operationId: string;
	method: IHttpRequestMethods;
	/** Path template exactly as in the spec, e.g. `/contacts/{contactId}`. */
	path: string;
	/** The spec's `summary` (else its `description`, first line). */
	summary: string;
	/** `Version` header: the spec's enum value, or the app's usual one when the spec declares none (`versionAssumed`). */
	version: string;
	/** The spec declares no `Version` header; {@link version} is the app's usual one (FACTS.md 1.2). */
	versionAssumed?: true;
	/** Where the location id goes; absent when the operation takes none. */
	location?: CatalogLocation;
	/** Path parameters of the template, in order (all required). */
	pathParams: readonly string[];
	/** Query parameters the spec declares (the `Version` header is not one). */
	query?: readonly CatalogField[];
	/** Top-level properties of the JSON request body schema (`allOf` merged); absent when it declares none. */
	body?: readonly CatalogField[];
	/** The request body is not JSON: `multipart` (file uploads) or `form` (form-urlencoded). */
	bodyFormat?: 'multipart' | 'form';
	/** The spec says a request body is required. */
	bodyRequired?: true;
	/** Scope the operation needs (the first scope of its `security`); `''` when the spec names none. */
	scope: string;
	/** `'company'`: the spec's security offers agency access only (`Agency-Access` / `Agency-Access-Only`). */
	tokenKind?: 'company';
}
