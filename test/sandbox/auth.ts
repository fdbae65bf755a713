/**
 * Tokens the sandbox accepts: Private Integration Tokens (PIT) and OAuth 2.0 access/refresh tokens, all bound
 * to one location (sub-account). Sources: FACTS.md 3.2 (token endpoint), 3.3 (lifetimes, single-use rotating
 * refresh tokens with a 30-second idempotency window), 3.4 (PIT: static bearer `pit-…`), 3.5 (scopes).
 */
import { randomBytes } from 'crypto';

import { DEFAULT_SCOPES } from '../../credentials/GoHighLevelOAuth2Api.credentials';
import { createRng, randomHex, randomId, randomUuid } from './random';

/**
 * Scopes given to a PIT when none are specified: every scope named by the served operations' security
 * requirements is granted (the value `'all'`).
 */
export type ScopeGrant = ReadonlySet<string> | 'all';

/**
 * Scopes granted by default to an OAuth authorization code of a sub-account install (FACTS.md 3.5 names): what the
 * n8n credential asks for by default (its `DEFAULT_SCOPES`, the scope of every endpoint the nodes call), without
 * the agency-only `oauth.*` scopes, which {@link AGENCY_OAUTH_SCOPES} adds for agency installs.
 */
export const DEFAULT_OAUTH_SCOPES: readonly string[] = DEFAULT_SCOPES.filter((scope) => !scope.startsWith('oauth.'));

/**
 * Scopes an agency (Company) token gets on top of the sub-account defaults: the token exchange and the list of
 * installed locations (oauth.json `get-location-access-token` `oauth.write`, `get-installed-location`
 * `oauth.readonly`; FACTS.md 3.4), and agency-wide location reads.
 */
export const AGENCY_OAUTH_SCOPES: readonly string[] = ['oauth.readonly', 'oauth.write', 'locations.readonly'];

/**
 * Who a token speaks for (FACTS.md 3.4): `Location` = one sub-account (its `locationId`), `Company` = the agency
 * (`companyId`, no location; an OAuth token from an agency install or an agency Private Integration Token).
 */
export type UserType = 'Location' | 'Company';

/** An accepted bearer token. */
export interface TokenRecord {
	kind: 'pit' | 'oauth';
	userType: UserType;
	/** The sub-account; `''` for a Company token. */
	locationId: string;
	companyId: string;
	/** Installing / owning user id (`userId` of the token response). */
	userId: string;
	scopes: ScopeGrant;
	/**
	 * Rate-limit identity: HighLevel limits "each Marketplace app (i.e., client) per resource" (FACTS.md 4).
	 * OAuth tokens use the client id; each PIT counts as its own app.
	 */
	appKey: string;
	/** Epoch ms after which the token answers 401 `Invalid JWT`; undefined = never (PIT). */
	expiresAt?: number;
}

/** Body of a successful POST /oauth/token (oauth.json `GetAccessCodeSuccessfulResponseDto`). */
export interface TokenResponse {
	access_token: string;
	token_type: 'Bearer';
	/** Seconds. */
	expires_in: number;
	refresh_token: string;
	/** Space-separated scopes. */
	scope: string;
	userType: UserType;
	/** Present only for a Location token (oauth.json: "Present only for Sub-Account Access Token"). */
	locationId?: string;
	companyId: string;
	userId: string;
	isBulkInstallation: boolean;
	/** Company tokens: the locations the agency approved the app for. */
	approvedLocations?: string[];
}

/** Body of a successful POST /oauth/locationToken (oauth.json `GetLocationAccessTokenSuccessfulResponseDto`, FACTS.md 3.4). */
export interface LocationTokenResponse {
	access_token: string;
	token_type: 'Bearer';
	/** Seconds. */
	expires_in: number;
	refresh_token: string;
	scope: string;
	userType: 'Location';
	locationId: string;
	companyId: string;
	userId: string;
	planId?: string;
}

