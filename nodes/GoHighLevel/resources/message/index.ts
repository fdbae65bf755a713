import type { INodeProperties } from 'n8n-workflow';

import * as addInbound from './addInbound';
import * as addOutbound from './addOutbound';
import * as cancelScheduled from './cancelScheduled';
import * as cancelScheduledEmail from './cancelScheduledEmail';
import * as get from './get';
import * as getAll from './getAll';
import * as getEmail from './getEmail';
import * as send from './send';
import * as updateStatus from './updateStatus';

const operations = [send, get, getEmail, getAll, addInbound, addOutbound, cancelScheduled, cancelScheduledEmail, updateStatus];

/** The Message resource (conversations.json, Version 2021-04-15; FACTS.md 2.4): its operations and fields. */
export const messageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: operations.map((op) => op.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'send',
	},
	...operations.flatMap((op) => op.description),
];
