import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { limitRecords, routeTo } from '../../shared/routing';

const show = { resource: ['appointment'], operation: ['getForContact'] };

/** Get Many for a Contact: `GET /contacts/{contactId}/appointments` (contacts.json `get-appointments-for-contact`) → `events[]`; not paged. */
export const option: INodePropertyOptions = {
	name: 'Get Many for a Contact',
	value: 'getForContact',
	action: 'Get the appointments of a contact',
	description: 'List every appointment of one contact',
	routing: routeTo({ endpoint: ENDPOINTS.getContactAppointments, pathParameters: { contactId: 'contactId' }, output: limitRecords() }),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), ...returnAllOrLimit(show)];
