import type { INodeProperties } from 'n8n-workflow';

/**
 * The Folder of the media library (`parentId`): a dropdown of the location's folders (loadOptions
 * `getMediaFolders`), or a folder `_id` from an expression. Optional, so it starts empty; `hint` says what it does.
 */
export function folderField(hint: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Folder Name or ID',
		name: 'parentId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getMediaFolders' },
		allowArbitraryValues: true,
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint,
		...extra,
	};
}
