/**
 * Shared setup of the dropdown and resource-locator tests: `loadOptions` / `listSearch` methods called with a
 * context whose requests go over real HTTP to a sandbox.
 */
import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { clearListCache } from '../../../nodes/GoHighLevel/shared/cache';
import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { startSandbox, type Sandbox } from '../../sandbox';
import { lateBound } from '../../support/lateBound';
import { testNode } from '../helpers';

/**
 * A load-options context whose requests go over real HTTP through n8n-core's own `httpRequest`, authenticated the
 * way the Private Integration Token credential does it (Bearer header) with the sandbox's PIT.
 * @param current the node's current parameters (`getCurrentNodeParameter`), e.g. `{ contactId }`
 */
export function loadOptionsContext(
	sandbox: Sandbox,
	current: Record<string, unknown> = {},
): ILoadOptionsFunctions {
	const credentials: ICredentialDataDecryptedObject = {
		token: sandbox.privateIntegrationToken,
		locationId: sandbox.locationId,
		baseUrl: sandbox.url,
	};
	return {
		getNode: () => testNode,
		getNodeParameter: (_name: string, fallback: unknown) => fallback,
		getCurrentNodeParameter: (name: string) => current[name],
		getCredentials: async () => credentials,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) =>
				await httpRequest({
					...options,
					headers: { ...(options.headers ?? {}), Authorization: `Bearer ${String(credentials.token)}` },
				}),
		},
	} as unknown as ILoadOptionsFunctions;
}

/**
 * Registers the hooks of a dropdown test block: a fresh sandbox in `beforeAll` (closed in `afterAll`), a reset rate
 * limiter and list cache before each test (module state of the node), and after each test the check that the
 * sandbox saw no request breaking the OpenAPI spec (`stats.invalidRequests` is `[]`).
 * @returns the block's sandbox, usable inside its tests and hooks
 */
export function useMethodsSandbox(): Sandbox {
	let started: Sandbox | undefined;
	beforeAll(async () => {
		started = await startSandbox();
	});
	afterAll(async () => await started?.close());
	beforeEach(() => {
		rateLimiter.reset();
		clearListCache();
	});
	afterEach(() => expect(started?.stats.invalidRequests).toEqual([]));
	return lateBound(() => started, 'sandbox');
}
