/**
 * Reading the trigger's parameters, splitting pasted keys, and the activation-time configuration checks.
 */
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	assertUsableSettings,
	readSettings,
	splitPublicKeys,
	type TriggerSettings,
} from '../../../nodes/GoHighLevelTrigger/shared/settings';
import { MAX_EXTRA_KEYS } from '../../../nodes/GoHighLevelTrigger/shared/verify';
import { TEST_ED25519_PUBLIC_KEY, TEST_RSA_PUBLIC_KEY } from '../fixtures/keys';

const NODE = { name: 'GoHighLevel Trigger' } as INode;

function settingsOf(parameters: IDataObject): TriggerSettings {
	return readSettings({
		getNodeParameter: ((name: string, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback) as never,
	});
}

describe('readSettings', () => {
	it('defaults to the Marketplace source, the credential location and a 5-minute window', () => {
		expect(settingsOf({})).toEqual({
			source: 'marketplace',
			events: [],
			location: 'credential',
			timestampWindowMs: 5 * 60_000,
			ed25519PublicKeys: [],
			rsaPublicKeys: [],
			includeFullRecord: false,
			sharedSecret: '',
			secretHeaderName: 'x-webhook-secret',
			skipVerification: false,
		});
	});

	it('converts the window from minutes and clamps negatives to 0', () => {
		expect(settingsOf({ options: { timestampWindow: 0.5 } }).timestampWindowMs).toBe(30_000);
		expect(settingsOf({ options: { timestampWindow: -3 } }).timestampWindowMs).toBe(0);
		expect(settingsOf({ options: { timestampWindow: 'x' } }).timestampWindowMs).toBe(5 * 60_000);
	});

	it('keeps only the options of the chosen source', () => {
		const options = {
			sharedSecret: ' s ',
			skipVerification: true,
			additionalEd25519PublicKey: TEST_ED25519_PUBLIC_KEY,
			timestampWindow: 9,
		};
		const market = settingsOf({
			source: 'marketplace',
			events: ['ContactCreate', 'ContactCreate'],
			options,
		});
		expect(market).toMatchObject({
			events: ['ContactCreate'],
			sharedSecret: '',
			skipVerification: false,
			ed25519PublicKeys: [TEST_ED25519_PUBLIC_KEY.trim()],
		});
		const workflow = settingsOf({ source: 'workflow', events: ['ContactCreate'], options });
		expect(workflow).toMatchObject({
			events: [],
			sharedSecret: 's',
			skipVerification: true,
			ed25519PublicKeys: [],
			timestampWindowMs: 0,
		});
	});

	it('lower-cases the secret header name', () => {
		expect(
			settingsOf({ source: 'workflow', options: { headerName: 'X-Token' } }).secretHeaderName,
		).toBe('x-token');
	});
});

describe('splitPublicKeys', () => {
	it('returns each PEM block, also with literal \\n sequences, and at most MAX_EXTRA_KEYS', () => {
		const two = `${TEST_ED25519_PUBLIC_KEY}\n${TEST_RSA_PUBLIC_KEY}`;
		expect(splitPublicKeys(two)).toEqual([
			TEST_ED25519_PUBLIC_KEY.trim(),
			TEST_RSA_PUBLIC_KEY.trim(),
		]);
		expect(splitPublicKeys(TEST_ED25519_PUBLIC_KEY.replace(/\n/g, '\\n'))).toEqual([
			TEST_ED25519_PUBLIC_KEY.trim(),
		]);
		const many = Array.from({ length: MAX_EXTRA_KEYS + 3 }, () => TEST_ED25519_PUBLIC_KEY).join(
			'\n',
		);
		expect(splitPublicKeys(many)).toHaveLength(MAX_EXTRA_KEYS);
	});

	it('takes text without PEM markers as one key, and nothing from empty input', () => {
		expect(splitPublicKeys(' abc== ')).toEqual(['abc==']);
		expect(splitPublicKeys('')).toEqual([]);
		expect(splitPublicKeys(undefined)).toEqual([]);
	});
});

describe('readSettings: Shared Secret', () => {
	it('reads the Shared Secret parameter, else the Options entry of workflows saved by earlier versions', () => {
		const workflow = { source: 'workflow' };
		expect(settingsOf({ ...workflow, sharedSecret: ' new ' }).sharedSecret).toBe('new');
		expect(settingsOf({ ...workflow, options: { sharedSecret: 'old' } }).sharedSecret).toBe('old');
		expect(
			settingsOf({ ...workflow, sharedSecret: 'new', options: { sharedSecret: 'old' } })
				.sharedSecret,
		).toBe('new');
		expect(settingsOf({ sharedSecret: 'new' }).sharedSecret).toBe('');
	});
});

describe('assertUsableSettings', () => {
	function message(parameters: IDataObject): string | undefined {
		try {
			assertUsableSettings(NODE, settingsOf(parameters));
			return undefined;
		} catch (error) {
			expect(error).toBeInstanceOf(NodeOperationError);
			return (error as Error).message;
		}
	}

	it('accepts a Marketplace setup with known events and usable keys', () => {
		expect(
			message({
				events: ['ContactCreate', '*'],
				options: {
					additionalEd25519PublicKey: TEST_ED25519_PUBLIC_KEY,
					additionalRsaPublicKey: TEST_RSA_PUBLIC_KEY,
				},
			}),
		).toBeUndefined();
	});

	it('names Events when none or unknown ones are chosen', () => {
		expect(message({ events: [] })).toMatch(/at least one event in Events/);
		expect(message({ events: ['ContactCreated'] })).toMatch(
			/Unknown event ContactCreated in Events/,
		);
	});

	it('names the key option holding a key of the wrong type or a private key', () => {
		expect(
			message({ events: ['*'], options: { additionalRsaPublicKey: TEST_ED25519_PUBLIC_KEY } }),
		).toMatch(
			/Options → Additional RSA Public Key is not usable: The key is a ed25519 key, not rsa/,
		);
		expect(
			message({
				events: ['*'],
				options: {
					additionalEd25519PublicKey:
						'-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----',
				},
			}),
		).toMatch(/private key/);
	});

	it('requires a Shared Secret or Skip Verification for the workflow source, and a valid header name', () => {
		expect(message({ source: 'workflow', options: {} })).toMatch(/Set Shared Secret/);
		expect(message({ source: 'workflow', options: { skipVerification: true } })).toBeUndefined();
		expect(
			message({ source: 'workflow', options: { sharedSecret: 'x', headerName: 'bad header' } }),
		).toMatch(/Secret Header Name is not a valid header name/);
	});
});
