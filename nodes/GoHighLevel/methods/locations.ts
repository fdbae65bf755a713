import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ENDPOINTS } from '../shared/endpoints';
import { apiRequest } from '../shared/transport';

/** Whether `text` (already lower-cased) is empty or occurs in one of `values` (case ignored). */
const matches = (text: string, ...values: unknown[]) =>
	!text || values.some((value) => String(value ?? '').toLowerCase().includes(text));

/** Resource locator searches of the location's tags, custom fields and custom values (merged into methods/listSearch.ts). */
export const locationListSearch = {
	/**
	 * Tags of the location whose name contains the typed text, by name: `GET /locations/{locationId}/tags`
	 * (locations.json `get-location-tags`, not paged); value = tag id.
	 */
	async searchLocationTags(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const body = await apiRequest<{ tags?: IDataObject[] }>(this, ENDPOINTS.getLocationTags);
		const text = (filter ?? '').trim().toLowerCase();
		const results = (body.tags ?? [])
			.filter((t) => matches(text, t.name))
			.map((t) => ({ name: String(t.name ?? t.id), value: String(t.id) }))
			.sort((a, b) => a.name.localeCompare(b.name));
		return { results };
	},

	/**
	 * Contact and opportunity custom fields whose name or key contains the typed text, by name:
	 * `GET /locations/{locationId}/customFields?model=all` (locations.json `get-custom-fields`, not paged); shown as
	 * `Name (contact.key · TYPE)`, value = field id.
	 */
	async searchCustomFields(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const body = await apiRequest<{ customFields?: IDataObject[] }>(this, ENDPOINTS.getCustomFields, {
			qs: { model: 'all' },
		});
		const text = (filter ?? '').trim().toLowerCase();
		const results = (body.customFields ?? [])
			.filter((f) => matches(text, f.name, f.fieldKey))
			.map((f) => ({
				name: `${String(f.name ?? f.id)} (${[f.fieldKey, f.dataType].filter(Boolean).join(' · ')})`,
				value: String(f.id),
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
		return { results };
	},

	/**
	 * Custom values whose name or merge tag contains the typed text, by name: `GET /locations/{locationId}/customValues`
	 * (locations.json `get-custom-values`, not paged); shown as `Name ({{ custom_values.key }})`, value = id.
	 */
	async searchCustomValues(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const body = await apiRequest<{ customValues?: IDataObject[] }>(this, ENDPOINTS.getCustomValues);
		const text = (filter ?? '').trim().toLowerCase();
		const results = (body.customValues ?? [])
			.filter((v) => matches(text, v.name, v.fieldKey))
			.map((v) => ({
				name: v.fieldKey ? `${String(v.name ?? v.id)} (${String(v.fieldKey)})` : String(v.name ?? v.id),
				value: String(v.id),
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
		return { results };
	},
};
