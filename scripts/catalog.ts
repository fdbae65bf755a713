/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- a build script: runs in Node, not inside n8n */
/**
 * Generates nodes/GoHighLevel/shared/catalog/catalog.generated.ts — the operation catalogue of the API Request
 * operation — from the official HighLevel OpenAPI specs (GoHighLevel/highlevel-api-docs `apps/*.json`, one file
 * per app). The node cannot read the specs at run time (they are not shipped), so the facts it needs are copied:
 * per operation its app, operationId, method, path, summary, Version header, where the location id goes, path and
 * query parameters, top-level body properties (name, required, type, enum), scope and whether it is agency-only.
 *
 * Usage: `npm run catalog [-- <spec folder>]`. Default spec folder: `../shared/highlevel-api-docs/openapi`
 * relative to the repository (the layout of the CI, which has the shared reference data beside the repository).
 * test/GoHighLevel/shared/catalog.test.ts regenerates the file and fails when the committed one is stale.
 */
import * as fs from 'fs';
import * as path from 'path';

import type {
	CatalogField,
	CatalogFieldType,
	CatalogLocation,
	CatalogOperation,
} from '../nodes/GoHighLevel/shared/catalog/types';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

/** The repository root (this file is in scripts/). */
export const REPO_ROOT = path.resolve(__dirname, '..');
/** Default spec folder: the shared reference data beside the repository. */
export const DEFAULT_SPEC_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'highlevel-api-docs', 'openapi');
/** The generated module. */
export const CATALOG_FILE = path.join(REPO_ROOT, 'nodes', 'GoHighLevel', 'shared', 'catalog', 'catalog.generated.ts');

/**
 * Operations left out: oauth.json's token endpoints, which exchange client secrets and codes for tokens (n8n's
 * OAuth2 credential and the transport do that; FACTS.md 3.2, 3.4).
 */
export const EXCLUDED = new Set(['oauth:get-access-token', 'oauth:get-location-access-token']);

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const TYPES = new Set<CatalogFieldType>(['string', 'number', 'integer', 'boolean', 'array', 'object']);

/** `Version` of apps whose spec entry declares none (FACTS.md 1.2). */
function usualVersion(app: string): string {
	return app === 'calendars' || app === 'conversations' ? '2021-04-15' : '2021-07-28';
}

/** Follows local `$ref`s (`#/components/...`); a reference into another file resolves to undefined. */
function resolve(doc: Json, value: Json | undefined): Json | undefined {
	let current = value;
	for (let i = 0; current?.$ref && i < 20; i++) {
		const [file, pointer] = String(current.$ref).split('#');
		if (file) return undefined;
		current = pointer
			.split('/')
			.filter(Boolean)
			.reduce<Json | undefined>((node, key) => node?.[key], doc);
	}
	return current;
}

/** Properties and required names of an object schema, `allOf` members merged. */
function objectOf(doc: Json, schema: Json | undefined): { properties: Json; required: Set<string> } {
	const s = resolve(doc, schema) ?? {};
	const properties: Json = { ...(s.properties ?? {}) };
	const required = new Set<string>(Array.isArray(s.required) ? s.required : []);
	for (const part of s.allOf ?? []) {
		const inner = objectOf(doc, part);
		Object.assign(properties, inner.properties);
		for (const name of inner.required) required.add(name);
	}
	return { properties, required };
}

/** Type and enum of a field schema. */
function typeOf(doc: Json, schema: Json | undefined): Pick<CatalogField, 'jsonType' | 'enum'> {
	const s = resolve(doc, schema);
	if (!s) return schema?.$ref ? { jsonType: 'object' } : {};
	const out: Pick<CatalogField, 'jsonType' | 'enum'> = {};
	let type = s.type;
	if (!type && (s.properties || s.allOf)) type = 'object';
	if (!type && s.items) type = 'array';
	if (TYPES.has(type)) out.jsonType = type;
	if (Array.isArray(s.enum) && s.enum.length && s.enum.every((v: unknown) => ['string', 'number', 'boolean'].includes(typeof v))) {
		out.enum = s.enum;
	}
	return out;
}

function field(name: string, required: boolean, typed: Pick<CatalogField, 'jsonType' | 'enum'>): CatalogField {
	return { name, ...(required ? { required: true as const } : {}), ...typed };
}

/**
 * Where the location id goes (see `CatalogLocation`): the first of path `{locationId}`, query `altId` (+ `altType`
 * when declared), query `locationId` / `location_id`, body `locationId`, body `altId` (+ `altType`) that the spec
 * marks required;
 * else the first one it declares as optional — but for agency-only operations an optional location is a filter,
 * left to the user.
 */
function locationOf(
	pathParams: string[],
	query: CatalogField[],
	body: CatalogField[],
	agencyOnly: boolean,
): CatalogLocation | undefined {
	const inQuery = (name: string) => query.find((f) => f.name === name);
	const inBody = (name: string) => body.find((f) => f.name === name);
	const candidates: Array<{ location: CatalogLocation; required: boolean } | undefined> = [
		pathParams.includes('locationId') ? { location: { in: 'path', name: 'locationId' }, required: true } : undefined,
		inQuery('altId')
			? {
					location: { in: 'query', name: 'altId', ...(inQuery('altType') ? { altType: true as const } : {}) },
					required: !!inQuery('altId')?.required,
				}
			: undefined,
		inQuery('locationId') ? { location: { in: 'query', name: 'locationId' }, required: !!inQuery('locationId')?.required } : undefined,
		inQuery('location_id') ? { location: { in: 'query', name: 'location_id' }, required: !!inQuery('location_id')?.required } : undefined,
		inBody('locationId') ? { location: { in: 'body', name: 'locationId' }, required: !!inBody('locationId')?.required } : undefined,
		inBody('altId')
			? {
					location: { in: 'body', name: 'altId', ...(inBody('altType') ? { altType: true as const } : {}) },
					required: !!inBody('altId')?.required,
				}
			: undefined,
	];
	const declared = candidates.filter((c): c is NonNullable<typeof c> => !!c);
	const required = declared.find((c) => c.required);
	if (required) return required.location;
	if (agencyOnly || !declared.length) return undefined;
	return { ...declared[0].location, optional: true };
}

