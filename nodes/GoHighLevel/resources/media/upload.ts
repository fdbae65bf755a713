import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { asMultipart, type MultipartFile } from '../../shared/multipart';
import { routeTo } from '../../shared/routing';
import { invalidParameter } from '../../shared/validation';
import { folderField } from './fields';

const show = { resource: ['media'], operation: ['upload'] };

/** Largest file the upload accepts, bytes (medias.json `upload-media-content`: "maximum allowed is 25 MB"). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/**
 * The multipart body of the upload, from the node's parameters: Source Binary Data → the input item's file under
 * `file`; Source URL → `hosted=true` + `fileUrl`; plus Additional Fields → Name (`name`) and Folder ID (`parentId`).
 * @throws NodeOperationError naming the parameter, before any request: no binary data in the Input Binary Field,
 *   a file over 25 MB, a File URL that is not http(s)
 */
async function uploadBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const source = this.getNodeParameter('source', 'binary') as string;
	const extra = (this.getNodeParameter('additionalFields', {}) ?? {}) as IDataObject;
	const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
	const fields: Record<string, string | undefined> = {};
	const files: MultipartFile[] = [];
	if (source === 'url') {
		const fileUrl = text(this.getNodeParameter('fileUrl', '')) ?? '';
		let protocol = '';
		try {
			protocol = new URL(fileUrl).protocol;
		} catch {
			protocol = '';
		}
		if (protocol !== 'http:' && protocol !== 'https:') {
			throw invalidParameter(this, 'File URL', `"${fileUrl}" is not an http(s) address; enter the public address of the file, e.g. https://example.com/logo.png.`);
		}
		fields.hosted = 'true';
		fields.fileUrl = fileUrl;
	} else {
		const property = text(this.getNodeParameter('binaryPropertyName', 'data')) ?? '';
		const binary = this.getInputData().binary?.[property];
		if (!binary) {
			throw invalidParameter(
				this,
				'Input Binary Field',
				`the input item has no binary field "${property}". Name the field that holds the file (e.g. data), as shown in the input's Binary tab.`,
			);
		}
		const data = await this.helpers.getBinaryDataBuffer(property);
		if (data.length > MAX_UPLOAD_BYTES) {
			throw invalidParameter(
				this,
				'Input Binary Field',
				`"${binary.fileName ?? property}" has ${(data.length / 1024 / 1024).toFixed(1)} MB; HighLevel accepts at most 25 MB per file. Upload a smaller file, or host it and use Source URL.`,
			);
		}
		files.push({ field: 'file', fileName: binary.fileName ?? `${property}.bin`, mimeType: binary.mimeType, data });
	}
	fields.name = text(extra.name);
	fields.parentId = text(extra.parentId);
	return asMultipart(request, fields, files);
}

/**
 * Upload: `POST /medias/upload-file` (medias.json `upload-media-content`, scope `medias.write`), multipart/form-data:
 * the file from n8n binary data (at most 25 MB), or a hosted file's URL (`hosted=true` + `fileUrl`); optional
 * `name` and `parentId` (folder). The location is the credential's. Outputs `{fileId, url}`. A POST: never re-sent
 * after an ambiguous failure (shared/transport.ts).
 */
export const option: INodePropertyOptions = {
	name: 'Upload',
	value: 'upload',
	action: 'Upload a media file',
	description: 'Add a file to the location\'s media library, from binary data or a URL',
	routing: routeTo({
		endpoint: ENDPOINTS.uploadMediaFile,
		encode: uploadBody,
		fieldNames: { file: 'Input Binary Field', fileUrl: 'File URL', name: 'Additional Fields → Name', parentId: 'Additional Fields → Folder Name or ID' },
	}),
};

export const description: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'Binary Data', value: 'binary', description: 'A file of the input item' },
			{ name: 'URL', value: 'url', description: 'A file HighLevel fetches from a public address' },
		],
		default: 'binary',
		displayOptions: { show },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		displayOptions: { show: { ...show, source: ['binary'] } },
		hint: 'The name of the input binary field containing the file to be uploaded (at most 25 MB)',
	},
	{
		displayName: 'File URL',
		name: 'fileUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/logo.png',
		displayOptions: { show: { ...show, source: ['url'] } },
		description: 'Public http(s) address of the file',
	},
	collectionField('additionalFields', show, [
		folderField('The folder to put the file in; default: the top of the library'),
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Spring flyer.pdf',
			description: 'Name of the file in the library. Default: the file\'s own name.',
		},
	]),
];
