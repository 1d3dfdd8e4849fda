import type { INodeProperties } from 'n8n-workflow';

import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { emptyUpdateProblem, updateFieldsCollection } from '../shared/updateFields';
import {
	balanceCheck,
	currencyField,
	entriesField,
	optionalTransactionFields,
	referenceIds,
	totalAmountField,
	transactionInputs,
	transactionDateField,
	transactionOf,
} from './transactionFields';
import { transactionId } from './transactionId';

const displayOptions = showFor('transaction', 'update');
const inputs = transactionInputs('updateFields', true);
const checkBalance = balanceCheck('updateFields');

const updateFields: INodeProperties[] = [
	transactionDateField(false),
	currencyField(false),
	totalAmountField(false),
	entriesField(false),
	...optionalTransactionFields,
].sort((a, b) => a.displayName.localeCompare(b.displayName));

export const transactionUpdate: OperationDefinition = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a transaction',
		description: 'Change the fields of a transaction, e.g. mark it reconciled or move it to another category',
		routing: { request: { method: 'PATCH', url: transactionId.path } },
	},
	fields: [
		transactionId.field(displayOptions, 'The transaction to change'),
		updateFieldsCollection(displayOptions, updateFields),
		rateLimitOptions(displayOptions),
	],
	spec: {
		kind: 'write',
		action: (ids) => `update transaction ${ids.transactionId}`,
		subject: transactionId.subject,
		ids: [transactionId.input, ...referenceIds('updateFields')],
		inputs,
		check: (context) => {
			return emptyUpdateProblem(context) ?? checkBalance(context);
		},
		output: transactionOf,
	},
};
