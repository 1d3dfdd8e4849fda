import type { INodeProperties } from 'n8n-workflow';

import type { OperationSpecs } from '../pipeline/operationSpec';
import { invoiceResource } from './invoice/Invoice.resource';
import type { ResourceDefinition } from './shared/resourceDefinition';

const resources: ResourceDefinition[] = [invoiceResource];

export const resourceProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((resource) => resource.option),
		default: 'invoice',
	},
	...resources.flatMap((resource) => resource.properties),
];

export const operationSpecs: OperationSpecs = Object.fromEntries(
	resources.map((resource) => [String(resource.option.value), resource.specs]),
);
