import { defineResource } from '../shared/resourceDefinition';
import { transactionCreate } from './create.operation';
import { transactionGet } from './get.operation';
import { transactionGetAll } from './getAll.operation';
import { transactionUpdate } from './update.operation';

export const transactionResource = defineResource(
	'transaction',
	'Transaction',
	[transactionCreate, transactionGet, transactionGetAll, transactionUpdate],
	'create',
);
