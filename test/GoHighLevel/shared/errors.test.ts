import { NodeApiError } from 'n8n-workflow';

import { contactSearchFieldNames } from '../../../nodes/GoHighLevel/resources/contact/getAll';
import { ENDPOINTS, type Endpoint } from '../../../nodes/GoHighLevel/shared/endpoints';
import {
	highLevelMessage,
	httpFailureOf,
	nameNodeFields,
	refreshFailureOf,
	toNodeApiError,
	type FailureContext,
	type HttpFailure,
} from '../../../nodes/GoHighLevel/shared/errors';
import { everythingIn, httpError, LOCATION_ID, networkError, SECRET_TOKEN, testNode } from '../helpers';

function context(endpoint: Endpoint = ENDPOINTS.createContact): FailureContext {
	return { endpoint, request: `${endpoint.method} ${endpoint.path}`, locationId: LOCATION_ID };
}

describe('httpFailureOf', () => {
	it('reads status, headers and body of an axios error, and nothing of its request', () => {
		const failure = httpFailureOf(
			httpError(429, { message: 'Too many requests' }, { 'X-RateLimit-Daily-Remaining': '0' }),
		);
		expect(failure.status).toBe(429);
		expect(failure.body).toEqual({ message: 'Too many requests' });
		expect(failure.headers).toMatchObject({ 'X-RateLimit-Daily-Remaining': '0' });
		expect(everythingIn(failure)).not.toContain(SECRET_TOKEN);
	});

	it('reads status and body of the NodeApiError n8n wraps an axios error in', () => {
		const wrapped = new NodeApiError(testNode, httpError(422, { message: ['property foo should not exist'] }) as never);
		const failure = httpFailureOf(wrapped);
		expect(failure.status).toBe(422);
		expect(highLevelMessage(failure.body)).toBe('property foo should not exist');
	});

	it('reads a network error: no status, the error code', () => {
		const failure = httpFailureOf(networkError('ECONNRESET', 'socket hang up'));
		expect(failure.status).toBeUndefined();
		expect(failure.code).toBe('ECONNRESET');
		expect(failure.message).toBe('socket hang up');
	});

	it('reads a network error wrapped in a NodeApiError: no status', () => {
		const failure = httpFailureOf(new NodeApiError(testNode, networkError('ETIMEDOUT') as never));
		expect(failure.status).toBeUndefined();
	});

	it('reads a request-library style error (statusCode, error)', () => {
		const failure = httpFailureOf({ statusCode: 404, error: { message: 'Contact not found' } });
		expect(failure.status).toBe(404);
		expect(highLevelMessage(failure.body)).toBe('Contact not found');
	});
});

describe('highLevelMessage', () => {
	it.each<[string, unknown, string | undefined]>([
		['plain string body', '  Bad Request ', 'Bad Request'],
		['blank string body', '   ', undefined],
		['message string', { statusCode: 400, message: 'Bad Request' }, 'Bad Request'],
		['message array (422) joined', { message: ['email must be an email', 'property x should not exist'] }, 'email must be an email; property x should not exist'],
		['message before error', { message: 'Invalid JWT', error: 'Unauthorized' }, 'Invalid JWT'],
		['error when no message', { error: 'Unauthorized' }, 'Unauthorized'],
		['detail when nothing else', { detail: 'Something broke' }, 'Something broke'],
		['msg', { msg: 'Location not found' }, 'Location not found'],
		['nested error object (v3 envelope)', { error: { code: 'NOT_FOUND', message: 'No such contact' } }, 'No such contact'],
		['empty message array falls through to error', { message: [], error: 'Unprocessable Entity' }, 'Unprocessable Entity'],
		['blank message falls through', { message: '  ', detail: 'd' }, 'd'],
		['no message at all', { statusCode: 500 }, undefined],
		['not an object', 42, undefined],
		['undefined', undefined, undefined],
	])('%s', (_label, body, expected) => {
		expect(highLevelMessage(body)).toBe(expected);
	});
});

