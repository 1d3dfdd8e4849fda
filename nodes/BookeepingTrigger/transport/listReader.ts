import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { errorFromNetworkFailure, errorFromResponse, errorFromUnexpectedSuccess, type FailedRequest } from '../../Bookeeping/pipeline/apiErrors';
import { credentialProblem, type BookeepingCredential } from '../../Bookeeping/pipeline/credentialCheck';
import { BookeepingApiError } from '../../Bookeeping/pipeline/errors';
import { baseUrlOf } from '../../Bookeeping/pipeline/listSearchRequest';
import { budgetFor, type RateLimitBudget } from '../../Bookeeping/pipeline/rateLimitBudget';
import { readRateLimitHeaders } from '../../Bookeeping/pipeline/rateLimitHeaders';

/** A poll waits at most this long for room in the read budget; after it the API decides. */
const MAX_BUDGET_WAIT_MS = 30_000;
/** A read that got no answer or a 5xx is tried again after these pauses. */
const RETRY_DELAYS_MS = [1_000, 3_000];

export interface TriggerList {
	path: string;
	/** Where the records are in `data`. */
	key: string;
	/** e.g. `invoices`, for messages. */
	noun: string;
}

export interface PageQuery {
	page: number;
	limit: number;
	sortKey: string;
	sortOrder: '1' | '-1';
}

export interface ListPage {
	records: IDataObject[];
	count: number | undefined;
}

/**
 * The trigger's one way to read Bookeeping.ai: a page of a list, paced under the key's read
 * budget (the same one the Bookeeping node's reads use), with the node's error messages.
 */
export class ListReader {
	/** Requests sent during this poll. */
	reads = 0;
	/** The API's clock, from the Date header of its latest answer (n8n's clock until one arrives). */
	apiNow = Date.now();
	/** How many records each list (by path) held at its latest read. */
	private readonly counts = new Map<string, number>();

	private constructor(
		private readonly context: IPollFunctions,
		private readonly baseURL: string,
		private readonly budget: RateLimitBudget,
	) {}

	/** Refuses a credential that cannot work before its key is sent anywhere. */
	static async open(context: IPollFunctions): Promise<ListReader> {
		const credentials = (await context.getCredentials('bookeepingApi')) as BookeepingCredential;
		const problem = credentialProblem(credentials);
		if (problem) {
			throw new NodeApiError(context.getNode(), {} as JsonObject, {
				message: `${problem}. Open the Bookeeping credential to fix it.`,
				description: 'Paste the API key from Bookeeping.ai (Dashboard > Settings > API Access) and pick your region. No request was sent.',
				failure: { cause: 'credential-invalid' },
			});
		}
		const baseURL = baseUrlOf(credentials);
		return new ListReader(context, baseURL, budgetFor(String(credentials.apiKey).trim(), baseURL, 'read'));
	}

	countOf(list: TriggerList): number | undefined {
		return this.counts.get(list.path);
	}

	async page(list: TriggerList, query: PageQuery): Promise<ListPage> {
		const request: FailedRequest = {
			node: this.context.getNode(),
			itemIndex: 0,
			action: `list ${list.noun}`,
			ids: {},
			writes: false,
		};
		for (let attempt = 0; ; attempt++) {
			let error: BookeepingApiError;
			try {
				return await this.send(list, query, request);
			} catch (caught) {
				error = caught instanceof BookeepingApiError ? caught : errorFromNetworkFailure(request, caught);
			}
			const status = error.details.statusCode;
			const retryable = status === null || (typeof status === 'number' && status >= 500);
			if (!retryable || attempt >= RETRY_DELAYS_MS.length) throw error;
			await sleep(RETRY_DELAYS_MS[attempt]);
		}
	}

	private async send(list: TriggerList, query: PageQuery, request: FailedRequest): Promise<ListPage> {
		await this.budget.acquire(Date.now() + MAX_BUDGET_WAIT_MS);
		const options: IHttpRequestOptions = {
			method: 'GET',
			baseURL: this.baseURL,
			url: list.path,
			qs: { ...query },
			headers: { Accept: 'application/json' },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		};
		let response: IN8nHttpFullResponse;
		this.reads++;
		try {
			response = (await this.context.helpers.httpRequestWithAuthentication.call(this.context, 'bookeepingApi', options)) as IN8nHttpFullResponse;
		} catch (caught) {
			this.budget.release();
			throw errorFromNetworkFailure(request, caught);
		}
		const state = readRateLimitHeaders(response.headers as Record<string, unknown>);
		this.budget.record({ statusCode: response.statusCode, state });
		const serverDate = Date.parse(String(response.headers?.date ?? ''));
		if (!Number.isNaN(serverDate)) this.apiNow = serverDate;
		if (response.statusCode < 200 || response.statusCode >= 300) throw errorFromResponse(request, response);
		const body = response.body as { data?: Record<string, unknown> } | undefined;
		if (typeof body !== 'object' || body === null || Array.isArray(body)) throw errorFromUnexpectedSuccess(request, response);
		const records = body.data?.[list.key];
		const count = body.data?.count;
		if (typeof count === 'number') this.counts.set(list.path, count);
		return {
			records: Array.isArray(records) ? (records as IDataObject[]) : [],
			count: typeof count === 'number' ? count : undefined,
		};
	}
}
