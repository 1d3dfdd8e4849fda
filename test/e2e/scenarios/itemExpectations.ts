import assert from 'node:assert/strict';
import type { IDataObject } from 'n8n-workflow';

/**
 * What a workflow branches on in a failed item: `error` (statusCode and the API's details),
 * next to `message`, the text a user reads. The same shape on n8n 1.x and 2.x.
 */
export function errorOf(item: IDataObject): IDataObject {
	assert.ok(item.error && typeof item.error === 'object' && !Array.isArray(item.error), `item has no error object: ${JSON.stringify(item)}`);
	assert.equal(typeof item.message, 'string', `item has no message: ${JSON.stringify(item)}`);
	assert.equal(item.details, undefined, 'a failed item carries message and error, not details');
	return item.error as IDataObject;
}

/** The value at a dotted path such as `body.dealId`. */
function valueAt(item: IDataObject, field: string): unknown {
	return field.split('.').reduce<unknown>((current, key) => (current as IDataObject | undefined)?.[key], item);
}

/** Finds the one item whose `field` (a dotted path) equals `value`. */
export function itemWhere(items: IDataObject[], field: string, value: unknown): IDataObject {
	const read = (item: IDataObject) => valueAt(item, field);
	const matches = items.filter((item) => read(item) === value);
	assert.equal(matches.length, 1, `expected one item with ${field} = ${JSON.stringify(value)} among ${JSON.stringify(items.map(read))}`);
	return matches[0];
}

export function assertValues(items: IDataObject[], field: string, expected: unknown[]): void {
	const read = (item: IDataObject) => valueAt(item, field);
	assert.deepEqual(items.map(read), expected, `${field} of the items`);
}

/** `message` says what happened first; how to fix it may follow. */
export function assertMessageStartsWith(item: IDataObject, start: string): void {
	assert.ok(String(item.message).startsWith(start), `message ${JSON.stringify(item.message)} does not start with ${JSON.stringify(start)}`);
}

export function assertConflict(item: IDataObject, invoiceId: string): void {
	const error = errorOf(item);
	assert.equal(error.statusCode, 409);
	assert.equal(error.invoiceId, invoiceId);
	assertMessageStartsWith(item, `Invoice ${invoiceId} is not a draft, so it cannot be deleted`);
}

/** A 429 for a used-up daily quota: the kind the node never waits out. */
export function assertDailyLimit(item: IDataObject, invoiceId: string, dailyLimit: number): void {
	const error = errorOf(item);
	assert.equal(error.statusCode, 429);
	assert.equal(error.invoiceId, invoiceId);
	assert.equal(error.limit, 'day');
	assert.equal(error.dailyLimit, dailyLimit);
	assert.equal(error.dailyUsage, dailyLimit);
	assert.equal(typeof error.retryAfterSeconds, 'number');
	assert.match(item.message as string, /daily limit is used up/);
}

/** Refused before any request: no status code, the field named. */
export function assertInvalidId(item: IDataObject, itemIndex: number, value: string): void {
	const error = errorOf(item);
	assertMessageStartsWith(item, `Invalid Invoice ID in item ${itemIndex}: "${value}"`);
	assert.equal(error.field, 'invoiceId');
	assert.equal(error.statusCode, undefined, 'an invalid id must not carry a statusCode');
}
