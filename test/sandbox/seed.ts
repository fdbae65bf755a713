/**
 * Deterministic seed data: two locations with users, tags, custom fields, pipelines, contacts and opportunities,
 * plus a generator for any number of extra contacts. Same options → same store, byte for byte.
 */
import type {
	ContactRecord,
	CustomFieldRecord,
	LocationData,
	OpportunityRecord,
	PipelineRecord,
	SandboxStore,
	UserRecord,
} from './store';
import { seedAgencyLocationsAndRecords } from './locationRecords';
import { defaultPermissions } from './users';

/** Id of the default seeded location (20-char alphanumeric like `ve9EPM428h8vShlRW1KT`). */
export const DEFAULT_LOCATION_ID = 'q7HbT2mVx9KLp4sWd3Nf';
/** Id of the second seeded location (its own data; for scoping tests). */
export const SECOND_LOCATION_ID = 'Zc8nY5fQa1JeUu6oGt0R';
/** Agency (company) owning both locations. */
export const COMPANY_ID = 'Cm3pR8sTv2XyQa7LkB5d';

/** What to seed. */
export interface SeedOptions {
	/** Seed the demo contacts and opportunities (default true). Users, tags, custom fields and pipelines are always seeded. */
	demo?: boolean;
	/** Extra generated contacts in the default location (default 0). */
	contacts?: number;
	/** Tags given to every generated contact of `contacts`. */
	contactTags?: string[];
	/** Seed the second location (default true). */
	secondLocation?: boolean;
	/** Location setting "allow duplicate contact" for seeded locations (default false). */
	allowDuplicateContact?: boolean;
	/** Location setting "allow duplicate opportunity" for seeded locations (default false). */
	allowDuplicateOpportunity?: boolean;
}

/** Options of {@link generateContacts}. */
export interface GenerateContactsOptions {
	/** Default: the default location. */
	locationId?: string;
	/** Tags given to every generated contact (lower-cased). */
	tags?: string[];
}

const FIRST_NAMES = [
	'Olivia',
	'Liam',
	'Emma',
	'Noah',
	'Ava',
	'Elijah',
	'Sophia',
	'Lucas',
	'Mia',
	'Mateo',
	'Amelia',
	'Levi',
	'Harper',
	'Ezra',
	'Evelyn',
	'Asher',
	'Luna',
	'James',
	'Camila',
	'Leo',
	'Gianna',
	'Aiden',
	'Aria',
	'Kai',
	'Ellie',
	'Maya',
	'Owen',
	'Nora',
	'Hudson',
	'Zoe',
	'Ivy',
	'Jack',
];
const LAST_NAMES = [
	'Smith',
	'Johnson',
	'Williams',
	'Brown',
	'Jones',
	'Garcia',
	'Miller',
	'Davis',
	'Rodriguez',
	'Martinez',
	'Hernandez',
	'Lopez',
	'Gonzalez',
	'Wilson',
	'Anderson',
	'Thomas',
	'Taylor',
	'Moore',
	'Jackson',
	'Martin',
	'Lee',
	'Perez',
	'Thompson',
	'White',
	'Harris',
	'Sanchez',
	'Clark',
	'Ramirez',
	'Lewis',
	'Robinson',
	'Walker',
	'Young',
	'Allen',
];
const COMPANIES = [
	'Globex',
	'Initech',
	'Umbrella Corp',
	'Stark Industries',
	'Wayne Enterprises',
	'Hooli',
	'Vandelay Industries',
];
const CITIES: Array<[string, string]> = [
	['Austin', 'TX'],
	['Denver', 'CO'],
	['Portland', 'OR'],
	['Chicago', 'IL'],
	['Miami', 'FL'],
	['Seattle', 'WA'],
];

/** Start of generated contacts' `dateAdded` (epoch ms, 2024-01-01T00:00:00Z); each next one is ~45 min later. */
const GENERATED_BASE_MS = Date.UTC(2024, 0, 1);
const GENERATED_STEP_MS = 45 * 60_000;

