import assert from 'node:assert/strict';
import type { IDataObject } from 'n8n-workflow';

export function detailsOf(item: IDataObject): IDataObject {
	assert.ok(item.details && typeof item.details === 'object', `item has no details: ${JSON.stringify(item)}`);
	return item.details as IDataObject;
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

export function assertConflict(item: IDataObject, invoiceId: string): void {
	const details = detailsOf(item);
	assert.equal(details.statusCode, 409);
	assert.equal(details.invoiceId, invoiceId);
	assert.equal(item.error, `Invoice ${invoiceId} is not a draft, so it cannot be deleted`);
}

/** A 429 for a used-up daily quota: the kind the node never waits out. */
export function assertDailyLimit(item: IDataObject, invoiceId: string, dailyLimit: number): void {
	const details = detailsOf(item);
	assert.equal(details.statusCode, 429);
	assert.equal(details.invoiceId, invoiceId);
	assert.equal(details.limit, 'day');
	assert.equal(details.dailyLimit, dailyLimit);
	assert.equal(details.dailyUsage, dailyLimit);
	assert.equal(typeof details.retryAfterSeconds, 'number');
	assert.equal(typeof item.error, 'string');
}

/** Refused before any request: no status code, the field named. */
export function assertInvalidId(item: IDataObject, itemIndex: number, value: string): void {
	const details = detailsOf(item);
	assert.equal(item.error, `Invalid Invoice ID in item ${itemIndex}: "${value}"`);
	assert.equal(details.field, 'invoiceId');
	assert.equal(details.statusCode, undefined, 'an invalid id must not carry a statusCode');
}
