import { defineResource } from '../shared/resourceDefinition';
import { categoryCreate } from './create.operation';
import { categoryGet } from './get.operation';
import { categoryGetAll } from './getAll.operation';

export const categoryResource = defineResource('category', 'Category', [categoryCreate, categoryGet, categoryGetAll], 'getAll');
