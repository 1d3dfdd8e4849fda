import type { ApiRecord } from '../store';

/** What a route handler answers: a status and a JSON body. */
export interface Reply {
	status: number;
	body: unknown;
}

export interface RouteRequest {
	method: string;
	/** Path below /public-api, e.g. /v1/invoices/65f1…/send */
	path: string;
	query: URLSearchParams;
	body: Record<string, unknown>;
	/** The path's id, when the route has one (already checked to be a 24-hex id). */
	id?: string;
}

export type Handler = (request: RouteRequest) => Reply;

export interface Route {
	method: string;
	/** A path pattern where `:id` stands for an object id, e.g. `/v1/invoices/:id/send`. */
	pattern: string;
	operationType: 'read' | 'write';
	handle: Handler;
}

export const ok = (message: string, data: unknown): Reply => ({
	status: 200,
	body: { message, metaData: { warnings: [] }, data },
});

export const fail = (status: number, error: string, message: string): Reply => ({ status, body: { error, message } });

export const badRequest = (message: string) => fail(400, 'BadRequestError', message);
export const notFound = (what: string) => fail(404, 'NotFoundError', `${what} not found`);
export const conflict = (message: string) => fail(409, 'ConflictError', message);

export const OBJECT_ID = /^[0-9A-Fa-f]{24}$/;

export function isObjectId(value: unknown): value is string {
	return typeof value === 'string' && OBJECT_ID.test(value);
}

const SORT_KEYS = ['_id', 'name', 'createdAt', 'updatedAt', 'transactionDate'];

/**
 * A page of a list the way the API documents it: `page` from 1, `limit` up to 250 (default
 * 10), `sortKey` and `sortOrder` ('1' or '-1'); the total under `count`.
 */
export function page(
	query: URLSearchParams,
	records: ApiRecord[],
	key: string,
	message: string,
	sortField: (record: ApiRecord, sortKey: string) => unknown = (record, sortKey) => record[sortKey],
): Reply {
	const pageNumber = Number(query.get('page') ?? 1);
	const limit = Number(query.get('limit') ?? 10);
	if (!Number.isInteger(pageNumber) || pageNumber < 1) return badRequest('page must be a whole number of 1 or more');
	if (!Number.isInteger(limit) || limit < 1 || limit > 250) return badRequest('limit must be a whole number from 1 to 250');
	const sortKey = query.get('sortKey') ?? '_id';
	if (!SORT_KEYS.includes(sortKey)) return badRequest(`sortKey must be one of ${SORT_KEYS.join(', ')}`);
	const order = query.get('sortOrder') === '-1' ? -1 : 1;
	const sorted = [...records].sort((a, b) => {
		const left = sortField(a, sortKey);
		const right = sortField(b, sortKey);
		const byKey = String(left ?? '').localeCompare(String(right ?? ''));
		return (byKey || a._id.localeCompare(b._id)) * order;
	});
	return ok(message, { [key]: sorted.slice((pageNumber - 1) * limit, pageNumber * limit), count: records.length });
}

/** Records whose `field` contains the `query` text, as the API's name search does. */
export function search(records: ApiRecord[], query: URLSearchParams, field: string): ApiRecord[] {
	const text = query.get('query')?.trim().toLowerCase();
	if (!text) return records;
	return records.filter((record) => String(record[field] ?? '').toLowerCase().includes(text));
}
