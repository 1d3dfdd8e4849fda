import { defineResource } from '../shared/resourceDefinition';
import { counterpartyCreate } from './create.operation';
import { counterpartyGet } from './get.operation';
import { counterpartyGetAll } from './getAll.operation';

export const counterpartyResource = defineResource(
	'counterparty',
	'Counterparty',
	[counterpartyCreate, counterpartyGet, counterpartyGetAll],
	'create',
);