/**
 * Empties the store and seeds it again.
 * Default location: 3 users, 5 tags, contact custom fields (Lead Score NUMERICAL, Favourite Colour
 * SINGLE_OPTIONS, Interests MULTIPLE_OPTIONS, Preferred Contact Time TEXT), opportunity custom fields (Deal Source
 * TEXT, Probability NUMERICAL, Deal Type RADIO), pipelines "Sales Pipeline" (5 stages) and "Onboarding" (3 stages), 6 demo
 * contacts, 4 demo opportunities. Second location: its own users, tags, fields, one pipeline, 3 contacts
 * (one shares an email with the default location), 2 opportunities.
 */
export function seedStore(store: SandboxStore, options: SeedOptions = {}): void {
	store.clear();
	store.defaultLocationId = DEFAULT_LOCATION_ID;
	const demo = options.demo ?? true;

	const main = store.addLocation({
		id: DEFAULT_LOCATION_ID,
		companyId: COMPANY_ID,
		name: 'Acme Plumbing (sandbox)',
		domain: 'acme-plumbing.example.com',
		address: '100 Main St',
		city: 'Austin',
		state: 'TX',
		country: 'US',
		postalCode: '78701',
		website: 'https://acme-plumbing.example.com',
		timezone: 'America/Chicago',
		firstName: 'Avery',
		lastName: 'Stone',
		email: 'owner@acme-plumbing.example.com',
		phone: '+15125550100',
	});
	applySettings(main, options);
	const mainUsers = addUsers(store, main, [
		['Avery', 'Stone', 'admin'],
		['Sam', 'Patel', 'user'],
		['Jordan', 'Lee', 'user'],
	]);
	for (const tag of ['customer', 'vip', 'newsletter', 'lead', 'partner']) main.ensureTag(tag);
	const leadScore = addField(store, main, 'Lead Score', 'contact', 'NUMERICAL');
	const colour = addField(store, main, 'Favourite Colour', 'contact', 'SINGLE_OPTIONS', [
		'Red',
		'Green',
		'Blue',
		'Yellow',
	]);
	const interests = addField(store, main, 'Interests', 'contact', 'MULTIPLE_OPTIONS', [
		'Sports',
		'Music',
		'Travel',
		'Tech',
	]);
	addField(store, main, 'Preferred Contact Time', 'contact', 'TEXT');
	const dealSource = addField(store, main, 'Deal Source', 'opportunity', 'TEXT');
	addField(store, main, 'Probability', 'opportunity', 'NUMERICAL');
	const sales = addPipeline(store, main, 'Sales Pipeline', [
		'New Lead',
		'Contacted',
		'Proposal Sent',
		'Negotiation',
		'Won',
	]);
	const onboarding = addPipeline(store, main, 'Onboarding', ['Kickoff', 'In Progress', 'Live']);

	if (demo) {
		const [avery, sam] = mainUsers;
		const ada = addContact(store, main, {
			firstName: 'Ada',
			lastName: 'Lovelace',
			email: 'ada@example.com',
			phone: '+14155550101',
			companyName: 'Analytical Engines Ltd',
			city: 'London',
			country: 'GB',
			tags: ['customer', 'vip'],
			assignedTo: avery.id,
			source: 'public api',
			dateAdded: '2025-01-06T09:15:00.000Z',
			customFields: { [leadScore.id]: 92, [colour.id]: 'Blue', [interests.id]: ['Tech', 'Music'] },
		});
		const grace = addContact(store, main, {
			firstName: 'Grace',
			lastName: 'Hopper',
			email: 'grace@example.com',
			phone: '+14155550102',
			companyName: 'Compiler Co',
			city: 'New York',
			state: 'NY',
			country: 'US',
			tags: ['customer'],
			assignedTo: sam.id,
			source: 'web form',
			dateAdded: '2025-01-13T14:30:00.000Z',
			customFields: {
				[leadScore.id]: 88,
				[colour.id]: 'Green',
				[interests.id]: ['Tech', 'Travel'],
			},
		});
		const alan = addContact(store, main, {
			firstName: 'Alan',
			lastName: 'Turing',
			email: 'alan@example.com',
			phone: '+14155550103',
			city: 'Manchester',
			country: 'GB',
			tags: ['lead', 'newsletter'],
			source: 'public api',
			dateAdded: '2025-01-20T08:00:00.000Z',
			customFields: { [leadScore.id]: 75, [colour.id]: 'Red', [interests.id]: ['Tech', 'Sports'] },
		});
		addContact(store, main, {
			firstName: 'Katherine',
			lastName: 'Johnson',
			email: 'katherine@example.com',
			phone: '+14155550104',
			city: 'Hampton',
			state: 'VA',
			country: 'US',
			tags: ['newsletter'],
			assignedTo: sam.id,
			dateAdded: '2025-02-03T16:45:00.000Z',
			customFields: { [leadScore.id]: 60 },
		});
		addContact(store, main, {
			firstName: 'Linus',
			lastName: 'Torvalds',
			email: 'linus@example.com',
			city: 'Portland',
			state: 'OR',
			country: 'US',
			tags: ['partner'],
			dnd: true,
			dateAdded: '2025-02-17T11:20:00.000Z',
			customFields: {},
		});
		addContact(store, main, {
			firstName: 'Margaret',
			lastName: 'Hamilton',
			email: 'margaret@example.com',
			phone: '+14155550106',
			companyName: 'Apollo Software',
			city: 'Boston',
			state: 'MA',
			country: 'US',
			tags: [],
			dateAdded: '2025-03-03T10:05:00.000Z',
			customFields: {},
		});
		addOpportunity(store, main, {
			name: 'Ada Lovelace - Enterprise plan',
			contactId: ada.id,
			pipeline: sales,
			stage: 2,
			status: 'open',
			monetaryValue: 12000,
			assignedTo: avery.id,
			source: 'referral',
			createdAt: '2025-01-08T10:00:00.000Z',
			customFields: { [dealSource.id]: 'Referral' },
		});
		addOpportunity(store, main, {
			name: 'Grace Hopper - Support renewal',
			contactId: grace.id,
			pipeline: sales,
			stage: 3,
			status: 'won',
			monetaryValue: 4800,
			assignedTo: sam.id,
			createdAt: '2025-01-15T09:30:00.000Z',
			customFields: { [dealSource.id]: 'Website' },
		});
		addOpportunity(store, main, {
			name: 'Alan Turing - Pilot',
			contactId: alan.id,
			pipeline: sales,
			stage: 0,
			status: 'open',
			monetaryValue: 1500,
			createdAt: '2025-01-22T13:00:00.000Z',
			customFields: {},
		});
		addOpportunity(store, main, {
			name: 'Ada Lovelace - Onboarding',
			contactId: ada.id,
			pipeline: onboarding,
			stage: 0,
			status: 'open',
			monetaryValue: 0,
			assignedTo: avery.id,
			createdAt: '2025-02-01T15:00:00.000Z',
			customFields: {},
		});
	}

	if (options.secondLocation ?? true) {
		const second = store.addLocation({
			id: SECOND_LOCATION_ID,
			companyId: COMPANY_ID,
			name: 'Northwind Bakery (sandbox)',
			domain: 'northwind-bakery.example.com',
			address: '5 Harbour Rd',
			city: 'Seattle',
			state: 'WA',
			country: 'US',
			postalCode: '98101',
			website: 'https://northwind-bakery.example.com',
			timezone: 'America/Los_Angeles',
			firstName: 'Riley',
			lastName: 'Chen',
			email: 'owner@northwind-bakery.example.com',
			phone: '+12065550100',
		});
		applySettings(second, options);
		const [riley] = addUsers(store, second, [
			['Riley', 'Chen', 'admin'],
			['Morgan', 'Diaz', 'user'],
		]);
		for (const tag of ['wholesale', 'retail']) second.ensureTag(tag);
		const score2 = addField(store, second, 'Lead Score', 'contact', 'NUMERICAL');
		addField(store, second, 'Order Volume', 'opportunity', 'NUMERICAL');
		const orders = addPipeline(store, second, 'Wholesale Orders', ['Inquiry', 'Quote', 'Ordered']);
		if (demo) {
			const ada2 = addContact(store, second, {
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: 'ada@example.com',
				phone: '+14155550101',
				tags: ['retail'],
				dateAdded: '2025-01-09T12:00:00.000Z',
				customFields: { [score2.id]: 10 },
			});
			const brian = addContact(store, second, {
				firstName: 'Brian',
				lastName: 'Kernighan',
				email: 'brian@example.com',
				phone: '+12065550111',
				companyName: 'Bell Bakers',
				tags: ['wholesale'],
				assignedTo: riley.id,
				dateAdded: '2025-01-16T12:00:00.000Z',
				customFields: { [score2.id]: 55 },
			});
			addContact(store, second, {
				firstName: 'Dennis',
				lastName: 'Ritchie',
				email: 'dennis@example.com',
				phone: '+12065550112',
				tags: ['wholesale', 'retail'],
				dateAdded: '2025-01-23T12:00:00.000Z',
				customFields: {},
			});
			addOpportunity(store, second, {
				name: 'Bell Bakers - Weekly bread',
				contactId: brian.id,
				pipeline: orders,
				stage: 1,
				status: 'open',
				monetaryValue: 900,
				assignedTo: riley.id,
				createdAt: '2025-01-18T08:00:00.000Z',
				customFields: {},
			});
			addOpportunity(store, second, {
				name: 'Ada Lovelace - Cake order',
				contactId: ada2.id,
				pipeline: orders,
				stage: 2,
				status: 'won',
				monetaryValue: 120,
				createdAt: '2025-01-25T08:00:00.000Z',
				customFields: {},
			});
		}
	}

	// An option-type opportunity field (added last, so the ids seeded above stay as they were).
	addField(store, main, 'Deal Type', 'opportunity', 'RADIO', ['New Business', 'Renewal', 'Upsell']);

	if (options.contacts) generateContacts(store, options.contacts, { tags: options.contactTags });

	// Three more locations of the agency, and custom values, templates and object fields everywhere (fixed ids).
	seedAgencyLocationsAndRecords(store);
}

