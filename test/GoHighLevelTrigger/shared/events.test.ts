import {
	candidateEventsOfPayload,
	EVENT_GROUPS,
	EVENT_OPTIONS,
	eventOfPayload,
	getEventDefinition,
	getPath,
	locationOfPayload,
	missingScopes,
	recordRef,
	scopesForEvents,
	WEBHOOK_EVENTS,
} from '../../../nodes/GoHighLevelTrigger/shared/events';
import docNames from '../fixtures/event-doc-names.json';
import eventExamples from '../fixtures/event-examples.json';

interface Example {
	event: string;
	doc: string;
	label: string;
	payload: Record<string, unknown>;
}
const examples = eventExamples.examples as Example[];

/**
 * Doc examples whose `type` contradicts their own page (FACTS.md 5.1): the payload's `type` is trusted, so these
 * resolve to the event named by `type`.
 */
const DOC_TYPE_MISMATCHES: Record<string, string> = {
	'AppointmentUpdate|Example': 'AppointmentCreate',
	'AppointmentDelete|Example': 'AppointmentCreate',
	'InboundMessage|Example(Call)': 'OutboundMessage',
};
const expectedEvent = (ex: Example) => DOC_TYPE_MISMATCHES[`${ex.event}|${ex.label}`] ?? ex.event;

/** The "Webhook Events" column of docs/oauth/Scopes.md (FACTS.md 5.1), with the catalogue's event names. */
const SCOPES_MD: Record<string, string[]> = {
	'contacts.readonly': [
		'ContactCreate',
		'ContactDelete',
		'ContactDndUpdate',
		'ContactTagUpdate',
		'NoteCreate',
		'NoteDelete',
		'TaskCreate',
		'TaskDelete',
	],
	'opportunities.readonly': [
		'OpportunityCreate',
		'OpportunityDelete',
		'OpportunityStageUpdate',
		'OpportunityStatusUpdate',
		'OpportunityMonetaryValueUpdate',
	],
	'conversations/message.readonly': ['InboundMessage', 'OutboundMessage'],
	'conversations.readonly': ['ConversationUnreadWebhook'],
	'conversations/message.write': ['ProviderOutboundMessage'],
	'locations.readonly': ['LocationCreate', 'LocationUpdate'],
	'campaigns.readonly': ['CampaignStatusUpdate'],
};

