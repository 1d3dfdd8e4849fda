import { filtersField, returnAllAndLimit, simplifyField, sortField } from '../shared/listFields';
import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { transactionFilterInputs, transactionFilterOptions } from './listFilters';
import { simplifyTransaction } from './transactionSummary';
import { TOOL_MAX_RECORDS } from '../../pipeline/toolMode';

const displayOptions = showFor('transaction', 'getAll');

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
		list: { key: 'transactions', noun: 'transactions', narrowWith: 'filter by dates, amount, counterparty, account or category', simplify: simplifyTransaction },
	},
	toolDescription:
		`List transactions in Bookeeping.ai, filtered by date range, amount, counterparty, account or category. Returns at most ${TOOL_MAX_RECORDS} a call, each with _id, date, amount, currency, direction, counterparty, account, category and reference, and a note when more match.`,
};
