import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';

import {
	checkTimestamp,
	DEFAULT_TIMESTAMP_WINDOW_MS,
	HIGHLEVEL_ED25519_PUBLIC_KEY,
	HIGHLEVEL_RSA_PUBLIC_KEY,
	headerValues,
	MAX_BODY_BYTES,
	MAX_EXTRA_KEYS,
	parseJsonBody,
	parsePublicKey,
	verifySharedSecret,
	verifySignature,
	type HeaderMap,
} from '../../../nodes/GoHighLevelTrigger/shared/verify';
import {
	signPayload,
	TEST_ED25519_PRIVATE_KEY,
	TEST_ED25519_PUBLIC_KEY,
	TEST_RSA_PRIVATE_KEY,
	TEST_RSA_PUBLIC_KEY,
} from '../fixtures/keys';

// Fixed vectors: the body below signed with the committed test keys (both schemes are deterministic).
const FIXED_BODY =
	'{"type":"ContactCreate","locationId":"ve9EPM428h8vShlRW1KT","id":"nmFmQEsNgz6AVpgLVUJ0","timestamp":"2025-01-28T14:35:00Z","webhookId":"abc123xyz"}';
const FIXED_ED25519_SIGNATURE =
	'U1Kq7eDLU3rvqGY0TWK02r18xq35Hwa19ajohLpfwVNaKb+Kixoo336STY9cqUtzgd8953Om5yge6+YMElweCA==';
const FIXED_RSA_SIGNATURE =
	'P5EZ9+0QGvZKsUx7xvOF7jIS3NHv7MZGlXLA07MVn6o/3v8lp0LUMlaJgiqj1F7zd42ibH57CqEhAdmQ6leEn8siDYbExclaFwTbNAKpl21GaO9ilSFCfx/hxQRlaxVB705KSnq08eMMuLgmHO9+2kV9CEkma1D/V+4ZzGP3+DHv0d79aQEcaL28VxXCiQe25M+fCIWOZ1b9bVqveG5UzwPLZUoi0DTUF/n5lHyxD/yuT1Hbw1Zc7H6hBMZw0V1LAYUAUcr1E49fa5UfRq8NOz0Z4KMgcB6PTNdgZrJqAeCkPtdwIKcvKL+rY6o+nz/zH6LT2HN1XlfF/xFTLijlkg==';

const body = Buffer.from(FIXED_BODY, 'utf8');
const ed = [TEST_ED25519_PUBLIC_KEY];
const rsa = [TEST_RSA_PUBLIC_KEY];

/** Raw 32-byte Ed25519 test public key, taken from the SPKI DER (last 32 bytes). */
const RAW_ED25519 = createPublicKey(TEST_ED25519_PUBLIC_KEY)
	.export({ type: 'spki', format: 'der' })
	.subarray(12);

function tamper(buffer: Buffer, index: number): Buffer {
	const copy = Buffer.from(buffer);
	copy[index] ^= 0x01;
	return copy;
}

describe('built-in HighLevel public keys', () => {
	it('are an Ed25519 key and a 4096-bit RSA key (FACTS.md 5.4)', () => {
		const edKey = createPublicKey(HIGHLEVEL_ED25519_PUBLIC_KEY);
		const rsaKey = createPublicKey(HIGHLEVEL_RSA_PUBLIC_KEY);
		expect(edKey.asymmetricKeyType).toBe('ed25519');
		expect(rsaKey.asymmetricKeyType).toBe('rsa');
		expect(rsaKey.asymmetricKeyDetails?.modulusLength).toBe(4096);
		expect(edKey.export({ type: 'spki', format: 'der' }).toString('hex')).toBe(
			'302a300506032b65700321008b61d1d6cacbe28d7c3bc0516bb815258ec6edbba96cddc7f40c09ac708388e8',
		);
	});
});

describe('signPayload (test fixture)', () => {
	it('reproduces the committed fixed vectors', () => {
		expect(signPayload(FIXED_BODY)).toEqual({
			'x-ghl-signature': FIXED_ED25519_SIGNATURE,
			'x-wh-signature': FIXED_RSA_SIGNATURE,
		});
		expect(
			signPayload(body, {
				ed25519PrivateKey: TEST_ED25519_PRIVATE_KEY,
				rsaPrivateKey: TEST_RSA_PRIVATE_KEY,
			}),
		).toEqual(signPayload(FIXED_BODY));
	});

	it('refuses keys of the wrong type', () => {
		expect(() => signPayload(body, { ed25519PrivateKey: TEST_RSA_PRIVATE_KEY })).toThrow(/Ed25519/);
		expect(() => signPayload(body, { rsaPrivateKey: TEST_ED25519_PRIVATE_KEY })).toThrow(/RSA/);
	});
});

