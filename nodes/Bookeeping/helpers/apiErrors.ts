import type { IDataObject, IN8nHttpFullResponse, INode, NodeApiError } from 'n8n-workflow';

import { BookeepingApiError } from './errors';
import { isDailyLimitExhausted, readRateLimitHeaders } from './rateLimitHeaders';

interface ApiErrorBody {
	error?: string;
	message?: string;
}

function parseErrorBody(body: unknown): { body: ApiErrorBody; kind: 'json' | 'html' | 'text' | 'empty' } {
	if (body === undefined || body === null || body === '') return { body: {}, kind: 'empty' };
	if (typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)) {
		const { error, message } = body as Record<string, unknown>;
		return {
			body: {
				error: typeof error === 'string' ? error : undefined,
				message: typeof message === 'string' ? message : undefined,
			},
			kind: 'json',
		};
	}
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : String(body);
	if (/^\s*</.test(text)) return { body: {}, kind: 'html' };
	try {
		return parseErrorBody(JSON.parse(text));
	} catch {
		return { body: {}, kind: 'text' };
	}
}

function describeRateLimit(headers: IN8nHttpFullResponse['headers'], invoiceId: string) {
	const state = readRateLimitHeaders(headers);
	const daily = isDailyLimitExhausted(state);
	const retryIn =
		state.retryAfterSeconds !== undefined ? `in ${state.retryAfterSeconds} seconds` : undefined;
	const details: IDataObject = { limit: daily ? 'day' : 'minute', ...state };
	if (daily) {
		return {
			details,
			message: `Bookeeping.ai's daily limit is used up (${state.dailyUsage} of ${state.dailyLimit} ${state.operationType ?? 'write'} requests today); invoice ${invoiceId} was not deleted`,
			description: `Retry ${retryIn ?? 'after the daily quota resets'}. Runs that delete many invoices can be spread over several days, or ask Bookeeping.ai support for a higher limit.`,
			failure: { cause: 'quota-exhausted' as const },
		};
	}
	const usage =
		state.minutelyLimit !== undefined
			? ` (${state.minutelyLimit} ${state.operationType ?? 'write'} requests a minute)`
			: '';
	return {
		details,
		message: `Bookeeping.ai's per-minute rate limit was hit${usage}; invoice ${invoiceId} was not deleted`,
		description: `Retry ${retryIn ?? 'in a minute'}. To stay under the limit, let the node wait and retry (Options > Rate Limit Handling) or space requests out with Batching.`,
		failure: {
			cause: 'rate-limited' as const,
			retryAfterMs:
				state.retryAfterSeconds !== undefined ? state.retryAfterSeconds * 1000 : undefined,
		},
	};
}

/** Turns a non-2xx answer of Bookeeping.ai into the error a user sees. */
export function errorFromResponse(
	node: INode,
	itemIndex: number,
	invoiceId: string,
	response: IN8nHttpFullResponse,
): BookeepingApiError {
	const statusCode = response.statusCode;
	const { body, kind } = parseErrorBody(response.body);
	const details: IDataObject = { statusCode, invoiceId };
	if (body.error) details.apiError = body.error;
	if (body.message) details.apiMessage = body.message;
	const apiSays = body.message ? ` Bookeeping.ai said: "${body.message}".` : '';
	const httpCode = String(statusCode);
	const build = (message: string, description: string, failure?: NodeApiError['failure']) => {
		const error = new BookeepingApiError(
			node,
			details,
			{ message, description: description + apiSays, httpCode, itemIndex },
			failure,
		);
		error.rateLimit = readRateLimitHeaders(response.headers);
		return error;
	};

	switch (true) {
		case statusCode === 409:
			return build(
				`Invoice ${invoiceId} is not a draft, so it cannot be deleted`,
				'Bookeeping.ai only deletes invoices in draft status. A sent or overdue invoice can be cancelled instead.',
			);
		case statusCode === 429: {
			const rateLimit = describeRateLimit(response.headers, invoiceId);
			Object.assign(details, rateLimit.details);
			return build(rateLimit.message, rateLimit.description, rateLimit.failure);
		}
		case statusCode === 400:
			return build(
				`Bookeeping.ai rejected the request to delete invoice ${invoiceId} as invalid`,
				'Check that Invoice ID is the id of an invoice (24 hexadecimal characters).',
				{ cause: 'configuration-invalid' },
			);
		case statusCode === 401 || statusCode === 403:
			return build(
				'Bookeeping.ai did not accept the API key',
				"Check the API key in the Bookeeping credential, and that the credential's Region is the region your Bookeeping.ai account lives in: a key only works in its own region.",
				{ cause: 'credential-invalid' },
			);
		case statusCode === 404:
			return build(
				`Invoice ${invoiceId} was not found`,
				"Check the id, and that the credential's Region is your account's region. The invoice may already have been deleted.",
			);
		case statusCode >= 500: {
			const shape =
				kind === 'html' ? ' with an HTML page instead of JSON (a gateway or proxy answered)' : '';
			return build(
				`Bookeeping.ai failed with status ${statusCode}${shape}`,
				`The service could not process the request, so invoice ${invoiceId} may or may not have been deleted. Check it in Bookeeping.ai before retrying.`,
				{ cause: 'temporarily-unavailable' },
			);
		}
		default:
			return build(
				`Bookeeping.ai answered with unexpected status ${statusCode}`,
				`Invoice ${invoiceId} may not have been deleted. Check it in Bookeeping.ai.`,
			);
	}
}

/** A 2xx whose body is not the documented JSON envelope: the outcome cannot be trusted. */
export function errorFromUnexpectedSuccess(
	node: INode,
	itemIndex: number,
	invoiceId: string,
	response: IN8nHttpFullResponse,
): BookeepingApiError {
	const { kind } = parseErrorBody(response.body);
	const what = kind === 'empty' ? 'an empty body' : kind === 'html' ? 'an HTML page' : 'a body that is not the documented JSON';
	const error = new BookeepingApiError(
		node,
		{ statusCode: response.statusCode, invoiceId },
		{
			message: `Bookeeping.ai answered status ${response.statusCode} with ${what}`,
			description: `The answer does not confirm that invoice ${invoiceId} was deleted. A proxy may be in the way: check the credential's Region or Base URL, and check the invoice in Bookeeping.ai.`,
			httpCode: String(response.statusCode),
			itemIndex,
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

function networkErrorCode(error: unknown): string | undefined {
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		const code = (candidate as { code?: unknown })?.code;
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
	}
	const message = String((error as { message?: unknown })?.message ?? '');
	if (/timeout/i.test(message)) return 'ETIMEDOUT';
	if (/socket hang up/i.test(message)) return 'ECONNRESET';
	return undefined;
}

/** Turns a request that got no HTTP answer into the error a user sees. */
export function errorFromNetworkFailure(
	node: INode,
	itemIndex: number,
	invoiceId: string,
	error: unknown,
): BookeepingApiError {
	const code = networkErrorCode(error);
	const known = code !== undefined ? NETWORK_FAILURES[code] : undefined;
	const message = known
		? `${known} (${code})`
		: `The request to Bookeeping.ai failed without an answer: ${String((error as Error)?.message ?? error)}`;
	return new BookeepingApiError(
		node,
		{ statusCode: null, invoiceId, code: code ?? null },
		{
			message,
			description: `Invoice ${invoiceId} may or may not have been deleted. Check it in Bookeeping.ai before retrying, and check the credential's Region or Base URL and the node's Timeout option.`,
			httpCode: 'none',
			itemIndex,
		},
		{ cause: 'temporarily-unavailable' },
	);
}
