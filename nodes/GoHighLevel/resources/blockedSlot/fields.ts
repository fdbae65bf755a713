import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readEventInput } from '../../shared/calendarFields';
import { assertRange, toEpochMs, toZonedIso } from '../../shared/time';

/** The Blocked Slot ID field (a blocked slot's `id`, from Create or Get Many). */
export function blockedSlotIdField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Blocked Slot ID',
		name: 'blockedSlotId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0TkCdp9PfvLeWKYRRvIz',
		displayOptions: { show },
		description: 'ID of the blocked slot, e.g. from Blocked Slot → Get Many',
	};
}

/**
 * `preSend` of Create and Update: `startTime` / `endTime` (top-level Start / End Time on Create, Update Fields on
 * Update) as ISO 8601 with the offset of the Time Zone (default: the workflow's), `title`, `calendarId`
 * (calendars.json `BlockSlotCreateRequestDTO` / `BlockSlotEditRequestDTO`).
 * @throws NodeOperationError for a bad date-time, End Time not after Start Time, or only one of them on Update
 */
export function blockedSlotBody(mode: 'create' | 'update') {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const { node, itemIndex, fields, start, end, time, body } = readEventInput(this, mode, requestOptions);
		body.calendarId = String(this.getNodeParameter('calendarId', '')).trim();
		if (typeof fields.title === 'string' && fields.title.trim()) body.title = fields.title;
		const hasStart = start !== undefined && start !== '';
		const hasEnd = end !== undefined && end !== '';
		if (hasStart !== hasEnd) {
			throw new NodeOperationError(node, 'Set both Start Time and End Time', {
				itemIndex,
				description: 'A blocked slot is moved by giving its new Start Time and End Time together.',
			});
		}
		if (hasStart && hasEnd) {
			const startMs = toEpochMs(start, time('Start Time'));
			const endMs = toEpochMs(end, time('End Time'));
			assertRange({ startMs, endMs }, { node, startParameter: 'Start Time', endParameter: 'End Time', itemIndex });
			body.startTime = toZonedIso(startMs, time('Start Time'));
			body.endTime = toZonedIso(endMs, time('End Time'));
		}
		return { ...requestOptions, body };
	};
}