describe('verifySignature', () => {
	it('accepts a valid Ed25519 x-ghl-signature over the raw body', () => {
		expect(
			verifySignature({
				rawBody: body,
				headers: { 'x-ghl-signature': FIXED_ED25519_SIGNATURE },
				ed25519PublicKeys: ed,
			}),
		).toEqual({ ok: true, scheme: 'ed25519' });
	});

	it('accepts a valid legacy RSA x-wh-signature when x-ghl-signature is absent', () => {
		expect(
			verifySignature({
				rawBody: body,
				headers: { 'x-wh-signature': FIXED_RSA_SIGNATURE },
				rsaPublicKeys: rsa,
			}),
		).toEqual({ ok: true, scheme: 'rsa-sha256' });
	});

	it('prefers x-ghl-signature and does not fall back to a valid legacy header', () => {
		const otherBodySignature = signPayload('{"other":true}')['x-ghl-signature'];
		const headers = {
			'x-ghl-signature': otherBodySignature,
			'x-wh-signature': FIXED_RSA_SIGNATURE,
		};
		expect(
			verifySignature({ rawBody: body, headers, ed25519PublicKeys: ed, rsaPublicKeys: rsa }),
		).toEqual({
			ok: false,
			reason: 'bad-signature',
		});
		const both = { 'x-ghl-signature': FIXED_ED25519_SIGNATURE, 'x-wh-signature': 'not base64!' };
		expect(verifySignature({ rawBody: body, headers: both, ed25519PublicKeys: ed })).toEqual({
			ok: true,
			scheme: 'ed25519',
		});
	});

	it('matches header names case-insensitively', () => {
		expect(
			verifySignature({
				rawBody: body,
				headers: { 'X-GHL-Signature': FIXED_ED25519_SIGNATURE },
				ed25519PublicKeys: ed,
			}).ok,
		).toBe(true);
	});

	it('refuses a body with one byte changed (both schemes, every position class)', () => {
		for (const index of [0, 40, body.length - 1]) {
			const rawBody = tamper(body, index);
			expect(
				verifySignature({
					rawBody,
					headers: { 'x-ghl-signature': FIXED_ED25519_SIGNATURE },
					ed25519PublicKeys: ed,
				}),
			).toEqual({ ok: false, reason: 'bad-signature' });
			expect(
				verifySignature({
					rawBody,
					headers: { 'x-wh-signature': FIXED_RSA_SIGNATURE },
					rsaPublicKeys: rsa,
				}),
			).toEqual({
				ok: false,
				reason: 'bad-signature',
			});
		}
	});

	it('refuses a signature whose own bytes were changed', () => {
		const sig = tamper(Buffer.from(FIXED_ED25519_SIGNATURE, 'base64'), 10).toString('base64');
		expect(
			verifySignature({
				rawBody: body,
				headers: { 'x-ghl-signature': sig },
				ed25519PublicKeys: ed,
			}),
		).toEqual({
			ok: false,
			reason: 'bad-signature',
		});
	});

	it('refuses signatures made with a key it does not know (built-in keys only)', () => {
		expect(
			verifySignature({ rawBody: body, headers: { 'x-ghl-signature': FIXED_ED25519_SIGNATURE } }),
		).toEqual({
			ok: false,
			reason: 'bad-signature',
		});
		expect(
			verifySignature({ rawBody: body, headers: { 'x-wh-signature': FIXED_RSA_SIGNATURE } }),
		).toEqual({
			ok: false,
			reason: 'bad-signature',
		});
	});

	it('refuses a signature from a different key even when extra keys are given', () => {
		const other = generateKeyPairSync('ed25519');
		const sig = sign(null, body, other.privateKey).toString('base64');
		expect(
			verifySignature({
				rawBody: body,
				headers: { 'x-ghl-signature': sig },
				ed25519PublicKeys: ed,
			}),
		).toEqual({
			ok: false,
			reason: 'bad-signature',
		});
	});

	it('answers missing-signature without either header (or with empty values)', () => {
		expect(verifySignature({ rawBody: body, headers: {}, ed25519PublicKeys: ed })).toEqual({
			ok: false,
			reason: 'missing-signature',
		});
		expect(
			verifySignature({ rawBody: body, headers: { 'x-ghl-signature': '', 'x-wh-signature': [] } }),
		).toEqual({
			ok: false,
			reason: 'missing-signature',
		});
		expect(verifySignature({ rawBody: body, headers: { 'x-ghl-signature': undefined } })).toEqual({
			ok: false,
			reason: 'missing-signature',
		});
	});

	it('answers malformed-signature for bad base64', () => {
		for (const bad of [
			'%%%notbase64%%%',
			'U1Kq7eDL U3rv',
			FIXED_ED25519_SIGNATURE.replace(/\+/g, '-'),
			'A',
			'====',
			'QQ=A',
		]) {
			expect(
				verifySignature({
					rawBody: body,
					headers: { 'x-ghl-signature': bad },
					ed25519PublicKeys: ed,
				}),
			).toEqual({
				ok: false,
				reason: 'malformed-signature',
			});
		}
		expect(
			verifySignature({ rawBody: body, headers: { 'x-wh-signature': '***' }, rsaPublicKeys: rsa }),
		).toEqual({
			ok: false,
			reason: 'malformed-signature',
		});
	});

	it('answers malformed-signature for signatures of the wrong length', () => {
		const ed63 = Buffer.from(FIXED_ED25519_SIGNATURE, 'base64').subarray(0, 63).toString('base64');
		const ed65 = Buffer.concat([
			Buffer.from(FIXED_ED25519_SIGNATURE, 'base64'),
			Buffer.from([0]),
		]).toString('base64');
		for (const sig of [ed63, ed65]) {
			expect(
				verifySignature({
					rawBody: body,
					headers: { 'x-ghl-signature': sig },
					ed25519PublicKeys: ed,
				}),
			).toEqual({
				ok: false,
				reason: 'malformed-signature',
			});
		}
		// RSA signatures are as long as the key modulus (128–1024 bytes for 1024- to 8192-bit keys).
		for (const size of [127, 1025]) {
			const sig = Buffer.alloc(size, 7).toString('base64');
			expect(
				verifySignature({ rawBody: body, headers: { 'x-wh-signature': sig }, rsaPublicKeys: rsa }),
			).toEqual({
				ok: false,
				reason: 'malformed-signature',
			});
		}
		// 512 bytes fits the built-in 4096-bit key: well-formed, just not valid.
		const rsa512 = Buffer.alloc(512, 7).toString('base64');
		expect(verifySignature({ rawBody: body, headers: { 'x-wh-signature': rsa512 } })).toEqual({
			ok: false,
			reason: 'bad-signature',
		});
		// A plausible length that fits no configured key is simply a bad signature.
		const rsa300 = Buffer.alloc(300, 7).toString('base64');
		expect(
			verifySignature({ rawBody: body, headers: { 'x-wh-signature': rsa300 }, rsaPublicKeys: rsa }),
		).toEqual({
			ok: false,
			reason: 'bad-signature',
		});
	});

	it('accepts base64 without padding', () => {
		const unpadded = FIXED_ED25519_SIGNATURE.replace(/=+$/, '');
		expect(
			verifySignature({
				rawBody: body,
				headers: { 'x-ghl-signature': unpadded },
				ed25519PublicKeys: ed,
			}).ok,
		).toBe(true);
	});

	it('tries every value of an array header or a comma-joined header', () => {
		const wrong = signPayload('{"x":1}')['x-ghl-signature'];
		expect(
			verifySignature({
				rawBody: body,
				headers: { 'x-ghl-signature': [wrong, FIXED_ED25519_SIGNATURE] },
				ed25519PublicKeys: ed,
			}),
		).toEqual({ ok: true, scheme: 'ed25519' });
		expect(
			verifySignature({
				rawBody: body,
				headers: { 'x-ghl-signature': `${FIXED_ED25519_SIGNATURE}, ${wrong}` },
				ed25519PublicKeys: ed,
			}),
		).toEqual({ ok: true, scheme: 'ed25519' });
		expect(
			verifySignature({
				rawBody: body,
				headers: { 'x-ghl-signature': [wrong, wrong] },
				ed25519PublicKeys: ed,
			}),
		).toEqual({
			ok: false,
			reason: 'bad-signature',
		});
		expect(
			verifySignature({
				rawBody: body,
				headers: { 'x-ghl-signature': [wrong, 'bad base64!'] },
				ed25519PublicKeys: ed,
			}),
		).toEqual({ ok: false, reason: 'malformed-signature' });
		const five = [wrong, wrong, wrong, wrong, FIXED_ED25519_SIGNATURE];
		expect(
			verifySignature({
				rawBody: body,
				headers: { 'x-ghl-signature': five },
				ed25519PublicKeys: ed,
			}),
		).toEqual({
			ok: false,
			reason: 'malformed-signature',
		});
	});

	describe('user-supplied extra keys (built-in key fails, extra key verifies)', () => {
		const formats: Array<[string, string]> = [
			['PEM', TEST_ED25519_PUBLIC_KEY],
			['PEM with literal \\n', TEST_ED25519_PUBLIC_KEY.trim().replace(/\n/g, '\\n')],
			['base64 of the raw 32 bytes', RAW_ED25519.toString('base64')],
			['hex of the raw 32 bytes', RAW_ED25519.toString('hex')],
			['upper-case hex', RAW_ED25519.toString('hex').toUpperCase()],
			[
				'base64 of the SPKI DER',
				createPublicKey(TEST_ED25519_PUBLIC_KEY)
					.export({ type: 'spki', format: 'der' })
					.toString('base64'),
			],
		];
		it.each(formats)('Ed25519 key as %s', (_label, key) => {
			expect(
				verifySignature({
					rawBody: body,
					headers: { 'x-ghl-signature': FIXED_ED25519_SIGNATURE },
					ed25519PublicKeys: [key],
				}),
			).toEqual({ ok: true, scheme: 'ed25519' });
		});

		it('RSA key as SPKI PEM, PKCS#1 PEM and base64 SPKI DER', () => {
			const keyObject = createPublicKey(TEST_RSA_PUBLIC_KEY);
			const pkcs1 = keyObject.export({ type: 'pkcs1', format: 'pem' }).toString();
			const der = keyObject.export({ type: 'spki', format: 'der' }).toString('base64');
			for (const key of [TEST_RSA_PUBLIC_KEY, pkcs1, der]) {
				expect(
					verifySignature({
						rawBody: body,
						headers: { 'x-wh-signature': FIXED_RSA_SIGNATURE },
						rsaPublicKeys: [key],
					}),
				).toEqual({ ok: true, scheme: 'rsa-sha256' });
			}
		});

		it('answers bad-key when nothing verifies and a pasted key is unreadable', () => {
			for (const badKey of [
				'not a key',
				TEST_RSA_PUBLIC_KEY,
				'abcd',
				'ab'.repeat(31),
				TEST_ED25519_PRIVATE_KEY,
			]) {
				expect(
					verifySignature({
						rawBody: body,
						headers: { 'x-ghl-signature': FIXED_ED25519_SIGNATURE },
						ed25519PublicKeys: [badKey],
					}),
				).toEqual({ ok: false, reason: 'bad-key' });
			}
			expect(
				verifySignature({
					rawBody: body,
					headers: { 'x-wh-signature': FIXED_RSA_SIGNATURE },
					rsaPublicKeys: [TEST_ED25519_PUBLIC_KEY],
				}),
			).toEqual({ ok: false, reason: 'bad-key' });
		});

		it('still verifies with a good key listed next to a bad one, and ignores blank entries', () => {
			expect(
				verifySignature({
					rawBody: body,
					headers: { 'x-ghl-signature': FIXED_ED25519_SIGNATURE },
					ed25519PublicKeys: ['garbage', '', '   ', TEST_ED25519_PUBLIC_KEY],
				}),
			).toEqual({ ok: true, scheme: 'ed25519' });
			expect(
				verifySignature({
					rawBody: body,
					headers: { 'x-ghl-signature': FIXED_ED25519_SIGNATURE },
					ed25519PublicKeys: ['', ' '],
				}),
			).toEqual({ ok: false, reason: 'bad-signature' });
		});

		it(`tries at most ${MAX_EXTRA_KEYS} extra keys`, () => {
			const others = Array.from({ length: MAX_EXTRA_KEYS }, () =>
				generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString(),
			);
			expect(
				verifySignature({
					rawBody: body,
					headers: { 'x-ghl-signature': FIXED_ED25519_SIGNATURE },
					ed25519PublicKeys: [...others, ...ed],
				}).ok,
			).toBe(false);
			expect(
				verifySignature({
					rawBody: body,
					headers: { 'x-ghl-signature': FIXED_ED25519_SIGNATURE },
					ed25519PublicKeys: [...others.slice(1), ...ed],
				}).ok,
			).toBe(true);
		});
	});

	it('uses the raw bytes: re-serialised JSON does not verify', () => {
		const pretty = JSON.stringify(JSON.parse(FIXED_BODY), null, 2);
		const prettySig = signPayload(pretty);
		const reserialised = Buffer.from(JSON.stringify(JSON.parse(pretty)));
		expect(reserialised.equals(Buffer.from(pretty))).toBe(false);
		expect(
			verifySignature({
				rawBody: Buffer.from(pretty),
				headers: { 'x-ghl-signature': prettySig['x-ghl-signature'] },
				ed25519PublicKeys: ed,
			}).ok,
		).toBe(true);
		expect(
			verifySignature({
				rawBody: reserialised,
				headers: { 'x-ghl-signature': prettySig['x-ghl-signature'] },
				ed25519PublicKeys: ed,
			}),
		).toEqual({ ok: false, reason: 'bad-signature' });
		expect(
			verifySignature({
				rawBody: reserialised,
				headers: { 'x-wh-signature': prettySig['x-wh-signature'] },
				rsaPublicKeys: rsa,
			}),
		).toEqual({ ok: false, reason: 'bad-signature' });
		// A trailing newline is a different body too.
		expect(
			verifySignature({
				rawBody: `${FIXED_BODY}\n`,
				headers: { 'x-ghl-signature': FIXED_ED25519_SIGNATURE },
				ed25519PublicKeys: ed,
			}).ok,
		).toBe(false);
	});

	it('accepts the raw body as Buffer, Uint8Array or UTF-8 string', () => {
		const headers = { 'x-ghl-signature': FIXED_ED25519_SIGNATURE };
		const backing = new Uint8Array(body.length + 2);
		backing.set(body, 2);
		const view = backing.subarray(2);
		for (const rawBody of [body, FIXED_BODY, new Uint8Array(body), view]) {
			expect(verifySignature({ rawBody, headers, ed25519PublicKeys: ed }).ok).toBe(true);
		}
	});

	it('never throws on hostile input', () => {
		const hostile: unknown[] = [
			{ rawBody: body, headers: { 'x-ghl-signature': 42 as unknown as string } },
			{ rawBody: body, headers: { 'x-ghl-signature': [null, {}] as unknown as string[] } },
			{ rawBody: undefined, headers: { 'x-ghl-signature': FIXED_ED25519_SIGNATURE } },
			{ rawBody: body, headers: null },
			{
				rawBody: body,
				headers: { 'x-ghl-signature': FIXED_ED25519_SIGNATURE },
				ed25519PublicKeys: 'not-an-array',
			},
			{
				rawBody: body,
				headers: { 'x-ghl-signature': FIXED_ED25519_SIGNATURE },
				ed25519PublicKeys: [42, null],
			},
			{ rawBody: body, headers: { 'x-ghl-signature': 'A'.repeat(100_000) } },
		];
		for (const input of hostile) {
			expect(() => verifySignature(input as Parameters<typeof verifySignature>[0])).not.toThrow();
			expect(verifySignature(input as Parameters<typeof verifySignature>[0]).ok).toBe(false);
		}
	});
});

