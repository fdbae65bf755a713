import type { ILoadOptionsFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';
import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';

import { loadOptions } from '../../../nodes/GoHighLevel/methods/loadOptions';
import { clearListCache } from '../../../nodes/GoHighLevel/shared/cache';
import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { startSandbox, type Sandbox } from '../../sandbox';
import { activityOf, defaultCalendarGroupId, defaultCalendarId } from '../../sandbox/activity';

const NODE: INode = {
	id: 'calendar-methods-test',
	name: 'GoHighLevel',
	type: 'n8n-nodes-gohighlevel.goHighLevel',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A load-options context sending real HTTP through n8n-core's `httpRequest` with the sandbox PIT. */
function context(sandbox: Sandbox): ILoadOptionsFunctions {
	return {
		getNode: () => NODE,
		getNodeParameter: (_name: string, fallback: unknown) => fallback,
		getCurrentNodeParameter: () => undefined,
		getCredentials: async () => ({ token: sandbox.privateIntegrationToken, locationId: sandbox.locationId, baseUrl: sandbox.url }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) =>
				await httpRequest({
					...options,
					headers: { ...(options.headers ?? {}), Authorization: `Bearer ${sandbox.privateIntegrationToken}` },
				}),
		},
	} as unknown as ILoadOptionsFunctions;
}

describe('calendar and calendar group dropdowns', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => {
		rateLimiter.reset();
		clearListCache();
	});
	afterEach(() => expect(sandbox.stats.invalidRequests).toEqual([]));

	it('getCalendars: every calendar of the location by name (Version 2021-04-15), drafts marked', async () => {
		activityOf(sandbox.store.location()).calendars.set('cal-draft-0001', {
			id: 'cal-draft-0001',
			locationId: sandbox.locationId,
			name: 'Audit Calls',
			isActive: false,
			calendarType: 'event',
		});
		const options = await loadOptions.getCalendars.call(context(sandbox));
		expect(options).toEqual([
			{ name: 'Audit Calls', value: 'cal-draft-0001', description: 'Draft (inactive)' },
			{ name: 'Sales Calls', value: defaultCalendarId(sandbox.locationId) },
		]);
		expect(sandbox.stats.byOperation['get-calendars']).toBe(1);
	});

	it('getCalendarGroups: the groups of the location by name', async () => {
		const options = await loadOptions.getCalendarGroups.call(context(sandbox));
		expect(options).toEqual([{ name: 'Sales Team', value: defaultCalendarGroupId(sandbox.locationId) }]);
		expect(sandbox.stats.byOperation['get-groups']).toBe(1);
	});
});
