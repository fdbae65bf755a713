import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { agencyListSearch, appIdOf } from '../../../nodes/GoHighLevel/methods/agency';
import { resetOAuthStates } from '../../../nodes/GoHighLevel/shared/transport';
import { exchangeAuthorizationCode } from '../../engine/GoHighLevel/helpers';
import { testNode } from '../helpers';
import { useMethodsSandbox } from './helpers';

const sandbox = useMethodsSandbox();

/** A load-options context with an OAuth2 credential holding `tokenData`, its requests sent over real HTTP. */
function oauthContext(tokenData: IDataObject): ILoadOptionsFunctions {
	const credentials = {
		clientId: sandbox.oauth.clientId,
		clientSecret: sandbox.oauth.clientSecret,
		baseUrl: sandbox.url,
		oauthTokenData: tokenData,
	};
	return {
		getNode: () => testNode,
		getNodeParameter: (name: string, fallback: unknown) => (name === 'authentication' ? 'oAuth2' : fallback),
		getCredentials: async () => credentials,
		helpers: {
			httpRequest,
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) =>
				await httpRequest({
					...options,
					headers: { ...(options.headers ?? {}), Authorization: `Bearer ${String(tokenData.access_token)}` },
				}),
		},
	} as unknown as ILoadOptionsFunctions;
}

describe('Location list (searchInstalledLocations)', () => {
	beforeEach(() => resetOAuthStates());

	it('reads the app id from the client id', () => {
		expect(appIdOf(sandbox.oauth.clientId)).toBe(sandbox.oauth.appId);
		expect(appIdOf('65f1c0ffee00aa11bb22cc33-lx9k2abc')).toBe('65f1c0ffee00aa11bb22cc33');
	});

	it('with an agency token: the locations the app is installed on, by name, filtered by the typed text', async () => {
		const ctx = oauthContext(await exchangeAuthorizationCode(sandbox, { agency: true }));
		const all = await agencyListSearch.searchInstalledLocations.call(ctx);
		const names = (id: string) => sandbox.store.location(id).location.name;
		expect(all.results.map((r) => r.value)).toEqual(
			expect.arrayContaining([sandbox.locationId, sandbox.secondLocationId]),
		);
		expect(all.results.find((r) => r.value === sandbox.locationId)?.name).toContain(names(sandbox.locationId));
		const sorted = [...all.results.map((r) => String(r.name))].sort((a, b) => a.localeCompare(b));
		expect(all.results.map((r) => r.name)).toEqual(sorted);

		const word = names(sandbox.secondLocationId!).split(' ')[0];
		const filtered = await agencyListSearch.searchInstalledLocations.call(ctx, word);
		expect(filtered.results.map((r) => r.value)).toContain(sandbox.secondLocationId);
		expect(filtered.results.map((r) => r.value)).not.toContain(sandbox.locationId);

		sandbox.oauth.setInstalled(sandbox.secondLocationId!, false);
		try {
			const installed = await agencyListSearch.searchInstalledLocations.call(ctx);
			expect(installed.results.map((r) => r.value)).not.toContain(sandbox.secondLocationId);
		} finally {
			sandbox.oauth.setInstalled(sandbox.secondLocationId!, true);
		}
		expect(sandbox.stats.byOperation['get-installed-location']).toBeGreaterThanOrEqual(3);
	});

	it('with a Location token: the token\'s own location only', async () => {
		const ctx = oauthContext(await exchangeAuthorizationCode(sandbox));
		const result = await agencyListSearch.searchInstalledLocations.call(ctx);
		expect(result.results).toEqual([
			{ name: sandbox.store.location().location.name, value: sandbox.locationId },
		]);
	});
});
