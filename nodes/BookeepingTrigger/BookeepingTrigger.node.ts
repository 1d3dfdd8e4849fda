import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerEvents } from './events';
import { runPoll } from './poll/runPoll';
import { longWorkflowIdHint } from './poll/workflowIdCheck';
import { triggerProperties } from './triggerProperties';

export class BookeepingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bookeeping Trigger',
		name: 'bookeepingTrigger',
		icon: { light: 'file:../Bookeeping/bookeeping.svg', dark: 'file:../Bookeeping/bookeeping.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when invoices, transactions or counterparties change in Bookeeping.ai',
		defaults: { name: 'Bookeeping Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bookeepingApi', required: true }],
		properties: triggerProperties,
		hints: [longWorkflowIdHint],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await runPoll(this, triggerEvents);
	}
}
