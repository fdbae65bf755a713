import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { appointmentIdField } from './fields';

const show = { resource: ['appointment'], operation: ['get'] };

/** Get: `GET /calendars/events/appointments/{eventId}` (calendars.json `get-appointment`), root `event`. */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an appointment',
	description: 'Retrieve an appointment by ID',
	routing: routeTo({ endpoint: ENDPOINTS.getAppointment, pathParameters: { eventId: 'appointmentId' } }),
};

export const description: INodeProperties[] = [appointmentIdField(show)];
