import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { associationLocator } from '../../shared/objects';
import { routeTo } from '../../shared/routing';

const show = { resource: ['relation'], operation: ['create'] };

/** `routing.send` of a body property. */
const toBody = (property: string) => ({ send: { type: 'body' as const, property } });

/**
 * Create: `POST /associations/relations` (associations.json `create-relation`, scope `associations/relation.write`),
 * body `createRelationReqDto` (locationId, associationId, firstRecordId, secondRecordId), 201 with the relation.
 */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Link two records',
	description: 'Create a relation between two records of an association, e.g. a contact and a custom object record',
	routing: routeTo({
		endpoint: ENDPOINTS.createRelation,
		fieldNames: { associationId: 'Association', firstRecordId: 'First Record ID', secondRecordId: 'Second Record ID' },
	}),
};

export const description: INodeProperties[] = [
	{
		...associationLocator({
			name: 'associationId',
			show,
			description: 'The association the two records are linked by; its first and second objects say which record goes where',
		}),
		routing: toBody('associationId'),
	},
	{
		displayName: 'First Record ID',
		name: 'firstRecordId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		placeholder: 'e.g. a contact ID',
		description: 'ID of the record of the association\'s first object (e.g. the contact when the association is contact ↔ pet)',
		routing: toBody('firstRecordId'),
	},
	{
		displayName: 'Second Record ID',
		name: 'secondRecordId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		placeholder: 'e.g. a custom object record ID',
		description: 'ID of the record of the association\'s second object (e.g. the pet record)',
		routing: toBody('secondRecordId'),
	},
];
