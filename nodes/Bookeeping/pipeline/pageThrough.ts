import type { IDataObject } from 'n8n-workflow';

import { sendPaced, type PacedRequest } from './pacedSend';
import type { ListShape } from './operationSpec';

/** The largest page the API serves. */
export const MAX_PAGE_SIZE = 250;

export interface PageLimits {
	returnAll: boolean;
	limit: number;
}

function recordsOf(data: unknown, shape: ListShape): { records: IDataObject[]; count: number | undefined } {
	const list = (data as Record<string, unknown> | undefined)?.[shape.key];
	const count = (data as { count?: unknown } | undefined)?.count;
	return {
		records: Array.isArray(list) ? (list as IDataObject[]) : [],
		count: typeof count === 'number' ? count : undefined,
	};
}

/** What a list read found beyond what it returns: a number when the API's count tells, else whether more may match. */
export type MoreRecords = { count: number } | { mayMatch: true } | undefined;

function moreThan(limit: number, read: number, last: boolean, count: number | undefined): MoreRecords {
	if (count !== undefined) return count > limit ? { count: count - limit } : undefined;
	return read > limit || !last ? { mayMatch: true } : undefined;
}

/**
 * Reads a list page by page with one page size throughout (the API numbers pages by it),
 * until the limit, a short page, or the total the API reports. Pages are sorted by `_id`
 * unless the user sorts, so records cannot shift between pages while they are read. With a
 * node-side filter (`matches`), every page is as large as the API allows, since the node
 * cannot know how many pages hold the matches, and the limit counts matches.
 */
export async function pageThrough(
	paced: PacedRequest,
	shape: ListShape,
	{ returnAll, limit }: PageLimits,
	matches?: (record: IDataObject) => boolean,
): Promise<{ records: IDataObject[]; rateLimit: Record<string, unknown>; more: MoreRecords }> {
	const pageSize = returnAll || matches ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, limit);
	const baseQuery = { ...(paced.requestData.options.qs ?? {}) } as IDataObject;
	baseQuery.sortKey ??= '_id';
	baseQuery.sortOrder ??= '1';
	const records: IDataObject[] = [];
	let rateLimit: Record<string, unknown> = {};
	let more: MoreRecords;
	for (let page = 1; ; page++) {
		const requestData = {
			...paced.requestData,
			options: { ...paced.requestData.options, qs: { ...baseQuery, page, limit: pageSize } },
		};
		const answer = await sendPaced({ ...paced, requestData });
		rateLimit = answer.rateLimit;
		const { records: pageRecords, count } = recordsOf(answer.data, shape);
		records.push(...(matches ? pageRecords.filter(matches) : pageRecords));
		const enough = !returnAll && records.length >= limit;
		const last = pageRecords.length < pageSize || (count !== undefined && page * pageSize >= count);
		if (enough) more = moreThan(limit, records.length, last, matches ? undefined : count);
		if (enough || last) break;
	}
	return { records: returnAll ? records : records.slice(0, limit), rateLimit, more };
}
