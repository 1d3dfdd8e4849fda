import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { categoryId } from './categoryId';

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
	},
};
