import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

/*
 * Add to Business / Remove from Business: contacts.json `add-remove-contact-from-business`
 * (`POST /contacts/bulk/business`, body `ContactsBusinessUpdate`: `locationId`, `ids`, `businessId` — nullable).
 */

/**
 * The routing of both operations: the body is `ids: [<the Contact>]` and `businessId` = the Business (add) or
 * `null` (remove: the spec's `businessId` is nullable, and null takes the contact out of its business). Set in a
 * hook after the one that drops empty values, so the `null` is sent. The output: the contact id, the business id
 * (null after a removal) and HighLevel's `success`.
 */
export function membershipRouting(mode: 'add' | 'remove') {
	return routeTo({
		endpoint: ENDPOINTS.setContactsBusiness,
		preSend: [
			async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
				const contactId = String(this.getNodeParameter('contactId', '', { extractValue: true }) ?? '').trim();
				const businessId =
					mode === 'add'
						? String(this.getNodeParameter('businessId', '', { extractValue: true }) ?? '').trim()
						: null;
				return { ...request, body: { ...((request.body as IDataObject) ?? {}), ids: [contactId], businessId } };
			},
		],
		output(body) {
			return [
				{
					contactId: this.getNodeParameter('contactId', '', { extractValue: true }),
					businessId: mode === 'add' ? this.getNodeParameter('businessId', '', { extractValue: true }) : null,
					success: body.success !== false,
				},
			];
		},
		fieldNames: { ids: 'Contact', 'ids.0': 'Contact', businessId: 'Business' },
	});
}
