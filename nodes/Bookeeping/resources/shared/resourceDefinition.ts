import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OperationSpec } from '../../pipeline/operationSpec';
import { captureResponse } from '../../pipeline/response';
import type { OperationDefinition } from './operationDefinition';
import { toolOnlyFields } from './toolFields';

export interface ResourceDefinition {
	/** The entry in the Resource list, carrying what every request of the node shares. */
	option: INodePropertyOptions;
	properties: INodeProperties[];
	specs: Record<string, OperationSpec>;
}

/**
 * Assembles a resource from its operations. The routing set here is the same for every
 * resource: every request goes through the node's request executor (`paginate` makes n8n
 * call it), with error statuses handed to it instead of thrown.
 */
export function defineResource(
	value: string,
	name: string,
	operations: OperationDefinition[],
	defaultOperation: string,
): ResourceDefinition {
	const sorted = [...operations].sort((a, b) => a.option.name.localeCompare(b.option.name));
	return {
		option: {
			name,
			value,
			routing: {
				request: { ignoreHttpStatusErrors: true },
				send: { paginate: true },
				output: { postReceive: [captureResponse] },
			},
		},
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: [value] } },
				options: sorted.map((operation) => operation.option),
				default: defaultOperation,
			},
			...operations.flatMap((operation) => [...operation.fields, ...toolOnlyFields(value, operation)]),
		],
		specs: Object.fromEntries(operations.map((operation) => [operation.option.value, operation.spec])),
	};
}
