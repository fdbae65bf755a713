/**
 * A generic, spec-driven store for plain HighLevel records (notes, tasks, calendars, calendar groups, blocked slots,
 * appointment notes, …): one {@link recordResource} registration gives the create/get/update/delete/list operation
 * handlers, keyed by operationId like every other handler map (server.ts `HANDLERS`).
 *
 * What the handlers do, from the registration and the vendored spec:
 * - records live per location in a {@link TrackedMap} named `collection` ({@link recordsOf}), so every change
 *   emits the webhook events of `EVENT_RULES[collection]` (webhooks.ts; pass `events` to register a rule);
 * - ids come from the store's id generator (`store.ids`, stable across runs and reset);
 * - status codes and the delete answer come from the spec: the operation's first 2xx response (201 or 200), and for
 *   delete the `example`s of that response's properties (contacts.json `delete-note`: `{ succeded: true }`);
 * - `root` / `listRoot` must be properties of the spec's 2xx response schemas (checked when registering);
 * - an id of another location answers 403 `The token does not have access to this location.`, an unknown id 404
 *   `<Record> not found` (FACTS.md 6 error shape `{statusCode, message}`); a record under another parent 404 too.
 * Request bodies are already validated against the spec (unknown properties refused) before a handler runs.
 */
import { iso, notFound, forbiddenLocation, type OperationContext, type OperationHandler } from './context';
import { readSpec, type SpecName } from './spec';
import { TrackedMap, type LocationData } from './store';
import { EVENT_RULES, type EventRule } from './webhooks';

/** A stored record: its own id, optional parent id, and the fields the API shows. */
export type PlainRecord = { id: string } & Record<string, unknown>;

const collections = new WeakMap<LocationData, Map<string, TrackedMap<PlainRecord>>>();

/** The records of `collection` in a location (created empty on first use; a reset drops them with the location). */
export function recordsOf<R extends PlainRecord = PlainRecord>(location: LocationData, collection: string): TrackedMap<R> {
	let byName = collections.get(location);
	if (!byName) collections.set(location, (byName = new Map()));
	let records = byName.get(collection);
	if (!records) byName.set(collection, (records = new TrackedMap<PlainRecord>(collection, location)));
	return records as unknown as TrackedMap<R>;
}

