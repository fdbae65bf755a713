import type { IDataObject } from 'n8n-workflow';

import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { resetOAuthStates } from '../../../nodes/GoHighLevel/shared/transport';
import type { Sandbox } from '../../sandbox';
import { call } from '../../sandbox/testClient';
import { createCredentialStore, type CredentialStore } from '../harness';
import {
	byId,
	exchangeAuthorizationCode,
	freshSandbox,
	OAUTH_CREDENTIAL,
	oauthCredential,
} from '../GoHighLevel/helpers';
import { activeTrigger } from './helpers';

/**
 * The polling trigger with an agency (Company) OAuth2 credential (FACTS.md 3.4): it polls the location chosen in its
 * Location parameter through an exchanged Location token, and emits that location's records only.
 */
describe('GoHighLevel Polling Trigger with an agency credential', () => {
	let sandbox: Sandbox;
	let credentials: CredentialStore;
	beforeAll(async () => {
		sandbox = await freshSandbox({ rateLimit: false });
	});
	beforeEach(async () => {
		rateLimiter.reset();
		resetOAuthStates();
		sandbox.reset();
		credentials = createCredentialStore([oauthCredential(sandbox, await exchangeAuthorizationCode(sandbox, { agency: true }))]);
	});
	afterEach(() => expect(sandbox.stats.invalidRequests).toEqual([]));
	afterAll(async () => await sandbox.close());

	const create = async (locationId: string, email: string) => {
		const token =
			locationId === sandbox.locationId
				? sandbox.privateIntegrationToken
				: sandbox.createPrivateIntegrationToken({ locationId });
		const res = await call(sandbox, 'POST', '/contacts/', { token, body: { locationId, firstName: 'New', email } });
		expect(res.status).toBe(201);
		return String(res.body.contact.id);
	};

	it('New Contact emits the new contacts of the chosen location once, none of another location', async () => {
		const second = sandbox.secondLocationId!;
		const trigger = activeTrigger(
			{ authentication: 'oAuth2', locationId: byId(second), event: 'contactCreated' },
			credentials,
			{ goHighLevelOAuth2Api: OAUTH_CREDENTIAL },
		);
		expect(await trigger.poll()).toEqual([]);
		const wanted = await create(second, 'wanted@agency.example');
		await create(sandbox.locationId, 'elsewhere@agency.example');
		const items: IDataObject[] = await trigger.poll();
		expect(items.map((i) => [i.id, i.locationId])).toEqual([[wanted, second]]);
		expect(await trigger.poll()).toEqual([]);
		expect(sandbox.stats.byOperation['get-location-access-token']).toBe(1);
	});

	it('without a Location, a poll fails naming the parameter', async () => {
		const trigger = activeTrigger({ authentication: 'oAuth2', event: 'contactCreated' }, credentials, {
			goHighLevelOAuth2Api: OAUTH_CREDENTIAL,
		});
		await expect(trigger.poll()).rejects.toThrow('Choose a Location: the credential is an agency (Company) install');
	});
});
