import { filtersField, returnAllAndLimit, searchFilterOption, sortField } from '../shared/listFields';
import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { TOOL_MAX_RECORDS } from '../../pipeline/toolMode';
import { simplifyCounterparty } from './counterpartySummary';

const displayOptions = showFor('counterparty', 'getAll');

export const counterpartyGetAll: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many counterparties',
		description: 'List customers and vendors, optionally searched by name',
		routing: { request: { method: 'GET', url: '/v1/counterparties' } },
	},
	fields: [
		...returnAllAndLimit(displayOptions),
		filtersField(displayOptions, [searchFilterOption('Only counterparties whose account name contains this text')]),
		sortField(displayOptions, [
			{ name: 'Created At', value: 'createdAt' },
			{ name: 'ID', value: '_id' },
			{ name: 'Name', value: 'name' },
			{ name: 'Updated At', value: 'updatedAt' },
		]),
		rateLimitOptions(displayOptions),
	],
	spec: {
		kind: 'read',
		action: () => 'get counterparties',
		list: { key: 'counterparts', noun: 'counterparties', narrowWith: 'search by name' },
		simplify: simplifyCounterparty,
	},
	toolDescription:
		`Find customers and vendors in Bookeeping.ai by name (Search). Returns at most ${TOOL_MAX_RECORDS} a call, each with its _id (the Counterparty ID other operations need), name, number, type and email, and a note when more match.`,
};