describe('webhook event catalogue', () => {
	it('has an entry for every official event doc page, the toc-only and the live-docs-only events, and nothing else', () => {
		const names = WEBHOOK_EVENTS.map((e) => e.event);
		const expected = [...docNames.docPages, ...docNames.tocOnly, ...docNames.liveDocsOnly];
		expect(new Set(names).size).toBe(names.length);
		expect([...names].sort()).toEqual([...expected].sort());
		for (const name of docNames.docPages) expect(getEventDefinition(name)?.source).toBe('repo-doc');
		for (const name of docNames.tocOnly) expect(getEventDefinition(name)?.source).toBe('toc-only');
		for (const name of docNames.liveDocsOnly)
			expect(getEventDefinition(name)?.source).toBe('live-doc');
	});

	it('has at least one doc example for every doc page', () => {
		const withExamples = new Set(examples.map((e) => e.event));
		expect([...withExamples].sort()).toEqual([...docNames.docPages].sort());
	});

	it('gives every entry a group, a location path, and either an identifying type or a detection rule', () => {
		for (const def of WEBHOOK_EVENTS) {
			expect(EVENT_GROUPS).toContain(def.group);
			expect(def.locationIdPaths.length).toBeGreaterThan(0);
			expect(def.label.trim()).not.toBe('');
			expect(def.description.trim()).not.toBe('');
			if (def.typeInPayload) expect(typeof def.type).toBe('string');
			else expect(def.detection).toEqual(expect.any(String));
			if (def.recordKind !== 'none') expect(def.recordIdPath).toEqual(expect.any(String));
		}
	});

	it('records typeInPayload exactly as the doc examples show it', () => {
		for (const ex of examples) {
			const def = getEventDefinition(ex.event)!;
			if (def.typeInPayload) {
				expect(typeof ex.payload.type).toBe('string');
			} else {
				// Either no `type` at all, or a `type` that does not name the event (price type, channel).
				expect(ex.payload.type === undefined || ex.payload.type !== def.type).toBe(true);
			}
		}
		expect(getEventDefinition('AppInstall')!.type).toBe('INSTALL');
		expect(getEventDefinition('AppUninstall')!.type).toBe('UNINSTALL');
		expect(getEventDefinition('PlanChange')!.type).toBe('PLAN_CHANGE');
		expect(getEventDefinition('ConversationUnreadWebhook')!.type).toBe('ConversationUnreadUpdate');
	});

	it('marks as verified exactly the scopes Scopes.md (or the live VoiceAiCallEnd page) states', () => {
		const verified = new Map<string, string>();
		for (const [scope, events] of Object.entries(SCOPES_MD))
			for (const event of events) verified.set(event, scope);
		verified.set('VoiceAiCallEnd', 'voice-ai-dashboard.readonly');
		for (const def of WEBHOOK_EVENTS) {
			if (verified.has(def.event)) {
				expect({ event: def.event, scope: def.scope, verified: def.scopeVerified }).toEqual({
					event: def.event,
					scope: verified.get(def.event),
					verified: true,
				});
			} else {
				expect({ event: def.event, verified: def.scopeVerified }).toEqual({
					event: def.event,
					verified: false,
				});
			}
		}
	});

	it('can fetch full records only for live contacts, opportunities and appointments', () => {
		for (const def of WEBHOOK_EVENTS) {
			if (def.event.endsWith('Delete')) expect(def.recordKind).toBe('none');
		}
		expect(getEventDefinition('ContactCreate')!.recordKind).toBe('contact');
		expect(getEventDefinition('OpportunityStageUpdate')!.recordKind).toBe('opportunity');
		expect(getEventDefinition('AppointmentUpdate')!.recordKind).toBe('appointment');
		expect(getEventDefinition('InvoicePaid')!.recordKind).toBe('none');
	});
});

describe('EVENT_OPTIONS', () => {
	it('lists ContactCreate and OpportunityStageUpdate first, then every other event once', () => {
		expect(EVENT_OPTIONS.slice(0, 2).map((o) => o.value)).toEqual([
			'ContactCreate',
			'OpportunityStageUpdate',
		]);
		const values = EVENT_OPTIONS.map((o) => o.value);
		expect(new Set(values).size).toBe(values.length);
		expect([...values].sort()).toEqual(WEBHOOK_EVENTS.map((e) => e.event).sort());
	});

	it('groups the rest in EVENT_GROUPS order and sorts by label within a group', () => {
		const rest = EVENT_OPTIONS.slice(2).map((o) => getEventDefinition(o.value as string)!);
		for (let i = 1; i < rest.length; i++) {
			const a = rest[i - 1];
			const b = rest[i];
			const ga = EVENT_GROUPS.indexOf(a.group);
			const gb = EVENT_GROUPS.indexOf(b.group);
			expect(ga).toBeLessThanOrEqual(gb);
			if (ga === gb) expect(a.label.localeCompare(b.label, 'en')).toBeLessThan(0);
		}
	});

	it('names options "<label> (<event>)" and describes group, meaning and scope', () => {
		for (const option of EVENT_OPTIONS) {
			const def = getEventDefinition(option.value as string)!;
			expect(option.name).toBe(`${def.label} (${def.event})`);
			expect(option.description).toContain(def.group);
			if (def.scope) expect(option.description).toContain(def.scope);
			else expect(option.description).toContain('No scope needed');
			if (def.scope && !def.scopeVerified) expect(option.description).toContain('probable');
		}
		expect(EVENT_OPTIONS[0].name).toBe('Contact Created (ContactCreate)');
	});
});

