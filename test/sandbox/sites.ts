/**
 * Funnels and their pages (funnels.json), trigger links (links.json) and the media library (medias.json), all
 * Version 2021-07-28 (funnels.json declares no Version header on its lists).
 *
 * Seeded per location on first use (ids derived from the location id, stable across runs): funnels "Free Quote"
 * (7 pages), "Emergency Call-Out" (3 pages) and "Spring Promo" (1 page), and the website "Main Website" (4 pages),
 * `dateAdded` a day apart from 2025-06-01; trigger links "Book a Call" and "Price List"; media files "logo.png",
 * "price-list.pdf", "team.jpg" (created a day apart from 2025-07-01) and the folder "Brand".
 *
 * - `getFunnels`: `offset` + `limit` (strings), `type`, `category`, `parentId`, `name` (contains, case ignored);
 *   oldest first; `{funnels, count}` (`count`: every match).
 * - `getPagesByFunnelId`: `funnelId`, `limit` + `offset` (both required by the spec), `name`; pages in step order;
 *   the answer is the list itself (the spec's 200 schema is one page). An unknown funnel lists no pages.
 * - `get-links`: `{links}`, by name.
 * - `fetch-media-content`: `altType=location` + `altId` (must be the token's location: 403 otherwise), `type`
 *   (`file` / `folder`), `sortBy` (`createdAt`, `name`, `updatedAt`, `size`), `sortOrder` (`asc` / `desc`), `query`
 *   (name contains), `parentId`, `offset` + `limit`; `{files}`.
 * - `upload-media-content`: multipart/form-data (server.ts parses it): one file under `file` (at most 25 MB, the
 *   operation's description), or `hosted=true` + `fileUrl` (http or https) and no file; `name`, `parentId` (a folder
 *   of the location). Anything else → 422. Stored in {@link mediaOf} with the bytes of an uploaded file;
 *   answers `{fileId, url}`.
 */
import { forbiddenLocation, iso, unprocessable, type OperationContext, type OperationHandler } from './context';
import { createRng, randomId } from './random';
import { recordsOf, type PlainRecord } from './records';
import type { LocationData } from './store';

/** A funnel or website as `getFunnels` lists it (the spec's `FunnelListResponseDTO` example). */
export interface FunnelRecord extends PlainRecord {
	_id: string;
	name: string;
	/** `funnel` or `website`. */
	type: string;
	locationId: string;
	url: string;
	steps: Array<{ id: string; name: string; pages: string[]; sequence: number; type: string; url: string }>;
	deleted: boolean;
	dateAdded: string;
	dateUpdated: string;
}

/** A funnel page (`FunnelPageResponseDTO`). */
export interface FunnelPageRecord extends PlainRecord {
	_id: string;
	locationId: string;
	funnelId: string;
	name: string;
	stepId: string;
	deleted: boolean;
	updatedAt: string;
	/** Position in the funnel (sandbox only: the list order). */
	sequence: number;
}

/** A trigger link (`LinkSchema`). */
export interface TriggerLinkRecord extends PlainRecord {
	name: string;
	redirectTo: string;
	fieldKey: string;
	locationId: string;
}

/** A file or folder of the media library (the spec's `GetFilesResponseDTO` example, `FolderDTO`). */
export interface MediaRecord extends PlainRecord {
	_id: string;
	altId: string;
	altType: 'location';
	name: string;
	type: 'file' | 'folder';
	parentId?: string;
	url?: string;
	path?: string;
	contentType?: string;
	size?: number;
	createdAt: string;
	updatedAt: string;
	/** Sandbox only: the uploaded bytes (not in API answers). */
	data?: Buffer;
	/** Sandbox only: the URL a hosted upload pointed at (not in API answers). */
	hostedFrom?: string;
}

/** Largest file `upload-media-content` accepts (its description: "maximum allowed is 25 MB"). */
export const MAX_MEDIA_UPLOAD_BYTES = 25 * 1024 * 1024;

