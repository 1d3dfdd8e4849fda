import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** A failed call to Bookeeping.ai, with the details a workflow branches on. */
export class BookeepingApiError extends NodeApiError {
	constructor(
		node: INode,
		readonly details: IDataObject,
		options: { message: string; description: string; httpCode: string; itemIndex: number },
		failure?: NodeApiError['failure'],
	) {
		super(node, { ...details } as JsonObject, { ...options, failure });
		// n8n tells error kinds apart by name; this is an API error like any other.
		this.name = 'NodeApiError';
		this.message = options.message;
		this.description = options.description;
	}
}

/** An item refused before any request was sent. */
export class BookeepingInputError extends NodeOperationError {
	constructor(
		node: INode,
		message: string,
		options: { itemIndex: number; description: string },
		readonly details: IDataObject,
	) {
		super(node, message, options);
		this.name = 'NodeOperationError';
	}
}

export type BookeepingError = BookeepingApiError | BookeepingInputError;
