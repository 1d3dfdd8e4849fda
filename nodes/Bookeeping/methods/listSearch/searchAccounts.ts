import { listSearchMethod } from '../../pipeline/listSearchRequest';

/** Bank and card accounts, searched by name with the API's `query`. */
export const searchAccounts = listSearchMethod({
	path: '/v1/accounts',
	key: 'accounts',
	searchParameter: 'query',
	sortKey: 'name',
	sortOrder: '1',
	toItem: (account) => ({
		name: [account.nickName || account.accountName, account.accountNumber].filter(Boolean).join(' · '),
		value: String(account._id),
	}),
});
