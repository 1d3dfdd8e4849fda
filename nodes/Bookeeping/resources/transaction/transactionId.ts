import { recordId } from '../shared/recordId';

export const transactionId = recordId({
	parameter: 'transactionId',
	label: 'Transaction ID',
	noun: 'Transaction',
	collectionPath: '/v1/transactions',
	searchMethod: 'searchTransactions',
});
