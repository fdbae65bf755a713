import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { collectionField, returnAllOrLimit, sortDirectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { folderField } from './fields';

const show = { resource: ['media'], operation: ['getAll'] };

/**
 * Get Many: `GET /medias/files` (medias.json `fetch-media-content`, scope `medias.readonly`) of the location
 * (`altType=location`, `altId` = the location id), one item per file or folder (`_id, name, url, path, type,
 * parentId, …`), paged with `offset` + `limit` until a page comes back empty. `type`, `sortBy` and `sortOrder` are
 * required by the spec and always sent (default: newest first, `createdAt` descending).
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many media files',
	description: 'List the files or folders of the location\'s media library',
	routing: routeTo({
		endpoint: ENDPOINTS.getMediaFiles,
		fieldNames: { type: 'Type', sortBy: 'Sort → Sort By', sortOrder: 'Sort → Direction', query: 'Filters → Search', parentId: 'Filters → Folder Name or ID' },
		preSend: [
			async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
				const sort = (this.getNodeParameter('sort', {}) ?? {}) as IDataObject;
				const qs: IDataObject = {
					...((requestOptions.qs as IDataObject | undefined) ?? {}),
					sortBy: String(sort.sortBy || 'createdAt'),
					sortOrder: String(sort.direction || 'desc'),
				};
				return { ...requestOptions, qs };
			},
		],
	}),
};

export const description: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'File', value: 'file' },
			{ name: 'Folder', value: 'folder' },
		],
		default: 'file',
		displayOptions: { show },
		description: 'Whether to list files or folders',
		routing: { send: { type: 'query', property: 'type' } },
	},
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		folderField('Only what is inside this folder', { routing: { send: { type: 'query', property: 'parentId' } } }),
		{
			displayName: 'Search',
			name: 'query',
			type: 'string',
			default: '',
			placeholder: 'e.g. logo',
			description: 'Only files or folders whose name matches',
			routing: { send: { type: 'query', property: 'query' } },
		},
	]),
	collectionField('sort', show, [
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			options: [
				{ name: 'Created At', value: 'createdAt' },
				{ name: 'Name', value: 'name' },
				{ name: 'Updated At', value: 'updatedAt' },
			],
			default: 'createdAt',
		},
		sortDirectionField('desc'),
	]),
];
