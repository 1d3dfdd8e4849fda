import type { IDataObject, IN8nHttpFullResponse, INode, NodeApiError } from 'n8n-workflow';

import { BookeepingApiError, type ForModel } from './errors';
import type { ConflictMeaning } from './operationSpec';
import { isDailyLimitExhausted, readRateLimitHeaders, type RateLimitState } from './rateLimitHeaders';

/** What a message needs to know about the request that failed. */
export interface FailedRequest {
	node: INode;
	itemIndex: number;
	/** e.g. `delete invoice 65f1…` */
	action: string;
	/** e.g. `Invoice 65f1…`, for a 404 */
	subject?: string;
	/** The ids the request named, copied into the error details. */
	ids: Record<string, string>;
	conflict?: ConflictMeaning;
	/** Whether the request may have changed something even though it failed. */
	writes: boolean;
	/** How a model finds the right id after a 404, in terms of operations. */
	findWith?: string;
}

interface ApiErrorBody {
	error?: string;
	message?: string;
}

type BodyKind = 'json' | 'html' | 'text' | 'empty';

export function parseBody(body: unknown): { body: ApiErrorBody; parsed: unknown; kind: BodyKind } {
	if (body === undefined || body === null || body === '') return { body: {}, parsed: undefined, kind: 'empty' };
	if (typeof body === 'object' && !Buffer.isBuffer(body)) {
		const { error, message } = (Array.isArray(body) ? {} : body) as Record<string, unknown>;
		return {
			body: {
				error: typeof error === 'string' ? error : undefined,
				message: typeof message === 'string' ? message : undefined,
			},
			parsed: body,
			kind: 'json',
		};
	}
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : String(body);
	if (/^\s*</.test(text)) return { body: {}, parsed: undefined, kind: 'html' };
	try {
		return parseBody(JSON.parse(text));
	} catch {
		return { body: {}, parsed: undefined, kind: 'text' };
	}
}

