import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OperationSpec } from '../../pipeline/operationSpec';

/** One operation: its entry in the Operation list (with its request), its fields, and its spec. */
export interface OperationDefinition {
	option: INodePropertyOptions & { value: string };
	fields: INodeProperties[];
	spec: OperationSpec;
	/**
	 * What an AI model is told the operation does when the node is a tool: the rule that most
	 * often makes the call fail, and what it returns. The tool's editable default description.
	 */
	toolDescription: string;
}

export type DisplayOptions = NonNullable<INodeProperties['displayOptions']>;

export function showFor(resource: string, operation: string): DisplayOptions {
	return { show: { resource: [resource], operation: [operation] } };
}
