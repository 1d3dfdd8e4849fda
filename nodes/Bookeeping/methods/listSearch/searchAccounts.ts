import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from '../../pipeline/listSearchRequest';

/** Bank and card accounts, searched by name with the API's `query`. */
export async function searchAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		{
			path: '/v1/accounts',
			key: 'accounts',
			searchParameter: 'query',
			sortKey: 'name',
			sortOrder: '1',
			toItem: (account) => ({
				name: [account.nickName || account.accountName, account.accountNumber].filter(Boolean).join(' · '),
				value: String(account._id),
			}),
		},
		filter,
		paginationToken,
	);
}
