import type { IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { appointmentIdField } from './fields';

const show = { resource: ['appointmentNote'], operation: ['getAll'] };

/**
 * Get Many: `GET /calendars/appointments/{appointmentId}/notes` (calendars.json `get-appointment-notes`), paged with
 * `limit` ≤ 20 + `offset` (both required; the first page asks for offset 0) until `hasMore` is false (FACTS.md 2.3).
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many appointment notes',
	description: 'List the notes of an appointment, newest first',
	routing: routeTo({
		endpoint: ENDPOINTS.getAppointmentNotes,
		pathParameters: { appointmentId: 'appointmentId' },
		preSend: [
			async function (requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
				return { ...requestOptions, qs: { ...(requestOptions.qs ?? {}), offset: 0 } };
			},
		],
	}),
};

export const description: INodeProperties[] = [appointmentIdField(show), ...returnAllOrLimit(show)];
