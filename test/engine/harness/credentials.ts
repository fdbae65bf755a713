/* eslint-disable @n8n/community-nodes/require-node-api-error -- test code runs in Node and Jest, not inside n8n */
import { getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	isExpression,
} from 'n8n-workflow';

import { HarnessNodeTypes, MANUAL_TRIGGER_TYPE } from './node-types';
import { OAuth2Api } from './oauth2-api';
import { describeFailures, loadPackageCredentialTypes } from './package-loader';

/** One credential as a test defines it: plain (decrypted) data, like n8n's `import:credentials` input. */
export interface StoredCredential {
	id: string;
	name: string;
	/** Credential type name, e.g. `goHighLevelOAuth2Api`. */
	type: string;
	data: ICredentialDataDecryptedObject;
}

/**
 * In-memory credentials for harness runs, keyed by id. Holds decrypted data only (nothing is encrypted).
 * The engine writes through the credentials helper (OAuth2 token refreshes, `preAuthentication` results);
 * tests read and change data with `get`/`set`/`patch`.
 */
export interface CredentialStore {
	/** How many times the ENGINE wrote credential data (token refreshes, preAuthentication, updateCredentials); `set`/`patch` do not count. */
	readonly updates: number;
	/** Deep copy of the current stored data of credential `id` (as stored: no defaults, expressions unresolved). Throws if unknown. */
	get(id: string): ICredentialDataDecryptedObject;
	/** Deep copy of the whole record of credential `id`; throws if unknown. */
	record(id: string): StoredCredential;
	/** Adds a credential or replaces its record entirely. */
	set(credential: StoredCredential): void;
	/** Shallow-merges `data` into the stored data of credential `id` (e.g. to expire a token between runs). Throws if unknown. */
	patch(id: string, data: ICredentialDataDecryptedObject): void;
	/**
	 * Finds the credential a node references (`node.credentials[type]`): by id when it has one (the type must
	 * match), else by name and type. Throws an Error naming the reference when nothing matches.
	 */
	resolve(reference: INodeCredentialsDetails, type: string): StoredCredential;
	/** Engine write: replaces the data of credential `id` and counts one update. */
	write(id: string, data: ICredentialDataDecryptedObject): void;
}

/**
 * Creates a {@link CredentialStore} holding deep copies of `initial`.
 * Throws if two credentials share an id.
 */
export function createCredentialStore(initial: StoredCredential[] = []): CredentialStore {
	const records = new Map<string, StoredCredential>();
	let updates = 0;
	const mustGet = (id: string): StoredCredential => {
		const found = records.get(id);
		if (!found) throw new Error(`No credential with id "${id}" in the harness credential store`);
		return found;
	};
	const store: CredentialStore = {
		get updates() {
			return updates;
		},
		get: (id) => structuredClone(mustGet(id).data),
		record: (id) => structuredClone(mustGet(id)),
		set: (credential) => {
			records.set(credential.id, structuredClone(credential));
		},
		patch: (id, data) => {
			const found = mustGet(id);
			found.data = { ...found.data, ...structuredClone(data) };
		},
		resolve: (reference, type) => {
			if (reference.id) {
				const byId = records.get(reference.id);
				if (byId && byId.type === type) return byId;
				throw new Error(
					`Credential "${reference.name}" (id ${reference.id}, type ${type}) is not in the harness credential store`,
				);
			}
			const byName = [...records.values()].find(
				(c) => c.name === reference.name && c.type === type,
			);
			if (byName) return byName;
			throw new Error(
				`Credential "${reference.name}" (type ${type}, no id) is not in the harness credential store`,
			);
		},
		write: (id, data) => {
			mustGet(id).data = structuredClone(data);
			updates++;
		},
	};
	for (const credential of initial) {
		if (records.has(credential.id)) throw new Error(`Duplicate credential id "${credential.id}"`);
		store.set(credential);
	}
	return store;
}

/**
 * Credential types known to a run. Lookup order: `extra` (passed by the test), the harness's `oAuth2Api`
 * base type, then this package's credential types (loaded from TypeScript sources on first miss).
 */
export class HarnessCredentialTypes {
	private readonly types = new Map<string, ICredentialType>();

	constructor(extra: ICredentialType[] = []) {
		const base = new OAuth2Api();
		this.types.set(base.name, base);
		for (const type of extra) this.types.set(type.name, type);
	}

	/** The credential type named `name`; throws an Error (listing package load failures, if any) if unknown. */
	getByName(name: string): ICredentialType {
		const known = this.types.get(name);
		if (known) return known;
		const loaded = loadPackageCredentialTypes();
		const fromPackage = loaded.byName.get(name);
		if (fromPackage) return fromPackage;
		const failures = loaded.failures.length
			? ` Load failures: ${describeFailures(loaded.failures)}`
			: '';
		throw new Error(
			`Unknown credential type "${name}". Known: ${[...this.types.keys(), ...loaded.byName.keys()].join(', ')}.${failures}`,
		);
	}

	/** All ancestors of `name` through `extends`, nearest first (e.g. `['oAuth2Api']`). */
	getParentTypes(name: string): string[] {
		const parents: string[] = [];
		for (const parent of this.getByName(name).extends ?? []) {
			parents.push(parent, ...this.getParentTypes(parent));
		}
		return parents;
	}

