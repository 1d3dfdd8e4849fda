import type { IDataObject } from 'n8n-workflow';

import { listSearchMethod } from '../../pipeline/listSearchRequest';

/** Recent invoices, shown by number, customer and status. The API has no invoice search: filtered here. */
export const searchInvoices = listSearchMethod({
	path: '/v1/invoices',
	key: 'invoices',
	sortKey: 'createdAt',
	toItem: (invoice) => {
		const customer = (invoice.counterParty as IDataObject | undefined)?.accountName;
		return {
			name: [invoice.invoiceId, customer, invoice.status].filter(Boolean).join(' · '),
			value: String(invoice._id),
		};
	},
});