describe('scopesForEvents / missingScopes', () => {
	it('returns the distinct sorted scopes, ignoring unknown and scope-less events', () => {
		expect(
			scopesForEvents([
				'ContactCreate',
				'NoteCreate',
				'OpportunityStageUpdate',
				'InvoicePaid',
				'AppInstall',
				'NoSuchEvent',
			]),
		).toEqual(['contacts.readonly', 'invoices.readonly', 'opportunities.readonly']);
		expect(scopesForEvents([])).toEqual([]);
		expect(
			scopesForEvents(['InboundMessage', 'ConversationUnreadWebhook', 'ProviderOutboundMessage']),
		).toEqual([
			'conversations.readonly',
			'conversations/message.readonly',
			'conversations/message.write',
		]);
	});

	it('reports scopes the token lacks, from a space-separated string or an array', () => {
		const events = ['ContactCreate', 'OpportunityStageUpdate', 'AppointmentCreate'];
		expect(missingScopes(events, 'contacts.readonly opportunities.write')).toEqual([
			'calendars/events.readonly',
			'opportunities.readonly',
		]);
		expect(
			missingScopes(events, [
				'contacts.readonly',
				'opportunities.readonly',
				'calendars/events.readonly',
			]),
		).toEqual([]);
		expect(missingScopes(events, undefined)).toEqual([
			'calendars/events.readonly',
			'contacts.readonly',
			'opportunities.readonly',
		]);
		expect(missingScopes(['AppInstall'], '')).toEqual([]);
	});
});

describe('eventOfPayload', () => {
	it('maps the documented type aliases', () => {
		expect(eventOfPayload({ type: 'INSTALL' })).toBe('AppInstall');
		expect(eventOfPayload({ type: 'UNINSTALL' })).toBe('AppUninstall');
		expect(eventOfPayload({ type: 'PLAN_CHANGE' })).toBe('PlanChange');
		expect(eventOfPayload({ type: 'ConversationUnreadUpdate' })).toBe('ConversationUnreadWebhook');
		expect(eventOfPayload({ type: 'ConversationUnreadWebhook' })).toBe('ConversationUnreadWebhook');
		expect(eventOfPayload({ type: 'ConversationProviderOutboundMessage' })).toBe(
			'ProviderOutboundMessage',
		);
		expect(eventOfPayload({ type: 'ExternalAuthConnected' })).toBe('ExternalAuthConnected');
	});

	it('uses a `type` naming an event even for events documented without one', () => {
		expect(eventOfPayload({ type: 'InvoicePaid', _id: 'i1', invoiceNumber: '19' })).toBe(
			'InvoicePaid',
		);
		expect(eventOfPayload({ type: 'RecordUpdate', id: 'r1', properties: [], owners: [] })).toBe(
			'RecordUpdate',
		);
	});

	it('resolves every doc example to its event (given the event as selection for type-less families)', () => {
		for (const ex of examples) {
			const expected = expectedEvent(ex);
			const candidates = candidateEventsOfPayload(ex.payload);
			expect({ doc: ex.doc, label: ex.label, candidates }).toEqual({
				doc: ex.doc,
				label: ex.label,
				candidates: expect.arrayContaining([expected]),
			});
			expect({
				doc: ex.doc,
				label: ex.label,
				event: eventOfPayload(ex.payload, [expected]),
			}).toEqual({
				doc: ex.doc,
				label: ex.label,
				event: expected,
			});
			const def = getEventDefinition(ex.event)!;
			if (def.typeInPayload || candidates.length === 1) {
				expect(eventOfPayload(ex.payload)).toBe(expected);
			}
		}
	});

	it('leaves ambiguous type-less payloads unresolved unless exactly one candidate is selected', () => {
		const invoice = examples.find((e) => e.event === 'InvoicePaid')!.payload;
		expect(candidateEventsOfPayload(invoice)).toHaveLength(7);
		expect(eventOfPayload(invoice)).toBeUndefined();
		expect(eventOfPayload(invoice, ['InvoicePaid', 'ContactCreate'])).toBe('InvoicePaid');
		expect(eventOfPayload(invoice, ['InvoicePaid', 'InvoiceVoid'])).toBeUndefined();
		expect(eventOfPayload(invoice, ['ContactCreate'])).toBeUndefined();
	});

	it('tells the type-less families apart from each other', () => {
		const families = new Map<string, string>();
		for (const ex of examples) {
			const def = getEventDefinition(ex.event)!;
			if (def.typeInPayload) continue;
			const candidates = candidateEventsOfPayload(ex.payload);
			for (const candidate of candidates) {
				expect(getEventDefinition(candidate)!.detection).toBe(def.detection);
			}
			families.set(def.detection!, candidates.join(','));
		}
		// Invoice, Product, Price, ObjectSchema, Record, Relation, Association, ProviderOutboundMessage.
		expect(families.size).toBe(8);
	});

	it('recognises a Voice AI call-end payload (live doc schema, no type)', () => {
		const payload = {
			id: 'call1',
			locationId: 'loc1',
			agentId: 'agent1',
			contactId: 'c1',
			fromNumber: '+15550001111',
			duration: 42,
			summary: 'Booked a visit.',
			transcript: 'bot: hi',
			executedCallActions: [],
		};
		expect(eventOfPayload(payload)).toBe('VoiceAiCallEnd');
		expect(recordRef('VoiceAiCallEnd', payload)).toEqual({
			event: 'VoiceAiCallEnd',
			kind: 'none',
			id: 'call1',
			contactId: 'c1',
		});
	});

	it('returns undefined for unknown or hostile payloads without throwing', () => {
		const hostile: unknown[] = [
			null,
			undefined,
			'ContactCreate',
			42,
			[],
			[{ type: 'ContactCreate' }],
			{},
			{ type: 'Nope' },
			{ type: 42 },
			{ type: '__proto__' },
			{ type: 'constructor' },
			{ type: 'toString' },
			JSON.parse('{"__proto__":{"type":"ContactCreate"}}'),
		];
		for (const payload of hostile) {
			expect(eventOfPayload(payload)).toBeUndefined();
			expect(candidateEventsOfPayload(payload)).toEqual([]);
			expect(locationOfPayload(payload)).toBeUndefined();
		}
	});

	it('does not mistake a price type or a message channel for the event', () => {
		expect(
			candidateEventsOfPayload({ type: 'one_time', _id: 'p1', product: 'prod1', amount: 100 }),
		).toEqual(['PriceCreate', 'PriceUpdate', 'PriceDelete']);
		expect(
			candidateEventsOfPayload({
				type: 'SMS',
				messageId: 'm1',
				contactId: 'c1',
				locationId: 'l1',
				message: 'hi',
			}),
		).toEqual(['ProviderOutboundMessage']);
		// An ordinary conversation message without `type` is not a provider message.
		expect(
			candidateEventsOfPayload({
				messageId: 'm1',
				contactId: 'c1',
				conversationId: 'v1',
				body: 'hi',
			}),
		).toEqual([]);
	});
});

