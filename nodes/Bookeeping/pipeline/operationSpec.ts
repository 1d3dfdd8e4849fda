import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { OperationKind } from './rateLimitBudget';

/** Turns the value a user gave into what is sent, or says why it cannot be sent. */
export type InputParser = (
	value: unknown,
	context: { timeZone: string },
) => { value: unknown } | { problem: string };

/** A 24-hex object id the operation takes from a parameter, checked before anything is sent. */
export interface IdInput {
	/** Parameter path, e.g. `invoiceId` or `additionalFields.counterpartyId`. */
	parameter: string;
	label: string;
	/** An optional id (inside a collection) is only checked when it is set. */
	optional?: boolean;
	/** Dotted path in the request body to send the checked id at; path ids are in the URL. */
	sendAt?: string;
}

/** A parameter whose value is checked and converted before sending, then set at `sendAt` in the body. */
export interface ParsedInput {
	parameter: string;
	label: string;
	parse: InputParser;
	/** Dotted path in the request body (or query); without it the value is only checked. */
	sendAt?: string;
	/** Where `sendAt` points: the body (default) or the query string, for a list's filters. */
	sendIn?: 'body' | 'query';
	optional?: boolean;
}

/** What the 409 of this operation means, in the words a user and an AI agent need. */
export interface ConflictMeaning {
	message: (ids: Record<string, string>) => string;
	description: string;
}

/** A paged list endpoint: records under `data[key]`, the total under `data.count`. */
export interface ListShape {
	key: string;
	/** The short form of a record for Simplify. */
	simplify?: (record: IDataObject) => IDataObject;
}

/**
 * Everything the request pipeline needs to know about one operation. The request itself
 * (method, path, query and body fields) is the operation's routing metadata; this says how
 * to check its input, which rate limit it counts against, and how to read its answer.
 */
export interface OperationSpec {
	/** Reads and writes have separate rate limits; only reads are retried after a failure without answer. */
	kind: OperationKind;
	/** The operation as a phrase for messages, e.g. `delete invoice 65f1…`. */
	action: (ids: Record<string, string>) => string;
	/** What the request names, for "… was not found", e.g. `Invoice 65f1…`. */
	subject?: (ids: Record<string, string>) => string;
	ids?: IdInput[];
	inputs?: ParsedInput[];
	/** Refuses an item the checks above cannot judge alone (e.g. an empty update). */
	check?: (context: IExecuteSingleFunctions) => string | undefined;
	conflict?: ConflictMeaning;
	list?: ListShape;
	/** The output item(s) of a success: by default the answer's `data`. */
	output?: (data: unknown, ids: Record<string, string>) => IDataObject | IDataObject[];
}

export type OperationSpecs = Record<string, Record<string, OperationSpec>>;
