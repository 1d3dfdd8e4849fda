import assert from 'node:assert/strict';
import type { IDataObject } from 'n8n-workflow';

/** The items a tool result carries: n8n gives the model `JSON.stringify` of the output items' json. */
export function recordsIn(content: string): IDataObject[] {
	let value: unknown;
	try {
		value = JSON.parse(content);
	} catch {
		return [];
	}
	if (Array.isArray(value)) return value.filter((entry): entry is IDataObject => typeof entry === 'object' && entry !== null);
	return typeof value === 'object' && value !== null ? [value as IDataObject] : [];
}

/** The one record of a single-record result. */
export function recordIn(content: string): IDataObject {
	const records = recordsIn(content);
	assert.equal(records.length, 1, `expected one record, got: ${content.slice(0, 500)}`);
	return records[0];
}

/**
 * The failure text a model read: with the tool's On Error left alone n8n 2.x gives it
 * `[{"error": "<message>"}]`; under Continue (regular output) the node's error item is
 * `[{"message": "<message>", "error": {…}}]`. Anything else is returned as it came.
 */
export function errorTextIn(content: string): string {
	const records = recordsIn(content);
	if (records.length !== 1) return content;
	const [record] = records;
	if (Object.keys(record).join() === 'error' && typeof record.error === 'string') return record.error;
	if (typeof record.message === 'string' && typeof record.error === 'object') return record.message;
	return content;
}

/** The next step a failure message suggests: what follows `Next: `. */
export function nextStepOf(text: string): string {
	const next = /Next: (.+)$/s.exec(text)?.[1];
	if (!next) throw new Error(`the message says no next step: ${text}`);
	return next;
}

export type Reach = 'notSent' | 'refused' | 'mayHaveHappened';

const REACH_WORDS: Record<Reach, RegExp> = {
	notSent: /No request was sent to Bookeeping\.ai/,
	refused: /The request reached Bookeeping\.ai, which refused it; nothing was changed\./,
	mayHaveHappened: /may or may not have been carried out/,
};

/**
 * A failure message that stands on its own for a model: it starts with what happened (the
 * status, or "Refused before sending"), says whether the request reached Bookeeping.ai, ends
 * with the next step, and points at nothing a model cannot see (item numbers, editor paths).
 */
export function assertSelfStandingFailure(text: string, start: string, reach: Reach): void {
	assert.ok(text.startsWith(`${start}: `), `expected the message to start with "${start}: ", got: ${text}`);
	assert.match(text, REACH_WORDS[reach], `the message does not say whether the request reached Bookeeping.ai: ${text}`);
	assert.match(text, /Next: [^\n]+$/, `the message does not end with "Next: …": ${text}`);
	assert.doesNotMatch(text, /\bitem \d/i, `the message names an item number: ${text}`);
	assert.doesNotMatch(text, /\b(Invoice|Counterparty|Options|Settings|Additional Fields|Filters|Rate Limit Handling) > /, `the message names an editor path: ${text}`);
}
