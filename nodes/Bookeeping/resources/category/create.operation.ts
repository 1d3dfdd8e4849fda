import { requiredText } from '../../pipeline/inputParsers';
import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { PARENT_CATEGORY_OPTIONS } from './parentCategories';
import { simplifyCategory } from './categorySummary';

const displayOptions = showFor('category', 'create');

export const categoryCreate: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a category',
		description: 'Add a category to the chart of accounts',
		routing: { request: { method: 'POST', url: '/v1/categories' } },
	},
	fields: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Software Subscriptions',
			displayOptions,
		},
		{
			displayName: 'Parent Category',
			name: 'parentCategory',
			type: 'options',
			required: true,
			options: PARENT_CATEGORY_OPTIONS,
			default: 'EXPENSE',
			description: 'Where the category sits in the chart of accounts',
			displayOptions,
			routing: { send: { type: 'body', property: 'parentCategory' } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions,
			options: [
				{
					displayName: 'Emoji',
					name: 'emoji',
					type: 'string',
					default: '',
					placeholder: 'e.g. 💻',
					routing: { send: { type: 'body', property: 'emoji' } },
				},
				{
					displayName: 'Group',
					name: 'group',
					type: 'string',
					default: '',
					description: 'A group name to keep related categories together',
					routing: { send: { type: 'body', property: 'group' } },
				},
			],
		},
		rateLimitOptions(displayOptions),
	],
	spec: {
		kind: 'write',
		action: () => 'create the category',
		inputs: [{ parameter: 'name', label: 'Name', parse: requiredText, sendAt: 'name' }],
		conflict: {
			message: () =>
				'Bookeeping.ai refused to create the category: it already exists (409), a category with this Name under the same Parent Category is already there. Use the existing one (Category > Get Many, Search by name), or another Name.',
			description: 'A category with the same name and parent category already exists. Look it up with Category > Get Many instead of creating it again.',
			forModel: {
				what: () => 'a category with this Name under the same Parent Category already exists.',
				next: 'use the existing one: find its _id with Get Many categories, searching by name.',
			},
		},
		simplify: simplifyCategory,
	},
	toolDescription:
		`Create a category (an account of the chart of accounts) in Bookeeping.ai under a parent category code such as INCOME or EXPENSE. A name must be unique under its parent: search first with Get Many categories. Returns the category: _id, name and parent category.`,
};
