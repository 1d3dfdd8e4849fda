import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { DisplayOptions } from './operationDefinition';

/** The Update Fields collection of an Update operation: only the fields set are sent. */
export function updateFieldsCollection(displayOptions: DisplayOptions, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options,
	};
}

/** Refuses an update that would change nothing. */
export function emptyUpdateProblem(context: IExecuteSingleFunctions): string | undefined {
	const fields = context.getNodeParameter('updateFields', {}) as Record<string, unknown>;
	return Object.keys(fields).length === 0
		? 'Update Fields is empty. Add at least one field to change (Update Fields > Add Field).'
		: undefined;
}
