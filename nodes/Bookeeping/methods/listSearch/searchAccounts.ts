import { listSearchMethod } from '../../pipeline/listSearchRequest';

/**
 * Bank and card accounts, shown by nickname, name and number. Filtered here on all three: the
 * API's `query` matches only the account name, so typing the nickname a user sees found nothing.
 */
export const searchAccounts = listSearchMethod({
	path: '/v1/accounts',
	key: 'accounts',
	sortKey: 'name',
	sortOrder: '1',
	toItem: (account) => ({
		name: [...new Set([account.nickName, account.accountName, account.accountNumber].filter(Boolean))].join(' · '),
		value: String(account._id),
	}),
});
