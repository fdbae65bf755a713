import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../shared/descriptions';

/**
 * The Tag locator: a tag of the location (listSearch `searchLocationTags`, locations.json `get-location-tags`), or a
 * tag ID.
 */
export function tagLocator(show: Record<string, string[]>): INodeProperties {
	return recordLocator({
		displayName: 'Tag',
		name: 'tagId',
		record: 'tag',
		searchListMethod: 'searchLocationTags',
		searchPlaceholder: 'Search by name…',
		idExample: 'flGwEuzsfJOia1i1ikRN',
		show,
		description: 'A tag of the location, picked from its tags or given by ID',
	});
}

/** The tag name (locations.json `tagBody.name`, required on create and update); HighLevel stores it in lower case. */
export function tagNameField(show: Record<string, string[]>, description: string): INodeProperties {
	return {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		description,
		hint: 'HighLevel stores tag names in lower case',
		routing: { send: { type: 'body', property: 'name' } },
	};
}
