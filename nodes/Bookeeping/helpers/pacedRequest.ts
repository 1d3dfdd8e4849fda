import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { BookeepingApiError, type BookeepingError } from './errors';
import { invoiceIdOf } from './itemChecks';
import { budgetFor, type Admission } from './rateLimitBudget';
import type { RateLimitState } from './rateLimitHeaders';

/** Rate-limit figures of a success answer, kept beside its output item for the pacing. */
export const successRateLimits = new WeakMap<INodeExecutionData, RateLimitState>();

interface RateLimitOptions {
	rateLimitHandling?: 'waitAndRetry' | 'failImmediately';
	maxWaitSeconds?: number;
}

/** Attempts per item; with the budget's floor between them, a 429 loop cannot become a flood. */
const MAX_ATTEMPTS = 20;

/** A 429 for an item the budget did not send, because the API would refuse it or it would wait past Max Wait. */
function notSentError(context: IExecutePaginationFunctions, refused: Extract<Admission, { granted: false }>): BookeepingApiError {
	const invoiceId = invoiceIdOf(context);
	const daily = refused.reason === 'dailyQuota';
	const { state } = refused;
	const retryIn = state.retryAfterSeconds !== undefined ? `in ${state.retryAfterSeconds} seconds` : undefined;
	const error = new BookeepingApiError(
		context.getNode(),
		{ statusCode: 429, invoiceId, limit: daily ? 'day' : 'minute', ...state },
		{
			message: daily
				? `Bookeeping.ai's daily limit is used up (${state.dailyUsage} of ${state.dailyLimit} ${state.operationType ?? 'write'} requests today); invoice ${invoiceId} was not sent`
				: `Bookeeping.ai's per-minute rate limit leaves no room before Max Wait; invoice ${invoiceId} was not sent`,
			description: daily
				? `Retry ${retryIn ?? 'after the daily quota resets'}. Runs that delete many invoices can be spread over several days, or ask Bookeeping.ai support for a higher limit.`
				: `Retry ${retryIn ?? 'in a minute'}, or raise Options > Max Wait so the node may wait longer for the rate limit.`,
			httpCode: '429',
			itemIndex: context.getItemIndex(),
		},
		daily ? { cause: 'quota-exhausted' } : { cause: 'rate-limited', retryAfterMs: state.retryAfterSeconds !== undefined ? state.retryAfterSeconds * 1000 : undefined },
	);
	error.rateLimit = state;
	return error;
}

function isMinuteLimit(error: BookeepingApiError): boolean {
	return error.details.statusCode === 429 && error.details.limit !== 'day';
}

/**
 * Sends one item's request under Wait and Retry: waits for room in the key's shared budget,
 * and retries this item alone after a 429 for the per-minute limit. Only a 429 is retried:
 * any other failure may have deleted the invoice, and must not be replayed blindly.
 * `apiKey` picks the budget shared with the other requests using it; `toError` turns whatever
 * a failed attempt threw into the error the item ends with;
 * `refusal` says, right before a request would go out, why it must not.
 */
export async function sendPaced(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	apiKey: string,
	toError: (caught: unknown) => BookeepingError,
	refusal: () => BookeepingError | undefined,
): Promise<INodeExecutionData[]> {
	const options = context.getNodeParameter('options', {}) as RateLimitOptions;
	const paced = options.rateLimitHandling !== 'failImmediately';
	const kind = String(requestData.options.method ?? 'GET').toUpperCase() === 'GET' ? 'read' : 'write';
	const budget = budgetFor(apiKey, String(requestData.options.baseURL), kind);
	const deadline = Date.now() + (options.maxWaitSeconds ?? 600) * 1000;

	for (let attempt = 1; ; attempt++) {
		if (paced) {
			const admission = await budget.acquire(deadline);
			if (!admission.granted) throw notSentError(context, admission);
		}
		const refused = refusal();
		if (refused) {
			if (paced) budget.release();
			throw refused;
		}
		let failure: BookeepingError;
		try {
			const items = await context.makeRoutingRequest(requestData);
			if (paced) budget.record({ statusCode: 200, state: successRateLimits.get(items[0]) ?? {} });
			return items;
		} catch (caught) {
			failure = toError(caught);
		}
		if (!paced) throw failure;
		if (!(failure instanceof BookeepingApiError) || failure.rateLimit === undefined) {
			budget.release();
			throw failure;
		}
		budget.record({ statusCode: Number(failure.details.statusCode), state: failure.rateLimit });
		const retryAt = Date.now() + budget.retryDelayMs();
		if (!isMinuteLimit(failure) || retryAt > deadline || attempt >= MAX_ATTEMPTS) throw failure;
	}
}
