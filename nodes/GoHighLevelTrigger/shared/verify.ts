/**
 * Pure request checks for the HighLevel webhook trigger: signature verification over the raw body, the
 * timestamp window, the shared-secret check for HighLevel workflow "Webhook" actions, and a bounded JSON body
 * parser (`webhookId` de-duplication: dedup.ts). No I/O, no timers; the only runtime import is `node:crypto`.
 *
 * HighLevel facts (FACTS.md 5.4, `docs/oauth/WebhookAuthentication.md`):
 * - `x-ghl-signature`: base64 Ed25519 signature (64 bytes) over the raw request body; the only header after
 *   2026-07-01.
 * - `x-wh-signature` (legacy): base64 RSA-SHA256 (PKCS#1 v1.5) signature over the raw body.
 * - Replay protection: payload `timestamp` (ISO 8601) within a window (e.g. 5 minutes) and no repeated
 *   `webhookId`.
 */
import {
	createHash,
	createPublicKey,
	timingSafeEqual,
	verify as cryptoVerify,
	type KeyObject,
} from 'node:crypto';

/**
 * HighLevel's Ed25519 public key for `x-ghl-signature` (FACTS.md 5.4: from the official Webhook Integration
 * Guide, corroborated by many independent copies; not in the docs repository snapshot).
 */
export const HIGHLEVEL_ED25519_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=
-----END PUBLIC KEY-----
`;

/** HighLevel's RSA public key for the legacy `x-wh-signature` (`docs/oauth/WebhookAuthentication.md`, FACTS.md 5.4). */
export const HIGHLEVEL_RSA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC
Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6
dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB
csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv
uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF
3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU
J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp
IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN
h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC
HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ
PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk
T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==
-----END PUBLIC KEY-----
`;

/** Header carrying the Ed25519 signature (lower case, as Node delivers header names). */
export const ED25519_SIGNATURE_HEADER = 'x-ghl-signature';
/** Header carrying the legacy RSA-SHA256 signature. */
export const RSA_SIGNATURE_HEADER = 'x-wh-signature';

/** At most this many user-supplied keys per scheme are tried; further ones are ignored. */
export const MAX_EXTRA_KEYS = 8;
/** At most this many signature values per header (array items or comma-separated) are tried. */
const MAX_SIGNATURE_VALUES = 4;
const ED25519_SIGNATURE_BYTES = 64;
/** RSA signatures are as long as the modulus: 1024-bit to 8192-bit keys (HighLevel's key is 4096-bit, 512 bytes). */
const RSA_SIGNATURE_MIN_BYTES = 128;
const RSA_SIGNATURE_MAX_BYTES = 1024;
/** DER prefix turning a raw 32-byte Ed25519 public key into SPKI (the official SDK does the same, FACTS.md 5.4). */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Request headers as Node / n8n deliver them; names are matched case-insensitively. */
export type HeaderMap = Record<string, string | string[] | undefined>;

/** Result of {@link verifySignature}. */
export type SignatureResult =
	| { ok: true; scheme: 'ed25519' | 'rsa-sha256' }
	| {
			ok: false;
			reason: 'missing-signature' | 'bad-signature' | 'malformed-signature' | 'bad-key';
	  };

/** Input of {@link verifySignature}. */
export interface VerifySignatureInput {
	/** The request body exactly as received (n8n: `getRequestObject().rawBody`). Strings are read as UTF-8. */
	rawBody: Buffer | Uint8Array | string;
	headers: HeaderMap;
	/** Extra Ed25519 keys tried after the built-in one: PEM, base64 of the raw 32 bytes or of the SPKI DER, or 64 hex digits. */
	ed25519PublicKeys?: readonly string[];
	/** Extra RSA keys tried after the built-in one: PEM (SPKI or PKCS#1) or base64 of the SPKI DER. */
	rsaPublicKeys?: readonly string[];
}

/** Result of {@link parsePublicKey}. */
export type ParsedKeyResult = { ok: true; key: KeyObject } | { ok: false; message: string };

const BUILT_IN_ED25519 = createPublicKey(HIGHLEVEL_ED25519_PUBLIC_KEY);
const BUILT_IN_RSA = createPublicKey(HIGHLEVEL_RSA_PUBLIC_KEY);

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const HEX = /^[0-9a-fA-F]+$/;

