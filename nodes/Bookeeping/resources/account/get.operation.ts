import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { accountId } from './accountId';
import { ID_FORMAT } from '../shared/recordId';
import { simplifyAccount } from './accountSummary';

const displayOptions = showFor('account', 'get');

export const accountGet: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an account',
		description: 'Get a bank or card account by ID',
		routing: { request: { method: 'GET', url: accountId.path } },
	},
	fields: [accountId.field(displayOptions, 'The bank or card account to get'), rateLimitOptions(displayOptions)],
	spec: {
		kind: 'read',
		action: (ids) => `get account ${ids.accountId}`,
		subject: accountId.subject,
		ids: [accountId.input],
		simplify: simplifyAccount,
	},
	toolDescription:
		`Get one bank or card account of Bookeeping.ai by its _id (${ID_FORMAT}). Returns _id, name, nickname, number and type.`,
};
