import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodePropertyRouting,
} from 'n8n-workflow';

import { dropEmptyValues } from './body';
import type { Endpoint } from './endpoints';
import type { FieldNames } from './errors';
import { fetchPages } from './pagination';
import { buildRequest, getConnection, recordsOf, sendRequest, type SendOptions } from './transport';

/** Shapes an operation's output: from the response body (and the node's parameters) to output items. */
export type OutputShaper = (
	this: IExecuteSingleFunctions,
	body: IDataObject,
	records: IDataObject[],
) => IDataObject[] | Promise<IDataObject[]>;

/** How an operation is sent: which endpoint, which node parameters fill the path, how output is shaped. */
export interface OperationRoute {
	endpoint: Endpoint;
	/** Spec path parameter → node parameter holding it (resource locators are read with `extractValue`). */
	pathParameters?: Record<string, string>;
	/** Default: one item per record under `endpoint.root`. */
	output?: OutputShaper;
	/**
	 * For a paged endpoint whose `output` maps each record to one item independently of the others (Simplify, a
	 * dropped cursor field): run `output` on each page as it arrives, with `body` `{ [root]: page }`, instead of once
	 * on all records. A Return All then holds the shaped records only (pagination.ts `FetchPagesOptions.shapePage`).
	 */
	outputPerPage?: boolean;
	/** Hooks run on the request RoutingNode built from the fields, in order, before it is sent. */
	preSend?: Array<
		(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) => Promise<IHttpRequestOptions>
	>;
	/**
	 * HighLevel's names for what this operation sends (validation paths like `filters.0.value`, query parameters
	 * like `pipeline_id`) → the node field a user fills in, so that a 400/422 names the field
	 * (errors.ts `nameNodeFields`). A function gets the request as sent (after `preSend`), for bodies whose
	 * paths depend on the input (e.g. the position of each filter).
	 */
	fieldNames?: FieldNames | ((request: IHttpRequestOptions) => FieldNames);
	/**
	 * Sends the operation as several requests, one after the other, e.g. a time range cut into the spans the API
	 * allows (calendars.json `get-slots`: 31 days). Gets the request as built (after `preSend`) and returns the
	 * requests to send instead, in order; each is paced and retried like any other. `records` given to `output` are
	 * those of every answer in order (for an endpoint without `root`: one per answer, the whole body), and `body` is
	 * `{ bodies: [...] }`; merging and de-duplicating is the output's job. For unpaged GET endpoints only.
	 */
	split?: (this: IExecuteSingleFunctions, request: IHttpRequestOptions) => IHttpRequestOptions[];
	/**
	 * Replaces the request as built (URL, Version header, location; after `preSend`) by the one to send, e.g. a
	 * multipart/form-data body instead of JSON (shared/multipart.ts `asMultipart`, medias.json
	 * `upload-media-content`). Runs once per item, before the request is sent; errors it throws are the item's.
	 */
	encode?: (this: IExecuteSingleFunctions, request: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
}

/**
 * The `routing` of an operation option. Declarative fields still fill `qs` and `body` through their own
 * `routing.send`, and `preSend` hooks (validation, custom fields) still run; this adds the one hook RoutingNode
 * gives for owning the HTTP exchange — `operations.pagination` as a function, enabled by `send.paginate` — and
 * uses it for every operation, paged or not, so that pacing, retries, error mapping and pagination live in this
 * file only. (RoutingNode's generic pagination merges `request` shallowly and loses `locationId` and filters
 * from page 2: n8n-io/n8n#11353.)
 */
export function routeTo(route: OperationRoute): INodePropertyRouting {
	return {
		send: { paginate: true, preSend: [dropEmptyValues, ...(route.preSend ?? [])] },
		operations: {
			async pagination(this: IExecutePaginationFunctions, requestData) {
				return await runOperation.call(this, route, requestData);
			},
		},
	};
}

async function runOperation(
	this: IExecutePaginationFunctions,
	route: OperationRoute,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const { endpoint } = route;
	const connection = await getConnection(this);
	const path: Record<string, string> = {};
	for (const [name, parameter] of Object.entries(route.pathParameters ?? {})) {
		path[name] = String(this.getNodeParameter(parameter, '', { extractValue: true }) ?? '');
	}
	const prepared = requestData.options;
	const built = buildRequest(this, endpoint, connection, {
		path,
		qs: prepared.qs as IDataObject | undefined,
		body: prepared.body as IDataObject | undefined,
	});
	const options = route.encode ? await route.encode.call(this, built) : built;
	if (prepared.timeout) options.timeout = prepared.timeout;
	const sendOptions: SendOptions = {
		fieldNames: typeof route.fieldNames === 'function' ? route.fieldNames(options) : route.fieldNames,
	};
	let body: IDataObject;
	let records: IDataObject[];
	if (route.split) {
		const bodies: IDataObject[] = [];
		records = [];
		for (const request of route.split.call(this, options)) {
			const answer = ((await sendRequest(this, endpoint, connection, request, sendOptions)).body ?? {}) as IDataObject;
			bodies.push(answer);
			records.push(...recordsOf(endpoint, answer));
		}
		body = { bodies };
	} else if (endpoint.pagination) {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
		const { output } = route;
		const root = endpoint.root ?? 'records';
		const shapePage =
			output && route.outputPerPage
				? async (page: IDataObject[]) => await output.call(this, { [root]: page }, page)
				: undefined;
		records = await fetchPages(this, endpoint, connection, options, limit, { sendOptions, shapePage });
		if (shapePage) return records.map((json) => ({ json }));
		body = { [root]: records };
	} else {
		body = ((await sendRequest(this, endpoint, connection, options, sendOptions)).body ?? {}) as IDataObject;
		records = recordsOf(endpoint, body);
	}
	const output = route.output ? await route.output.call(this, body, records) : records;
	return output.map((json) => ({ json }));
}

/**
 * Return All / Limit for a list endpoint that is not paged (FACTS.md 2.14 "none": notes and tasks of a contact,
 * workflows, campaigns): HighLevel answers the whole list at once, and the node keeps the first `limit` records
 * unless Return All is on. `then` shapes the kept records further.
 */
export function limitRecords(then?: OutputShaper): OutputShaper {
	return async function (this: IExecuteSingleFunctions, body, records) {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const kept = returnAll ? records : records.slice(0, this.getNodeParameter('limit', 50) as number);
		return then ? await then.call(this, body, kept) : kept;
	};
}