describe('parsePublicKey', () => {
	it('reads the test keys and refuses the other algorithm and private keys without echoing the key', () => {
		expect(parsePublicKey(TEST_ED25519_PUBLIC_KEY, 'ed25519').ok).toBe(true);
		expect(parsePublicKey(TEST_RSA_PUBLIC_KEY, 'rsa').ok).toBe(true);
		const wrongType = parsePublicKey(TEST_RSA_PUBLIC_KEY, 'ed25519');
		expect(wrongType).toEqual({ ok: false, message: 'The key is a rsa key, not ed25519.' });
		const priv = parsePublicKey(TEST_ED25519_PRIVATE_KEY, 'ed25519');
		expect(priv.ok).toBe(false);
		expect(JSON.stringify(priv)).not.toContain('MC4CAQAw');
		expect(parsePublicKey('', 'rsa')).toEqual({ ok: false, message: 'The key is empty.' });
		expect(
			parsePublicKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', 'rsa').ok,
		).toBe(false);
	});
});

describe('headerValues', () => {
	it('collects array items and comma-separated parts of a header, any case', () => {
		const headers: HeaderMap = { 'X-Test': ['a, b', ' c '], 'x-test': 'd', other: 'e' };
		expect(headerValues(headers, 'x-TEST')).toEqual(['a', 'b', 'c', 'd']);
		expect(headerValues(undefined, 'x')).toEqual([]);
	});
});

