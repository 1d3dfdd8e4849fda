import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { categoryId } from './categoryId';
import { ID_FORMAT } from '../shared/recordId';
import { simplifyCategory } from './categorySummary';

const displayOptions = showFor('category', 'get');

export const categoryGet: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a category',
		description: 'Get a category of the chart of accounts by ID',
		routing: { request: { method: 'GET', url: categoryId.path } },
	},
	fields: [categoryId.field(displayOptions, 'The category to get'), rateLimitOptions(displayOptions)],
	spec: {
		kind: 'read',
		action: (ids) => `get category ${ids.categoryId}`,
		subject: categoryId.subject,
		ids: [categoryId.input],
		simplify: simplifyCategory,
	},
	toolDescription:
		`Get one category of Bookeeping.ai by its _id (${ID_FORMAT}). To find one by name, use Get Many categories instead. Returns _id, name and parent category.`,
};
