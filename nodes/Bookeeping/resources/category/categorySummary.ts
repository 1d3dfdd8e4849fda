import type { IDataObject } from 'n8n-workflow';

/** The short form of a category a model is given. */
export function simplifyCategory(category: IDataObject): IDataObject {
	return {
		_id: category._id,
		name: category.name,
		parentCategory: category.parentCategory ?? null,
		isArchived: category.isArchived ?? false,
	};
}