/**
 * Adds `count` generated contacts. Names, emails (`first.last.N@example.com`), phones (`+1555NNNNNNN`), tags and
 * custom field values follow the running number N, so they are deterministic and unique across calls.
 * `dateAdded` starts 2024-01-01T00:00:00Z and advances ~45 min per contact. Every contact gets `options.tags`;
 * in addition every 3rd gets `newsletter`, every 5th `vip`, every 7th `customer`.
 * @throws Error for an unknown location id
 */
export function generateContacts(
	store: SandboxStore,
	count: number,
	options: GenerateContactsOptions = {},
): void {
	const data = store.location(options.locationId);
	const extraTags = (options.tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean);
	const byKey = new Map([...data.customFields.values()].map((f) => [f.fieldKey, f]));
	const score = byKey.get('contact.lead_score');
	const colour = byKey.get('contact.favourite_colour');
	const interests = byKey.get('contact.interests');
	for (let i = 0; i < count; i++) {
		const n = ++store.generatedContacts;
		const firstName = FIRST_NAMES[n % FIRST_NAMES.length];
		const lastName = LAST_NAMES[(n * 7 + Math.floor(n / FIRST_NAMES.length)) % LAST_NAMES.length];
		const tags = new Set(extraTags);
		if (n % 3 === 0) tags.add('newsletter');
		if (n % 5 === 0) tags.add('vip');
		if (n % 7 === 0) tags.add('customer');
		const customFields: ContactRecord['customFields'] = {};
		if (score) customFields[score.id] = n % 101;
		if (colour?.picklistOptions && n % 2 === 0)
			customFields[colour.id] = colour.picklistOptions[(n / 2) % colour.picklistOptions.length];
		if (interests?.picklistOptions && n % 4 === 0) {
			const opts = interests.picklistOptions;
			customFields[interests.id] = [opts[n % opts.length], opts[(n + 1) % opts.length]];
		}
		const [city, state] = CITIES[n % CITIES.length];
		const added = new Date(
			GENERATED_BASE_MS + n * GENERATED_STEP_MS + Math.floor(store.ids.next() * 30 * 60_000),
		).toISOString();
		addContact(store, data, {
			firstName,
			lastName,
			email: `${firstName}.${lastName}.${n}@example.com`.toLowerCase(),
			phone: `+1555${String(n % 10_000_000).padStart(7, '0')}`,
			companyName: n % 4 === 0 ? COMPANIES[n % COMPANIES.length] : undefined,
			city,
			state,
			country: 'US',
			tags: [...tags],
			assignedTo: n % 3 === 0 ? undefined : data.users[n % data.users.length]?.id,
			source: 'sandbox seed',
			dateAdded: added,
			customFields,
		});
	}
}

