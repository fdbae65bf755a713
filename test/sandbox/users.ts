/**
 * Users (users.json, Version 2021-07-28; FACTS.md 2.8): the deprecated `GET /users/` of a location, the agency-wide
 * search, and get / create / update / delete of one user.
 *
 * A user belongs to the agency (company) and to the locations of its `roles.locationIds`; the sandbox keeps the one
 * record in the `users` array of each of those locations (store.ts `UserRecord`), so the checks that read a
 * location's users (assigned user, followers) see created, moved and deleted users. No password is kept.
 * Wording of the errors below is the sandbox's (HighLevel documents none for these operations).
 */
import { badRequest, HttpError, notFound, type OperationContext, type OperationHandler } from './context';
import { readSpec } from './spec';
import type { SandboxStore, UserRecord } from './store';

let permissionDefaults: Record<string, boolean> | undefined;

/** users.json `PermissionsDto` with each switch at its spec `default` (a new user's permissions). */
export function defaultPermissions(): Record<string, boolean> {
	if (!permissionDefaults) {
		const schema = readSpec('users').components.schemas.PermissionsDto as {
			properties: Record<string, { default?: boolean }>;
		};
		permissionDefaults = Object.fromEntries(
			Object.entries(schema.properties).map(([name, property]) => [name, property.default === true]),
		);
	}
	return { ...permissionDefaults };
}

/** Every user of the agency `companyId`, once each, in the order of the locations and their users. */
export function companyUsers(store: SandboxStore, companyId: string): UserRecord[] {
	const seen = new Map<string, UserRecord>();
	for (const data of store.locations.values()) {
		if (data.location.companyId !== companyId) continue;
		for (const user of data.users) if (!seen.has(user.id)) seen.set(user.id, user);
	}
	return [...seen.values()];
}

/** The user as users.json `UserSchema` shows it. */
function userToApi(user: UserRecord): Record<string, unknown> {
	return structuredClone(user) as unknown as Record<string, unknown>;
}

/** 403 for an agency id other than the token's. */
function otherCompany(): HttpError {
	return new HttpError(403, { statusCode: 403, message: 'The token does not have access to this company.' });
}

/** The user `userId` of the token's agency; 404 `User not found` otherwise. */
function userOf(ctx: OperationContext): UserRecord {
	const user = companyUsers(ctx.store, ctx.token.companyId).find((u) => u.id === ctx.params.userId);
	if (!user) throw notFound('User not found');
	return user;
}

/** Checks that every id is a location of the token's agency (400 otherwise). */
function checkLocations(ctx: OperationContext, ids: string[]): void {
	const foreign = ids.filter((id) => ctx.store.locations.get(id)?.location.companyId !== ctx.token.companyId);
	if (foreign.length) throw badRequest(`Location not found: ${foreign.join(', ')}`);
}

/** Puts the user into the `users` of exactly the locations of its `roles.locationIds`. */
function placeUser(ctx: OperationContext, user: UserRecord): void {
	for (const data of ctx.store.locations.values()) {
		const index = data.users.findIndex((u) => u.id === user.id);
		const wanted = user.roles.locationIds.includes(data.id);
		if (index >= 0 && !wanted) data.users.splice(index, 1);
		if (index >= 0 && wanted) data.users[index] = user;
		if (index < 0 && wanted) data.users.push(user);
	}
}

/** GET /users/?locationId → `{users}` (deprecated `get-user-by-location`): the users of the token's location. */
export const getUsersByLocation: OperationHandler = (ctx) => ({
	status: 200,
	body: { users: ctx.location.users.map(userToApi) },
});

/**
 * GET /users/search?companyId (required) + `query` (name, e-mail or phone, case ignored), `locationId`, `type`,
 * `role`, `ids` (comma-separated), `sort` (a user property; default first then last name), `sortDirection`
 * (`asc`/`desc`), `skip` (default 0), `limit` (default 25) → `{users, count}` (`count`: every match). Only users
 * of the token's agency; another `companyId` is 403.
 */
export const searchUsers: OperationHandler = (ctx) => {
	const q = ctx.query as Record<string, unknown>;
	if (String(q.companyId) !== ctx.token.companyId) throw otherCompany();
	const text = typeof q.query === 'string' ? q.query.trim().toLowerCase() : '';
	const ids = typeof q.ids === 'string' && q.ids.trim() ? q.ids.split(',').map((s) => s.trim()) : undefined;
	const sortKey = typeof q.sort === 'string' && q.sort ? q.sort : undefined;
	const direction = String(q.sortDirection ?? 'asc').toLowerCase() === 'desc' ? -1 : 1;
	const valueOf = (u: UserRecord): string =>
		sortKey
			? String((u as unknown as Record<string, unknown>)[sortKey] ?? '')
			: `${u.firstName} ${u.lastName}`;
	const matches = companyUsers(ctx.store, ctx.token.companyId)
		.filter((u) => !u.deleted)
		.filter((u) => typeof q.locationId !== 'string' || u.roles.locationIds.includes(q.locationId))
		.filter((u) => typeof q.type !== 'string' || u.roles.type === q.type)
		.filter((u) => typeof q.role !== 'string' || u.roles.role === q.role)
		.filter((u) => !ids || ids.includes(u.id))
		.filter((u) => !text || [u.name, u.email, u.phone].some((v) => String(v ?? '').toLowerCase().includes(text)))
		.sort((a, b) => direction * (valueOf(a).localeCompare(valueOf(b)) || a.id.localeCompare(b.id)));
	const skip = Math.max(0, Number(q.skip ?? 0) || 0);
	const limit = Math.max(0, Number(q.limit ?? 25) || 25);
	return {
		status: 200,
		body: { users: matches.slice(skip, skip + limit).map(userToApi), count: matches.length },
	};
};

