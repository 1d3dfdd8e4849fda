import type { IDataObject } from 'n8n-workflow';

import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { accountId } from './accountId';
import { ID_FORMAT } from '../shared/recordId';

const displayOptions = showFor('account', 'getBalance');

export const accountGetBalance: OperationDefinition = {
	option: {
		name: 'Get Balance',
		value: 'getBalance',
		action: "Get an account's balance",
		description: "Get an account's balance at the bank and in the books, month by month",
		routing: { request: { method: 'GET', url: `${accountId.path}/balance` } },
	},
	fields: [accountId.field(displayOptions, 'The bank or card account whose balance to get'), rateLimitOptions(displayOptions)],
	spec: {
		kind: 'read',
		action: (ids) => `get the balance of account ${ids.accountId}`,
		subject: accountId.subject,
		ids: [accountId.input],
		// institutionBalance is null when the bank does not report one.
		output: (data) => {
			const balance = (data ?? {}) as IDataObject;
			return {
				account: balance.account ?? null,
				institutionBalance: balance.institutionBalance ?? null,
				accountingBalance: balance.accountingBalance ?? null,
			};
		},
	},
	toolDescription:
		`Get the balance of a bank or card account in Bookeeping.ai by its _id (${ID_FORMAT}; find it with Get Many accounts): the bank's balance when reported, and the ledger balance month by month.`,
};