describe('toNodeApiError', () => {
	const make = (failure: HttpFailure, endpoint?: Endpoint) => toNodeApiError(testNode, failure, context(endpoint));

	it('400: HighLevel message, hint to check fields', () => {
		const e = make({ status: 400, body: { statusCode: 400, message: 'Bad Request' } });
		expect(e).toBeInstanceOf(NodeApiError);
		expect(e.message).toBe('HighLevel rejected the request: Bad Request');
		expect(e.description).toContain('POST /contacts/');
		expect(e.httpCode).toBe('400');
	});

	it('401 about a scope: names the scope the endpoint needs', () => {
		const e = make(
			{ status: 401, body: { statusCode: 401, message: 'The token is not authorized for this scope.' } },
			ENDPOINTS.getCustomFields,
		);
		expect(e.message).toContain('locations/customFields.readonly');
		expect(e.description).toContain('The token is not authorized for this scope.');
		expect(e.description).toContain('GET /locations/{locationId}/customFields');
		expect(e.httpCode).toBe('401');
	});

	it('401 otherwise: the credential is invalid', () => {
		const e = make({ status: 401, body: { statusCode: 401, message: 'Invalid JWT' } });
		expect(e.message).toBe('HighLevel rejected the credential');
		expect(e.description).toContain('Invalid JWT');
		expect(e.description).toMatch(/reconnect/i);
		expect(e.message).not.toMatch(/scope/i);
		expect(e.httpCode).toBe('401');
	});

	it('403: no access to the location, naming it', () => {
		const e = make({ status: 403, body: { message: 'The token does not have access to this location.' } });
		expect(e.message).toBe('The credential has no access to this location');
		expect(e.description).toContain(LOCATION_ID);
		expect(e.description).toContain('The token does not have access to this location.');
		expect(e.httpCode).toBe('403');
	});

	it('404: HighLevel message', () => {
		const e = make({ status: 404, body: { message: 'Contact not found' } }, ENDPOINTS.getContact);
		expect(e.message).toBe('Not found: Contact not found');
		expect(e.description).toContain('GET /contacts/{contactId}');
		expect(e.httpCode).toBe('404');
	});

	it('422 "property X should not exist": names the property to remove', () => {
		const e = make({
			status: 422,
			body: { statusCode: 422, message: ['property companyName should not exist'], error: 'Unprocessable Entity' },
		});
		expect(e.message).toBe('HighLevel rejected the request: property companyName should not exist');
		expect(e.description).toContain('"companyName" is not accepted by POST /contacts/');
		expect(e.httpCode).toBe('422');
	});

	it('422 other: generic hint', () => {
		const e = make({ status: 422, body: { message: ['email must be an email'] } });
		expect(e.message).toContain('email must be an email');
		expect(e.description).toContain('Check the node');
	});

	it('429 with the daily quota spent (any header case): no made-up figure without X-RateLimit-Limit-Daily', () => {
		const e = make({ status: 429, headers: { 'X-RateLimit-Daily-Remaining': ['0'] } });
		expect(e.message).toBe('HighLevel daily API limit reached for this location');
		expect(e.description).not.toMatch(/\d{3},\d{3}/);
		expect(e.description).toContain('X-RateLimit-Daily-Remaining: 0');
		expect(e.httpCode).toBe('429');
	});

	it('429 with the daily quota spent: quotes the limit HighLevel reports (a trial account: 10,000)', () => {
		const e = make({ status: 429, headers: { 'X-RateLimit-Daily-Remaining': '0', 'X-RateLimit-Limit-Daily': '10000' } });
		expect(e.description).toContain('all 10,000 requests of the day');
		expect(e.description).toContain('X-RateLimit-Limit-Daily: 10000');
		expect(e.description).not.toContain('200,000');
	});

	describe('a refused OAuth2 token refresh', () => {
		it('says the refresh token was refused and the credential must be reconnected, not that the request failed', () => {
			const e = make({
				status: 401,
				body: { statusCode: 401, message: 'Invalid refresh token', error: 'Unauthorized' },
				code: 'EAUTH',
				refresh: true,
			});
			expect(e.message).toBe('HighLevel refused to refresh the OAuth2 token: reconnect the credential');
			expect(e.description).toContain('Invalid refresh token');
			expect(e.description).toContain('connect it again');
			expect(e.httpCode).toBe('401');
		});

		it("reads n8n's OAuth2 client errors: AuthError (invalid_grant), ResponseError (raw text), network error", () => {
			const authError = Object.assign(new Error('invalid_grant'), {
				code: 'EAUTH',
				body: { error: 'invalid_grant', error_description: 'Refresh token is invalid or expired' },
			});
			expect(refreshFailureOf(authError)).toMatchObject({ status: 401, code: 'EAUTH', refresh: true });
			expect(make(refreshFailureOf(authError)).description).toContain('Refresh token is invalid or expired');
			const responseError = Object.assign(new Error('HTTP status 400'), {
				code: 'ESTATUS',
				status: 400,
				body: '{"statusCode":400,"message":"Location is not active"}',
			});
			const refused = make(refreshFailureOf(responseError));
			expect(refused.message).toBe('HighLevel refused to refresh the OAuth2 token: reconnect the credential');
			expect(refused.description).toContain('Location is not active');
			const offline = make(refreshFailureOf(networkError('ECONNREFUSED', 'connect ECONNREFUSED')));
			expect(offline.message).toBe('Could not refresh the OAuth2 token (ECONNREFUSED)');
			expect(offline.description).toContain('Try again later');
			expect(everythingIn(offline)).not.toContain(SECRET_TOKEN);
		});

		it("n8n's own refresh path (a NodeApiError around an EAUTH error) gets the same message", () => {
			const wrapped = new NodeApiError(
				testNode,
				Object.assign(new Error('Unauthorized'), {
					code: 'EAUTH',
					body: { statusCode: 401, message: 'Invalid refresh token', error: 'Unauthorized' },
				}) as never,
			);
			expect(make(httpFailureOf(wrapped)).message).toBe(
				'HighLevel refused to refresh the OAuth2 token: reconnect the credential',
			);
		});
	});

	describe("HighLevel's known 400 messages get a specific hint", () => {
		it('duplicate opportunity → Create or Update', () => {
			const e = make(
				{ status: 400, body: { statusCode: 400, message: 'Can not create duplicate opportunity for the contact.' } },
				ENDPOINTS.createOpportunity,
			);
			expect(e.message).toBe('HighLevel rejected the request: Can not create duplicate opportunity for the contact.');
			expect(e.description).toContain('Opportunity → Create or Update');
		});

		it('duplicate contact → Create or Update, naming the matching field and the existing contact', () => {
			const e = make({
				status: 400,
				body: {
					statusCode: 400,
					message: 'This location does not allow duplicated contacts.',
					meta: { contactName: 'Ada Lovelace', contactId: 'c0ntact1d', matchingField: 'email' },
				},
			});
			expect(e.description).toContain('Contact → Create or Update');
			expect(e.description).toContain('already has this email (contact c0ntact1d)');
			// On Update the fix is another value, not another operation.
			const onUpdate = make(
				{ status: 400, body: { message: 'This location does not allow duplicated contacts.', meta: { matchingField: 'phone' } } },
				ENDPOINTS.updateContact,
			);
			expect(onUpdate.description).toContain('Give this contact another phone');
			expect(onUpdate.description).not.toContain('Create or Update');
		});

		it('slot not available, location not active', () => {
			expect(make({ status: 400, body: { message: 'The slot you have selected is no longer available.' } }).description).toContain(
				'no free slot',
			);
			expect(make({ status: 400, body: { message: 'Location is not active' } }).description).toContain('paused or deactivated');
		});
	});

	describe('validation paths named by the node field', () => {
		const fieldNames = { 'filters.0.value': 'Filters → Tag Names or IDs', query: 'Search Query' };

		it('replaces whole paths only, keeping HighLevel\'s path beside the field name', () => {
			expect(nameNodeFields('filters.0.value must be shorter than or equal to 75 characters', fieldNames)).toEqual({
				text: '"Filters → Tag Names or IDs" (filters.0.value) must be shorter than or equal to 75 characters',
				named: true,
			});
			expect(nameNodeFields('filters.0.value.gte is not a valid date; filters.10.value x', fieldNames).named).toBe(false);
			expect(nameNodeFields('query must be shorter than or equal to 75 characters', undefined).named).toBe(false);
		});

		it('Contact → Get Many names each filter by its position in the body as sent', () => {
			const fieldNames = contactSearchFieldNames({
				url: '/contacts/search',
				body: {
					filters: [
						{ field: 'tags', operator: 'eq', value: 'vip' },
						{ field: 'email', operator: 'eq', value: 'ada@example.com' },
						{ field: 'dateAdded', operator: 'range', value: { gte: '2024-01-01T00:00:00.000Z' } },
					],
				},
			});
			const named = (message: string) => nameNodeFields(message, fieldNames).text;
			expect(named('filters.0.value must be shorter than or equal to 75 characters')).toBe(
				'"Filters → Tag Names or IDs" (filters.0.value) must be shorter than or equal to 75 characters',
			);
			expect(named('filters.1.value must be an email')).toBe('"Filters → Email" (filters.1.value) must be an email');
			expect(named('filters.2.value.gte is not a valid date')).toBe(
				'"Filters → Date Added After" (filters.2.value.gte) is not a valid date',
			);
			expect(named('filters.3.value should not be empty')).toBe('filters.3.value should not be empty');
		});

		it('in a 422 message (array of messages), with a hint to correct the named field', () => {
			const e = toNodeApiError(
				testNode,
				{ status: 422, body: { message: ['filters.0.value must be shorter than or equal to 75 characters', 'query must be a string'] } },
				{ ...context(ENDPOINTS.searchContacts), fieldNames },
			);
			expect(e.message).toBe(
				'HighLevel rejected the request: "Filters → Tag Names or IDs" (filters.0.value) must be shorter than or equal to 75 characters; "Search Query" (query) must be a string',
			);
			expect(e.description).toContain('Correct the named field');
		});
	});

	it('429 burst limit after retries', () => {
		const e = make({ status: 429, headers: { 'x-ratelimit-daily-remaining': '199000' } });
		expect(e.message).toBe('HighLevel rate limit: too many requests');
		expect(e.description).toContain('POST /contacts/');
		expect(e.httpCode).toBe('429');
	});

	it('500: internal error with HighLevel message', () => {
		const e = make({ status: 500, body: { message: 'Internal server error' } });
		expect(e.message).toBe('HighLevel had an internal error (500)');
		expect(e.description).toContain('Internal server error');
		expect(e.httpCode).toBe('500');
	});

	it('network error on a POST: says it was not re-sent', () => {
		const e = make({ code: 'ECONNRESET', message: 'socket hang up' });
		expect(e.description).toContain('not re-sent');
		expect(String(e.httpCode)).not.toMatch(/^\d+$/);
	});

	it('network error on a GET: no re-send warning', () => {
		const e = make({ code: 'ETIMEDOUT' }, ENDPOINTS.getContact);
		expect(e.description).toContain('got no answer');
		expect(e.description).not.toContain('re-sent');
	});

	// The message is built as "Could not reach HighLevel (<code>)", but n8n's NodeApiError replaces any message
	// containing a known error code (ECONNRESET, ETIMEDOUT, …) with its own generic text.
	it('network error: the message says HighLevel was not reached, with the error code', () => {
		const e = make({ code: 'ECONNRESET', message: 'socket hang up' });
		expect(e.message).toBe('Could not reach HighLevel (ECONNRESET)');
	});

	it('other status: status and HighLevel message', () => {
		const e = make({ status: 418, body: { message: 'teapot' } });
		expect(e.message).toBe('HighLevel error 418: teapot');
		expect(e.httpCode).toBe('418');
	});

	describe('never leaks the token', () => {
		const cases: Array<[string, unknown]> = [
			['axios 401', httpError(401, { statusCode: 401, message: 'Invalid JWT' })],
			['axios 401 scope', httpError(401, { message: 'The token is not authorized for this scope.' })],
			['axios 422', httpError(422, { message: ['property x should not exist'] })],
			['axios 429 daily', httpError(429, {}, { 'x-ratelimit-daily-remaining': '0' })],
			['axios 500', httpError(500, { message: 'boom' })],
			['axios network', networkError('ECONNRESET')],
			['NodeApiError(axios 403)', new NodeApiError(testNode, httpError(403, { message: 'no access' }) as never)],
			['NodeApiError(network)', new NodeApiError(testNode, networkError('ETIMEDOUT') as never)],
		];
		it('the fixture errors do carry the token (so the check below means something)', () => {
			expect(everythingIn(cases[0][1])).toContain(SECRET_TOKEN);
		});
		it.each(cases)('%s', (_label, error) => {
			const e = toNodeApiError(testNode, httpFailureOf(error), context());
			expect(JSON.stringify(e)).not.toContain(SECRET_TOKEN);
			expect(everythingIn(e)).not.toContain(SECRET_TOKEN);
			expect(JSON.stringify(e.errorResponse ?? {})).not.toContain(SECRET_TOKEN);
			expect(JSON.stringify(e.messages)).not.toContain(SECRET_TOKEN);
		});
	});
});
