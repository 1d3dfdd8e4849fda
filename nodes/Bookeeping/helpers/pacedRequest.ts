import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { BookeepingApiError, type BookeepingError } from './errors';
import { budgetFor } from './rateLimitBudget';
import type { RateLimitState } from './rateLimitHeaders';

/** Rate-limit figures of a success answer, kept beside its output item for the pacing. */
export const successRateLimits = new WeakMap<INodeExecutionData, RateLimitState>();

interface RateLimitOptions {
	rateLimitHandling?: 'waitAndRetry' | 'failImmediately';
	maxWaitSeconds?: number;
}

/** Stops a retry loop that would otherwise never end if the API kept answering 429. */
const MAX_ATTEMPTS = 100;

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
	const budget = budgetFor(apiKey, String(requestData.options.baseURL));
	const deadline = Date.now() + (options.maxWaitSeconds ?? 600) * 1000;

	for (let attempt = 1; ; attempt++) {
		if (paced) await budget.acquire(deadline);
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