interface AuthorizationCode {
	userType: UserType;
	locationId: string;
	companyId: string;
	userId: string;
	scopes: string[];
	/** Epoch ms. */
	expiresAt: number;
	used: boolean;
}

interface RefreshTokenRecord {
	userType: UserType;
	locationId: string;
	companyId: string;
	userId: string;
	scopes: string[];
	clientId: string;
	/** Epoch ms (one year after issue, FACTS.md 3.3). */
	expiresAt: number;
	/** Epoch ms of the first successful exchange; the token is spent from then on. */
	usedAt?: number;
	/** The pair issued on first use, returned again for repeats within the idempotency window. */
	issued?: TokenResponse;
}

/** Outcome of a token-endpoint grant: a body to send, or an error status + body. */
export type GrantResult =
	| { ok: true; body: TokenResponse; replay: boolean }
	| { ok: false; status: number; body: Record<string, unknown> };

/** Refresh tokens presented again within this window return the same new pair (FACTS.md 3.3). Milliseconds. */
export const REFRESH_IDEMPOTENCY_WINDOW_MS = 30_000;
/** Authorization codes expire after this long. Milliseconds. */
export const AUTHORIZATION_CODE_TTL_MS = 10 * 60_000;
/** Refresh tokens are valid for a year unless used (FACTS.md 3.3). Milliseconds. */
export const REFRESH_TOKEN_TTL_MS = 365 * 24 * 3600_000;

/** Location details a token needs when it is issued. */
export interface TokenSubject {
	/** Default `Location`; a `Company` subject has `locationId: ''`. */
	userType?: UserType;
	locationId: string;
	companyId: string;
	userId: string;
}

function opaque(bytes: number): string {
	return randomBytes(bytes).toString('hex');
}

/**
 * All token state of one sandbox: PITs, OAuth client, codes, access and refresh tokens.
 * Survives `Sandbox.reset()` on purpose (an n8n credential stays valid across test resets).
 */
export class AuthRegistry {
	/** The single OAuth client (Marketplace app) the sandbox knows. Client id shape `<24-hex appId>-<suffix>` (FACTS.md 1.3). */
	readonly clientId: string;
	readonly clientSecret: string;
	private readonly pits = new Map<string, TokenRecord>();
	private readonly accessTokens = new Map<string, TokenRecord>();
	private readonly codes = new Map<string, AuthorizationCode>();
	private readonly refreshTokens = new Map<string, RefreshTokenRecord>();

	/**
	 * The locations of an agency the app is installed on (set by the server from its store); listed in a Company
	 * token's `approvedLocations`.
	 */
	approvedLocations: (companyId: string) => string[] = () => [];

	/**
	 * @param now clock in epoch ms
	 * @param accessTokenTtlSeconds lifetime of OAuth access tokens (HighLevel: 86399 s, FACTS.md 3.2)
	 * @param refreshGraceMs how long a spent refresh token still answers with the pair it was exchanged for
	 *   (HighLevel: {@link REFRESH_IDEMPOTENCY_WINDOW_MS}); 0 switches the grace off, so any second use is refused
	 */
	constructor(
		private readonly now: () => number,
		public accessTokenTtlSeconds: number,
		public refreshGraceMs: number = REFRESH_IDEMPOTENCY_WINDOW_MS,
	) {
		const rng = createRng('oauth-client');
		this.clientId = `${randomHex(rng, 24)}-${randomId(rng, 8).toLowerCase()}`;
		this.clientSecret = randomUuid(rng);
	}

	/**
	 * Registers a Private Integration Token for a location.
	 * @param token the token string; default a fresh `pit-<uuid>`
	 * @param scopes default `'all'`
	 * @returns the token string
	 */
	createPit(
		subject: TokenSubject,
		scopes: ScopeGrant = 'all',
		token = `pit-${randomUuidFromCrypto()}`,
	): string {
		this.pits.set(token, {
			kind: 'pit',
			...subject,
			userType: subject.userType ?? 'Location',
			scopes,
			appKey: `pit:${token}`,
		});
		return token;
	}

