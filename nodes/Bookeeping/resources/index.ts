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
			'As an AI tool, leave Settings > On Error at its default: every failure then reaches the model as one message saying what happened, whether Bookeeping.ai was reached and what to do next. "Continue (using error output)" gives the model an empty answer for every call, and "Stop Workflow" ends the whole chat.',
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