describe('locationOfPayload', () => {
	it('reads locationId wherever the payload has one at the top level', () => {
		for (const ex of examples) {
			if (typeof ex.payload.locationId === 'string') {
				expect({ doc: ex.doc, location: locationOfPayload(ex.payload) }).toEqual({
					doc: ex.doc,
					location: ex.payload.locationId,
				});
			}
		}
	});

	it('uses altId for invoices only when altType is location, and id for location events', () => {
		const invoice = examples.find((e) => e.event === 'InvoiceCreate')!.payload;
		expect(invoice.altType).toBe('location');
		expect(locationOfPayload(invoice)).toBe(invoice.altId);
		expect(locationOfPayload({ ...invoice, altType: 'company' })).toBeUndefined();
		const location = examples.find((e) => e.event === 'LocationUpdate')!.payload;
		expect(locationOfPayload(location)).toBe(location.id);
		expect(locationOfPayload(location, 'ContactCreate')).toBeUndefined();
	});

	it('finds a nested appointment.locationId when the top-level one is absent', () => {
		expect(
			locationOfPayload({
				type: 'AppointmentCreate',
				appointment: { id: 'a1', locationId: 'loc9' },
			}),
		).toBe('loc9');
	});

	it('returns undefined for agency-level payloads', () => {
		const agencyInstall = examples.find(
			(e) => e.event === 'AppInstall' && e.label.includes('Agency'),
		)!.payload;
		const agencyUser = examples.find(
			(e) => e.event === 'UserCreate' && e.label.includes('Agency'),
		)!.payload;
		expect(locationOfPayload(agencyInstall)).toBeUndefined();
		expect(locationOfPayload(agencyUser)).toBeUndefined();
		const located = examples
			.filter((e) => locationOfPayload(e.payload) === undefined)
			.map((e) => `${e.event}|${e.label}`);
		expect(located.sort()).toEqual(
			[
				'AppInstall|For Agency Level App Install',
				'AppUninstall|For Agency Level App Uninstall',
				'UserCreate|Example (For Agency User)',
			].sort(),
		);
	});
});

