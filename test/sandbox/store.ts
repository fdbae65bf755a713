/**
 * In-memory state of the sandbox, scoped by location (sub-account). Records are kept in the shape HighLevel
 * returns them (FACTS.md 2.1, 2.2, 2.6–2.8 and the spec response schemas), minus derived fields that are computed
 * on read (lower-case names, `contactName`, the embedded `contact` of an opportunity).
 *
 * Tests may read everything here directly. To change contacts, use {@link LocationData.putContact} /
 * {@link LocationData.removeContact} so the duplicate-detection indexes and the search cache stay right.
 */
import { createRng, randomId, randomUuid, type Rng } from './random';

/** A stored custom field value: string (TEXT, SINGLE_OPTIONS, DATE…), number (NUMERICAL, MONETORY), string[] (MULTIPLE_OPTIONS, CHECKBOX) or an object (FILE_UPLOAD). */
export type CustomFieldValue = string | number | string[] | Record<string, unknown>;

/** A contact (contacts.json `GetContectByIdSchema`). Dates are ISO 8601 strings. */
export interface ContactRecord {
	id: string;
	locationId: string;
	firstName?: string;
	lastName?: string;
	/** Lower-cased. */
	email?: string;
	/** E.164, e.g. `+18888888888`. */
	phone?: string;
	companyName?: string;
	address1?: string;
	city?: string;
	state?: string;
	postalCode?: string;
	country?: string;
	website?: string;
	timezone?: string;
	gender?: string;
	/** As given, e.g. `1990-09-25`. */
	dateOfBirth?: string;
	source?: string;
	/** User id. */
	assignedTo?: string;
	/** The business (businesses.json) the contact belongs to; set by contacts.json `add-remove-contact-from-business`. */
	businessId?: string;
	dnd: boolean;
	dndSettings?: Record<string, unknown>;
	inboundDndSettings?: Record<string, unknown>;
	/** Lower-cased, de-duplicated. */
	tags: string[];
	/** `lead` (HighLevel's default contact type). */
	type: string;
	dateAdded: string;
	dateUpdated: string;
	/** Values by custom field id. */
	customFields: Record<string, CustomFieldValue>;
}

/** Opportunity status values (opportunities.json `UpdateStatusDto`, minus the search-only `all`). */
export type OpportunityStatus = 'open' | 'won' | 'lost' | 'abandoned';

/** An opportunity (opportunities.json `SearchOpportunitiesResponseSchema`). Dates are ISO 8601 strings. */
export interface OpportunityRecord {
	id: string;
	locationId: string;
	name: string;
	monetaryValue: number;
	pipelineId: string;
	pipelineStageId: string;
	assignedTo?: string;
	status: OpportunityStatus;
	source?: string;
	lostReasonId?: string;
	contactId: string;
	followers: string[];
	/** Values by custom field id. */
	customFields: Record<string, CustomFieldValue>;
	createdAt: string;
	updatedAt: string;
	lastStatusChangeAt: string;
	lastStageChangeAt: string;
}

/** A pipeline stage; `id` is a UUID like the spec examples. */
export interface StageRecord {
	id: string;
	name: string;
	position: number;
	showInFunnel: boolean;
	showInPieChart: boolean;
}

/** A pipeline (opportunities.json `PipelinesResponseSchema`). Read-only through the API (FACTS.md 2.2). */
export interface PipelineRecord {
	id: string;
	name: string;
	locationId: string;
	showInFunnel: boolean;
	showInPieChart: boolean;
	stages: StageRecord[];
}

/** Custom field data types HighLevel uses (locations.json `CustomFieldSchema.dataType`). */
export const CUSTOM_FIELD_DATA_TYPES = [
	'TEXT',
	'LARGE_TEXT',
	'NUMERICAL',
	'PHONE',
	'MONETORY',
	'FLOAT',
	'CHECKBOX',
	'SINGLE_OPTIONS',
	'MULTIPLE_OPTIONS',
	'RADIO',
	'DATE',
	'TIME',
	'TEXTBOX_LIST',
	'FILE_UPLOAD',
	'SIGNATURE',
	'EMAIL',
] as const;

/** A custom field definition (locations.json `CustomFieldSchema`). */
export interface CustomFieldRecord {
	id: string;
	name: string;
	/** `contact.<key>` or `opportunity.<key>`. */
	fieldKey: string;
	dataType: string;
	placeholder: string;
	position: number;
	picklistOptions?: string[];
	model: 'contact' | 'opportunity';
	parentId?: string;
	locationId: string;
}

