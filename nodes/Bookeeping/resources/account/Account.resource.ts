import { defineResource } from '../shared/resourceDefinition';
import { accountGet } from './get.operation';
import { accountGetAll } from './getAll.operation';
import { accountGetBalance } from './getBalance.operation';

export const accountResource = defineResource('account', 'Account', [accountGet, accountGetAll, accountGetBalance], 'getAll');
