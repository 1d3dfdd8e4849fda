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
import { ID_FORMAT } from '../shared/recordId';
import { simplifyTransaction } from './transactionSummary';

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
		simplify: simplifyTransaction,
	},
	toolDescription:
		`Change a transaction in Bookeeping.ai by its _id (${ID_FORMAT}; find it with Get Many transactions). Changed entries must still balance: DEBIT and CREDIT amounts each add up to Total Amount. Returns the transaction: _id, date, amount, currency, direction, counterparty, account and category.`,
};