const seeded = new WeakSet<LocationData>();
const idOf = (key: string) => randomId(createRng(key));
const DAY_MS = 86_400_000;

function seed(location: LocationData): void {
	if (seeded.has(location)) return;
	seeded.add(location);
	const funnels = recordsOf<FunnelRecord>(location, 'funnels');
	const pages = recordsOf<FunnelPageRecord>(location, 'funnelPages');
	const specs: Array<[string, string, string[]]> = [
		['Free Quote', 'funnel', ['Landing', 'Details', 'Photos', 'Schedule', 'Review', 'Thank You', 'Upsell']],
		['Emergency Call-Out', 'funnel', ['Call Now', 'Address', 'Confirmed']],
		['Spring Promo', 'funnel', ['Offer']],
		['Main Website', 'website', ['Home', 'Services', 'About', 'Contact']],
	];
	specs.forEach(([name, type, pageNames], i) => {
		const at = iso(Date.UTC(2025, 5, 1) + i * DAY_MS);
		const id = idOf(`funnel:${location.id}:${i}`);
		const slug = `/${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
		const steps: FunnelRecord['steps'] = [];
		pageNames.forEach((pageName, j) => {
			const pageId = idOf(`funnel-page:${location.id}:${i}:${j}`);
			const stepId = `${idOf(`funnel-step:${location.id}:${i}:${j}`)}`;
			steps.push({ id: stepId, name: pageName, pages: [pageId], sequence: j + 1, type: `${type}_page`, url: `${slug}-${j + 1}` });
			pages.set(pageId, {
				id: pageId,
				_id: pageId,
				locationId: location.id,
				funnelId: id,
				name: pageName,
				stepId,
				deleted: false,
				updatedAt: at,
				sequence: j + 1,
			});
		});
		funnels.set(id, { id, _id: id, name, type, locationId: location.id, url: slug, steps, deleted: false, dateAdded: at, dateUpdated: at });
	});
	const links = recordsOf<TriggerLinkRecord>(location, 'triggerLinks');
	for (const [i, [name, redirectTo]] of [
		['Book a Call', 'https://acme-plumbing.example.com/book'],
		['Price List', 'https://acme-plumbing.example.com/prices'],
	].entries()) {
		const id = idOf(`trigger-link:${location.id}:${i}`);
		links.set(id, { id, name, redirectTo, fieldKey: `{{trigger_link.${id}}}`, locationId: location.id });
	}
	const media = recordsOf<MediaRecord>(location, 'media');
	const folderId = idOf(`media-folder:${location.id}`);
	media.set(folderId, mediaRecord(location, folderId, 'Brand', 'folder', Date.UTC(2025, 6, 1)));
	for (const [i, [name, contentType]] of [
		['logo.png', 'image/png'],
		['price-list.pdf', 'application/pdf'],
		['team.jpg', 'image/jpeg'],
	].entries()) {
		const id = idOf(`media:${location.id}:${i}`);
		media.set(id, {
			...mediaRecord(location, id, name, 'file', Date.UTC(2025, 6, 1) + (i + 1) * DAY_MS),
			contentType,
			size: 1000 * (i + 1),
			...(i === 0 ? { parentId: folderId } : {}),
		});
	}
}

function mediaRecord(location: LocationData, id: string, name: string, type: 'file' | 'folder', at: number): MediaRecord {
	return {
		id,
		_id: id,
		altId: location.id,
		altType: 'location',
		name,
		type,
		...(type === 'file'
			? { url: `https://storage.example.com/${location.id}/${id}/${encodeURIComponent(name)}`, path: `${location.id}/${id}/${name}` }
			: {}),
		createdAt: iso(at),
		updatedAt: iso(at),
	};
}

/** The funnels (and websites) of a location (seeded on first use). */
export function funnelsOf(location: LocationData): Map<string, FunnelRecord> {
	seed(location);
	return recordsOf<FunnelRecord>(location, 'funnels');
}

