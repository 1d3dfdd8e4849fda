import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from './methods';
import { BASE_URL_EXPRESSION } from './pipeline/baseUrl';
import { createRequestExecutor } from './pipeline/executeRequest';
import { operationSpecs, resourceProperties } from './resources';

export class Bookeeping implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bookeeping',
		name: 'bookeeping',
		icon: { light: 'file:bookeeping.svg', dark: 'file:bookeeping.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage invoices, counterparties, transactions, categories and accounts in Bookeeping.ai',
		defaults: { name: 'Bookeeping' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bookeepingApi', required: true }],
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json' },
		},
		// The one request executor: every operation's requests go through it (see pipeline/).
		requestOperations: { pagination: createRequestExecutor(operationSpecs) },
		properties: resourceProperties,
	};

	methods = { listSearch };
}
