import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from '../../pipeline/listSearchRequest';

/** Recent invoices, shown by number, customer and status. The API has no invoice search: filtered here. */
export async function searchInvoices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		{
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
		},
		filter,
		paginationToken,
	);
}
