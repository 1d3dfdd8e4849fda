import type {
	IDataObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeApiError, type JsonObject } from 'n8n-workflow';

import { errorFromNetworkFailure, errorFromResponse, type FailedRequest } from './apiErrors';
import { credentialProblem, type BookeepingCredential } from './credentialCheck';
import { REGION_BASE_URLS } from './baseUrl';
import { budgetFor } from './rateLimitBudget';
import { readRateLimitHeaders } from './rateLimitHeaders';

const PAGE_SIZE = 50;
/** A list search in the editor waits at most this long for the read budget. */
const MAX_WAIT_MS = 10_000;

export function baseUrlOf(credentials: BookeepingCredential): string {
	if (credentials.region === 'custom') return String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
	if (credentials.region === 'eu') return REGION_BASE_URLS.eu;
	if (credentials.region === 'ca') return REGION_BASE_URLS.ca;
	return REGION_BASE_URLS.us;
}

export interface ListSearch {
	path: string;
	/** Where the records are in `data`. */
	key: string;
	/** The API's search parameter, when the list has one; other lists are filtered here. */
	searchParameter?: string;
	sortKey?: string;
	sortOrder?: '1' | '-1';
	toItem: (record: IDataObject) => INodeListSearchItems;
}

/**
 * One page of a list, for a resource locator's From List mode. Paced as a read under the same
 * budget the node's requests use.
 */
export async function searchList(
	context: ILoadOptionsFunctions,
	search: ListSearch,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentials = (await context.getCredentials('bookeepingApi')) as BookeepingCredential;
	const problem = credentialProblem(credentials);
	if (problem) throw new NodeApiError(context.getNode(), {} as JsonObject, { message: `${problem}. Open the Bookeeping credential to fix it.` });
	const baseURL = baseUrlOf(credentials);
	const page = Number(paginationToken ?? 1) || 1;
	const qs: IDataObject = { page, limit: PAGE_SIZE, sortKey: search.sortKey ?? '_id', sortOrder: search.sortOrder ?? '-1' };
	const text = filter?.trim();
	if (text && search.searchParameter) qs[search.searchParameter] = text;
	const budget = budgetFor(String(credentials.apiKey).trim(), baseURL, 'read');
	const admission = await budget.acquire(Date.now() + MAX_WAIT_MS);
	if (!admission.granted) {
		throw new NodeApiError(context.getNode(), {} as JsonObject, {
			message: "Bookeeping.ai's read rate limit is used up for now. Type the ID instead (By ID), or try again in a minute.",
			httpCode: '429',
		});
	}
	const options: IHttpRequestOptions = {
		method: 'GET',
		baseURL,
		url: search.path,
		qs,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	const request: FailedRequest = { node: context.getNode(), itemIndex: 0, action: `list ${search.key}`, ids: {}, writes: false };
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(context, 'bookeepingApi', options)) as IN8nHttpFullResponse;
	} catch (error) {
		budget.release();
		throw errorFromNetworkFailure(request, error);
	}
	budget.record({ statusCode: response.statusCode, state: readRateLimitHeaders(response.headers) });
	if (response.statusCode < 200 || response.statusCode >= 300) throw errorFromResponse(request, response);
	const records = ((response.body as { data?: IDataObject } | undefined)?.data?.[search.key] ?? []) as IDataObject[];
	let results = records.map(search.toItem);
	if (text && !search.searchParameter) {
		const needle = text.toLowerCase();
		results = results.filter((item) => `${item.name} ${item.value}`.toLowerCase().includes(needle));
	}
	return { results, paginationToken: records.length === PAGE_SIZE ? String(page + 1) : undefined };
}

/** A `methods.listSearch` function for one list. */
export function listSearchMethod(search: ListSearch) {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchList(this, search, filter, paginationToken);
	};
}
