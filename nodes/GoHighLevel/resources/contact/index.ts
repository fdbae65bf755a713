import type { INodeProperties } from 'n8n-workflow';

import * as addFollowers from './addFollowers';
import * as addTags from './addTags';
import * as addToBusiness from './addToBusiness';
import * as addToCampaign from './addToCampaign';
import * as addToWorkflow from './addToWorkflow';
import * as create from './create';
import * as del from './delete';
import * as findDuplicate from './findDuplicate';
import * as get from './get';
import * as getAll from './getAll';
import * as getAllByBusiness from './getAllByBusiness';
import * as removeFollowers from './removeFollowers';
import * as removeFromBusiness from './removeFromBusiness';
import * as removeFromAllCampaigns from './removeFromAllCampaigns';
import * as removeFromCampaign from './removeFromCampaign';
import * as removeFromWorkflow from './removeFromWorkflow';
import * as removeTags from './removeTags';
import * as update from './update';
import * as upsert from './upsert';

const operations = [
	create,
	upsert,
	get,
	getAll,
	findDuplicate,
	update,
	addTags,
	removeTags,
	addToWorkflow,
	removeFromWorkflow,
	addToCampaign,
	removeFromCampaign,
	removeFromAllCampaigns,
	addFollowers,
	removeFollowers,
	getAllByBusiness,
	addToBusiness,
	removeFromBusiness,
	del,
];

/** The Contact resource: its operations (each with its routing) and their fields. */
export const contactDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: operations.map((op) => op.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'create',
	},
	...operations.flatMap((op) => op.description),
];