describe('recordRef', () => {
	const payloadOf = (event: string) => examples.find((e) => e.event === event)!.payload;

	it('points at contacts, opportunities and appointments with their ids', () => {
		expect(recordRef('ContactCreate', payloadOf('ContactCreate'))).toEqual({
			event: 'ContactCreate',
			kind: 'contact',
			id: 'nmFmQEsNgz6AVpgLVUJ0',
			contactId: 'nmFmQEsNgz6AVpgLVUJ0',
		});
		expect(recordRef('OpportunityStageUpdate', payloadOf('OpportunityStageUpdate'))).toEqual({
			event: 'OpportunityStageUpdate',
			kind: 'opportunity',
			id: payloadOf('OpportunityStageUpdate').id,
			contactId: payloadOf('OpportunityStageUpdate').contactId,
		});
		expect(recordRef('AppointmentCreate', payloadOf('AppointmentCreate'))).toEqual({
			event: 'AppointmentCreate',
			kind: 'appointment',
			id: '0007BWpSzSwfiuSl0tR2',
			contactId: '9NkT25Vor1v4aQatFsv2',
		});
	});

	it('reports deletes and other records as kind none but still gives their ids', () => {
		expect(recordRef('ContactDelete', payloadOf('ContactDelete'))).toMatchObject({
			kind: 'none',
			id: 'nmFmQEsNgz6AVpgLVUJ0',
		});
		expect(recordRef('InvoicePaid', payloadOf('InvoicePaid'))).toEqual({
			event: 'InvoicePaid',
			kind: 'none',
			id: payloadOf('InvoicePaid')._id,
			contactId: getPath(payloadOf('InvoicePaid'), 'contactDetails.id'),
		});
		expect(recordRef('AppInstall', payloadOf('AppInstall'))).toEqual({
			event: 'AppInstall',
			kind: 'none',
			id: undefined,
			contactId: undefined,
		});
	});

	it('finds the record id in every doc example that carries one', () => {
		const missing: string[] = [];
		for (const ex of examples) {
			const def = getEventDefinition(ex.event)!;
			if (!def.recordIdPath) continue;
			if (recordRef(ex.event, ex.payload)!.id === undefined)
				missing.push(`${ex.event}|${ex.label}`);
		}
		// Only the plain-message examples lack `messageId` in HighLevel's docs.
		expect(missing.sort()).toEqual(
			[
				'InboundMessage|Example(Email)',
				'InboundMessage|Example(Message)',
				'OutboundMessage|Example(Email)',
				'OutboundMessage|Example(Message)',
			].sort(),
		);
	});

	it('is undefined for an unknown event and tolerates missing or odd payloads', () => {
		expect(recordRef('NoSuchEvent', {})).toBeUndefined();
		expect(recordRef('ContactCreate', null)).toEqual({
			event: 'ContactCreate',
			kind: 'contact',
			id: undefined,
			contactId: undefined,
		});
		expect(recordRef('ContactCreate', { id: 42 })).toMatchObject({ id: undefined });
		expect(recordRef('ContactCreate', { id: '  ' })).toMatchObject({ id: undefined });
	});
});

describe('getPath', () => {
	it('reads own properties only', () => {
		expect(getPath({ a: { b: 'c' } }, 'a.b')).toBe('c');
		expect(getPath({ a: null }, 'a.b')).toBeUndefined();
		expect(getPath({}, 'constructor')).toBeUndefined();
		expect(getPath({}, '__proto__.toString')).toBeUndefined();
		expect(getPath([1], '0')).toBeUndefined();
	});
});
