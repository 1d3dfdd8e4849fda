import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from '../../pipeline/listSearchRequest';

/** Customers and vendors, searched by account name with the API's `query`. */
export async function searchCounterparties(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		{
			path: '/v1/counterparties',
			key: 'counterparts',
			searchParameter: 'query',
			sortKey: 'name',
			sortOrder: '1',
			toItem: (counterparty) => ({
				name: [counterparty.accountName, counterparty.type].filter(Boolean).join(' · '),
				value: String(counterparty._id),
			}),
		},
		filter,
		paginationToken,
	);
}
