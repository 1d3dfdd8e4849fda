import type { INodeProperties } from 'n8n-workflow';

import type { OperationSpecs } from '../pipeline/operationSpec';
import { accountResource } from './account/Account.resource';
import { categoryResource } from './category/Category.resource';
import { counterpartyResource } from './counterparty/Counterparty.resource';
import { invoiceResource } from './invoice/Invoice.resource';
import type { ResourceDefinition } from './shared/resourceDefinition';
import { transactionResource } from './transaction/Transaction.resource';

const resources: ResourceDefinition[] = [
	accountResource,
	categoryResource,
	counterpartyResource,
	invoiceResource,
	transactionResource,
];

export const resourceProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((resource) => resource.option),
		default: 'invoice',
	},
	{
		displayName:
			'As an AI tool, every failure reaches the model as one message: what happened, whether Bookeeping.ai was reached, and what to do next. On n8n 2.x leave Settings > On Error at its default; on n8n 1.x set it to "Continue (regular output)", or the first failure ends the chat. Never "Continue (using error output)": the model then gets an empty answer for every call.',
		name: 'toolOnErrorNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { '@tool': [true] } },
	},
	...resources.flatMap((resource) => resource.properties),
];

export const operationSpecs: OperationSpecs = Object.fromEntries(
	resources.map((resource) => [String(resource.option.value), resource.specs]),
);
