import { recordId } from '../shared/recordId';

export const transactionId = recordId({
	parameter: 'transactionId',
	label: 'Transaction ID',
	noun: 'Transaction',
	collectionPath: '/v1/transactions',
	searchMethod: 'searchTransactions',
	findWith: 'the Get Many transactions operation (filter by date, amount or counterparty)',
});
