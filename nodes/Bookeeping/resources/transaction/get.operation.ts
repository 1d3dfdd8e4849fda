import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { transactionId } from './transactionId';
import { ID_FORMAT } from '../shared/recordId';
import { simplifyTransaction } from './transactionSummary';

const displayOptions = showFor('transaction', 'get');

export const transactionGet: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a transaction',
		description: 'Get a transaction with its entries by ID',
		routing: { request: { method: 'GET', url: transactionId.path } },
	},
	fields: [transactionId.field(displayOptions, 'The transaction to get'), rateLimitOptions(displayOptions)],
	spec: {
		kind: 'read',
		action: (ids) => `get transaction ${ids.transactionId}`,
		subject: transactionId.subject,
		ids: [transactionId.input],
		simplify: simplifyTransaction,
	},
	toolDescription:
		`Get one transaction of Bookeeping.ai by its _id (${ID_FORMAT}; find it with Get Many transactions). Returns _id, date, amount, currency, direction, counterparty, account, category, reference and whether it is reconciled.`,
};
