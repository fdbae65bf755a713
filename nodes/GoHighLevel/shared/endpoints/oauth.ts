import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/**
 * Endpoints of oauth.json (FACTS.md 3.4) an agency (Company) token uses: the exchange for a Location token and the
 * list of locations the app is installed on. Both are Agency-Access-Only. Keys are unique across all app modules
 * (see index.ts).
 */
export const OAUTH_ENDPOINTS = {
	// oauth.json `get-location-access-token`: form-encoded `companyId` + `locationId`; answers `access_token`,
	// `expires_in` (s), `locationId`, … (GetLocationAccessTokenSuccessfulResponseDto), no wrapper key.
	getLocationAccessToken: {
		spec: 'oauth',
		operationId: 'get-location-access-token',
		method: 'POST',
		path: '/oauth/locationToken',
		version: VERSION,
		scope: 'oauth.write',
		tokenKind: 'company',
	},
	// oauth.json `get-installed-location`: `companyId` + `appId` required; `skip` (default 0) / `limit` (default 20)
	// as strings, `query` (name), `isInstalled`; answers `locations[]` (`_id`, `name`, `address`, `isInstalled`), `count`.
	getInstalledLocations: {
		spec: 'oauth',
		operationId: 'get-installed-location',
		method: 'GET',
		path: '/oauth/installedLocations',
		version: VERSION,
		root: 'locations',
		scope: 'oauth.readonly',
		tokenKind: 'company',
	},
} satisfies Record<string, Endpoint>;