/** GET /users/{userId} → the user (`UserSuccessfulResponseDto`, flat); 404 `User not found`. */
export const getUser: OperationHandler = (ctx) => ({ status: 200, body: userToApi(userOf(ctx)) });

/**
 * POST /users/ `CreateUserDto` (companyId, firstName, lastName, email, password, type, role, locationIds required)
 * → 201 the user, placed in each location of `locationIds`. `permissions` given are merged over the spec defaults.
 * Another `companyId` → 403; a location id not of the agency → 400.
 */
export const createUser: OperationHandler = (ctx) => {
	const body = ctx.body as Record<string, unknown>;
	if (body.companyId !== ctx.token.companyId) throw otherCompany();
	const locationIds = [...new Set((body.locationIds as string[]).map(String))];
	checkLocations(ctx, locationIds);
	const firstName = String(body.firstName);
	const lastName = String(body.lastName);
	const user: UserRecord = {
		id: ctx.store.ids.id(),
		name: `${firstName} ${lastName}`.trim(),
		firstName,
		lastName,
		email: String(body.email).toLowerCase(),
		phone: typeof body.phone === 'string' ? body.phone : '',
		extension: '',
		roles: { type: String(body.type), role: String(body.role), locationIds, restrictSubAccount: false },
		deleted: false,
		permissions: { ...defaultPermissions(), ...((body.permissions as Record<string, boolean>) ?? {}) },
		...(Array.isArray(body.scopes) ? { scopes: body.scopes.map(String) } : {}),
		...(typeof body.platformLanguage === 'string' ? { platformLanguage: body.platformLanguage } : {}),
		...(typeof body.profilePhoto === 'string' ? { profilePhoto: body.profilePhoto } : {}),
	};
	placeUser(ctx, user);
	return { status: 201, body: userToApi(user) };
};

/**
 * PUT /users/{userId} `UpdateUserDto` → the user: names, phone, type, role, `locationIds` (replaces the list, moves
 * the user), `permissions` (merged), `scopes`, `platformLanguage`, `profilePhoto`; `email` is ignored (deprecated:
 * "Email update is no longer supported"), the password is not kept.
 */
export const updateUser: OperationHandler = (ctx) => {
	const user = userOf(ctx);
	const body = ctx.body as Record<string, unknown>;
	if (body.companyId !== undefined && body.companyId !== ctx.token.companyId) throw otherCompany();
	if (Array.isArray(body.locationIds)) {
		const locationIds = [...new Set(body.locationIds.map(String))];
		checkLocations(ctx, locationIds);
		user.roles = { ...user.roles, locationIds };
	}
	if (typeof body.firstName === 'string') user.firstName = body.firstName;
	if (typeof body.lastName === 'string') user.lastName = body.lastName;
	user.name = `${user.firstName} ${user.lastName}`.trim();
	if (typeof body.phone === 'string') user.phone = body.phone;
	if (typeof body.type === 'string') user.roles = { ...user.roles, type: body.type };
	if (typeof body.role === 'string') user.roles = { ...user.roles, role: body.role };
	if (body.permissions && typeof body.permissions === 'object') {
		user.permissions = { ...(user.permissions ?? defaultPermissions()), ...(body.permissions as Record<string, boolean>) };
	}
	if (Array.isArray(body.scopes)) user.scopes = body.scopes.map(String);
	if (typeof body.platformLanguage === 'string') user.platformLanguage = body.platformLanguage;
	if (typeof body.profilePhoto === 'string') user.profilePhoto = body.profilePhoto;
	placeUser(ctx, user);
	return { status: 200, body: userToApi(user) };
};

/**
 * DELETE /users/{userId} → `{succeded: true, message}` (`DeleteUserSuccessfulResponseDto`; HighLevel queues the
 * deletion, the sandbox removes the user from every location at once).
 */
export const deleteUser: OperationHandler = (ctx) => {
	const user = userOf(ctx);
	for (const data of ctx.store.locations.values()) {
		const index = data.users.findIndex((u) => u.id === user.id);
		if (index >= 0) data.users.splice(index, 1);
	}
	return {
		status: 200,
		body: {
			succeded: true,
			message: `Queued deleting user with e-mail ${user.email} and name ${user.name}. Will take effect in a few minutes.`,
		},
	};
};

/**
 * Adds `count` generated users to the location `locationId` of `store` (users of one location, role `user`, type
 * `account`): first names `User`, last names `0001`, `0002`… from a running number per call, e-mails
 * `user.<n>@<location domain>`. For paging tests of `search-users`.
 * @returns the users added
 */
export function seedUsers(store: SandboxStore, count: number, locationId = store.defaultLocationId): UserRecord[] {
	const data = store.location(locationId);
	const added: UserRecord[] = [];
	for (let i = 1; i <= count; i++) {
		const number = String(i).padStart(4, '0');
		const user: UserRecord = {
			id: store.ids.id(),
			name: `User ${number}`,
			firstName: 'User',
			lastName: number,
			email: `user.${number}@${data.location.domain}`,
			phone: '',
			extension: '',
			roles: { type: 'account', role: 'user', locationIds: [data.id], restrictSubAccount: false },
			deleted: false,
			permissions: defaultPermissions(),
			platformLanguage: 'en_US',
		};
		data.users.push(user);
		added.push(user);
	}
	return added;
}

/** Handlers by operationId. */
export const userHandlers: Record<string, OperationHandler> = {
	'get-user-by-location': getUsersByLocation,
	'search-users': searchUsers,
	'get-user': getUser,
	'create-user': createUser,
	'update-user': updateUser,
	'delete-user': deleteUser,
};
