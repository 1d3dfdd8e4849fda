import { filtersField, returnAllAndLimit, searchFilterOption } from '../shared/listFields';
import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { CODE_LIST_VALUE, PARENT_CATEGORY_OPTIONS } from './parentCategories';
import { TOOL_MAX_RECORDS } from '../../pipeline/toolMode';
import { simplifyCategory } from './categorySummary';

const displayOptions = showFor('category', 'getAll');

export const categoryGetAll: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many categories',
		description: 'List the chart of accounts, searched by name or parent category',
		routing: { request: { method: 'GET', url: '/v1/categories' } },
	},
	fields: [
		...returnAllAndLimit(displayOptions),
		filtersField(displayOptions, [
			{
				displayName: 'Parent Categories',
				name: 'parentCategories',
				type: 'multiOptions',
				options: PARENT_CATEGORY_OPTIONS,
				default: [],
				description: 'Only categories under one of these parent categories',
				routing: { send: { type: 'query', property: 'accounts', value: CODE_LIST_VALUE } },
			},
			searchFilterOption('Only categories whose name contains this text'),
			]),
		rateLimitOptions(displayOptions),
	],
	spec: {
		kind: 'read',
		action: () => 'get categories',
		list: { key: 'categories', noun: 'categories', narrowWith: 'search by name or parent category' },
		simplify: simplifyCategory,
	},
	toolDescription:
		`Find categories (the chart of accounts) in Bookeeping.ai by name (Search) or parent category code. Returns at most ${TOOL_MAX_RECORDS} a call, each with its _id (the Category ID other operations need), name and parent category, and a note when more match.`,
};