	/**
	 * Issues a single-use authorization code, as if a user had approved the app for a location
	 * (the redirect of `…/oauth/chooselocation`, FACTS.md 3.1).
	 */
	issueCode(subject: TokenSubject, scopes: readonly string[] = DEFAULT_OAUTH_SCOPES): string {
		const code = opaque(20);
		this.codes.set(code, {
			...subject,
			userType: subject.userType ?? 'Location',
			scopes: [...scopes],
			expiresAt: this.now() + AUTHORIZATION_CODE_TTL_MS,
			used: false,
		});
		return code;
	}

	/**
	 * Resolves an `Authorization` header value.
	 * @returns the token record, or `undefined` for a missing, unknown or expired token (→ 401 `Invalid JWT`)
	 */
	authenticate(authorization: string | undefined): TokenRecord | undefined {
		const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
		if (!match) return undefined;
		const token = match[1];
		const pit = this.pits.get(token);
		if (pit) return pit;
		const access = this.accessTokens.get(token);
		if (!access) return undefined;
		if (access.expiresAt !== undefined && this.now() >= access.expiresAt) return undefined;
		return access;
	}

	/** Makes every issued OAuth access token expire now (PITs are unaffected). */
	expireAccessTokens(): void {
		const now = this.now();
		for (const record of this.accessTokens.values())
			record.expiresAt = Math.min(record.expiresAt ?? now, now);
	}

	/** The Marketplace app id: the client id before its `-` (FACTS.md 1.3). */
	get appId(): string {
		return this.clientId.split('-')[0];
	}

	/** Whether the client credentials match the sandbox's OAuth client. */
	checkClient(clientId: string | undefined, clientSecret: string | undefined): boolean {
		return clientId === this.clientId && clientSecret === this.clientSecret;
	}

	/** `grant_type=authorization_code`: exchanges a code once. */
	exchangeCode(code: string): GrantResult {
		const record = this.codes.get(code);
		if (!record || record.used || this.now() >= record.expiresAt) {
			return {
				ok: false,
				status: 401,
				body: { statusCode: 401, message: 'Invalid authorization code', error: 'Unauthorized' },
			};
		}
		record.used = true;
		return { ok: true, body: this.issuePair(record, record.scopes), replay: false };
	}

	/**
	 * `grant_type=refresh_token`: rotates a refresh token. The presented token is spent; a repeat within
	 * {@link refreshGraceMs} (default {@link REFRESH_IDEMPOTENCY_WINDOW_MS}) of its first use returns the same new
	 * pair, later repeats fail with 401 (with the grace at 0, every repeat fails).
	 */
	refresh(refreshToken: string, clientId: string): GrantResult {
		const record = this.refreshTokens.get(refreshToken);
		const now = this.now();
		const invalid: GrantResult = {
			ok: false,
			status: 401,
			body: { statusCode: 401, message: 'Invalid refresh token', error: 'Unauthorized' },
		};
		if (!record || record.clientId !== clientId || now >= record.expiresAt) return invalid;
		if (record.usedAt !== undefined) {
			if (record.issued && this.refreshGraceMs > 0 && now - record.usedAt <= this.refreshGraceMs) {
				return { ok: true, body: record.issued, replay: true };
			}
			return invalid;
		}
		record.usedAt = now;
		record.issued = this.issuePair(record, record.scopes);
		return { ok: true, body: record.issued, replay: false };
	}

	/**
	 * `POST /oauth/locationToken`: a Location token (and refresh token) for `locationId`, issued to an agency OAuth
	 * token; the new token has the agency token's scopes minus the agency-only ones.
	 */
	issueLocationToken(agency: TokenRecord, locationId: string): LocationTokenResponse {
		const scopes = [...(agency.scopes === 'all' ? DEFAULT_OAUTH_SCOPES : agency.scopes)].filter(
			(scope) => !scope.startsWith('oauth.'),
		);
		const pair = this.issuePair(
			{ userType: 'Location', locationId, companyId: agency.companyId, userId: agency.userId },
			scopes,
		);
		return {
			access_token: pair.access_token,
			token_type: 'Bearer',
			expires_in: pair.expires_in,
			refresh_token: pair.refresh_token,
			scope: pair.scope,
			userType: 'Location',
			locationId,
			companyId: agency.companyId,
			userId: agency.userId,
			planId: 'sandbox-plan',
		};
	}