/**
 * A user of the agency (users.json `UserSchema`). The same record sits in the `users` of every location of
 * `roles.locationIds` (test/sandbox/users.ts keeps them in step). No password is kept.
 */
export interface UserRecord {
	id: string;
	name: string;
	firstName: string;
	lastName: string;
	email: string;
	phone: string;
	extension: string;
	roles: {
		/** `account` (sub-account user) or `agency`. */
		type: string;
		/** `admin` or `user`. */
		role: string;
		locationIds: string[];
		restrictSubAccount: boolean;
	};
	deleted: boolean;
	/** users.json `PermissionsDto`: feature switches by name. */
	permissions?: Record<string, boolean>;
	/** Scopes allowed for the user (`CreateUserDto.scopes`). */
	scopes?: string[];
	/** LC Phone inbound numbers by location id. */
	lcPhone?: Record<string, string>;
	/** e.g. `en_US`. */
	platformLanguage?: string;
	profilePhoto?: string;
}

/** A location tag (locations.json `LocationTagsSchema`). */
export interface TagRecord {
	id: string;
	name: string;
	locationId: string;
}

/** A location / sub-account (locations.json `GetLocationByIdSchema`, subset). */
export interface LocationRecord {
	id: string;
	companyId: string;
	name: string;
	domain: string;
	address: string;
	city: string;
	state: string;
	country: string;
	postalCode: string;
	website: string;
	timezone: string;
	firstName: string;
	lastName: string;
	email: string;
	phone: string;
}

/** Location settings that change API behaviour. */
export interface LocationSettings {
	/** "Allow duplicate contact" (default off: create with a known email/phone → 400). */
	allowDuplicateContact: boolean;
	/** "Allow duplicate opportunity" (default off: a second opportunity for a contact in a pipeline → 400). */
	allowDuplicateOpportunity: boolean;
}

/**
 * One change of a stored record, as reported by {@link TrackedMap}: `before` undefined = created, `after` undefined =
 * deleted, both = replaced. The webhook emitter (webhooks.ts) turns changes made by API requests into events.
 */
export interface RecordChange {
	/** The collection's name on {@link LocationData}, e.g. `contacts`, `opportunities`. */
	collection: string;
	locationId: string;
	id: string;
	before: unknown;
	after: unknown;
}

/** A Map of records that reports every `set` and successful `delete` to `notify`. Handlers replace records, never mutate them in place. */
export class TrackedMap<V> extends Map<string, V> {
	constructor(
		private readonly collection: string,
		private readonly owner: { readonly id: string; notify(change: RecordChange): void },
	) {
		super();
	}

	set(key: string, value: V): this {
		const before = super.get(key);
		super.set(key, value);
		this.owner.notify({
			collection: this.collection,
			locationId: this.owner.id,
			id: key,
			before,
			after: value,
		});
		return this;
	}

	delete(key: string): boolean {
		const before = super.get(key);
		const existed = super.delete(key);
		if (existed) {
			this.owner.notify({
				collection: this.collection,
				locationId: this.owner.id,
				id: key,
				before,
				after: undefined,
			});
		}
		return existed;
	}
}

/** Everything one location owns. */
export class LocationData {
	readonly settings: LocationSettings = {
		allowDuplicateContact: false,
		allowDuplicateOpportunity: false,
	};
	readonly contacts = new TrackedMap<ContactRecord>('contacts', this);
	readonly opportunities = new TrackedMap<OpportunityRecord>('opportunities', this);
	readonly pipelines: PipelineRecord[] = [];
	readonly customFields = new Map<string, CustomFieldRecord>();
	readonly users: UserRecord[] = [];
	/** Keyed by lower-case tag name. */
	readonly tags = new Map<string, TagRecord>();
	/** Increases on every contact change; keys the search cache. */
	contactsVersion = 0;
	private readonly emailIndex = new Map<string, Set<string>>();
	private readonly phoneIndex = new Map<string, Set<string>>();

	constructor(
		readonly location: LocationRecord,
		private readonly ids: IdSource,
		private readonly onChange?: (change: RecordChange) => void,
	) {}

	/** The location id. */
	get id(): string {
		return this.location.id;
	}

	/** Passes a record change of one of this location's tracked collections to the store's listener. */
	notify(change: RecordChange): void {
		this.onChange?.(change);
	}