/** Strict base64 decode: `undefined` for anything but canonical standard base64 (padding optional). */
function decodeBase64(text: string): Buffer | undefined {
	if (!BASE64.test(text)) return undefined;
	const body = text.replace(/=+$/, '');
	if (body.length % 4 === 1) return undefined;
	if (text.length !== body.length && text.length % 4 !== 0) return undefined;
	const bytes = Buffer.from(body, 'base64');
	// Reject non-canonical encodings (stray bits in the last character).
	return bytes.toString('base64').replace(/=+$/, '') === body ? bytes : undefined;
}

/**
 * Parses a user-pasted public key for one scheme. Ed25519 accepts PEM (`BEGIN PUBLIC KEY`), base64 of the raw
 * 32-byte key or of its 44-byte SPKI DER, or 64 hex digits; RSA accepts PEM (SPKI or PKCS#1) or base64 SPKI DER.
 * A key of the other algorithm and private keys are refused. Never throws; `message` is safe to show (it never
 * echoes the key).
 */
export function parsePublicKey(text: string, scheme: 'ed25519' | 'rsa'): ParsedKeyResult {
	if (typeof text !== 'string' || text.trim() === '')
		return { ok: false, message: 'The key is empty.' };
	const trimmed = text.trim();
	if (trimmed.includes('PRIVATE KEY')) {
		return { ok: false, message: 'That is a private key; paste the public key instead.' };
	}
	let key: KeyObject;
	try {
		if (trimmed.includes('-----BEGIN')) {
			// Users often paste PEM with literal "\n" sequences (from JSON or env files).
			key = createPublicKey(trimmed.replace(/\\n/g, '\n'));
		} else {
			const compact = trimmed.replace(/\s+/g, '');
			let der: Buffer | undefined;
			if (scheme === 'ed25519' && compact.length === 64 && HEX.test(compact)) {
				der = Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(compact, 'hex')]);
			} else {
				const bytes = decodeBase64(compact);
				if (bytes === undefined)
					return { ok: false, message: 'The key is neither PEM, base64 nor hex.' };
				der =
					scheme === 'ed25519' && bytes.length === 32
						? Buffer.concat([ED25519_SPKI_PREFIX, bytes])
						: bytes;
			}
			key = createPublicKey({ key: der, format: 'der', type: 'spki' });
		}
	} catch {
		return { ok: false, message: 'The key could not be read as a public key.' };
	}
	const expected = scheme === 'ed25519' ? 'ed25519' : 'rsa';
	if (key.asymmetricKeyType !== expected) {
		return {
			ok: false,
			message: `The key is a ${String(key.asymmetricKeyType)} key, not ${expected}.`,
		};
	}
	return { ok: true, key };
}

/** All values of a header (case-insensitive name), split on commas (how Node joins repeated headers), trimmed. */
export function headerValues(headers: HeaderMap | undefined, name: string): string[] {
	if (!headers || typeof headers !== 'object') return [];
	const wanted = name.toLowerCase();
	const values: string[] = [];
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted || value === undefined) continue;
		for (const item of Array.isArray(value) ? value : [value]) {
			if (typeof item !== 'string') continue;
			for (const part of item.split(',')) {
				const trimmed = part.trim();
				if (trimmed !== '') values.push(trimmed);
			}
		}
	}
	return values;
}

function toBuffer(rawBody: VerifySignatureInput['rawBody']): Buffer {
	if (Buffer.isBuffer(rawBody)) return rawBody;
	if (rawBody instanceof Uint8Array)
		return Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
	if (typeof rawBody === 'string') return Buffer.from(rawBody, 'utf8');
	return Buffer.alloc(0);
}

function loadExtraKeys(
	texts: readonly string[] | undefined,
	scheme: 'ed25519' | 'rsa',
): { keys: KeyObject[]; bad: boolean } {
	const keys: KeyObject[] = [];
	let bad = false;
	for (const text of (Array.isArray(texts) ? texts : []).slice(0, MAX_EXTRA_KEYS)) {
		if (typeof text !== 'string' || text.trim() === '') continue;
		const parsed = parsePublicKey(text, scheme);
		if (parsed.ok) keys.push(parsed.key);
		else bad = true;
	}
	return { keys, bad };
}

function safeVerify(
	algorithm: 'sha256' | null,
	body: Buffer,
	key: KeyObject,
	signature: Buffer,
): boolean {
	try {
		return cryptoVerify(algorithm, body, key, signature);
	} catch {
		return false;
	}
}

