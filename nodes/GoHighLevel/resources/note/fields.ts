import type { INodeProperties } from 'n8n-workflow';

import { recordLocator, userLocator } from '../../shared/descriptions';

/** `routing.send` of a body property. */
const toBody = (property: string) => ({ send: { type: 'body' as const, property } });

/**
 * The Note locator: a note of the contact chosen in the same node (listSearch `searchNotes`, contacts.json
 * `get-all-notes`), or a note ID.
 */
export function noteLocator(show: Record<string, string[]>): INodeProperties {
	return recordLocator({
		displayName: 'Note',
		name: 'noteId',
		record: 'note',
		searchListMethod: 'searchNotes',
		searchPlaceholder: 'Search the contact\'s notes…',
		idExample: 'ITvvc2dtpSZWkgsBWTYk',
		show,
		description: 'A note of the contact above, picked from its notes or given by ID',
	});
}

/** The note text (body `body`, contacts.json `NotesDTO.body`, required on create). */
export function noteBodyField(show: Record<string, string[]>, required: boolean): INodeProperties {
	return {
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 4 },
		required,
		default: '',
		displayOptions: { show },
		description: required ? 'Text of the note' : 'New text of the note. Left empty, the text is kept.',
		routing: toBody('body'),
	};
}

/** Optional note properties of Create and Update (contacts.json `NotesDTO` / `UpdateNoteDTO`). */
export const NOTE_FIELD_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Color',
		name: 'color',
		type: 'color',
		default: '',
		description: 'Highlight colour of the note, e.g. #FFAA00',
		routing: toBody('color'),
	},
	{
		displayName: 'Pinned',
		name: 'pinned',
		type: 'boolean',
		default: false,
		description: 'Whether the note is pinned to the top of the contact\'s notes',
		routing: toBody('pinned'),
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		routing: toBody('title'),
	},
	{
		...userLocator({
			displayName: 'User',
			name: 'userId',
			required: false,
			description: 'The user the note is written by, searched by name or e-mail, or given by ID',
		}),
		routing: toBody('userId'),
	},
];
