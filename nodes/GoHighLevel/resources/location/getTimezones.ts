import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

/**
 * The time zones of a `get-timezones` answer, one item each: the spec declares no response schema, so the first
 * array in the body (or the body itself when it is an array) is read; a text entry becomes `{ timeZone }`, an
 * object entry is kept as it is. A body without any array is output as one item.
 */
export function timeZoneItems(body: IDataObject): IDataObject[] {
	const list = Array.isArray(body) ? (body as unknown[]) : Object.values(body).find((value) => Array.isArray(value));
	if (!Array.isArray(list)) return [body];
	return list.map((entry) =>
		entry && typeof entry === 'object' ? (entry as IDataObject) : { timeZone: String(entry) },
	);
}

/**
 * Get Timezones: `GET /locations/{locationId}/timezones` (locations.json `get-timezones`, FACTS.md 2.9, scope
 * `locations.readonly`), one item per time zone HighLevel offers (`{ timeZone: 'America/Chicago' }`).
 */
export const option: INodePropertyOptions = {
	name: 'Get Timezones',
	value: 'getTimezones',
	action: 'Get the time zones HighLevel offers',
	description: 'List the time zones a location, calendar or user can be set to',
	routing: routeTo({
		endpoint: ENDPOINTS.getTimezones,
		output: (body) => timeZoneItems(body),
	}),
};

export const description: INodeProperties[] = [];