function upperFirst(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function dailyLimitForModel(request: FailedRequest, state: RateLimitState, type: string, sent: boolean): ForModel {
	const reset =
		state.retryAfterSeconds !== undefined
			? `retry after it resets in ${state.retryAfterSeconds} s (at ${new Date(Date.now() + state.retryAfterSeconds * 1000).toISOString()}).`
			: 'Bookeeping.ai does not say when the daily limit resets, so do not retry this today; tell the user.'
	const readsStillWork = type === 'write' ? ' Reads (the Get and Get Many operations) still work: they have a daily limit of their own.' : '';
	return {
		what: `429 Too Many Requests: Bookeeping.ai's daily limit for ${type} requests is used up (${state.dailyUsage} of ${state.dailyLimit} today), so the node could not ${request.action}.`,
		reach: sent ? 'refused' : 'notSent',
		next: `${reset}${readsStillWork}`,
	};
}

/** What a model does after a request with no answer that confirms it: a write may have happened. */
function nextWhenUnconfirmed(request: FailedRequest): string {
	return request.writes
		? 'check with a Get Many operation whether it happened before retrying, so it is not done twice.'
		: 'retry in a few seconds.';
}

/** The 429 message, for an answer of the API and for a request the node knows would be refused. */
export function rateLimitError(request: FailedRequest, state: RateLimitState, sent: boolean): BookeepingApiError {
	const daily = isDailyLimitExhausted(state);
	const type = state.operationType ?? (request.writes ? 'write' : 'read');
	const retryIn = state.retryAfterSeconds !== undefined ? `in ${state.retryAfterSeconds} seconds` : undefined;
	const notSent = sent ? '' : ' No request was sent for this item.';
	const details: IDataObject = { statusCode: 429, ...request.ids, limit: daily ? 'day' : 'minute', ...state };
	if (!sent) details.requestSent = false;
	if (daily) {
		return new BookeepingApiError(
			request.node,
			details,
			{
				message: `Bookeeping.ai's daily limit is used up (${state.dailyUsage} of ${state.dailyLimit} ${type} requests today), so the node could not ${request.action}. Retry ${retryIn ?? 'after the daily quota resets'}.`,
				description: `Runs that make many requests can be spread over several days, or ask Bookeeping.ai support for a higher limit.${notSent}`,
				httpCode: '429',
				itemIndex: request.itemIndex,
				forModel: dailyLimitForModel(request, state, type, sent),
			},
			{ cause: 'quota-exhausted' },
		);
	}
	const perMinute = state.minutelyLimit !== undefined ? ` (${state.minutelyLimit} ${type} requests a minute)` : '';
	return new BookeepingApiError(
		request.node,
		details,
		{
			message: `Bookeeping.ai's per-minute rate limit was hit${perMinute}, so the node could not ${request.action}. Retry ${retryIn ?? 'in a minute'}, or let the node wait: Options > Rate Limit Handling > Wait and Retry, with a longer Max Wait.`,
			description: `To stay under the limit, let the node wait and retry (Options > Rate Limit Handling), raise Max Wait for large runs, or space requests out with Batching.${notSent}`,
			httpCode: '429',
			itemIndex: request.itemIndex,
			forModel: {
				what: `429 Too Many Requests: Bookeeping.ai's per-minute limit for ${type} requests${state.minutelyLimit !== undefined ? ` (${state.minutelyLimit} a minute)` : ''} is used up, so the node could not ${request.action}.`,
				reach: sent ? 'refused' : 'notSent',
				next: state.retryAfterSeconds !== undefined ? `retry in ${state.retryAfterSeconds} s.` : 'retry in about a minute.',
			},
		},
		{
			cause: 'rate-limited',
			retryAfterMs: state.retryAfterSeconds !== undefined ? state.retryAfterSeconds * 1000 : undefined,
		},
	);
}

/** Turns a non-2xx answer of Bookeeping.ai into the error a user sees. */
export function errorFromResponse(request: FailedRequest, response: IN8nHttpFullResponse): BookeepingApiError {
	const statusCode = response.statusCode;
	const { body, kind } = parseBody(response.body);
	const rateLimit = readRateLimitHeaders(response.headers);
	const details: IDataObject = { statusCode, ...request.ids };
	if (body.error) details.apiError = body.error;
	if (body.message) details.apiMessage = body.message;
	const apiSays = body.message ? ` Bookeeping.ai said: "${body.message}".` : '';
	const apiSaid = body.message ? ` Bookeeping.ai said: "${body.message}".` : '';
	const unchanged: ForModel['reach'] = 'refused';
	const unsure: ForModel['reach'] = request.writes ? 'mayHaveHappened' : 'readOnly';
	const build = (message: string, description: string, forModel: ForModel, failure?: NodeApiError['failure']) => {
		const error = new BookeepingApiError(
			request.node,
			details,
			{ message, description: description + apiSays, httpCode: String(statusCode), itemIndex: request.itemIndex, forModel },
			failure,
		);
		error.rateLimit = rateLimit;
		return error;
	};
	const mayHaveHappened = request.writes
		? ` It may or may not have happened: check in Bookeeping.ai before retrying.`
		: ' Nothing was changed; it is safe to retry.';

	switch (true) {
		case statusCode === 409: {
			if (request.conflict) {
				const { what, next } = request.conflict.forModel;
				return build(request.conflict.message(request.ids), request.conflict.description, {
					what: `409 Conflict: ${what(request.ids)}${apiSaid}`,
					reach: unchanged,
					next,
				});
			}
			return build(
				`Bookeeping.ai refused to ${request.action}: it conflicts with the current state of the record (409).`,
				'Check the record in Bookeeping.ai.',
				{
					what: `409 Conflict: Bookeeping.ai refused to ${request.action}: it conflicts with the record's current state.${apiSaid}`,
					reach: unchanged,
					next: 'read the record with a Get or Get Many operation to see its current state before trying again.',
				},
			);
		}
		case statusCode === 429: {
			const error = rateLimitError(request, rateLimit, true);
			if (body.error) error.details.apiError = body.error;
			if (body.message) error.details.apiMessage = body.message;
			error.rateLimit = rateLimit;
			return error;
		}
		case statusCode === 400:
			return build(
				`Bookeeping.ai rejected the request to ${request.action} as invalid.${apiSays} Check this item's fields.`,
				'Check the ids (24 hexadecimal characters) and the other fields of this item.',
				{
					what: `400 Bad Request: Bookeeping.ai rejected the request to ${request.action} as invalid.${apiSaid}`,
					reach: unchanged,
					next: 'correct the arguments (ids are 24 hexadecimal characters, dates ISO 8601) and call again.',
				},
				{ cause: 'configuration-invalid' },
			);
		case statusCode === 401 || statusCode === 403:
			return build(
				"Bookeeping.ai did not accept the API key. Check the key in the Bookeeping credential, and that its Region is your account's region.",
				"A key only works in its own region: check the API key in the Bookeeping credential and the credential's Region.",
				{
					what: `${statusCode} ${statusCode === 401 ? 'Unauthorized' : 'Forbidden'}: Bookeeping.ai did not accept the API key of this tool's credential.`,
					reach: unchanged,
					next: "no call can fix this: tell the user to check the API key and the Region in the tool's Bookeeping credential.",
				},
				{ cause: 'credential-invalid' },
			);
		case statusCode === 404:
			return build(
				request.subject
					? `${request.subject} was not found. Check the id, and that the credential's Region is your account's region.`
					: `Bookeeping.ai found nothing to ${request.action} (404). Check the ids, and that the credential's Region is your account's region.`,
				"Check the id, and that the credential's Region is your account's region. The record may have been deleted.",
				{
					what: request.subject
						? `404 Not Found: ${request.subject} does not exist in this Bookeeping.ai account.`
						: `404 Not Found: Bookeeping.ai found nothing to ${request.action}.`,
					reach: unchanged,
					next: request.findWith ? `find the right id with ${request.findWith}.` : 'check the ids with a Get Many operation.',
				},
			);
		case statusCode >= 500: {
			const shape = kind === 'html' ? ' with an HTML page instead of JSON (a gateway or proxy answered)' : '';
			return build(
				`Bookeeping.ai failed with status ${statusCode}${shape} while trying to ${request.action}.${mayHaveHappened}`,
				`The service could not process the request.${mayHaveHappened}`,
				{
					what: `${statusCode} Server Error: Bookeeping.ai failed while trying to ${request.action}.`,
					reach: unsure,
					next: nextWhenUnconfirmed(request),
				},
				{ cause: 'temporarily-unavailable' },
			);
		}
		default:
			return build(
				`Bookeeping.ai answered with unexpected status ${statusCode} to the request to ${request.action}.${mayHaveHappened}`,
				`${upperFirst(request.action)} may not have happened. Check it in Bookeeping.ai.`,
				{
					what: `${statusCode}: Bookeeping.ai answered with an unexpected status to the request to ${request.action}.${apiSaid}`,
					reach: unsure,
					next: request.writes ? 'check with a Get Many operation whether it happened before retrying.' : 'retry once; if it happens again, tell the user.',
				},
			);
	}
}

/** A 2xx whose body is not the documented JSON envelope: the outcome cannot be trusted. */
export function errorFromUnexpectedSuccess(request: FailedRequest, response: IN8nHttpFullResponse): BookeepingApiError {
	const { kind } = parseBody(response.body);
	const what = kind === 'empty' ? 'an empty body' : kind === 'html' ? 'an HTML page' : 'a body that is not the documented JSON';
	const error = new BookeepingApiError(
		request.node,
		{ statusCode: response.statusCode, ...request.ids },
		{
			message: `Bookeeping.ai answered status ${response.statusCode} with ${what} to the request to ${request.action}. A proxy may be in the way: check the credential's Region or Base URL.`,
			description: `The answer does not confirm the outcome. Check the credential's Region or Base URL, and check the record in Bookeeping.ai.`,
			httpCode: String(response.statusCode),
			itemIndex: request.itemIndex,
			forModel: {
				what: `${response.statusCode} with ${what}: Bookeeping.ai's answer to the request to ${request.action} does not confirm the outcome.`,
				reach: request.writes ? 'mayHaveHappened' : 'readOnly',
				next: request.writes
					? "check with a Get Many operation whether it happened before retrying; if this keeps happening, tell the user the credential's Base URL may point at a proxy."
					: "retry once; if this keeps happening, tell the user the credential's Base URL may point at a proxy.",
			},
		},
	);
	error.rateLimit = readRateLimitHeaders(response.headers);
	return error;
}

const NETWORK_FAILURES: Record<string, string> = {
	ECONNRESET: 'The connection to Bookeeping.ai was reset before it answered',
	ECONNABORTED: 'Bookeeping.ai did not answer within the timeout',
	ETIMEDOUT: 'Bookeeping.ai did not answer within the timeout',
	ECONNREFUSED: 'Bookeeping.ai refused the connection',
	ENOTFOUND: "Bookeeping.ai's host name could not be resolved",
	EAI_AGAIN: "Bookeeping.ai's host name could not be resolved",
};

/** The system error code of a failed request, wherever this n8n version keeps it. */
export function networkErrorCode(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	const queue: unknown[] = [error];
	while (queue.length) {
		const candidate = queue.shift();
		if (candidate === null || typeof candidate !== 'object' || seen.has(candidate)) continue;
		seen.add(candidate);
		// n8n-workflow 1.x drops an Error's cause and keeps the system code only as `httpCode`.
		const { code, httpCode, cause, context } = candidate as { code?: unknown; httpCode?: unknown; cause?: unknown; context?: unknown };
		for (const value of [code, httpCode]) if (typeof value === 'string' && /^E[A-Z_]+$/.test(value)) return value;
		queue.push(cause, context, (context as { data?: unknown } | undefined)?.data);
	}
	const messages = (error as { messages?: unknown })?.messages;
	const message = [(error as { message?: unknown })?.message, ...(Array.isArray(messages) ? messages : [])].map(String).join(' ');
	const named = /\b(ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|ENOTFOUND|EAI_AGAIN)\b/.exec(message);
	if (named) return named[1];
	if (/timeout|timed out/i.test(message)) return 'ETIMEDOUT';
	if (/socket hang up|closed unexpectedly/i.test(message)) return 'ECONNRESET';
	return undefined;
}

/** Turns a request that got no HTTP answer into the error a user sees. */
export function errorFromNetworkFailure(request: FailedRequest, error: unknown): BookeepingApiError {
	const code = networkErrorCode(error);
	const known = code !== undefined ? NETWORK_FAILURES[code] : undefined;
	const what = known
		? `${known} (${code})`
		: `The request to Bookeeping.ai failed without an answer: ${String((error as Error)?.message ?? error)}`;
	const outcome = request.writes
		? `; the request to ${request.action} may or may not have been carried out. Check in Bookeeping.ai before retrying.`
		: `, so the node could not ${request.action}. Retrying is safe.`;
	return new BookeepingApiError(
		request.node,
		{ statusCode: null, ...request.ids, code: code ?? null },
		{
			message: `${what}${outcome}`,
			description: "Check the credential's Region or Base URL and the node's Timeout option (Request Options).",
			httpCode: 'none',
			itemIndex: request.itemIndex,
			forModel: {
				what: `No answer: ${what}.`,
				reach: request.writes ? 'mayHaveHappened' : 'readOnly',
				next: nextWhenUnconfirmed(request),
			},
		},
		{ cause: 'temporarily-unavailable' },
	);
}
