import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { transactionId } from './transactionId';

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
	},
};
