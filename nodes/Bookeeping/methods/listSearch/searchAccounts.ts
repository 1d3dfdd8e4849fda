import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from '../../pipeline/listSearchRequest';

/**
 * Bank and card accounts, shown by nickname, name and number. Filtered here on all three: the
 * API's `query` matches only the account name, so typing the nickname a user sees found nothing.
 */
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
			sortKey: 'name',
			sortOrder: '1',
			toItem: (account) => ({
				name: [...new Set([account.nickName, account.accountName, account.accountNumber].filter(Boolean))].join(' · '),
				value: String(account._id),
			}),
		},
		filter,
		paginationToken,
	);
}
