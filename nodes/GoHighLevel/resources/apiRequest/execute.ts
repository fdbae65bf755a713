import type {
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	endpointOf,
	findOperation,
	validateRequest,
	withPackageLocation,
	type CatalogOperation,
} from '../../shared/catalog';
import type { Endpoint } from '../../shared/endpoints';
import type { FieldNames } from '../../shared/errors';
import { fetchPages } from '../../shared/pagination';
import { buildRequest, companyIdOf, getConnection, sendRequest } from '../../shared/transport';
import { invalidParameter } from '../../shared/validation';

/** Display names of the operation's parameters, as errors name them. */
export const PARAMETER = {
	operation: 'API Operation',
	path: 'Path Parameters',
	query: 'Query Parameters',
	body: 'JSON Body',
} as const;

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** `{ parameters: [{ name, value }] }` rows of a fixedCollection → `{ name: value }`, rows without a name or value left out. */
function rowsOf(ctx: IExecutePaginationFunctions, parameter: string): IDataObject {
	const collection = ctx.getNodeParameter(parameter, {}) as { parameters?: Array<{ name?: unknown; value?: unknown }> };
	const out: IDataObject = {};
	for (const row of collection.parameters ?? []) {
		const name = String(row.name ?? '').trim();
		if (!name || isBlank(row.value)) continue;
		out[name] = (typeof row.value === 'string' ? row.value.trim() : row.value) as IDataObject[string];
	}
	return out;
}

/**
 * The JSON Body parameter: a JSON object as text, or an object from an expression.
 * @returns the object, or undefined when left empty (`''`, `{}`)
 * @throws NodeOperationError when it is not valid JSON or not an object
 */
function bodyOf(ctx: IExecutePaginationFunctions): IDataObject | undefined {
	const raw = ctx.getNodeParameter('jsonBody', '') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (!raw.trim()) return undefined;
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw invalidParameter(ctx, PARAMETER.body, `not valid JSON (${(error as Error).message}): enter a JSON object such as {"body": "Called"}`);
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw invalidParameter(ctx, PARAMETER.body, 'must be a JSON object ({ … }) whose keys are the top-level fields of the request body');
	}
	return Object.keys(value).length ? (value as IDataObject) : undefined;
}

/**
 * The endpoint to send `op` as, with the location placement dropped when the user gave that field (the node never
 * overwrites a value the user gave), and `altType: 'location'` added beside a location `altId` unless given.
 */
function placeLocation(
	op: CatalogOperation,
	path: Record<string, string>,
	qs: IDataObject,
	body: IDataObject | undefined,
): { endpoint: Endpoint; qs: IDataObject; body: IDataObject | undefined } {
	const endpoint = { ...endpointOf(op) };
	const location = endpoint.location;
	if (location) {
		const given =
			location.in === 'path' ? path[location.name] : location.in === 'query' ? qs[location.name] : body?.[location.name];
		if (!isBlank(given)) delete endpoint.location;
	}
	if (op.location?.altType) {
		if (op.location.in === 'query' && isBlank(qs.altType)) qs = { ...qs, altType: 'location' };
		if (op.location.in === 'body' && body?.altType === undefined) body = { ...(body ?? {}), altType: 'location' };
	}
	return { endpoint, qs, body };
}

/**
 * Where the operation requires the agency (company) id that the user left empty: path `{companyId}`, or a
 * required query parameter or top-level body property `companyId` (agency operations such as users.json
 * `search-users`, snapshots.json, saas-api.json); undefined when it needs none or the user gave it.
 */
function missingCompanyId(
	op: CatalogOperation,
	path: Record<string, string>,
	qs: IDataObject,
	body: IDataObject | undefined,
): 'path' | 'query' | 'body' | undefined {
	if (op.pathParams.includes('companyId')) return isBlank(path.companyId) ? 'path' : undefined;
	if (op.query?.some((f) => f.name === 'companyId' && f.required)) return isBlank(qs.companyId) ? 'query' : undefined;
	if (op.body?.some((f) => f.name === 'companyId' && f.required)) return isBlank(body?.companyId) ? 'body' : undefined;
	return undefined;
}

/** HighLevel's names of the fields sent → where the user wrote them, for 400/422 messages. */
function fieldNamesOf(qs: IDataObject, body: IDataObject | undefined): FieldNames {
	const names: FieldNames = {};
	for (const key of Object.keys(qs)) names[key] = `${PARAMETER.query} → ${key}`;
	for (const key of Object.keys(body ?? {})) names[key] = `${PARAMETER.body} → ${key}`;
	return names;
}

/** Output items of an answer that is not paged: an object as one item, an array as one item per element. */
function itemsOf(body: unknown, statusCode: number): IDataObject[] {
	if (Array.isArray(body)) {
		return body.map((value) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : { value }));
	}
	if (body && typeof body === 'object') return [body as IDataObject];
	if (body === undefined || body === null || body === '') return [{ statusCode }];
	return [{ data: body as IDataObject[string] }];
}

