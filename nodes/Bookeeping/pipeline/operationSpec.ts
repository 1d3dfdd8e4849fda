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
	/** How to find this id, in terms of operations, for a model that has a name, not an id. */
	findWith?: string;
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
	/** What a valid value looks like, for a model that sent a wrong one, e.g. `an ISO 8601 date such as 2026-01-31`. */
	expected?: string;
}

/**
 * A filter the API does not apply: the node keeps a record of a list when `keeps` says so,
 * page by page, as it reads. Checked before any request like every input.
 */
export interface RecordFilter {
	parameter: string;
	label: string;
	parse: InputParser;
	keeps: (record: IDataObject, value: unknown) => boolean;
	/** The lower end of a range: its value must not be after the value of this parameter. */
	notAfter?: string;
	/** What a valid value looks like, e.g. `a date such as 2026-01-31`: for people and models alike. */
	expected?: string;
	/** For an id: how a model finds it, in terms of operations. */
	findWith?: string;
}

/** What the 409 of this operation means, in the words a user and an AI agent need. */
export interface ConflictMeaning {
	message: (ids: Record<string, string>) => string;
	description: string;
	/** The same for a model: the problem, and the next step in terms of operations. */
	forModel: { what: (ids: Record<string, string>) => string; next: string };
}

/** A paged list endpoint: records under `data[key]`, the total under `data.count`. */
export interface ListShape {
	key: string;
	/** What the records are, in the plural, for messages, e.g. `invoices`. */
	noun: string;
	/** The short form of a record for Simplify. */
	simplify?: (record: IDataObject) => IDataObject;
	/** Filters the node applies to each page; without one set, the list is read as the API serves it. */
	filters?: RecordFilter[];
	/** How a model narrows this list, for the note on a list cut short in tool mode. */
	narrowWith?: string;
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
	/**
	 * The compact form of a single-record result for an AI model (Get Many's Simplify fields,
	 * plus what the operation changed); used as a tool unless the tool's Simplify is off.
	 */
	simplify?: (record: IDataObject) => IDataObject;
}

export type OperationSpecs = Record<string, Record<string, OperationSpec>>;