function applySettings(data: LocationData, options: SeedOptions): void {
	data.settings.allowDuplicateContact = options.allowDuplicateContact ?? false;
	data.settings.allowDuplicateOpportunity = options.allowDuplicateOpportunity ?? false;
}

function addUsers(
	store: SandboxStore,
	data: LocationData,
	people: Array<[string, string, 'admin' | 'user']>,
): UserRecord[] {
	return people.map(([firstName, lastName, role], i) => {
		const user: UserRecord = {
			id: store.ids.id(),
			name: `${firstName} ${lastName}`,
			firstName,
			lastName,
			email: `${firstName}.${lastName}@${data.location.domain}`.toLowerCase(),
			phone: `${data.location.phone.slice(0, -2)}${String(10 + i)}`,
			extension: '',
			roles: { type: 'account', role, locationIds: [data.id], restrictSubAccount: false },
			deleted: false,
			permissions: defaultPermissions(),
			platformLanguage: 'en_US',
		};
		data.users.push(user);
		return user;
	});
}

function addField(
	store: SandboxStore,
	data: LocationData,
	name: string,
	model: 'contact' | 'opportunity',
	dataType: string,
	picklistOptions?: string[],
): CustomFieldRecord {
	const field: CustomFieldRecord = {
		id: store.ids.id(),
		name,
		fieldKey: `${model}.${name
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_|_$/g, '')}`,
		dataType,
		placeholder: '',
		position: data.customFieldsOf(model).length * 50,
		model,
		locationId: data.id,
	};
	if (picklistOptions) field.picklistOptions = picklistOptions;
	data.customFields.set(field.id, field);
	return field;
}

