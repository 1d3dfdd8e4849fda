import { filtersField, returnAllAndLimit, searchFilterOption, sortField } from '../shared/listFields';
import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';

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
		list: { key: 'counterparts' },
	},
};
