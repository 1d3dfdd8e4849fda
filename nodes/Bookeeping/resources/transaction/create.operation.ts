import { API_GUESSES } from '../../apiGuesses';
import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
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
import { ID_FORMAT } from '../shared/recordId';
import { simplifyTransaction } from './transactionSummary';

const displayOptions = showFor('transaction', 'create');
const inputs = transactionInputs('', false);
const options = rateLimitOptions(displayOptions);

const MATCHED_FIELD_LABELS: Record<string, string> = {
	transactionDate: 'Transaction Date',
	totalAmount: 'Total Amount',
	currency: 'Currency',
	account: 'Account ID',
};
const matched = API_GUESSES.duplicateTransaction.matchedFields.map((field) => MATCHED_FIELD_LABELS[field] ?? field);
const matchedText = `${matched.slice(0, -1).join(', ')} and ${matched[matched.length - 1]}`;

export const transactionCreate: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a transaction',
		description: 'Record a double-entry transaction, e.g. a bank payment and the category it belongs to',
		routing: { request: { method: 'POST', url: '/v1/transactions' } },
	},
	fields: [
		{ ...transactionDateField(true), displayOptions },
		{ ...currencyField(true), displayOptions },
		{ ...totalAmountField(true), displayOptions },
		{ ...entriesField(true), displayOptions },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions,
			options: optionalTransactionFields,
		},
		{
			...options,
			options: [
				{
					displayName: 'Create Even If Duplicate',
					name: 'createEvenIfDuplicate',
					type: 'boolean',
					default: false,
					description: `Whether to create the transaction even when Bookeeping.ai already has one with the same ${matchedText} (sent as force=true)`,
					routing: { send: { type: 'query', property: 'force', value: '={{ $value ? "true" : undefined }}' } },
				},
				...(options.options ?? []),
			],
		},
	],
	spec: {
		kind: 'write',
		action: () => 'create the transaction',
		ids: referenceIds('additionalFields'),
		inputs,
		check: balanceCheck(''),
		conflict: {
			message: () =>
				`Bookeeping.ai refused the transaction as a duplicate (409): it already has a transaction with the same ${matchedText}. If this is a second, real transaction, turn on Options > Create Even If Duplicate: it sends it anyway.`,
			description: `A transaction with the same ${matchedText} already exists. Check it is not recorded twice; Options > Create Even If Duplicate creates it anyway (force=true).`,
			forModel: {
				what: () => `a transaction with the same ${matchedText} already exists.`,
				next: 'check with Get Many transactions that it is not already recorded; only a second, real transaction should be created anyway (Create Even If Duplicate, a setting of this tool).',
			},
		},
		output: transactionOf,
		simplify: simplifyTransaction,
	},
	toolDescription:
		`Record a transaction in Bookeeping.ai (double entry): Entries is a JSON array whose DEBIT and CREDIT amounts each add up to Total Amount. A transaction with the same date, amount, currency and account is refused as a duplicate unless Create Even If Duplicate is on. Ids are _ids (${ID_FORMAT}). Returns the transaction: _id, date, amount, currency, direction, counterparty, account and category.`,
};
