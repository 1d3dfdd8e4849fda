import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BookeepingError } from './errors';

/**
 * Under either Continue mode a failed item must stay one item, paired to its input:
 * `message` says what happened and how to fix it, `error` holds what a workflow branches on
 * (`error.statusCode`). Only these two keys: n8n 1.x moves an item to the error output only
 * when its json is exactly `{error}` or `{error, message}` (2.x also accepts `details`), and
 * then merges the input item's fields in itself.
 */
export function toErrorItem(context: IExecuteSingleFunctions, error: BookeepingError, asTool = false): INodeExecutionData {
	const itemIndex = context.getItemIndex();
	const failure: IDataObject = {
		message: error.message,
		error: { ...error.details, description: error.description ?? '' },
	};
	// A tool's input item is the agent's (the chat, webhook headers): it never goes back to the model.
	const json =
		asTool || context.getNode().onError === 'continueErrorOutput'
			? failure
			: { ...context.getInputData().json, ...failure };
	return { json, pairedItem: { item: itemIndex } };
}
