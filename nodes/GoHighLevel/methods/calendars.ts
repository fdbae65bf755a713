import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../shared/endpoints';
import { apiRequest } from '../shared/transport';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** Dropdown sources of the calendar resources (merged into methods/loadOptions.ts). */
export const calendarLoadOptions = {
	/** Calendars of the location: `GET /calendars/` (calendars.json `get-calendars`), by name; value = id. */
	async getCalendars(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const body = await apiRequest<{ calendars?: IDataObject[] }>(this, ENDPOINTS.getCalendars);
		return (body.calendars ?? [])
			.map((c) => ({
				name: String(c.name ?? c.id),
				value: String(c.id),
				...(c.isActive === false ? { description: 'Draft (inactive)' } : {}),
			}))
			.sort(byName);
	},

	/** Calendar groups of the location: `GET /calendars/groups` (calendars.json `get-groups`), by name; value = id. */
	async getCalendarGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const body = await apiRequest<{ groups?: IDataObject[] }>(this, ENDPOINTS.getCalendarGroups);
		return (body.groups ?? []).map((g) => ({ name: String(g.name ?? g.id), value: String(g.id) })).sort(byName);
	},
};
