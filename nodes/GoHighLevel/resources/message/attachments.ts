import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { asMultipart } from '../../shared/multipart';
import { apiRequest, buildRequest, getConnection, sendRequest, type Connection } from '../../shared/transport';

/**
 * File types `POST /conversations/messages/upload` accepts (conversations.json `upload-file-attachments`
 * description): JPG, JPEG, PNG, MP4, MPEG, ZIP, RAR, PDF, DOC, DOCX, TXT, MP3, WAV.
 */
export const UPLOAD_EXTENSIONS = ['jpg', 'jpeg', 'png', 'mp4', 'mpeg', 'zip', 'rar', 'pdf', 'doc', 'docx', 'txt', 'mp3', 'wav'];

/** MIME types of n8n binary data → the extension checked against {@link UPLOAD_EXTENSIONS}, for files without one. */
const MIME_EXTENSIONS: Record<string, string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'video/mp4': 'mp4',
	'video/mpeg': 'mpeg',
	'audio/mpeg': 'mp3',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
	'application/zip': 'zip',
	'application/vnd.rar': 'rar',
	'application/x-rar-compressed': 'rar',
	'application/pdf': 'pdf',
	'application/msword': 'doc',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'text/plain': 'txt',
};

const MB = 1024 * 1024;

/**
 * Largest total attachment size per message channel (bytes), checked before any request. Neither conversations.json
 * nor FACTS.md states a size (the upload answers 413 "Payload Too Large" without a number); these are the limits of
 * HighLevel's help pages for the Conversations channels [UNVERIFIED against the API]: SMS/MMS 5 MB for text and
 * attachments together (carrier limit), e-mail 25 MB for body and attachments (Mailgun). Other channels: not
 * documented, not checked.
 */
export const ATTACHMENT_LIMITS: Record<string, { bytes: number; label: string }> = {
	SMS: { bytes: 5 * MB, label: '5 MB (MMS)' },
	Email: { bytes: 25 * MB, label: '25 MB (e-mail, body included)' },
};

/** One file from n8n binary data, read and checked, ready for the multipart upload. */
export interface BinaryAttachment {
	/** Binary property it came from, e.g. `data`. */
	property: string;
	fileName: string;
	mimeType: string;
	data: Buffer;
}

/**
 * Reads the files of the comma-separated binary properties of the current item and checks them locally: present,
 * of a type the upload accepts ({@link UPLOAD_EXTENSIONS}), and together within the channel's size limit
 * ({@link ATTACHMENT_LIMITS}, `extraBytes` = the text sent with them).
 * @throws NodeOperationError naming "Attachments From Binary Data" and the fix
 */
export async function readBinaryAttachments(
	ctx: IExecuteSingleFunctions,
	properties: string,
	channel: string,
	extraBytes: number,
): Promise<BinaryAttachment[]> {
	const names = properties
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean);
	const fail = (problem: string) =>
		new NodeOperationError(ctx.getNode(), `Invalid attachment: ${problem}`, {
			description: `Parameter "Attachments From Binary Data": ${problem}`,
			itemIndex: ctx.getItemIndex(),
		});
	const files: BinaryAttachment[] = [];
	for (const property of names) {
		const binary = ctx.getInputData().binary?.[property];
		if (!binary) {
			throw fail(
				`the input item has no binary property "${property}". Name the property that holds the file (e.g. data), as shown in the input's Binary tab.`,
			);
		}
		const fileName = binary.fileName ?? `${property}.${MIME_EXTENSIONS[binary.mimeType] ?? 'bin'}`;
		const extension = (/\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? MIME_EXTENSIONS[binary.mimeType] ?? '').toLowerCase();
		if (!UPLOAD_EXTENSIONS.includes(extension)) {
			throw fail(
				`"${fileName}" (${binary.mimeType}) is not a type HighLevel accepts; allowed: ${UPLOAD_EXTENSIONS.join(', ').toUpperCase()}.`,
			);
		}
		const data = await ctx.helpers.getBinaryDataBuffer(property);
		files.push({ property, fileName, mimeType: binary.mimeType || 'application/octet-stream', data });
	}
	const limit = ATTACHMENT_LIMITS[channel];
	const total = files.reduce((sum, f) => sum + f.data.length, 0) + extraBytes;
	if (limit && files.length && total > limit.bytes) {
		throw fail(
			`${(total / MB).toFixed(1)} MB is more than ${channel} allows: ${limit.label}. Send smaller files, or a link to the file in the message.`,
		);
	}
	return files;
}

/**
 * The conversation of a contact: the first one `GET /conversations/search?contactId=` (conversations.json
 * `search-conversation`) finds, else a new one (`POST /conversations/`, `create-conversation`). Attachments are
 * uploaded into a conversation, so a first message with files needs one.
 * @returns the conversation id
 */
export async function conversationOfContact(
	ctx: IExecuteSingleFunctions,
	contactId: string,
	connection: Connection,
): Promise<string> {
	const found = await apiRequest<{ conversations?: IDataObject[] }>(
		ctx,
		ENDPOINTS.searchConversations,
		{ qs: { contactId, limit: 1 } },
		connection,
	);
	const existing = found.conversations?.[0]?.id;
	if (typeof existing === 'string' && existing) return existing;
	const created = await apiRequest<{ conversation?: IDataObject }>(
		ctx,
		ENDPOINTS.createConversation,
		{ body: { contactId } },
		connection,
	);
	return String(created.conversation?.id ?? '');
}

/**
 * Uploads files for a message to the contact's conversation: `POST /conversations/messages/upload`
 * (conversations.json `upload-file-attachments`, multipart/form-data with `conversationId`, `contactId`,
 * `locationId` and the files under `fileAttachment`). A POST: not re-sent after an ambiguous failure (transport.ts).
 * @returns the URLs of the uploaded files (`uploadedFiles` maps a file name to its URL), in upload order
 */
export async function uploadAttachments(
	ctx: IExecuteSingleFunctions,
	contactId: string,
	files: BinaryAttachment[],
): Promise<string[]> {
	const connection = await getConnection(ctx);
	const conversationId = await conversationOfContact(ctx, contactId, connection);
	const endpoint = ENDPOINTS.uploadMessageAttachments;
	// Every file goes under the form key `fileAttachment`, the key the upload operation names.
	const options = asMultipart(
		buildRequest(ctx, endpoint, connection),
		{ conversationId, contactId, locationId: connection.locationId },
		files.map(({ fileName, mimeType, data }) => ({ field: 'fileAttachment', fileName, mimeType, data })),
	);
	const body = ((await sendRequest(ctx, endpoint, connection, options)).body ?? {}) as IDataObject;
	const uploaded = (body.uploadedFiles ?? {}) as IDataObject;
	const urls = Object.values(uploaded).filter((u): u is string => typeof u === 'string' && u !== '');
	if (urls.length < files.length) {
		throw new NodeOperationError(ctx.getNode(), 'HighLevel did not return a URL for every uploaded file', {
			description: `Uploaded ${files.length} file(s), got ${urls.length} URL(s); the message was not sent.`,
			itemIndex: ctx.getItemIndex(),
		});
	}
	return urls;
}