describe('checkTimestamp', () => {
	const now = Date.parse('2025-01-28T14:35:00Z');
	const window = DEFAULT_TIMESTAMP_WINDOW_MS;
	const iso = (ms: number) => new Date(ms).toISOString();

	it('accepts the current time in ISO form and as epoch ms', () => {
		expect(checkTimestamp('2025-01-28T14:35:00Z', now, window)).toEqual({ ok: true });
		expect(checkTimestamp('2025-01-28T14:35:00.000Z', now, window)).toEqual({ ok: true });
		expect(checkTimestamp('2025-01-28T20:05:00+05:30', now, window)).toEqual({ ok: true });
		expect(checkTimestamp('2025-01-28T09:35:00-0500', now, window)).toEqual({ ok: true });
		expect(checkTimestamp(now, now, window)).toEqual({ ok: true });
	});

	it('includes both edges of the window and refuses one millisecond beyond', () => {
		expect(checkTimestamp(iso(now - window), now, window)).toEqual({ ok: true });
		expect(checkTimestamp(iso(now + window), now, window)).toEqual({ ok: true });
		expect(checkTimestamp(iso(now - window - 1), now, window)).toEqual({
			ok: false,
			reason: 'stale',
		});
		expect(checkTimestamp(iso(now + window + 1), now, window)).toEqual({
			ok: false,
			reason: 'future',
		});
		expect(checkTimestamp(now - window - 1, now, window)).toEqual({ ok: false, reason: 'stale' });
		expect(checkTimestamp(now + window + 1, now, window)).toEqual({ ok: false, reason: 'future' });
	});

	it('refuses old and future timestamps', () => {
		expect(checkTimestamp('2024-01-28T14:35:00Z', now, window)).toEqual({
			ok: false,
			reason: 'stale',
		});
		expect(checkTimestamp('2026-01-28T14:35:00Z', now, window)).toEqual({
			ok: false,
			reason: 'future',
		});
	});

	it('answers missing-timestamp for absent values', () => {
		for (const value of [undefined, null, '']) {
			expect(checkTimestamp(value, now, window)).toEqual({
				ok: false,
				reason: 'missing-timestamp',
			});
		}
	});

	it('answers invalid-timestamp for anything unparseable', () => {
		const invalid: unknown[] = [
			'yesterday',
			'2025-01-28',
			'2025-01-28T14:35:00',
			'2025-02-30T00:00:00Z',
			'2025-13-01T00:00:00Z',
			'2025-01-28T24:00:00Z',
			'Tue, 28 Jan 2025 14:35:00 GMT',
			Math.floor(now / 1000),
			Number.NaN,
			Number.POSITIVE_INFINITY,
			true,
			{},
			[now],
		];
		for (const value of invalid) {
			expect(checkTimestamp(value, now, window)).toEqual({
				ok: false,
				reason: 'invalid-timestamp',
			});
		}
	});

	it('treats a negative window as zero', () => {
		expect(checkTimestamp(now, now, -5)).toEqual({ ok: true });
		expect(checkTimestamp(now - 1, now, -5)).toEqual({ ok: false, reason: 'stale' });
	});
});

