import { recordId } from '../shared/recordId';

export const accountId = recordId({
	parameter: 'accountId',
	label: 'Account ID',
	noun: 'Account',
	collectionPath: '/v1/accounts',
	searchMethod: 'searchAccounts',
	findWith: 'the Get Many accounts operation',
});