/** How a record type is exposed; only the operations named get a handler. */
export interface RecordResourceOptions {
	/** Spec file the operationIds are in, e.g. `contacts`. */
	spec: SpecName;
	/** Collection name: the {@link recordsOf} key and the webhooks.ts `EVENT_RULES` key, e.g. `notes`. */
	collection: string;
	/** Record name in 404 messages, e.g. `Note` → `Note not found`. */
	record: string;
	/** operationIds, e.g. `create-note`; leave one out to write that handler by hand (with {@link recordsOf}). */
	create?: string;
	get?: string;
	update?: string;
	delete?: string;
	list?: string;
	/** Path parameter holding the record id on get/update/delete, e.g. `id`. */
	idParam: string;
	/** Response key of one record (get/create/update), e.g. `note`; ignored with {@link RecordResourceOptions.flat}. */
	root: string;
	/**
	 * Get/create/update answer the record itself, without a wrapper key (calendars.json `create-block-slot`,
	 * `edit-block-slot`: `BlockedSlotSuccessfulResponseDto`); the 2xx schema must then declare `id`.
	 */
	flat?: boolean;
	/** Response key of the list, e.g. `notes`. */
	listRoot?: string;
	/**
	 * The record's parent in the path, e.g. `{ param: 'contactId', field: 'contactId', resolve }`: `resolve` checks
	 * the parent (throwing 403/404) and returns its id, stored in `field`; records are listed and found under it only.
	 */
	parent?: { param: string; field: string; resolve(ctx: OperationContext, id: string): string };
	/** Fields a new record gets besides the body and the parent: default `{ dateAdded: <now ISO> }`. */
	created?(ctx: OperationContext): Record<string, unknown>;
	/** Fields set on every update besides the body (e.g. `{ dateUpdated }`); default none. */
	updated?(ctx: OperationContext): Record<string, unknown>;
	/** Adds `locationId` to new records (records whose schema has it). Default false. */
	withLocationId?: boolean;
	/** Keeps a record in the list (query filters). Default: all of the parent. */
	filter?(record: PlainRecord, ctx: OperationContext): boolean;
	/** List order. Default: newest `dateAdded` first, then id descending. */
	sort?(a: PlainRecord, b: PlainRecord): number;
	/** The record as the API shows it. Default: a deep copy of the stored record. */
	toApi?(record: PlainRecord): Record<string, unknown>;
	/** Webhook events of this collection (e.g. `crudEvents('Note')`), registered in `EVENT_RULES` if none is. */
	events?: EventRule;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
const specCache = new Map<SpecName, any>();

function operationOf(spec: SpecName, operationId: string): any {
	let doc = specCache.get(spec);
	if (!doc) specCache.set(spec, (doc = readSpec(spec)));
	for (const ops of Object.values(doc.paths as Record<string, Record<string, any>>)) {
		for (const op of Object.values(ops)) if (op?.operationId === operationId) return op;
	}
	throw new Error(`recordResource: ${operationId} is not an operation of ${spec}.json`);
}

/** The first 2xx status of an operation and its JSON schema (readSpec has resolved the `$ref`s it inlines). */
function success(spec: SpecName, operationId: string): { status: number; properties: Record<string, any> } {
	const op = operationOf(spec, operationId);
	const code = Object.keys(op.responses ?? {}).find((c) => /^2\d\d$/.test(c));
	if (!code) throw new Error(`recordResource: ${operationId} declares no 2xx response`);
	let schema = op.responses[code].content?.['application/json']?.schema ?? {};
	const doc = specCache.get(spec);
	for (let i = 0; schema.$ref && i < 10; i++) {
		schema = String(schema.$ref)
			.replace(/^#\//, '')
			.split('/')
			.reduce((node: any, key: string) => node?.[key], doc);
	}
	return { status: Number(code), properties: schema?.properties ?? {} };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

function byNewest(a: PlainRecord, b: PlainRecord): number {
	return Date.parse(String(b.dateAdded)) - Date.parse(String(a.dateAdded)) || (a.id < b.id ? 1 : -1);
}

function defined(body: unknown): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) if (v !== undefined) out[k] = v;
	return out;
}

/**
 * The operation handlers of one plain record type, keyed by operationId, e.g.
 * `recordResource({ spec: 'contacts', collection: 'notes', record: 'Note', create: 'create-note', get: 'get-note',
 * update: 'update-note', delete: 'delete-note', list: 'get-all-notes', idParam: 'id', root: 'note',
 * listRoot: 'notes', parent: { param: 'contactId', field: 'contactId', resolve: contactIdOf } })`.
 * @throws Error when an operationId is not in the spec, or `root` / `listRoot` is not in its 2xx response
 */
export function recordResource(o: RecordResourceOptions): Record<string, OperationHandler> {
	const handlers: Record<string, OperationHandler> = {};
	const toApi = o.toApi ?? ((r: PlainRecord) => structuredClone(r) as Record<string, unknown>);
	const notFoundMessage = `${o.record} not found`;
	if (o.events && !EVENT_RULES[o.collection]) EVENT_RULES[o.collection] = o.events;

	const expectRoot = (operationId: string, root: string | undefined): number => {
		const { status, properties } = success(o.spec, operationId);
		if (o.flat && root === o.root) {
			if (!('id' in properties)) throw new Error(`recordResource: ${operationId} answers no flat record with an "id"`);
			return status;
		}
		if (!root || !(root in properties)) {
			throw new Error(`recordResource: ${operationId} answers no "${root}" (its 2xx response has ${Object.keys(properties).join(', ')})`);
		}
		return status;
	};

	const wrap = (record: Record<string, unknown>) => (o.flat ? record : { [o.root]: record });

	const parentOf = (ctx: OperationContext): string | undefined =>
		o.parent ? o.parent.resolve(ctx, ctx.params[o.parent.param]) : undefined;

	const find = (ctx: OperationContext): PlainRecord => {
		const parentId = parentOf(ctx);
		const id = ctx.params[o.idParam];
		const record = recordsOf(ctx.location, o.collection).get(id);
		if (record && (!o.parent || record[o.parent.field] === parentId)) return record;
		if (!record) {
			for (const other of ctx.store.locations.values()) {
				if (other !== ctx.location && recordsOf(other, o.collection).has(id)) throw forbiddenLocation();
			}
		}
		throw notFound(notFoundMessage);
	};

	if (o.create) {
		const status = expectRoot(o.create, o.root);
		handlers[o.create] = (ctx) => {
			const parentId = parentOf(ctx);
			const record: PlainRecord = {
				...defined(ctx.body),
				...(o.created ? o.created(ctx) : { dateAdded: iso(ctx.now()) }),
				...(o.parent ? { [o.parent.field]: parentId } : {}),
				...(o.withLocationId ? { locationId: ctx.location.id } : {}),
				id: ctx.store.ids.id(),
			};
			recordsOf(ctx.location, o.collection).set(record.id, record);
			return { status, body: wrap(toApi(record)) };
		};
	}
	if (o.get) {
		const status = expectRoot(o.get, o.root);
		handlers[o.get] = (ctx) => ({ status, body: wrap(toApi(find(ctx))) });
	}
	if (o.update) {
		const status = expectRoot(o.update, o.root);
		handlers[o.update] = (ctx) => {
			const before = find(ctx);
			const after: PlainRecord = {
				...before,
				...defined(ctx.body),
				...(o.updated ? o.updated(ctx) : {}),
				id: before.id,
				...(o.parent ? { [o.parent.field]: before[o.parent.field] } : {}),
			};
			recordsOf(ctx.location, o.collection).set(after.id, after);
			return { status, body: wrap(toApi(after)) };
		};
	}
	if (o.delete) {
		const { status, properties } = success(o.spec, o.delete);
		const answer: Record<string, unknown> = {};
		for (const [key, schema] of Object.entries(properties)) {
			if (key !== 'traceId' && (schema as { example?: unknown }).example !== undefined) {
				answer[key] = (schema as { example?: unknown }).example;
			}
		}
		handlers[o.delete] = (ctx) => {
			recordsOf(ctx.location, o.collection).delete(find(ctx).id);
			return { status, body: Object.keys(answer).length ? { ...answer } : { succeded: true } };
		};
	}
	if (o.list) {
		const status = expectRoot(o.list, o.listRoot);
		handlers[o.list] = (ctx) => {
			const parentId = parentOf(ctx);
			const records = [...recordsOf(ctx.location, o.collection).values()]
				.filter((r) => !o.parent || r[o.parent.field] === parentId)
				.filter((r) => !o.filter || o.filter(r, ctx))
				.sort(o.sort ?? byNewest)
				.map(toApi);
			return { status, body: { [o.listRoot!]: records } };
		};
	}
	return handlers;
}
