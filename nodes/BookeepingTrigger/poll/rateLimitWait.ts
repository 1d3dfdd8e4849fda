import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { BookeepingApiError } from '../../Bookeeping/pipeline/errors';

/** Used when a per-minute 429 says nothing about when to try again. */
const DEFAULT_MINUTE_WAIT_MS = 60_000;

export interface RateLimitWait {
	kind: 'minute' | 'day';
	/** No request before this time (epoch ms). */
	until: number;
	/** What the user is told, once. */
	error: NodeApiError;
}

function nextUtcMidnight(now: number): number {
	const date = new Date(now);
	return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
}

/** When a poll was refused for the rate limit: until when the trigger waits, and why. */
export function rateLimitWaitOf(node: INode, error: unknown, now = Date.now()): RateLimitWait | undefined {
	if (!(error instanceof BookeepingApiError) || error.details.statusCode !== 429) return undefined;
	const details = error.details as IDataObject;
	const retryAfter = typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds * 1000 : undefined;
	const at = (time: number) => new Date(time).toISOString();
	if (details.limit === 'day') {
		const until = now + (retryAfter ?? nextUtcMidnight(now) - now);
		const used = details.dailyLimit !== undefined ? ` (${details.dailyUsage} of ${details.dailyLimit} reads today)` : '';
		return {
			kind: 'day',
			until,
			error: new NodeApiError(node, { ...details } as JsonObject, {
				message: `Bookeeping.ai's daily read limit is used up${used}. The trigger sends no request until ${at(until)}, then carries on where it left off: nothing is missed.`,
				description:
					'Every poll costs at least one read of the API key\'s daily limit, shared with every workflow using the same key. Poll less often (Poll Times) to save reads.',
				httpCode: '429',
				failure: { cause: 'quota-exhausted', resetsAtEpochMs: until },
			}),
		};
	}
	const until = now + (retryAfter ?? DEFAULT_MINUTE_WAIT_MS);
	return {
		kind: 'minute',
		until,
		error: new NodeApiError(node, { ...details } as JsonObject, {
			message: `Bookeeping.ai's per-minute read limit was hit. The trigger sends no request until ${at(until)}, then carries on where it left off: nothing is missed.`,
			description: 'Other workflows using the same API key share the limit of 100 reads a minute.',
			httpCode: '429',
			failure: { cause: 'rate-limited', retryAfterMs: until - now },
		}),
	};
}