/** The funnel pages of a location (seeded on first use). */
export function funnelPagesOf(location: LocationData): Map<string, FunnelPageRecord> {
	seed(location);
	return recordsOf<FunnelPageRecord>(location, 'funnelPages');
}

/** The trigger links of a location (seeded on first use). */
export function triggerLinksOf(location: LocationData): Map<string, TriggerLinkRecord> {
	seed(location);
	return recordsOf<TriggerLinkRecord>(location, 'triggerLinks');
}

/** The media library of a location, files and folders (seeded on first use). */
export function mediaOf(location: LocationData): Map<string, MediaRecord> {
	seed(location);
	return recordsOf<MediaRecord>(location, 'media');
}

/**
 * Adds funnels to a location, `dateAdded` one minute apart after the seeded ones.
 * @returns their ids, in order
 */
export function addFunnels(location: LocationData, count: number, prefix = 'Generated funnel'): string[] {
	const funnels = funnelsOf(location);
	const ids: string[] = [];
	const base = Date.UTC(2025, 7, 1) + funnels.size * 60_000;
	for (let i = 0; i < count; i++) {
		const id = idOf(`funnel:${location.id}:${prefix}:${i}`);
		const at = iso(base + i * 60_000);
		funnels.set(id, { id, _id: id, name: `${prefix} ${i + 1}`, type: 'funnel', locationId: location.id, url: `/generated-${i + 1}`, steps: [], deleted: false, dateAdded: at, dateUpdated: at });
		ids.push(id);
	}
	return ids;
}

function numberOf(value: unknown, fallback: number): number {
	const n = Number(value);
	return value === undefined || value === '' || !Number.isFinite(n) ? fallback : n;
}

const contains = (value: unknown, text: unknown) =>
	typeof text !== 'string' || !text || String(value ?? '').toLowerCase().includes(text.toLowerCase());

/** The API view of a record: sandbox-only fields dropped. */
function toApi<T extends PlainRecord>(record: T, drop: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record)) if (!drop.includes(key)) out[key] = structuredClone(value);
	return out;
}

const getFunnels: OperationHandler = (ctx) => {
	const offset = numberOf(ctx.query.offset, 0);
	const limit = numberOf(ctx.query.limit, 10);
	const matches = [...funnelsOf(ctx.location).values()]
		.filter((f) => ctx.query.type === undefined || f.type === ctx.query.type)
		.filter((f) => ctx.query.category === undefined || f.category === ctx.query.category)
		.filter((f) => ctx.query.parentId === undefined || f.parentId === ctx.query.parentId)
		.filter((f) => contains(f.name, ctx.query.name))
		.sort((a, b) => Date.parse(a.dateAdded) - Date.parse(b.dateAdded) || (a.id < b.id ? -1 : 1));
	return {
		status: 200,
		body: { funnels: matches.slice(offset, offset + limit).map((f) => toApi(f, ['id'])), count: matches.length },
	};
};

const getFunnelPages: OperationHandler = (ctx) => {
	const offset = numberOf(ctx.query.offset, 0);
	const limit = numberOf(ctx.query.limit, 10);
	const list = [...funnelPagesOf(ctx.location).values()]
		.filter((p) => p.funnelId === ctx.query.funnelId)
		.filter((p) => contains(p.name, ctx.query.name))
		.sort((a, b) => a.sequence - b.sequence)
		.slice(offset, offset + limit)
		.map((p) => toApi(p, ['id', 'sequence']));
	// The answer is the list itself (server.ts sends arrays as they are).
	return { status: 200, body: list as unknown as Record<string, unknown> };
};

const getLinks: OperationHandler = (ctx) => ({
	status: 200,
	body: { links: [...triggerLinksOf(ctx.location).values()].sort((a, b) => a.name.localeCompare(b.name)).map((l) => ({ ...l })) },
});

const MEDIA_SORT_FIELDS = ['createdAt', 'updatedAt', 'name', 'size'];

