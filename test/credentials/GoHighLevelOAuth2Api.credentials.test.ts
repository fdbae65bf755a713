import { DEFAULT_SCOPES, GoHighLevelOAuth2Api } from '../../credentials/GoHighLevelOAuth2Api.credentials';
import { ENDPOINTS } from '../../nodes/GoHighLevel/shared/endpoints';
import { scopesForEvents } from '../../nodes/GoHighLevelTrigger/shared/events';

describe('GoHighLevel OAuth2 credential', () => {
	it('requests by default every scope an endpoint of the package needs', () => {
		const needed = [...new Set(Object.values(ENDPOINTS).map((e) => e.scope))];
		expect(needed.filter((scope) => !DEFAULT_SCOPES.includes(scope))).toEqual([]);
	});

	it('covers the webhook trigger\'s headline events and sends the scopes space-separated', () => {
		const scope = new GoHighLevelOAuth2Api().properties.find((p) => p.name === 'scope');
		expect(scope?.default).toBe(DEFAULT_SCOPES.join(' '));
		const events = ['ContactCreate', 'OpportunityStageUpdate', 'InboundMessage', 'AppointmentCreate'];
		expect(scopesForEvents(events).filter((s) => !DEFAULT_SCOPES.includes(s))).toEqual([]);
	});
});
