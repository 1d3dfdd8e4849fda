import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { API_GUESSES } from '../../apiGuesses';
import { finiteNumber, isoDateTime } from '../../pipeline/inputParsers';
import type { IdInput, InputParser, ParsedInput } from '../../pipeline/operationSpec';
import { accountId } from '../account/accountId';
import { counterpartyId } from '../counterparty/counterpartyId';
import { currencyCode } from '../invoice/invoiceFields';
import { ENTRIES_DESCRIPTION, transactionEntries, unbalancedEntries, type Entry } from './entries';

const ACRONYMS = ['NEFT', 'RTGS', 'IMPS', 'UPI'];

const PAYMENT_METHOD_OPTIONS = API_GUESSES.paymentMethods
	.map((method) => ({
		name: method
			.split('_')
			.map((word) => (ACRONYMS.includes(word) ? word : word.charAt(0) + word.slice(1).toLowerCase()))
			.join(' '),
		value: method,
	}))
	.sort((a, b) => a.name.localeCompare(b.name));

const positiveAmount: InputParser = (raw, context) => {
	const parsed = finiteNumber(raw, context);
	if ('problem' in parsed) return parsed;
	return (parsed.value as number) > 0 ? parsed : { problem: 'not an amount over 0' };
};

export const transactionDateField = (required: boolean): INodeProperties => ({
	displayName: 'Transaction Date',
	name: 'transactionDate',
	type: 'dateTime',
	default: '',
	required,
	description: 'When the money moved, sent as ISO 8601 (a date without a time zone is read in the workflow time zone)',
});

export const currencyField = (required: boolean): INodeProperties => ({
	displayName: 'Currency',
	name: 'currency',
	type: 'string',
	default: '',
	required,
	placeholder: 'e.g. USD',
	description: 'The three-letter ISO 4217 code of the transaction currency',
});

export const totalAmountField = (required: boolean): INodeProperties => ({
	displayName: 'Total Amount',
	name: 'totalAmount',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	required,
	description: 'The amount of the transaction: the sum of the debits, which equals the sum of the credits',
});

export const entriesField = (required: boolean): INodeProperties => ({
	displayName: 'Entries',
	name: 'entries',
	type: 'json',
	default: '[\n  { "amount": 0, "type": "DEBIT", "category": "", "isMain": true, "note": "" },\n  { "amount": 0, "type": "CREDIT", "category": "", "isMain": false, "note": "" }\n]',
	required,
	description: ENTRIES_DESCRIPTION,
});

/** The optional fields, shared by Create (Additional Fields) and Update (Update Fields). */
export const optionalTransactionFields: INodeProperties[] = [
	{
		...accountId.field({}, 'The bank or card account the money moved in'),
		required: false,
		displayOptions: undefined,
	},
	{
		...counterpartyId.field({}, 'The customer or vendor on the other side'),
		required: false,
		displayOptions: undefined,
	},
	{
		displayName: 'Is Reconciled',
		name: 'isReconciled',
		type: 'boolean',
		default: false,
		description: 'Whether the transaction is already matched with the bank statement',
		routing: { send: { type: 'body', property: 'isReconciled' } },
	},
	{
		displayName: 'Payment Method',
		name: 'paymentMethod',
		type: 'options',
		options: PAYMENT_METHOD_OPTIONS,
		default: 'BANK_TRANSFER',
		routing: { send: { type: 'body', property: 'paymentMethod' } },
	},
	{
		displayName: 'Reference Number',
		name: 'refNo',
		type: 'string',
		default: '',
		placeholder: 'e.g. PAY-2024-0042',
		description: 'Your reference for the transaction, e.g. the bank reference',
		routing: { send: { type: 'body', property: 'refNo' } },
	},
];

/** The checks of the fields a transaction body takes, under `collection` (or top level when empty). */
export function transactionInputs(collection: string, optional: boolean): ParsedInput[] {
	const at = (name: string) => (collection ? `${collection}.${name}` : name);
	return [
		{ parameter: at('transactionDate'), label: 'Transaction Date', parse: isoDateTime, sendAt: 'transactionDate', optional },
		{ parameter: at('currency'), label: 'Currency', parse: currencyCode, sendAt: 'currency', optional },
		{ parameter: at('totalAmount'), label: 'Total Amount', parse: positiveAmount, sendAt: 'totalAmount', optional },
		{ parameter: at('entries'), label: 'Entries', parse: transactionEntries, sendAt: 'entries', optional },
	];
}

/** The account and counterparty ids under `collection`, sent as the API's `account` and `counterParty`. */
export function referenceIds(collection: string): IdInput[] {
	return [
		{ ...accountId.input, parameter: `${collection}.accountId`, optional: true, sendAt: 'account' },
		{ ...counterpartyId.input, parameter: `${collection}.counterpartyId`, optional: true, sendAt: 'counterParty' },
	];
}

function parsedEntries(context: IExecuteSingleFunctions, parameter: string): Entry[] | undefined {
	const raw = context.getNodeParameter(parameter, null);
	if (raw === null || raw === '') return undefined;
	const parsed = transactionEntries(raw, { timeZone: context.getTimezone() });
	return 'problem' in parsed ? undefined : (parsed.value as Entry[]);
}

/** Refuses entries whose debits, credits and total disagree (runs after the checks above). */
export function balanceCheck(collection: string) {
	const at = (name: string) => (collection ? `${collection}.${name}` : name);
	return (context: IExecuteSingleFunctions): string | undefined => {
		const entries = parsedEntries(context, at('entries'));
		const rawTotal = context.getNodeParameter(at('totalAmount'), null) as number | string | null;
		const totalAmount = rawTotal === null || rawTotal === '' ? undefined : Number(rawTotal);
		if (!entries) {
			return totalAmount === undefined
				? undefined
				: 'Total Amount is changed without Entries. Set Entries too (Update Fields > Entries), so that debits and credits equal the new Total Amount.';
		}
		return unbalancedEntries(entries, totalAmount);
	};
}

/** A create answers the transaction under `data.transaction`; an update is taken to answer the same way. */
export function transactionOf(data: unknown): IDataObject {
	const answer = (data ?? {}) as IDataObject;
	return (answer.transaction as IDataObject | undefined) ?? answer;
}
