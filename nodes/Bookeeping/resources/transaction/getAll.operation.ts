import type { IDataObject } from 'n8n-workflow';

import { filtersField, returnAllAndLimit, simplifyField, sortField } from '../shared/listFields';
import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { transactionFilterInputs, transactionFilterOptions } from './listFilters';

const displayOptions = showFor('transaction', 'getAll');

function simplifyTransaction(transaction: IDataObject): IDataObject {
	const entries = (transaction.entries as IDataObject[] | undefined) ?? [];
	const main = entries.find((entry) => entry.isMain) ?? entries[0];
	const other = entries.find((entry) => entry !== main);
	const categoryName = (entry: IDataObject | undefined) => ((entry?.category as IDataObject | undefined)?.name as string | undefined) ?? null;
	return {
		_id: transaction._id,
		transactionDate: transaction.transactionDate,
		totalAmount: transaction.totalAmount,
		currency: transaction.currency,
		direction: main ? (main.type === 'DEBIT' ? 'in' : 'out') : null,
		counterparty: (transaction.counterParty as IDataObject | undefined)?.accountName ?? null,
		account: (transaction.account as IDataObject | undefined)?.accountName ?? null,
		category: categoryName(other),
		refNo: transaction.refNo ?? null,
		isReconciled: transaction.isReconciled,
	};
}

export const transactionGetAll: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many transactions',
		description: 'List transactions, filtered by counterparty, account, category, amount or date',
		routing: { request: { method: 'GET', url: '/v1/transactions' } },
	},
	fields: [
		...returnAllAndLimit(displayOptions),
		filtersField(displayOptions, transactionFilterOptions),
		sortField(displayOptions, [
			{ name: 'Created At', value: 'createdAt' },
			{ name: 'ID', value: '_id' },
			{ name: 'Transaction Date', value: 'transactionDate' },
			{ name: 'Updated At', value: 'updatedAt' },
		]),
		simplifyField(displayOptions, 'ID, date, amount, currency, direction, counterparty, account, category, reference and whether reconciled'),
		rateLimitOptions(displayOptions),
	],
	spec: {
		kind: 'read',
		action: () => 'get transactions',
		inputs: transactionFilterInputs,
		list: { key: 'transactions', simplify: simplifyTransaction },
	},
};
