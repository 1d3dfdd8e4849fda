import { listSearchMethod } from '../../pipeline/listSearchRequest';

/** The chart of accounts, searched by name with the API's `query`. */
export const searchCategories = listSearchMethod({
	path: '/v1/categories',
	key: 'categories',
	searchParameter: 'query',
	sortKey: 'name',
	sortOrder: '1',
	toItem: (category) => ({
		name: [category.emoji, category.name, category.parentCategory ? `(${category.parentCategory})` : '']
			.filter(Boolean)
			.join(' '),
		value: String(category._id),
	}),
});