describe('verifySharedSecret', () => {
	const secret = 's3cret-value';

	it('accepts the configured secret in the configured header, any name case', () => {
		expect(verifySharedSecret({ 'x-n8n-secret': secret }, 'X-N8N-Secret', secret)).toEqual({
			ok: true,
		});
		expect(
			verifySharedSecret({ 'X-N8N-SECRET': ` ${secret} ` }, 'x-n8n-secret', `${secret}\n`),
		).toEqual({ ok: true });
		expect(
			verifySharedSecret({ 'x-n8n-secret': ['wrong', secret] }, 'x-n8n-secret', secret),
		).toEqual({ ok: true });
	});

	it('refuses a wrong value, including prefixes and longer values, without echoing the secret', () => {
		for (const value of ['wrong', secret.slice(0, -1), `${secret}x`, secret.toUpperCase()]) {
			const result = verifySharedSecret({ 'x-n8n-secret': value }, 'x-n8n-secret', secret);
			expect(result).toEqual({ ok: false, reason: 'mismatch' });
			expect(JSON.stringify(result)).not.toContain(secret);
		}
	});

	it('answers missing-header and not-configured', () => {
		expect(verifySharedSecret({}, 'x-n8n-secret', secret)).toEqual({
			ok: false,
			reason: 'missing-header',
		});
		expect(verifySharedSecret({ 'x-n8n-secret': '  ' }, 'x-n8n-secret', secret)).toEqual({
			ok: false,
			reason: 'missing-header',
		});
		expect(verifySharedSecret({ 'x-n8n-secret': 'x' }, 'x-n8n-secret', '')).toEqual({
			ok: false,
			reason: 'not-configured',
		});
		expect(verifySharedSecret({ 'x-n8n-secret': 'x' }, ' ', secret)).toEqual({
			ok: false,
			reason: 'not-configured',
		});
	});
});

