import { recordId } from '../shared/recordId';

export const categoryId = recordId({
	parameter: 'categoryId',
	label: 'Category ID',
	noun: 'Category',
	collectionPath: '/v1/categories',
	searchMethod: 'searchCategories',
	findWith: 'the Get Many categories operation, searching by name',
});
