import { filtersField, returnAllAndLimit, searchFilterOption } from '../shared/listFields';
import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { TOOL_MAX_RECORDS } from '../../pipeline/toolMode';
import { simplifyAccount } from './accountSummary';

const displayOptions = showFor('account', 'getAll');

export const accountGetAll: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many accounts',
		description: 'List bank and card accounts, optionally searched by name',
		routing: { request: { method: 'GET', url: '/v1/accounts' } },
	},
	fields: [
		...returnAllAndLimit(displayOptions),
		filtersField(displayOptions, [searchFilterOption('Only accounts whose name contains this text')]),
		rateLimitOptions(displayOptions),
	],
	spec: {
		kind: 'read',
		action: () => 'get accounts',
		list: { key: 'accounts', noun: 'accounts', narrowWith: 'search by name' },
		simplify: simplifyAccount,
	},
	toolDescription:
		`List the bank and card accounts in Bookeeping.ai. Returns at most ${TOOL_MAX_RECORDS} a call, each with its _id (the Account ID other operations need), name, nickname, number and type, and a note when more match.`,
};
