import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.default;

/** Endpoints of contacts.json (FACTS.md 2.1): contacts, their tags, notes and tasks, workflow/campaign enrolment, followers. Keys are unique across all app modules (see index.ts). */
export const CONTACTS_ENDPOINTS = {
	createContact: {
		spec: 'contacts',
		operationId: 'create-contact',
		method: 'POST',
		path: '/contacts/',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		root: 'contact',
		scope: 'contacts.write',
	},
	upsertContact: {
		spec: 'contacts',
		operationId: 'upsert-contact',
		method: 'POST',
		path: '/contacts/upsert',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		root: 'contact',
		scope: 'contacts.write',
	},
	getContact: {
		spec: 'contacts',
		operationId: 'get-contact',
		method: 'GET',
		path: '/contacts/{contactId}',
		version: VERSION,
		root: 'contact',
		scope: 'contacts.readonly',
	},
	updateContact: {
		spec: 'contacts',
		operationId: 'update-contact',
		method: 'PUT',
		path: '/contacts/{contactId}',
		version: VERSION,
		root: 'contact',
		scope: 'contacts.write',
	},
	deleteContact: {
		spec: 'contacts',
		operationId: 'delete-contact',
		method: 'DELETE',
		path: '/contacts/{contactId}',
		version: VERSION,
		scope: 'contacts.write',
	},
	searchContacts: {
		spec: 'contacts',
		operationId: 'search-contacts-advanced',
		method: 'POST',
		path: '/contacts/search',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		root: 'contacts',
		scope: 'contacts.readonly',
		pagination: { style: 'searchAfter', sizeParameter: 'pageLimit', maxPageSize: 500 },
	},
	addContactTags: {
		spec: 'contacts',
		operationId: 'add-tags',
		method: 'POST',
		path: '/contacts/{contactId}/tags',
		version: VERSION,
		scope: 'contacts.write',
	},
	removeContactTags: {
		spec: 'contacts',
		operationId: 'remove-tags',
		method: 'DELETE',
		path: '/contacts/{contactId}/tags',
		version: VERSION,
		scope: 'contacts.write',
	},
	// Read by the GoHighLevel Polling Trigger (nodes/GoHighLevelPollingTrigger/shared/sources.ts).
	// contacts.json (FACTS.md 2.1): a contact's notes, unpaginated.
	getContactNotes: {
		spec: 'contacts',
		operationId: 'get-all-notes',
		method: 'GET',
		path: '/contacts/{contactId}/notes',
		version: VERSION,
		root: 'notes',
		scope: 'contacts.readonly',
	},
} satisfies Record<string, Endpoint>;
