import type { DeclarativeRestApiSettings, IExecutePaginationFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { errorFromNetworkFailure, rateLimitError, type FailedRequest } from './apiErrors';
import { BookeepingApiError, type BookeepingError } from './errors';
import type { NodeRun } from './nodeRun';
import type { RateLimitBudget } from './rateLimitBudget';
import type { RequestSettings } from './requestSettings';
import { outcomeOf } from './response';

/** A read that got no answer or a 5xx is tried again this often, after these pauses. */
const READ_RETRY_DELAYS_MS = [1_000, 3_000];
/** No item is tried more often than this for the per-minute limit, whatever the API answers. */
const MAX_RATE_LIMIT_ATTEMPTS = 20;

export interface PacedRequest {
	context: IExecutePaginationFunctions;
	requestData: DeclarativeRestApiSettings.ResultOptions;
	request: FailedRequest;
	settings: RequestSettings;
	budget: RateLimitBudget;
	run: NodeRun;
	/** Under Stop Workflow: why this item must not be sent any more, if so. */
	stopped: () => BookeepingError | undefined;
}

function isMinuteLimit(error: BookeepingApiError): boolean {
	return error.details.statusCode === 429 && error.details.limit !== 'day';
}

function isRetryableRead(request: FailedRequest, error: BookeepingApiError, attempt: number): boolean {
	if (request.writes || attempt > READ_RETRY_DELAYS_MS.length) return false;
	const status = error.details.statusCode;
	return status === null || (typeof status === 'number' && status >= 500);
}

/** A per-minute 429 without Retry-After tells a model when to retry from what the budget learned of the window. */
function withRetryEstimate(error: BookeepingApiError, retryAt: number): BookeepingApiError {
	if (isMinuteLimit(error) && error.details.retryAfterSeconds === undefined) {
		error.forModel.next = `retry in ${Math.max(1, Math.ceil((retryAt - Date.now()) / 1000))} s.`;
	}
	return error;
}

/**
 * Sends one request and returns the answer's `data`. Under Wait and Retry it waits for room
 * in the key's budget and retries a per-minute 429 for this request alone; a read that got
 * no answer or a 5xx is retried a few times; a write never is, since it may have happened.
 */
export async function sendPaced(paced: PacedRequest): Promise<{ data: unknown; rateLimit: Record<string, unknown> }> {
	const { context, requestData, request, settings, budget, run } = paced;
	const deadline = run.startedAt + settings.maxWaitMs;
	for (let attempt = 1; ; attempt++) {
		if (settings.paced) {
			const admission = await budget.acquire(deadline);
			if (!admission.granted) throw rateLimitError(request, admission.state, false);
		}
		const stopped = paced.stopped();
		if (stopped) {
			if (settings.paced) budget.release();
			throw stopped;
		}
		let error: BookeepingApiError;
		try {
			const outcome = outcomeOf(await context.makeRoutingRequest(requestData), request);
			if (settings.paced) budget.record({ statusCode: outcome.ok ? 200 : Number(outcome.error.details.statusCode), state: outcome.rateLimit });
			if (outcome.ok) return { data: outcome.data, rateLimit: { ...outcome.rateLimit } };
			error = outcome.error;
		} catch (caught) {
			if (settings.paced) budget.release();
			error = errorFromNetworkFailure(request, caught);
		}
		if (isRetryableRead(request, error, attempt)) {
			await sleep(READ_RETRY_DELAYS_MS[attempt - 1]);
			continue;
		}
		const retryAt = Date.now() + budget.retryDelayMs();
		if (!settings.paced || !isMinuteLimit(error) || retryAt > deadline || attempt >= MAX_RATE_LIMIT_ATTEMPTS) {
			throw settings.paced ? withRetryEstimate(error, retryAt) : error;
		}
	}
}