/** Reads every operation of the spec files in `specDir` (sorted by app, then path, then method). */
export function readCatalog(specDir: string): { operations: CatalogOperation[]; files: string[] } {
	const files = fs
		.readdirSync(specDir)
		.filter((f) => f.endsWith('.json'))
		.sort();
	const operations: CatalogOperation[] = [];
	for (const file of files) {
		const app = path.basename(file, '.json');
		const doc = JSON.parse(fs.readFileSync(path.join(specDir, file), 'utf8')) as Json;
		for (const specPath of Object.keys(doc.paths ?? {}).sort()) {
			const item = doc.paths[specPath] as Json;
			for (const method of METHODS) {
				const op = item[method] as Json | undefined;
				if (!op) continue;
				const operationId = String(op.operationId ?? `${method}-${specPath}`);
				if (EXCLUDED.has(`${app}:${operationId}`)) continue;
				const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])]
					.map((p: Json) => resolve(doc, p))
					.filter((p): p is Json => !!p);
				const versionParameter = parameters.find((p) => p.in === 'header' && p.name === 'Version');
				const versionEnum = resolve(doc, versionParameter?.schema)?.enum;
				const query = parameters
					.filter((p) => p.in === 'query')
					.map((p) => field(String(p.name), p.required === true, typeOf(doc, p.schema)));
				const content = (op.requestBody?.content ?? {}) as Json;
				const jsonSchema = content['application/json']?.schema;
				const bodyObject = jsonSchema ? objectOf(doc, jsonSchema) : undefined;
				const body = bodyObject
					? Object.keys(bodyObject.properties).map((name) =>
							field(name, bodyObject.required.has(name), typeOf(doc, bodyObject.properties[name])),
						)
					: [];
				const pathParams = [...specPath.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
				const security = (op.security ?? doc.security ?? []) as Array<Record<string, string[]>>;
				const schemes = security.flatMap((entry) => Object.keys(entry));
				const agencyOnly = schemes.length > 0 && schemes.every((s) => s.startsWith('Agency-Access'));
				const scope = security.flatMap((entry) => Object.values(entry).flat())[0] ?? '';
				const summary = String(op.summary || String(op.description ?? '').split('\n')[0] || operationId)
					.replace(/\s+/g, ' ')
					.trim();
				const location = locationOf(pathParams, query, body, agencyOnly);
				const entry: CatalogOperation = {
					app,
					operationId,
					method: method.toUpperCase() as CatalogOperation['method'],
					path: specPath,
					summary,
					version: Array.isArray(versionEnum) && versionEnum.length ? String(versionEnum[0]) : usualVersion(app),
					...(Array.isArray(versionEnum) && versionEnum.length ? {} : { versionAssumed: true as const }),
					...(location ? { location } : {}),
					pathParams,
					...(query.length ? { query } : {}),
					...(body.length ? { body } : {}),
					...(content['multipart/form-data'] ? { bodyFormat: 'multipart' as const } : {}),
					...(!jsonSchema && content['application/x-www-form-urlencoded'] ? { bodyFormat: 'form' as const } : {}),
					...(op.requestBody?.required === true ? { bodyRequired: true as const } : {}),
					scope,
					...(agencyOnly ? { tokenKind: 'company' as const } : {}),
				};
				operations.push(entry);
			}
		}
	}
	return { operations, files };
}

/** A JavaScript literal of `value`: unquoted keys where possible, one line. */
function literal(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
	if (value && typeof value === 'object') {
		const parts = Object.entries(value).map(
			([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${literal(v)}`,
		);
		return `{ ${parts.join(', ')} }`;
	}
	if (typeof value !== 'string') return JSON.stringify(value);
	// JSON's escapes (backslash, control characters, line breaks), in single quotes.
	return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** The text of catalog.generated.ts for the specs in `specDir`. */
export function renderCatalog(specDir: string): string {
	const { operations, files } = readCatalog(specDir);
	const apps = files.map((f) => path.basename(f, '.json'));
	return [
		'/*',
		' * GENERATED FILE — do not edit. Made by scripts/catalog.ts (`npm run catalog`) from the official HighLevel',
		' * OpenAPI specs (GoHighLevel/highlevel-api-docs `apps/*.json`, CC0) of these apps:',
		...wrap(apps.join(', '), 100).map((line) => ` * ${line}`),
		` * ${operations.length} operations (oauth.json's token endpoints left out). Shapes: ./types.ts.`,
		' */',
		"import type { CatalogOperation } from './types';",
		'',
		'/** Every operation of the official specs, by app, then path, then method. */',
		'export const CATALOG: readonly CatalogOperation[] = [',
		...operations.map((op) => `\t${literal(op)},`),
		'];',
		'',
	].join('\n');
}

function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && line.length + word.length + 1 > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

if (require.main === module) {
	const specDir = path.resolve(process.argv[2] ?? DEFAULT_SPEC_DIR);
	const text = renderCatalog(specDir);
	fs.writeFileSync(CATALOG_FILE, text);
	process.stdout.write(`${path.relative(REPO_ROOT, CATALOG_FILE)}: ${text.length} bytes\n`);
}
