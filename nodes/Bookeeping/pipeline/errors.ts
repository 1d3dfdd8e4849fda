import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { RateLimitState } from './rateLimitHeaders';

/** Whether a failed request reached Bookeeping.ai, and so whether retrying could repeat an action. */
export type RequestReach = 'notSent' | 'refused' | 'mayHaveHappened' | 'readOnly';

/**
 * A failure told to an AI model, which reads only one message: what happened (starting with
 * the status), whether the request reached Bookeeping.ai, and the next step in terms of
 * operations. Composed into a message by pipeline/toolMode.ts.
 */
export interface ForModel {
	what: string;
	reach: RequestReach;
	next: string;
}

/** A failed call to Bookeeping.ai, with the details a workflow branches on. */
export class BookeepingApiError extends NodeApiError {
	/** The answer's rate-limit headers, for pacing; set when there was an answer. */
	rateLimit: RateLimitState | undefined;

	forModel: ForModel;

	constructor(
		node: INode,
		readonly details: IDataObject,
		options: { message: string; description: string; httpCode: string; itemIndex: number; forModel: ForModel },
		failure?: NodeApiError['failure'],
	) {
		const { forModel, ...apiOptions } = options;
		super(node, { ...details } as JsonObject, { ...apiOptions, failure });
		// n8n tells error kinds apart by name; this is an API error like any other.
		this.name = 'NodeApiError';
		this.message = options.message;
		this.description = options.description;
		this.forModel = forModel;
	}
}

/** An item refused before any request was sent. */
export class BookeepingInputError extends NodeOperationError {
	forModel: ForModel;

	constructor(
		node: INode,
		message: string,
		options: { itemIndex: number; description: string; forModel: { what: string; next: string } },
		readonly details: IDataObject,
	) {
		super(node, message, { itemIndex: options.itemIndex, description: options.description });
		this.name = 'NodeOperationError';
		this.forModel = { ...options.forModel, reach: 'notSent' };
	}
}

export type BookeepingError = BookeepingApiError | BookeepingInputError;