/**
 * Verifies a HighLevel webhook signature over the raw body bytes (FACTS.md 5.4).
 *
 * - `x-ghl-signature` present → Ed25519 against the built-in key plus `ed25519PublicKeys`; `x-wh-signature` is
 *   then ignored, so a failing Ed25519 signature cannot be rescued by the legacy header.
 * - only `x-wh-signature` present → RSA-SHA256 against the built-in key plus `rsaPublicKeys`.
 * - Several values in one header (array or comma-joined, at most 4) are each tried.
 *
 * Reasons: `missing-signature` (neither header), `malformed-signature` (not strict base64, not 64 bytes for
 * Ed25519, outside 128–1024 bytes for RSA, or more than 4 values), `bad-key` (no key verified and at least one user-supplied key of the scheme could not
 * be parsed), `bad-signature` (well-formed but no key verifies). Every value is checked against every key (no
 * early exit). Never throws.
 */
export function verifySignature(input: VerifySignatureInput): SignatureResult {
	const headers = input?.headers;
	const ghl = headerValues(headers, ED25519_SIGNATURE_HEADER);
	const legacy = ghl.length === 0 ? headerValues(headers, RSA_SIGNATURE_HEADER) : [];
	if (ghl.length === 0 && legacy.length === 0) return { ok: false, reason: 'missing-signature' };

	const scheme = ghl.length > 0 ? 'ed25519' : 'rsa';
	const values = scheme === 'ed25519' ? ghl : legacy;
	if (values.length > MAX_SIGNATURE_VALUES) return { ok: false, reason: 'malformed-signature' };

	const extra = loadExtraKeys(
		scheme === 'ed25519' ? input.ed25519PublicKeys : input.rsaPublicKeys,
		scheme,
	);
	const keys = [scheme === 'ed25519' ? BUILT_IN_ED25519 : BUILT_IN_RSA, ...extra.keys];
	const signatures: Buffer[] = [];
	for (const value of values) {
		const bytes = decodeBase64(value);
		const lengthOk =
			bytes !== undefined &&
			(scheme === 'ed25519'
				? bytes.length === ED25519_SIGNATURE_BYTES
				: bytes.length >= RSA_SIGNATURE_MIN_BYTES && bytes.length <= RSA_SIGNATURE_MAX_BYTES);
		if (!lengthOk) return { ok: false, reason: 'malformed-signature' };
		signatures.push(bytes);
	}

	const body = toBuffer(input.rawBody);
	let verified = false;
	for (const signature of signatures) {
		for (const key of keys) {
			const ok = safeVerify(scheme === 'ed25519' ? null : 'sha256', body, key, signature);
			verified = verified || ok;
		}
	}
	if (verified) return { ok: true, scheme: scheme === 'ed25519' ? 'ed25519' : 'rsa-sha256' };
	return { ok: false, reason: extra.bad ? 'bad-key' : 'bad-signature' };
}

/** Result of {@link checkTimestamp}. */
export type TimestampResult =
	| { ok: true }
	| { ok: false; reason: 'missing-timestamp' | 'stale' | 'future' | 'invalid-timestamp' };

/** Default replay window: 5 minutes, the example in `docs/oauth/WebhookAuthentication.md`. */
export const DEFAULT_TIMESTAMP_WINDOW_MS = 5 * 60 * 1000;

const ISO_8601 =
	/^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d{2}:?\d{2})$/;
/** Epoch-millisecond numbers below this (2001-09-09) are refused: they are almost surely epoch seconds. */
const MIN_EPOCH_MS = 1e12;

/**
 * A payload `timestamp` in epoch ms: an ISO 8601 string with a zone, or an epoch-millisecond number (≥ 1e12);
 * `undefined` for anything else (also impossible dates and epoch seconds). Never throws.
 */
