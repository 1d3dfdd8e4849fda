import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from './helpers/baseUrl';
import { invoiceDescription } from './resources/invoice/Invoice.resource';

export class Bookeeping implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bookeeping',
		name: 'bookeeping',
		icon: { light: 'file:bookeeping.svg', dark: 'file:bookeeping.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage invoices in Bookeeping.ai',
		defaults: { name: 'Bookeeping' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bookeepingApi', required: true }],
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json' },
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Invoice', value: 'invoice' }],
				default: 'invoice',
			},
			...invoiceDescription,
		],
	};
}
