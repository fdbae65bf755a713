import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { locatorValue } from '../shared/descriptions';
import { ENDPOINTS } from '../shared/endpoints';
import { loadObjectFields, propertyKey } from '../shared/objects';
import { apiRequest } from '../shared/transport';

/** How many records a searchable list shows. */
const PAGE = 50;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** The object key chosen in the node's Object locator, or `''` (none yet, or an expression not resolvable here). */
function chosenObjectKey(ctx: ILoadOptionsFunctions): string {
	const key = locatorValue(ctx.getCurrentNodeParameter('objectKey', { extractValue: true }));
	return key.startsWith('=') ? '' : key;
}

/** Text of an object label: `labels.singular` (objects.json `ICustomObjectSchema.labels`), else the key. */
function objectName(o: IDataObject): string {
	const labels = (o.labels ?? {}) as IDataObject;
	return String(labels.plural ?? labels.singular ?? o.key ?? o.id);
}

/** Text of an association: `First label (first key) ↔ Second label (second key)`, then its key. */
function associationName(a: IDataObject): string {
	const side = (label: unknown, key: unknown) => (label ? `${String(label)} (${String(key)})` : String(key ?? '?'));
	return `${side(a.firstObjectLabel, a.firstObjectKey)} ↔ ${side(a.secondObjectLabel, a.secondObjectKey)}`;
}

/** The location's objects kept by `keep` whose label or key contains `filter` (case ignored), by name; value = key. */
async function objectResults(
	ctx: ILoadOptionsFunctions,
	filter: string | undefined,
	keep: (o: IDataObject) => boolean,
): Promise<Array<{ name: string; value: string }>> {
	const body = await apiRequest<{ objects?: IDataObject[] }>(ctx, ENDPOINTS.getObjectSchemas);
	const text = (filter ?? '').trim().toLowerCase();
	return (body.objects ?? [])
		.filter(keep)
		.map((o) => ({ name: `${objectName(o)} (${String(o.key)})`, value: String(o.key) }))
		.filter((o) => !text || o.name.toLowerCase().includes(text))
		.sort(byName);
}

/** Resource locator searches of the custom object resources (merged into methods/listSearch.ts). */
export const objectListSearch = {
	/**
	 * Objects with records of the location whose label or key contains the typed text: custom objects and the
	 * business object (objects.json `get-object-by-location-id`; record operations support only those), by label.
	 * Value: the object key.
	 */
	async searchCustomObjects(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return { results: await objectResults(this, filter, (o) => o.standard !== true || o.key === 'business') };
	},

	/** Every object of the location (custom and standard) whose label or key contains the typed text; value = key. */
	async searchObjectSchemas(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return { results: await objectResults(this, filter, () => true) };
	},

	/**
	 * Records of the object chosen in the node matching the typed text in its searchable properties:
	 * objects.json `search-object-records` with `query`, one page of {@link PAGE}, newest first. Shown by their
	 * primary display property when the record has it (the first text property otherwise).
	 */
	async searchObjectRecords(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const objectKey = chosenObjectKey(this);
		if (!objectKey) return { results: [] };
		const body = await apiRequest<{ records?: IDataObject[] }>(this, ENDPOINTS.searchObjectRecords, {
			path: { schemaKey: objectKey },
			body: { page: 1, pageLimit: PAGE, query: (filter ?? '').trim(), searchAfter: [] },
		});
		return {
			results: (body.records ?? []).map((r) => {
				const properties = (r.properties ?? {}) as IDataObject;
				const label = properties.name ?? Object.values(properties).find((v) => typeof v === 'string');
				return { name: label ? `${String(label)} (${String(r.id)})` : String(r.id), value: String(r.id) };
			}),
		};
	},

	/**
	 * Associations of the location whose objects, labels or key contain the typed text (associations.json
	 * `find-associations`, first 100), by name; value = id.
	 */
	async searchAssociations(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const body = await apiRequest<{ associations?: IDataObject[] }>(this, ENDPOINTS.getAssociations, {
			qs: { skip: 0, limit: 100 },
		});
		const text = (filter ?? '').trim().toLowerCase();
		const results = (body.associations ?? [])
			.map((a) => ({ name: `${associationName(a)} · ${String(a.key ?? '')}`, value: String(a.id) }))
			.filter((a) => !text || a.name.toLowerCase().includes(text))
			.sort(byName);
		return { results };
	},
};

/** Dropdown sources of the custom object resources (merged into methods/loadOptions.ts). */
export const objectLoadOptions = {
	/**
	 * Fields of the object chosen in the node (objects.json `get-object-schema-by-key` with `fetchProperties=true`),
	 * by name; value = the property key a record uses (`custom_objects.pet.name` → `name`). None until an object is
	 * chosen.
	 */
	async getObjectRecordFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const objectKey = chosenObjectKey(this);
		if (!objectKey) return [];
		const fields = await loadObjectFields(this, objectKey, { fresh: true });
		return fields
			.map((f) => ({
				name: f.name,
				value: propertyKey(f, objectKey),
				description: `${f.fieldKey} · ${f.dataType}${f.options?.length ? ` · ${f.options.map((o) => o.key).join(', ')}` : ''}`,
			}))
			.sort(byName);
	},

	/** Keys of the location's associations (associations.json `find-associations`, first 100), by name; value = key. */
	async getAssociationKeys(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const body = await apiRequest<{ associations?: IDataObject[] }>(this, ENDPOINTS.getAssociations, {
			qs: { skip: 0, limit: 100 },
		});
		return (body.associations ?? [])
			.filter((a) => a.key)
			.map((a) => ({ name: String(a.key), value: String(a.key), description: associationName(a) }))
			.sort(byName);
	},
};
