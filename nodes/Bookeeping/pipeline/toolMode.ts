import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { BookeepingError, RequestReach } from './errors';
import type { ListShape } from './operationSpec';
import type { MoreRecords } from './pageThrough';

/** Records a Get Many gives a model in one call, whatever its Limit: a model pays for every character. */
export const TOOL_MAX_RECORDS = 25;
/** Get Many's default Limit on the tool node. */
export const TOOL_DEFAULT_LIMIT = 10;
/** As a tool, a per-minute 429 is waited out this long at most unless Max Wait says otherwise: a person is waiting in the chat. */
export const TOOL_MAX_WAIT_SECONDS = 60;

/**
 * Whether the node runs as an AI tool. n8n registers a clone of a `usableAsTool` node whose
 * type name ends with `Tool` (`n8n-nodes-bookeeping.bookeepingTool`), on 1.x and 2.x alike,
 * for the AI Agent and the MCP Server Trigger; it is the signal n8n itself uses for `@tool`.
 */
export function isToolMode(context: Pick<IExecuteSingleFunctions, 'getNode'>): boolean {
	return context.getNode().type.endsWith('Tool');
}

const REACH: Record<RequestReach, string> = {
	notSent: 'No request was sent to Bookeeping.ai, so nothing was changed.',
	refused: 'The request reached Bookeeping.ai, which refused it; nothing was changed.',
	mayHaveHappened:
		'The request may have reached Bookeeping.ai and may or may not have been carried out, so a blind retry could do it twice.',
	readOnly: 'This was a read, so nothing was changed.',
};

/** The one message a model reads of a failure: what happened, whether it reached Bookeeping.ai, and what to do next. */
export function messageForModel(error: BookeepingError): string {
	const { what, reach, next } = error.forModel;
	return `${what} ${REACH[reach]} Next: ${next}`;
}

/** The error as a model must see it: the message stands alone, with no item numbers or editor paths. */
export function errorForModel<T extends BookeepingError>(error: T): T {
	const message = messageForModel(error);
	error.message = message;
	// The same text: n8n's streamed chat shows the description alone, and the MCP path adds it
	// after the message only when the message does not already hold it.
	error.description = message;
	return error;
}

/**
 * What a model is told after the records of a Get Many: nothing when it has them all, else
 * how many more there are and how to narrow the search, or that nothing matched.
 */
export function listNoteForModel(shape: ListShape, shown: number, more: MoreRecords): IDataObject[] {
	const narrow = `narrow the search${shape.narrowWith ? ` (${shape.narrowWith})` : ''}, or raise Limit (a call returns at most ${TOOL_MAX_RECORDS})`;
	if (shown === 0) return [{ note: `No ${shape.noun} match this search.` }];
	if (!more) return [];
	if ('count' in more) {
		return [{ note: `These are ${shown} ${shape.noun}; ${more.count} more match. To see others, ${narrow}.` }];
	}
	return [{ note: `These are the first ${shown} matching ${shape.noun}; more may match. To see others, ${narrow}.` }];
}
