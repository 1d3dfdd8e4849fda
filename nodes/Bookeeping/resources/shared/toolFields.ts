import type { INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from './operationDefinition';

/**
 * Fields only the tool node shows (n8n's `@tool` display option, read on 1.x and 2.x): the
 * description the model reads, which n8n uses instead of "<action> in Bookeeping" when the node
 * declares it, and Simplify for operations whose result is compacted for a model.
 */
export function toolOnlyFields(resource: string, operation: OperationDefinition): INodeProperties[] {
	const show = { resource: [resource], operation: [operation.option.value], '@tool': [true] };
	const { toolDescription } = operation;
	const fields: INodeProperties[] = [
		{
			displayName: 'Description',
			name: 'toolDescription',
			type: 'string',
			typeOptions: { rows: 4 },
			default: toolDescription,
			required: true,
			description:
				'What the AI model is told this tool does. The default states the rule that most often makes a call fail and what the tool returns.',
			displayOptions: { show },
		},
	];
	const hasSimplify = operation.fields.some((field) => field.name === 'simplify');
	if (operation.spec.simplify && !hasSimplify) {
		fields.push({
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description: 'Whether to give the model the short form of the record instead of everything Bookeeping.ai returns',
			displayOptions: { show },
		});
	}
	return fields;
}