const fetchMedia: OperationHandler = (ctx) => {
	if (ctx.query.altId !== ctx.location.id) throw forbiddenLocation();
	const sortBy = String(ctx.query.sortBy);
	const sortOrder = String(ctx.query.sortOrder);
	const type = String(ctx.query.type);
	const problems = [
		...(MEDIA_SORT_FIELDS.includes(sortBy) ? [] : [`sortBy must be one of the following values: ${MEDIA_SORT_FIELDS.join(', ')}`]),
		...(['asc', 'desc'].includes(sortOrder) ? [] : ['sortOrder must be one of the following values: asc, desc']),
		...(['file', 'folder'].includes(type) ? [] : ['type must be one of the following values: file, folder']),
	];
	if (problems.length) throw unprocessable(problems);
	const offset = numberOf(ctx.query.offset, 0);
	const limit = numberOf(ctx.query.limit, 10);
	const direction = sortOrder === 'asc' ? 1 : -1;
	const key = (m: MediaRecord) => (sortBy === 'name' ? m.name.toLowerCase() : sortBy === 'size' ? (m.size ?? 0) : Date.parse(String(m[sortBy])));
	const files = [...mediaOf(ctx.location).values()]
		.filter((m) => m.type === type)
		.filter((m) => ctx.query.parentId === undefined || m.parentId === ctx.query.parentId)
		.filter((m) => contains(m.name, ctx.query.query))
		.sort((a, b) => {
			const [x, y] = [key(a), key(b)];
			return (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1) * direction;
		})
		.slice(offset, offset + limit)
		.map((m) => toApi(m, ['id', 'data', 'hostedFrom']));
	return { status: 200, body: { files } };
};

function uploadMedia(ctx: OperationContext) {
	const body = (ctx.body ?? {}) as Record<string, unknown>;
	const files = ctx.files ?? [];
	const hosted = body.hosted === true || body.hosted === 'true';
	const problems: string[] = [];
	const unknown = Object.keys(body).filter((k) => !['hosted', 'fileUrl', 'name', 'parentId'].includes(k));
	problems.push(...unknown.map((k) => `property ${k} should not exist`));
	if (files.some((f) => f.field !== 'file')) problems.push('files must be sent under the form field "file"');
	if (hosted) {
		if (typeof body.fileUrl !== 'string' || !/^https?:\/\/\S+$/i.test(body.fileUrl)) problems.push('fileUrl must be a URL when hosted is true');
		if (files.length) problems.push('file should not be sent when hosted is true');
	} else {
		if (body.fileUrl !== undefined) problems.push('fileUrl needs hosted set to true');
		if (files.length !== 1) problems.push('file should not be empty');
		else if (files[0].data.length > MAX_MEDIA_UPLOAD_BYTES) problems.push('file must not be larger than 25 MB');
	}
	const media = mediaOf(ctx.location);
	if (body.parentId !== undefined && media.get(String(body.parentId))?.type !== 'folder') {
		problems.push('parentId must be a folder of the location');
	}
	if (problems.length) throw unprocessable(problems);
	const id = ctx.store.ids.id();
	const name = String(body.name ?? (hosted ? decodeURIComponent(String(body.fileUrl).split(/[?#]/)[0].split('/').pop() || 'file') : files[0].fileName));
	const record: MediaRecord = {
		...mediaRecord(ctx.location, id, name, 'file', ctx.now()),
		contentType: hosted ? undefined : files[0].mimeType,
		size: hosted ? undefined : files[0].data.length,
		...(body.parentId !== undefined ? { parentId: String(body.parentId) } : {}),
		...(hosted ? { hostedFrom: String(body.fileUrl) } : { data: Buffer.from(files[0].data) }),
	};
	media.set(id, record);
	return { status: 200, body: { fileId: id, url: String(record.url) } };
}

/** Handlers by operationId. */
export const siteHandlers: Record<string, OperationHandler> = {
	getFunnels,
	getPagesByFunnelId: getFunnelPages,
	'get-links': getLinks,
	'fetch-media-content': fetchMedia,
	'upload-media-content': uploadMedia,
};