function addPipeline(
	store: SandboxStore,
	data: LocationData,
	name: string,
	stages: string[],
): PipelineRecord {
	const pipeline: PipelineRecord = {
		id: store.ids.id(),
		name,
		locationId: data.id,
		showInFunnel: true,
		showInPieChart: true,
		stages: stages.map((stage, position) => ({
			id: store.ids.uuid(),
			name: stage,
			position,
			showInFunnel: true,
			showInPieChart: true,
		})),
	};
	data.pipelines.push(pipeline);
	return pipeline;
}

type ContactSeed = Partial<Omit<ContactRecord, 'id' | 'locationId' | 'dateUpdated' | 'type'>> & {
	dateAdded: string;
	tags: string[];
	customFields: ContactRecord['customFields'];
};

function addContact(store: SandboxStore, data: LocationData, seed: ContactSeed): ContactRecord {
	const contact: ContactRecord = {
		id: store.ids.id(),
		locationId: data.id,
		dnd: false,
		type: 'lead',
		...stripUndefined(seed),
		dateUpdated: seed.dateAdded,
	};
	data.putContact(contact);
	return contact;
}

interface OpportunitySeed {
	name: string;
	contactId: string;
	pipeline: PipelineRecord;
	stage: number;
	status: OpportunityRecord['status'];
	monetaryValue: number;
	assignedTo?: string;
	source?: string;
	createdAt: string;
	customFields: OpportunityRecord['customFields'];
}

function addOpportunity(
	store: SandboxStore,
	data: LocationData,
	seed: OpportunitySeed,
): OpportunityRecord {
	const opportunity: OpportunityRecord = {
		id: store.ids.id(),
		locationId: data.id,
		name: seed.name,
		monetaryValue: seed.monetaryValue,
		pipelineId: seed.pipeline.id,
		pipelineStageId: seed.pipeline.stages[seed.stage].id,
		status: seed.status,
		contactId: seed.contactId,
		followers: [],
		customFields: seed.customFields,
		createdAt: seed.createdAt,
		updatedAt: seed.createdAt,
		lastStatusChangeAt: seed.createdAt,
		lastStageChangeAt: seed.createdAt,
	};
	if (seed.assignedTo) opportunity.assignedTo = seed.assignedTo;
	if (seed.source) opportunity.source = seed.source;
	data.opportunities.set(opportunity.id, opportunity);
	return opportunity;
}

function stripUndefined<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
