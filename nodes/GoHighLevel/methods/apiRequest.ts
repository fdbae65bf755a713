import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import {
	CATALOG,
	findOperation,
	knownEndpointOf,
	operationKey,
	withPackageLocation,
	type CatalogField,
	type CatalogOperation,
} from '../shared/catalog';

/*
 * The searchable operation list and the parameter dropdowns of the API Request operation, read from the operation
 * catalogue (shared/catalog: every operation of the official specs). No request is sent.
 */

/** How many operations one page of the searchable list shows (the list loads more on scroll). */
const PAGE = 100;

const FILLED_LOCATION = 'Filled with the location of the credential unless given here';
const FILLED_COMPANY = 'Required; filled with the agency (company) of the credential unless given here';

/** `social-media-posting` → `Social Media Posting`. */
export function appLabel(app: string): string {
	return app
		.split('-')
		.map((word) => (word === 'ai' || word === 'api' || word === 'isv' ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
		.join(' ');
}

/**
 * The list entry of an operation: `<App>: <METHOD> <path> — <summary>`, marked `· Return All` when the package can
 * page it and `· agency` when the spec allows agency tokens only.
 */
export function operationLabel(op: CatalogOperation): string {
	const marks = [knownEndpointOf(op)?.pagination ? 'Return All' : '', op.tokenKind === 'company' ? 'agency' : '']
		.filter(Boolean)
		.map((mark) => ` · ${mark}`)
		.join('');
	return `${appLabel(op.app)}: ${op.method} ${op.path} — ${op.summary}${marks}`;
}

/** The operation chosen in the node's `apiOperation` locator (with the location the node fills), or undefined while none (or an expression) is set. */
function chosenOperation(ctx: ILoadOptionsFunctions): CatalogOperation | undefined {
	const value = ctx.getCurrentNodeParameter('apiOperation', { extractValue: true });
	const op = typeof value === 'string' && !value.startsWith('=') ? findOperation(value) : undefined;
	return op && withPackageLocation(op);
}

/** A field's type, enum and whether it is required, for a dropdown option's description. */
function fieldDescription(field: CatalogField): string {
	return [
		field.required ? 'Required' : 'Optional',
		field.jsonType,
		field.enum ? `one of ${field.enum.map(String).join(', ')}` : '',
	]
		.filter(Boolean)
		.join(' · ');
}

/** listSearch of the API Request operation (merged into methods/listSearch.ts). */
export const apiRequestListSearch = {
	/**
	 * Every operation of the catalogue (official specs, 41 apps), by app then path: value `<app>:<operationId>`,
	 * name {@link operationLabel}. The typed words must all appear in the name or the operationId (case ignored).
	 * Pages of {@link PAGE}; `paginationToken` is the offset of the next page.
	 */
	async searchApiOperations(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const words = (filter ?? '').toLowerCase().split(/\s+/).filter(Boolean);
		const matching = CATALOG.map((op) => ({ op, name: operationLabel(op) })).filter(({ op, name }) => {
			const text = `${name} ${op.operationId}`.toLowerCase();
			return words.every((word) => text.includes(word));
		});
		const start = Number(paginationToken) || 0;
		const page = matching.slice(start, start + PAGE);
		return {
			results: page.map(({ op, name }) => ({ name, value: operationKey(op) })),
			...(start + PAGE < matching.length ? { paginationToken: String(start + PAGE) } : {}),
		};
	},
};

/** loadOptions of the API Request operation (merged into methods/loadOptions.ts). */
export const apiRequestLoadOptions = {
	/** Path parameters of the chosen operation, in template order (the location one says the node fills it). */
	async getApiPathParameters(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const op = chosenOperation(this);
		if (!op) return [];
		return op.pathParams.map((name) => ({
			name,
			value: name,
			description:
				op.location?.in === 'path' && op.location.name === name
					? FILLED_LOCATION
					: name === 'companyId'
						? FILLED_COMPANY
						: 'Required',
		}));
	},

	/** Query parameters the chosen operation declares, by name, with required / type / enum. */
	async getApiQueryParameters(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const op = chosenOperation(this);
		if (!op) return [];
		return [...(op.query ?? [])]
			.map((field) => ({
				name: field.name,
				value: field.name,
				description:
					op.location?.in === 'query' && op.location.name === field.name
						? FILLED_LOCATION
						: field.name === 'companyId' && field.required
							? FILLED_COMPANY
							: fieldDescription(field),
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
	},
};
