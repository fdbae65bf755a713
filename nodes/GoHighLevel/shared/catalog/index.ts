/**
 * The operation catalogue of the API Request operation: every operation of the official HighLevel specs
 * (catalog.generated.ts, made by scripts/catalog.ts), how to find one, and the `Endpoint` the transport sends it as.
 */
import { ENDPOINTS, type Endpoint, type SpecApp } from '../endpoints';
import { CATALOG } from './catalog.generated';
import type { CatalogLocation, CatalogOperation } from './types';

export { CATALOG } from './catalog.generated';
export type { CatalogField, CatalogFieldType, CatalogLocation, CatalogOperation } from './types';
export { validateRequest, type RequestToValidate } from './validate';

/** The value naming an operation in the node: `<app>:<operationId>`, e.g. `contacts:get-contact`. */
export function operationKey(op: Pick<CatalogOperation, 'app' | 'operationId'>): string {
	return `${op.app}:${op.operationId}`;
}

const byKey = new Map(CATALOG.map((op) => [operationKey(op), op]));

/**
 * The catalogue operation a reference names: `<app>:<operationId>` (`contacts:get-contact`), `<METHOD> <path>`
 * as the spec writes it (`GET /contacts/{contactId}`), or an operationId that only one app uses (`get-contact`).
 * Case of the method and surrounding spaces are ignored.
 * @returns undefined when nothing (or more than one operation) matches
 */
export function findOperation(reference: string): CatalogOperation | undefined {
	const text = reference.trim();
	if (!text) return undefined;
	const exact = byKey.get(text);
	if (exact) return exact;
	const request = /^([A-Za-z]+)\s+(\/\S*)$/.exec(text);
	if (request) {
		const method = request[1].toUpperCase();
		return CATALOG.find((op) => op.method === method && op.path === request[2]);
	}
	const matches = CATALOG.filter((op) => op.operationId === text);
	return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The endpoint-table entry (shared/endpoints) of the same spec file and operationId, if the package has one: its
 * response root, pagination and location are checked against the specs (test/GoHighLevel/shared/endpoints.test.ts)
 * and take precedence over what the catalogue computes (e.g. contacts.json `search-contacts-advanced`, whose body
 * schema is empty in the spec but takes `locationId`, FACTS.md 2.1).
 */
export function knownEndpointOf(op: CatalogOperation): Endpoint | undefined {
	return (Object.values(ENDPOINTS) as Endpoint[]).find((e) => e.spec === op.app && e.operationId === op.operationId);
}

/**
 * `op` with the location placement the node uses: the endpoint-table entry's when the package has one (it may
 * differ from the catalogue's where the spec is incomplete or the location is optional, e.g. contacts.json
 * `search-contacts-advanced`: body `locationId`; users.json `search-users`: none), else the catalogue's.
 */
export function withPackageLocation(op: CatalogOperation): CatalogOperation {
	const known = knownEndpointOf(op);
	if (!known) return op;
	const location = known.location;
	if (!location) return { ...op, location: undefined };
	if (op.location?.in === location.in && op.location.name === location.name) return op;
	return { ...op, location: { in: location.in, name: location.name as CatalogLocation['name'] } };
}

/** Catalogue operations the package can page (Return All): those whose endpoint-table entry has `pagination`. */
export function pagedOperations(): CatalogOperation[] {
	return CATALOG.filter((op) => knownEndpointOf(op)?.pagination);
}

/**
 * The `Endpoint` the transport sends `op` as: the endpoint-table entry when there is one (see
 * {@link knownEndpointOf}), else one made from the catalogue (method, path, Version, scope, agency-only; the location
 * placement of the catalogue, without `altType`, which the caller adds).
 *
 * `Endpoint.spec` is typed as the apps of the endpoint table (`SpecApp`); a catalogue operation may be of any of the
 * 41 apps. The transport never reads `spec` (only the endpoint-table test does), so the app name is carried as is.
 */
export function endpointOf(op: CatalogOperation): Endpoint {
	const known = knownEndpointOf(op);
	if (known) return known;
	return {
		spec: op.app as SpecApp,
		operationId: op.operationId,
		method: op.method,
		path: op.path,
		version: op.version,
		...(op.location ? { location: { in: op.location.in, name: op.location.name } } : {}),
		scope: op.scope,
		...(op.tokenKind ? { tokenKind: op.tokenKind } : {}),
	};
}
