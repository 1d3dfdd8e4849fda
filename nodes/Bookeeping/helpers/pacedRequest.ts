import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { BookeepingApiError } from './errors';
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
 */
export async function sendPaced(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const options = context.getNodeParameter('options', {}) as RateLimitOptions;
	if (options.rateLimitHandling === 'failImmediately') {
		return await context.makeRoutingRequest(requestData);
	}
	const credentials = await context.getCredentials<{ apiKey: string }>('bookeepingApi');
	const budget = budgetFor(String(credentials.apiKey), String(requestData.options.baseURL));
	const deadline = Date.now() + (options.maxWaitSeconds ?? 600) * 1000;

	for (let attempt = 1; ; attempt++) {
		await budget.acquire(deadline);
		try {
			const items = await context.makeRoutingRequest(requestData);
			budget.record({ statusCode: 200, state: successRateLimits.get(items[0]) ?? {} });
			return items;
		} catch (error) {
			if (!(error instanceof BookeepingApiError) || error.rateLimit === undefined) {
				budget.release();
				throw error;
			}
			budget.record({ statusCode: Number(error.details.statusCode), state: error.rateLimit });
			const retryAt = Date.now() + budget.retryDelayMs();
			if (!isMinuteLimit(error) || retryAt > deadline || attempt >= MAX_ATTEMPTS) throw error;
		}
	}
}