/**
 * Sends the API Request operation for the current item: finds the chosen operation in the catalogue, reads path
 * parameters, query parameters and JSON body, checks them against the spec when Validate Before Sending is on
 * (catalogue facts; before any request), puts the location where the operation takes it (and the agency id where
 * it requires one: transport `companyIdOf`), and sends it through the transport (Version header, pacing, 429
 * re-sends, readable errors). Operations whose pagination the package knows
 * (endpoint-table entries with `pagination`) are read page by page up to Limit, or all with Return All, one item
 * per record; any other answer is output as it is (an object as one item, an array as one item per element).
 * @throws NodeOperationError for an unknown operation, bad JSON, a body the operation cannot take, or (with
 *   validation on) a request that breaks the spec; NodeApiError from the transport
 */
export async function sendApiRequest(this: IExecutePaginationFunctions): Promise<INodeExecutionData[]> {
	const reference = String(this.getNodeParameter('apiOperation', '', { extractValue: true }) ?? '').trim();
	const found = findOperation(reference);
	if (!found) {
		throw new NodeOperationError(this.getNode(), reference ? `Unknown HighLevel operation "${reference}"` : 'No HighLevel operation chosen', {
			description: `Parameter "${PARAMETER.operation}": choose the operation from the list, or give app:operationId (e.g. contacts:get-contact) or the method and path as the spec writes them (e.g. GET /contacts/{contactId}).`,
			itemIndex: this.getItemIndex(),
		});
	}
	const op = withPackageLocation(found);
	const path = Object.fromEntries(Object.entries(rowsOf(this, 'pathParameters')).map(([k, v]) => [k, String(v)]));
	let qs = rowsOf(this, 'queryParameters');
	let body = bodyOf(this);
	if (op.bodyFormat) {
		throw invalidParameter(
			this,
			PARAMETER.operation,
			`${op.method} ${op.path} takes ${op.bodyFormat === 'multipart' ? 'a file upload (multipart/form-data)' : 'a form-encoded body'}, which this operation does not send (it sends JSON): use the resource of the node made for it, or n8n's HTTP Request node`,
		);
	}
	if (body && op.method === 'GET') {
		throw invalidParameter(this, PARAMETER.body, `${op.method} ${op.path} takes no body: clear it and send the values as Query Parameters`);
	}
	const options = this.getNodeParameter('options', {}) as { validateBeforeSending?: boolean };
	if (options.validateBeforeSending) {
		const problems = validateRequest(op, { path, qs, body });
		if (problems.length) {
			throw new NodeOperationError(this.getNode(), `Invalid request: "${problems[0].field}" ${problems[0].problem}`, {
				description: `${op.method} ${op.path} (${op.app}.json ${op.operationId}) does not accept this request: ${problems.map((p) => `"${p.field}" ${p.problem}: ${p.fix}`).join('; ')}. Validate Before Sending checks path and query parameters and the top level of the JSON body against the official spec; nothing was sent.`,
				itemIndex: this.getItemIndex(),
			});
		}
	}
	const placed = placeLocation(op, path, qs, body);
	qs = placed.qs;
	body = placed.body;
	const { endpoint } = placed;
	const sizeParameter = endpoint.pagination?.sizeParameter;
	const userPart = endpoint.method === 'GET' ? qs : body;
	if (sizeParameter && userPart && sizeParameter in userPart) {
		// fetchPages sets the page size on every page: the user's value would be replaced without a word.
		throw new NodeOperationError(this.getNode(), `Remove "${sizeParameter}": the node sets the page size of this operation`, {
			description: `${op.method} ${op.path} is read page by page (Return All / Limit), and the node sends "${sizeParameter}" on every page. Use Limit for how many records to output, or Return All for every record. Nothing was sent.`,
			itemIndex: this.getItemIndex(),
		});
	}
	const connection = await getConnection(this);
	const companyPlace = missingCompanyId(op, path, qs, body);
	if (companyPlace) {
		const companyId = await companyIdOf(this, connection);
		if (companyPlace === 'path') path.companyId = companyId;
		else if (companyPlace === 'query') qs = { ...qs, companyId };
		else body = { ...(body ?? {}), companyId };
	}
	const request = buildRequest(this, endpoint, connection, { path, qs, body });
	const sendOptions = { fieldNames: fieldNamesOf(qs, body) };
	if (endpoint.pagination) {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
		const records = await fetchPages(this, endpoint, connection, request, limit, { sendOptions });
		return records.map((json) => ({ json }));
	}
	const response = await sendRequest(this, endpoint, connection, request, sendOptions);
	return itemsOf(response.body, response.statusCode).map((json) => ({ json }));
}
