import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS } from './endpoints';
import {
	apiRequest,
	companyIdOf,
	getConnection,
	requireLocation,
	type Connection,
	type HighLevelContext,
} from './transport';

/*
 * Reading users through users.json `search-users` (`GET /users/search`, FACTS.md 2.8), which replaces the deprecated
 * `GET /users/` of a location: used by the User resource's Search and by every user dropdown and locator.
 */

/**
 * The query every user search sends besides its filters: `companyId` (required by the spec: the agency of the
 * connection's location, transport.ts `companyIdOf`) and `locationId` = the connection's location, so that only
 * users of that location are listed (optional in the spec, always sent here).
 * @throws NodeOperationError when an agency (Company) credential has no Location chosen; NodeApiError when the
 *   agency id has to be read (`get-location`) and that fails
 */
export async function userSearchScope(ctx: HighLevelContext, connection: Connection): Promise<IDataObject> {
	requireLocation(ctx, connection);
	return { companyId: await companyIdOf(ctx, connection), locationId: connection.locationId };
}

/** One page of `search-users`: the users and `count`, the number of every match (FACTS.md 2.14). */
export interface UserPage {
	users: IDataObject[];
	count: number;
}

/**
 * One page of the location's users matching `query` (name, e-mail or phone, matched by HighLevel), in HighLevel's
 * default order (first and last name).
 * @param page `skip` (records before the page) and `limit` (page size)
 */
export async function searchLocationUsers(
	ctx: HighLevelContext,
	query: string,
	page: { skip: number; limit: number },
): Promise<UserPage> {
	const connection = await getConnection(ctx);
	const qs: IDataObject = { ...(await userSearchScope(ctx, connection)), skip: page.skip, limit: page.limit };
	if (query.trim()) qs.query = query.trim();
	const body = await apiRequest<{ users?: IDataObject[]; count?: number }>(ctx, ENDPOINTS.searchUsers, { qs }, connection);
	const users = body.users ?? [];
	return { users, count: typeof body.count === 'number' ? body.count : page.skip + users.length };
}

/** How a user is named in lists: `name`, else first + last name, else the e-mail or the id. */
export function userDisplayName(user: IDataObject): string {
	return (
		String(user.name ?? '').trim() ||
		[user.firstName, user.lastName].filter(Boolean).join(' ') ||
		String(user.email ?? user.id)
	);
}
