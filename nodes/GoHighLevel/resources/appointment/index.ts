import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as getForContact from './getForContact';
import * as update from './update';

const operations = [create, get, getAll, getForContact, update, del];

/** The Appointment resource (calendars.json events; contacts.json for a contact's appointments). */
export const appointmentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['appointment'] } },
		options: operations.map((op) => op.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'create',
	},
	...operations.flatMap((op) => op.description),
];