	/** Inserts or replaces a contact, keeping the email/phone indexes and location tags in step. */
	putContact(contact: ContactRecord): void {
		const previous = this.contacts.get(contact.id);
		if (previous) this.unindex(previous);
		this.contacts.set(contact.id, contact);
		if (contact.email) addTo(this.emailIndex, contact.email, contact.id);
		if (contact.phone) addTo(this.phoneIndex, contact.phone, contact.id);
		for (const tag of contact.tags) this.ensureTag(tag);
		this.contactsVersion++;
	}

	/** Deletes a contact. @returns whether it existed */
	removeContact(id: string): boolean {
		const previous = this.contacts.get(id);
		if (!previous) return false;
		this.unindex(previous);
		this.contacts.delete(id);
		this.contactsVersion++;
		return true;
	}

	/** Oldest contact with this (lower-case) email, excluding `exceptId`. */
	findContactByEmail(email: string, exceptId?: string): ContactRecord | undefined {
		return this.firstOf(this.emailIndex.get(email), exceptId);
	}

	/** Oldest contact with this E.164 phone, excluding `exceptId`. */
	findContactByPhone(phone: string, exceptId?: string): ContactRecord | undefined {
		return this.firstOf(this.phoneIndex.get(phone), exceptId);
	}

	/** Adds a location tag if no tag of that (lower-case) name exists. Adding a tag to a contact does this too. */
	ensureTag(name: string): TagRecord {
		const key = name.toLowerCase();
		let tag = this.tags.get(key);
		if (!tag) {
			tag = { id: this.ids.id(), name: key, locationId: this.id };
			this.tags.set(key, tag);
		}
		return tag;
	}

	/** Custom fields of a model, ordered by position. */
	customFieldsOf(model: 'contact' | 'opportunity'): CustomFieldRecord[] {
		return [...this.customFields.values()]
			.filter((f) => f.model === model)
			.sort((a, b) => a.position - b.position);
	}

	private unindex(contact: ContactRecord): void {
		if (contact.email) this.emailIndex.get(contact.email)?.delete(contact.id);
		if (contact.phone) this.phoneIndex.get(contact.phone)?.delete(contact.id);
	}

	private firstOf(ids: Set<string> | undefined, exceptId?: string): ContactRecord | undefined {
		for (const id of ids ?? []) if (id !== exceptId) return this.contacts.get(id);
		return undefined;
	}
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
	let set = index.get(key);
	if (!set) {
		set = new Set();
		index.set(key, set);
	}
	set.add(id);
}

/** Deterministic id source for new records. */
export class IdSource {
	private rng: Rng;
	constructor(private readonly seed: string) {
		this.rng = createRng(seed);
	}
	/** 20-char alphanumeric id. */
	id(): string {
		return randomId(this.rng);
	}
	/** UUID. */
	uuid(): string {
		return randomUuid(this.rng);
	}
	/** A float in [0, 1). */
	next(): number {
		return this.rng();
	}
	/** Restart the sequence. */
	restart(): void {
		this.rng = createRng(this.seed);
	}
}

/** All locations. `reset` (see seed.ts) refills this same object, so references to it stay valid. */
export class SandboxStore {
	readonly locations = new Map<string, LocationData>();
	readonly ids = new IdSource('sandbox-store');
	/** Number of generated contacts so far (numbers their names/emails/phones). */
	generatedContacts = 0;
	/** Receives every {@link RecordChange} of every location (set by the webhook emitter while a request runs). */
	changeListener: ((change: RecordChange) => void) | undefined;

	constructor(public defaultLocationId: string) {}

	/**
	 * The data of a location.
	 * @param locationId default: the default location
	 * @throws Error for an unknown location id
	 */
	location(locationId: string = this.defaultLocationId): LocationData {
		const data = this.locations.get(locationId);
		if (!data) throw new Error(`Unknown location ${locationId}`);
		return data;
	}

	/** Creates an empty location. */
	addLocation(location: LocationRecord): LocationData {
		const data = new LocationData(location, this.ids, (change) => this.changeListener?.(change));
		this.locations.set(location.id, data);
		return data;
	}

	/** The location owning a contact id, if any. */
	contactOwner(contactId: string): LocationData | undefined {
		for (const data of this.locations.values()) if (data.contacts.has(contactId)) return data;
		return undefined;
	}

	/** The location owning an opportunity id, if any. */
	opportunityOwner(opportunityId: string): LocationData | undefined {
		for (const data of this.locations.values())
			if (data.opportunities.has(opportunityId)) return data;
		return undefined;
	}

	/** Drops every location and restarts id generation (used by reset before re-seeding). */
	clear(): void {
		this.locations.clear();
		this.ids.restart();
		this.generatedContacts = 0;
	}
}