export function parseTimestamp(value: unknown): number | undefined {
	if (typeof value === 'number') {
		return Number.isFinite(value) && value >= MIN_EPOCH_MS ? value : undefined;
	}
	if (typeof value !== 'string') return undefined;
	const match = ISO_8601.exec(value.trim());
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	if (month < 1 || month > 12 || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)
		return undefined;
	if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
	const ms = Date.parse(value.trim().replace(' ', 'T'));
	return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Checks the payload's `timestamp` against `nowMs` (epoch ms): accepted when within `windowMs` either side,
 * bounds included. `timestamp` is an ISO 8601 string with a zone (`2025-01-28T14:35:00Z`, per
 * `docs/oauth/WebhookAuthentication.md`) or an epoch-millisecond number (≥ 1e12). Reasons: `missing-timestamp`
 * (undefined, null or empty string), `invalid-timestamp` (anything else unparseable, impossible dates, epoch
 * seconds), `stale` (older than the window), `future` (ahead by more than the window). A negative or non-finite
 * `windowMs` counts as 0. Never throws.
 */
export function checkTimestamp(
	payloadTimestamp: unknown,
	nowMs: number,
	windowMs: number,
): TimestampResult {
	if (payloadTimestamp === undefined || payloadTimestamp === null || payloadTimestamp === '') {
		return { ok: false, reason: 'missing-timestamp' };
	}
	const ts = parseTimestamp(payloadTimestamp);
	if (ts === undefined || !Number.isFinite(nowMs))
		return { ok: false, reason: 'invalid-timestamp' };
	const window = Number.isFinite(windowMs) && windowMs > 0 ? windowMs : 0;
	if (nowMs - ts > window) return { ok: false, reason: 'stale' };
	if (ts - nowMs > window) return { ok: false, reason: 'future' };
	return { ok: true };
}

/** Result of {@link verifySharedSecret}. */
export type SharedSecretResult =
	| { ok: true }
	| { ok: false; reason: 'not-configured' | 'missing-header' | 'mismatch' };

/**
 * Checks a shared secret sent by a HighLevel workflow "Webhook"/"Custom Webhook" action (FACTS.md 5.3: those
 * requests are not signed, so the user adds a header with a secret of their choosing). Compares the trimmed
 * header value(s) with the trimmed secret in constant time (both SHA-256 hashed first, so length does not leak);
 * every value is compared. `not-configured` when the secret or header name is empty. Never throws and never
 * includes the secret in the result.
 */
export function verifySharedSecret(
	headers: HeaderMap,
	headerName: string,
	secret: string,
): SharedSecretResult {
	if (
		typeof secret !== 'string' ||
		secret.trim() === '' ||
		typeof headerName !== 'string' ||
		headerName.trim() === ''
	) {
		return { ok: false, reason: 'not-configured' };
	}
	const wanted = headerName.trim().toLowerCase();
	const values: string[] = [];
	for (const [key, value] of Object.entries(headers ?? {})) {
		if (key.toLowerCase() !== wanted || value === undefined) continue;
		for (const item of Array.isArray(value) ? value : [value]) {
			if (typeof item === 'string' && item.trim() !== '') values.push(item.trim());
		}
	}
	if (values.length === 0) return { ok: false, reason: 'missing-header' };
	const expected = createHash('sha256').update(secret.trim(), 'utf8').digest();
	let matched = false;
	for (const value of values.slice(0, MAX_SIGNATURE_VALUES)) {
		const actual = createHash('sha256').update(value, 'utf8').digest();
		matched = timingSafeEqual(actual, expected) || matched;
	}
	return matched ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** Largest webhook body accepted, in bytes (1 MiB; documented HighLevel payloads are a few KB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Result of {@link parseJsonBody}; `message` is safe to return to the caller (it never echoes the body). */
export type JsonBodyResult =
	| { ok: true; body: Record<string, unknown> }
	| {
			ok: false;
			reason: 'empty-body' | 'too-large' | 'invalid-json' | 'not-an-object';
			message: string;
	  };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses a webhook body: refuses empty bodies, bodies over {@link MAX_BODY_BYTES} (checked before decoding),
 * invalid UTF-8, invalid JSON and JSON that is not an object (HighLevel payloads are always objects). A leading
 * UTF-8 BOM is ignored. Never throws.
 */
export function parseJsonBody(
	raw: Buffer | Uint8Array | string | undefined | null,
): JsonBodyResult {
	if (raw === undefined || raw === null)
		return { ok: false, reason: 'empty-body', message: 'The request has no body.' };
	const size = typeof raw === 'string' ? Buffer.byteLength(raw, 'utf8') : raw.byteLength;
	if (size > MAX_BODY_BYTES) {
		return {
			ok: false,
			reason: 'too-large',
			message: `The body is ${size} bytes; at most ${MAX_BODY_BYTES} bytes are accepted.`,
		};
	}
	let text: string;
	try {
		text = typeof raw === 'string' ? raw : UTF8.decode(raw);
	} catch {
		return { ok: false, reason: 'invalid-json', message: 'The body is not valid UTF-8 text.' };
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.trim() === '')
		return { ok: false, reason: 'empty-body', message: 'The request body is empty.' };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, reason: 'invalid-json', message: 'The body is not valid JSON.' };
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return {
			ok: false,
			reason: 'not-an-object',
			message: 'The body is JSON but not a JSON object.',
		};
	}
	return { ok: true, body: value as Record<string, unknown> };
}