describe('parseJsonBody', () => {
	it('parses a JSON object from a Buffer or string', () => {
		expect(parseJsonBody(body)).toEqual({ ok: true, body: JSON.parse(FIXED_BODY) });
		expect(parseJsonBody(FIXED_BODY)).toEqual({ ok: true, body: JSON.parse(FIXED_BODY) });
		expect(parseJsonBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]))).toEqual({
			ok: true,
			body: JSON.parse(FIXED_BODY),
		});
	});

	it('refuses empty, non-JSON, non-object and invalid UTF-8 bodies with a clear reason', () => {
		expect(parseJsonBody(undefined)).toMatchObject({ ok: false, reason: 'empty-body' });
		expect(parseJsonBody(Buffer.alloc(0))).toMatchObject({ ok: false, reason: 'empty-body' });
		expect(parseJsonBody('  \n')).toMatchObject({ ok: false, reason: 'empty-body' });
		expect(parseJsonBody('name=value&x=1')).toMatchObject({ ok: false, reason: 'invalid-json' });
		expect(parseJsonBody('{"a":1')).toMatchObject({ ok: false, reason: 'invalid-json' });
		expect(parseJsonBody(Buffer.from([0x7b, 0xff, 0x7d]))).toMatchObject({
			ok: false,
			reason: 'invalid-json',
		});
		for (const text of ['[1,2]', 'null', '42', '"text"']) {
			expect(parseJsonBody(text)).toMatchObject({ ok: false, reason: 'not-an-object' });
		}
		const result = parseJsonBody('secret-token-in-body');
		expect(result.ok).toBe(false);
		expect(JSON.stringify(result)).not.toContain('secret-token-in-body');
	});

	it(`accepts exactly ${MAX_BODY_BYTES} bytes and refuses one more before decoding`, () => {
		const fits = `{"a":"${'x'.repeat(MAX_BODY_BYTES - 8)}"}`;
		expect(Buffer.byteLength(fits)).toBe(MAX_BODY_BYTES);
		expect(parseJsonBody(fits).ok).toBe(true);
		expect(parseJsonBody(`${fits} `)).toMatchObject({ ok: false, reason: 'too-large' });
		// Invalid UTF-8 and invalid JSON, but too large is reported first.
		expect(parseJsonBody(Buffer.alloc(MAX_BODY_BYTES + 1, 0xff))).toMatchObject({
			ok: false,
			reason: 'too-large',
		});
		// Multi-byte characters count as bytes, not characters.
		const multiByte = `{"a":"${'é'.repeat(MAX_BODY_BYTES / 2)}"}`;
		expect(parseJsonBody(multiByte)).toMatchObject({ ok: false, reason: 'too-large' });
	});
});