	/**
	 * Properties of `name` merged with its parents' (child definitions win), plus the `oauthTokenData` json
	 * property for the OAuth base types themselves — the way n8n's CredentialsHelper builds them.
	 */
	getProperties(name: string): INodeProperties[] {
		const type = this.getByName(name);
		if (!type.extends?.length) {
			if (name === 'oAuth2Api' || name === 'oAuth1Api') {
				return [
					...type.properties,
					{
						displayName: 'oauthTokenData',
						name: 'oauthTokenData',
						type: 'json',
						required: false,
						default: {},
					},
				];
			}
			return type.properties;
		}
		const combined: INodeProperties[] = [];
		for (const parent of type.extends)
			NodeHelpers.mergeNodeProperties(combined, this.getProperties(parent));
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}
}

/** `ICredentials` over a stored record, without encryption (`data` holds the JSON text). */
class PlainCredentials extends ICredentials {
	getData(): ICredentialDataDecryptedObject {
		return this.data === undefined ? {} : (JSON.parse(this.data) as ICredentialDataDecryptedObject);
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}

	setData(data: ICredentialDataDecryptedObject): void {
		this.data = JSON.stringify(data);
	}
}

/** Node used to evaluate credential expressions when no workflow context is available. */
const expressionNode: INode = {
	id: 'credential-expression-node',
	name: 'Credential Expression',
	type: MANUAL_TRIGGER_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * `ICredentialsHelper` (n8n-workflow 2.8.0) serving decrypted data from a {@link CredentialStore}, modelled on
 * n8n's own CredentialsHelper (packages/cli):
 * - `getDecrypted`: stored data → credential property defaults applied (`NodeHelpers.getNodeParameters`) →
 *   `oauthTokenData` kept → `={{ }}` expressions resolved with `$self` = the credential data (so a hidden
 *   `accessTokenUrl` of `={{$self["baseUrl"]}}/oauth/token` works). Returns a fresh object each call.
 * - `authenticate`: function-style `authenticate` is called; `generic` applies each `properties.<headers|qs|body|auth>`
 *   entry with key and value resolved as expressions against `$credentials`.
 * - `preAuthentication`: for types with a hidden `typeOptions.expirable` property, calls the type's
 *   `preAuthentication` when that property is empty or the engine says it expired, and persists the result.
 * - `updateCredentials` / `updateCredentialsOauthTokenData`: write to the store (counted in `store.updates`);
 *   the latter stores only `oauthTokenData`, so the next `getDecrypted` returns the rotated tokens.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly store: CredentialStore,
		private readonly credentialTypes: HarnessCredentialTypes,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes.getProperties(type);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate.type !== 'generic') return requestOptions;

		requestOptions.headers ??= {};
		const additionalKeys: IWorkflowDataProxyAdditionalKeys = { $credentials: credentials };
		const resolve = (value: string): string => {
			if (!isExpression(value)) return value;
			const resolved = workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				additionalKeys,
				undefined,
				'',
			);
			return resolved ? String(resolved) : '';
		};
		const target = requestOptions as unknown as Record<string, Record<string, unknown> | undefined>;
		for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
				const section = (target[outerKey] ??= {});
				section[resolve(key)] = typeof value === 'string' ? resolve(value) : value;
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable === undefined || typeof credentialType.preAuthentication !== 'function')
			return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const reference = node.credentials?.[credentialType.name];
		if (reference) {
			const stored = this.store.resolve(reference, credentialType.name);
			const toPersist: ICredentialDataDecryptedObject = { ...stored.data };
			for (const [key, value] of Object.entries(output as ICredentialDataDecryptedObject)) {
				// Like n8n: never overwrite a field the user stored as an expression with this run's value.
				if (key === expirable.name || !isExpression(stored.data[key])) toPersist[key] = value;
			}
			this.store.write(stored.id, toPersist);
		}
		return Object.assign(credentials, output);
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		const stored = this.store.resolve(nodeCredentials, type);
		return new PlainCredentials(
			{ id: stored.id, name: stored.name },
			type,
			JSON.stringify(stored.data),
		);
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const original = structuredClone(this.store.resolve(nodeCredentials, type).data);
		if (raw === true) return original;

		let data = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			original as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		// Not a declared property, so getNodeParameters drops it: add it back as n8n does.
		if (original.oauthTokenData !== undefined) data.oauthTokenData = original.oauthTokenData;

		const additionalKeys = getAdditionalKeys(additionalData, mode, null);
		if (expressionResolveValues) {
			const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } =
				expressionResolveValues;
			try {
				data = workflow.expression.getParameterValue(
					data as INodeParameters,
					runExecutionData,
					runIndex,
					itemIndex,
					node.name,
					connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					data,
				) as ICredentialDataDecryptedObject;
			} catch (error) {
				if (error instanceof Error) error.message += ' [Error resolving credentials]';
				throw error;
			}
		} else {
			const workflow = new Workflow({
				nodes: [expressionNode],
				connections: {},
				active: false,
				nodeTypes: new HarnessNodeTypes({ startItems: [] }),
			});
			data = workflow.expression.getComplexParameterValue(
				expressionNode,
				data as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				data,
			) as ICredentialDataDecryptedObject;
		}
		return data;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.write(this.store.resolve(nodeCredentials, type).id, data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.store.resolve(nodeCredentials, type);
		this.store.write(stored.id, { ...stored.data, oauthTokenData: data.oauthTokenData });
	}
}
