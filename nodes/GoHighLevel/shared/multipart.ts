import type { IHttpRequestOptions } from 'n8n-workflow';
import { randomBytes } from 'node:crypto';

/*
 * multipart/form-data request bodies, for the HighLevel operations whose spec takes `multipart/form-data` instead of
 * JSON (medias.json `upload-media-content`). The body is a Buffer sent by n8n's request helper like any other body
 * (transport.ts `sendRequest`: paced, errors mapped, and — a POST — never re-sent after an ambiguous failure).
 */

/** One file part. */
export interface MultipartFile {
	/** Form field name, e.g. `file`. */
	field: string;
	/** File name sent in the part's Content-Disposition (quotes and line breaks replaced by `_`). */
	fileName: string;
	/** Content-Type of the part, e.g. `image/png`. */
	mimeType: string;
	data: Buffer;
}

/** Escapes a Content-Disposition value: quotes and line breaks become `_`. */
const dispositionValue = (value: string) => value.replace(/["\r\n]/g, '_');

/**
 * A multipart/form-data body (RFC 7578): the text `fields` in order (an empty value is not sent), then the files.
 * @returns the body and the Content-Type header naming its boundary
 */
export function multipartBody(
	fields: Record<string, string | undefined>,
	files: MultipartFile[],
): { body: Buffer; contentType: string } {
	const boundary = `----n8nHighLevel${randomBytes(12).toString('hex')}`;
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined || value === '') continue;
		parts.push(
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${dispositionValue(name)}"\r\n\r\n${value}\r\n`),
		);
	}
	for (const file of files) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${dispositionValue(file.field)}"; filename="${dispositionValue(file.fileName)}"\r\n` +
					`Content-Type: ${file.mimeType || 'application/octet-stream'}\r\n\r\n`,
			),
			file.data,
			Buffer.from('\r\n'),
		);
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The request (as shared/transport.ts `buildRequest` made it: URL, Version header, location) with a multipart body
 * of `fields` and `files` instead of its JSON body, and the matching Content-Type header. The answer is still read
 * as JSON.
 */
export function asMultipart(
	request: IHttpRequestOptions,
	fields: Record<string, string | undefined>,
	files: MultipartFile[],
): IHttpRequestOptions {
	const { body, contentType } = multipartBody(fields, files);
	return { ...request, body, headers: { ...(request.headers ?? {}), 'Content-Type': contentType } };
}
