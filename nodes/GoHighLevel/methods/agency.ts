import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ENDPOINTS } from '../shared/endpoints';
import { apiRequest, getConnection } from '../shared/transport';

/** How many locations one page of the Location list shows. */
const PAGE = 100;

/**
 * The Marketplace app id of an OAuth2 credential: HighLevel client ids read `<appId>-<suffix>` (FACTS.md 1.3), and
 * oauth.json `get-installed-location` asks for the `appId`.
 */
export function appIdOf(clientId: unknown): string {
	return String(clientId ?? '').split('-')[0].trim();
}

/** List searches for the agency (Company) credential's Location parameter. */
export const agencyListSearch = {
	/**
	 * The locations the node's Location parameter can name. With an agency (Company) token: the locations the app is
	 * installed on, by name, matching the typed text — `GET /oauth/installedLocations` (oauth.json
	 * `get-installed-location`, FACTS.md 3.4) with `companyId`, `appId` (from the client id), `isInstalled=true`,
	 * `query`, pages of {@link PAGE} by `skip` (the pagination token). With a Location token: the token's own location
	 * (locations.json `get-location`), the only one it can act for.
	 */
	async searchInstalledLocations(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const connection = await getConnection(this, { locationId: '' });
		if (connection.tokenType !== 'Company') {
			const body = await apiRequest<{ location?: IDataObject }>(this, ENDPOINTS.getLocation, {}, connection);
			const name = String(body.location?.name ?? connection.locationId);
			return { results: [{ name, value: connection.locationId }] };
		}
		const credentials = await this.getCredentials(connection.credentialType);
		const skip = Number(paginationToken ?? 0) || 0;
		const qs: IDataObject = {
			companyId: connection.companyId,
			appId: appIdOf(credentials.clientId),
			isInstalled: true,
			skip: String(skip),
			limit: String(PAGE),
		};
		const query = (filter ?? '').trim();
		if (query) qs.query = query;
		const body = await apiRequest<{ locations?: IDataObject[]; count?: number }>(
			this,
			ENDPOINTS.getInstalledLocations,
			{ qs },
			connection,
		);
		const locations = body.locations ?? [];
		const next = skip + locations.length;
		return {
			results: locations.map((l) => ({
				name: l.address ? `${String(l.name)} (${String(l.address)})` : String(l.name),
				value: String(l._id),
			})),
			paginationToken:
				locations.length === PAGE && (body.count === undefined || next < Number(body.count)) ? String(next) : undefined,
		};
	},
};
