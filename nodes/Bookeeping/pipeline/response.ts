import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { errorFromResponse, errorFromUnexpectedSuccess, type FailedRequest } from './apiErrors';
import type { BookeepingApiError } from './errors';
import { readRateLimitHeaders, type RateLimitState } from './rateLimitHeaders';

/**
 * The node's one postReceive step: hands the whole answer (status, headers, body) to the
 * request executor, which alone decides what it means. Every request asks n8n not to throw on
 * an error status, so 4xx and 5xx answers arrive here too.
 */
export async function captureResponse(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return [{ json: { statusCode: response.statusCode, headers: response.headers, body: response.body } as unknown as IDataObject }];
}

export type Outcome =
	| { ok: true; data: unknown; rateLimit: RateLimitState }
	| { ok: false; error: BookeepingApiError; rateLimit: RateLimitState };

function isEnvelope(body: unknown): body is { data?: unknown } {
	return typeof body === 'object' && body !== null && !Array.isArray(body) && !Buffer.isBuffer(body);
}

/** Reads what `captureResponse` handed over. */
export function outcomeOf(items: INodeExecutionData[], request: FailedRequest): Outcome {
	const response = items[0]?.json as unknown as IN8nHttpFullResponse;
	const rateLimit = readRateLimitHeaders(response.headers);
	if (response.statusCode < 200 || response.statusCode >= 300) {
		return { ok: false, error: errorFromResponse(request, response), rateLimit };
	}
	let body: unknown = response.body;
	if (typeof body === 'string' && /^\s*[{[]/.test(body)) {
		try {
			body = JSON.parse(body);
		} catch {
			// Left as text: refused below as not the documented envelope.
		}
	}
	if (!isEnvelope(body)) return { ok: false, error: errorFromUnexpectedSuccess(request, response), rateLimit };
	return { ok: true, data: body.data, rateLimit };
}
