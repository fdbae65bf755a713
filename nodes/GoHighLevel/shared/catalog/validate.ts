import type { IDataObject } from 'n8n-workflow';

import type { CatalogField, CatalogOperation } from './types';

/** A request of the API Request operation before it is sent: values as the user gave them. */
export interface RequestToValidate {
	/** Path parameters by name (the location one may be absent: the node fills it). */
	path: Record<string, string>;
	/** Query parameters by name; values as given (strings from the node's fields, or expression results). */
	qs: IDataObject;
	/** The parsed JSON body (top level), `undefined` when none was given. */
	body?: IDataObject;
}

/** One problem found by {@link validateRequest}. */
export interface ValidationProblem {
	/** The node parameter and the field in it, e.g. `Query Parameters → limit`. */
	field: string;
	/** What is wrong, e.g. `is required`, `must be a number, got "ten"`. */
	problem: string;
	/** What to do about it, e.g. `add a row for limit`. */
	fix: string;
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const listOf = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** Checks a query value (a string on the wire) against the field's type and enum; undefined when it fits. */
function queryValueProblem(field: CatalogField, value: unknown): string | undefined {
	const text = String(value).trim();
	if ((field.jsonType === 'number' || field.jsonType === 'integer') && typeof value !== 'number') {
		if (!/^-?\d+(\.\d+)?$/.test(text)) return `must be a number, got "${text}"`;
		if (field.jsonType === 'integer' && text.includes('.')) return `must be a whole number, got "${text}"`;
	}
	if (field.jsonType === 'boolean' && typeof value !== 'boolean' && !/^(true|false)$/.test(text)) {
		return `must be true or false, got "${text}"`;
	}
	if (field.enum && !field.enum.map(String).includes(text)) {
		return `must be one of ${listOf(field.enum)}, got "${text}"`;
	}
	return undefined;
}

/** Checks a top-level JSON body value against the field's type and enum; undefined when it fits. */
function bodyValueProblem(field: CatalogField, value: unknown): string | undefined {
	const got = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
	const shown = typeof value === 'string' ? `"${value}"` : got;
	switch (field.jsonType) {
		case 'string':
			if (typeof value !== 'string') return `must be a string (in quotes), got ${got}`;
			break;
		case 'number':
			if (typeof value !== 'number') return `must be a number (without quotes), got ${shown}`;
			break;
		case 'integer':
			if (typeof value !== 'number' || !Number.isInteger(value)) return `must be a whole number, got ${shown}`;
			break;
		case 'boolean':
			if (typeof value !== 'boolean') return `must be true or false (without quotes), got ${shown}`;
			break;
		case 'array':
			if (!Array.isArray(value)) return `must be an array ([…]), got ${got}`;
			break;
		case 'object':
			if (!value || typeof value !== 'object' || Array.isArray(value)) return `must be an object ({…}), got ${got}`;
			break;
	}
	if (field.enum && !field.enum.includes(value as string | number | boolean)) {
		return `must be one of ${listOf(field.enum)}, got ${typeof value === 'string' ? `"${value}"` : JSON.stringify(value)}`;
	}
	return undefined;
}

/**
 * Checks a request against what the spec says of `op` (catalogue facts, copied from the official specs): every
 * path parameter has a value and no other is given; required query parameters and required top-level body
 * properties are present; query values and top-level body values have the declared type and one of the declared
 * enum values; a required body is given. Only the top level is checked: properties nested in objects and array
 * items are not. Unknown query parameters and body properties are not reported (the specs do not list every one).
 * The fields the node fills count as present: the location (`op.location`, and `altType` beside `altId`) and the
 * agency id `companyId`.
 * @returns the problems, `[]` when none
 */
export function validateRequest(op: CatalogOperation, request: RequestToValidate): ValidationProblem[] {
	const problems: ValidationProblem[] = [];
	const filled = (where: 'path' | 'query' | 'body', name: string) =>
		name === 'companyId' ||
		(op.location?.in === where && (op.location.name === name || (op.location.altType === true && name === 'altType')));

	for (const name of op.pathParams) {
		if (filled('path', name)) continue;
		if (isBlank(request.path[name])) {
			problems.push({ field: `Path Parameters → ${name}`, problem: `is required by ${op.method} ${op.path}`, fix: `add a row for ${name} with its value` });
		}
	}
	for (const name of Object.keys(request.path)) {
		if (!op.pathParams.includes(name)) {
			problems.push({
				field: `Path Parameters → ${name}`,
				problem: `is not a path parameter of ${op.method} ${op.path}${op.pathParams.length ? ` (it has ${op.pathParams.join(', ')})` : ' (it has none)'}`,
				fix: 'remove the row, or send it under Query Parameters',
			});
		}
	}

	for (const field of op.query ?? []) {
		const value = request.qs[field.name];
		if (isBlank(value)) {
			if (field.required && !filled('query', field.name)) {
				problems.push({ field: `Query Parameters → ${field.name}`, problem: 'is required', fix: `add a row for ${field.name}${field.enum ? ` (one of ${listOf(field.enum)})` : ''}` });
			}
			continue;
		}
		const problem = queryValueProblem(field, value);
		if (problem) problems.push({ field: `Query Parameters → ${field.name}`, problem, fix: 'correct the value' });
	}

	const body = request.body;
	const hasBody = !!body && Object.keys(body).length > 0;
	const declared = op.body ?? [];
	if (op.bodyRequired && !hasBody && !declared.some((f) => filled('body', f.name))) {
		problems.push({ field: 'JSON Body', problem: `is required by ${op.method} ${op.path}`, fix: 'enter the request body as a JSON object' });
	}
	for (const field of declared) {
		const value = body?.[field.name];
		if (value === undefined) {
			if (field.required && !filled('body', field.name)) {
				problems.push({ field: `JSON Body → ${field.name}`, problem: 'is required', fix: `add "${field.name}" to the JSON body${field.enum ? ` (one of ${listOf(field.enum)})` : ''}` });
			}
			continue;
		}
		const problem = bodyValueProblem(field, value);
		if (problem) problems.push({ field: `JSON Body → ${field.name}`, problem, fix: 'correct the value' });
	}
	return problems;
}
