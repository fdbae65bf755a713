import type { INodeProperties } from 'n8n-workflow';

import { appointmentIdParameter } from '../../shared/calendarFields';
import { collectionField, userLocator } from '../../shared/descriptions';

/** The Appointment ID a note belongs to. */
export function appointmentIdField(show: Record<string, string[]>): INodeProperties {
	return appointmentIdParameter(
		show,
		'ID of the appointment the note belongs to, e.g. from Appointment → Get Many',
	);
}

/** The Note ID of an appointment note. */
export function noteIdField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Note ID',
		name: 'noteId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. HGPcayliwcdoUFzvbTok',
		displayOptions: { show },
		description: 'ID of the note, e.g. from Appointment Note → Get Many',
	};
}

/** Body (`NotesDTO.body`, required) and author (`userId`) of Create and Update. */
export function noteBodyFields(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Body',
			name: 'body',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			displayOptions: { show },
			description: 'Text of the note',
			routing: { send: { type: 'body', property: 'body' } },
		},
		collectionField('additionalFields', show, [
			{
				...userLocator({ displayName: 'Author', name: 'userId', required: false, description: 'The user shown as the note\'s author' }),
				routing: { send: { type: 'body', property: 'userId', value: '={{ $value && typeof $value === "object" ? $value.value : $value }}' } },
			},
		]),
	];
}
