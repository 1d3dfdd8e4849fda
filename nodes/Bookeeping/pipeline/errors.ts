import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { RateLimitState } from './rateLimitHeaders';

/** A failed call to Bookeeping.ai, with the details a workflow branches on. */
export class BookeepingApiError extends NodeApiError {
	/** The answer's rate-limit headers, for pacing; set when there was an answer. */
	rateLimit: RateLimitState | undefined;

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