	private issuePair(subject: TokenSubject, scopes: string[]): TokenResponse {
		const accessToken = opaque(24);
		const refreshToken = opaque(24);
		const now = this.now();
		const userType = subject.userType ?? 'Location';
		this.accessTokens.set(accessToken, {
			kind: 'oauth',
			userType,
			locationId: subject.locationId,
			companyId: subject.companyId,
			userId: subject.userId,
			scopes: new Set(scopes),
			appKey: `oauth:${this.clientId}`,
			expiresAt: now + this.accessTokenTtlSeconds * 1000,
		});
		this.refreshTokens.set(refreshToken, {
			userType,
			locationId: subject.locationId,
			companyId: subject.companyId,
			userId: subject.userId,
			scopes,
			clientId: this.clientId,
			expiresAt: now + REFRESH_TOKEN_TTL_MS,
		});
		return {
			access_token: accessToken,
			token_type: 'Bearer',
			expires_in: this.accessTokenTtlSeconds,
			refresh_token: refreshToken,
			scope: scopes.join(' '),
			userType,
			...(userType === 'Location' ? { locationId: subject.locationId } : {}),
			companyId: subject.companyId,
			userId: subject.userId,
			isBulkInstallation: userType === 'Company',
			...(userType === 'Company' ? { approvedLocations: [...this.approvedLocations(subject.companyId)] } : {}),
		};
	}
}

function randomUuidFromCrypto(): string {
	const hex = opaque(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/**
 * Security schemes (spec `components.securitySchemes`) a token can satisfy, by who it speaks for and its kind:
 * `bearer`/`Location-Access` = "Sub-Account access token (OR) Private Integration Token of Sub-Account",
 * `Location-Access-Only` = sub-account OAuth token, `Agency-Access` = "Agency access token (OR) Private Integration
 * Token of Agency", `Agency-Access-Only` = agency OAuth token (locations.json, oauth.json `securitySchemes`).
 */
const SCHEMES: Record<UserType, Record<TokenRecord['kind'], readonly string[]>> = {
	Location: {
		pit: ['bearer', 'Location-Access'],
		oauth: ['bearer', 'Location-Access', 'Location-Access-Only'],
	},
	Company: {
		pit: ['Agency-Access'],
		oauth: ['Agency-Access', 'Agency-Access-Only'],
	},
};

/** Outcome of checking a token against an operation's security requirements. */
export type ScopeCheck = { ok: true } | { ok: false; message: string };

/**
 * Checks a token against the operation's security alternatives (`[{ bearer: ['contacts.readonly'] }, …]`):
 * one alternative must use a scheme the token kind can satisfy and list only scopes the token holds.
 * Messages: `The token is not authorized for this scope.` (missing scope, FACTS.md 6) or
 * `This authClass type is not allowed to access this scope. …` (agency-only route, sub-account token).
 */
export function checkScopes(
	token: TokenRecord,
	security: Array<Record<string, string[]>>,
): ScopeCheck {
	if (security.length === 0) return { ok: true };
	let schemeUsable = false;
	for (const alternative of security) {
		const entries = Object.entries(alternative);
		if (!entries.every(([scheme]) => SCHEMES[token.userType][token.kind].includes(scheme))) continue;
		schemeUsable = true;
		const needed = entries.flatMap(([, scopes]) => scopes);
		if (token.scopes === 'all' || needed.every((s) => (token.scopes as ReadonlySet<string>).has(s)))
			return { ok: true };
	}
	return schemeUsable
		? { ok: false, message: 'The token is not authorized for this scope.' }
		: {
				ok: false,
				message:
					'This authClass type is not allowed to access this scope. Please reach out to the Platform team to get it added.',
			};
}
