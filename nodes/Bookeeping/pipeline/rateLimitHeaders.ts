export interface RateLimitState {
	operationType?: string;
	minutelyLimit?: number;
	minutelyUsage?: number;
	dailyLimit?: number;
	dailyUsage?: number;
	retryAfterSeconds?: number;
}

type Headers = Record<string, unknown> | undefined;

function headerValue(headers: Headers, name: string): string | undefined {
	const value = headers?.[name];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

function headerInteger(headers: Headers, name: string): number | undefined {
	const raw = headerValue(headers, name);
	if (raw === undefined || !/^\s*\d+\s*$/.test(raw)) return undefined;
	return Number(raw);
}

/** `Retry-After` as seconds: either delta-seconds or an HTTP date. */
export function retryAfterSeconds(headers: Headers, now = Date.now()): number | undefined {
	const raw = headerValue(headers, 'retry-after')?.trim();
	if (!raw) return undefined;
	if (/^\d+(\.\d+)?$/.test(raw)) return Math.ceil(Number(raw));
	const date = Date.parse(raw);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, Math.ceil((date - now) / 1000));
}

export function readRateLimitHeaders(headers: Headers): RateLimitState {
	const state: RateLimitState = {
		operationType: headerValue(headers, 'x-rate-limiter-operation-type'),
		minutelyLimit: headerInteger(headers, 'x-rate-limiter-minutely-limit'),
		minutelyUsage: headerInteger(headers, 'x-rate-limiter-minutely-usage'),
		dailyLimit: headerInteger(headers, 'x-rate-limiter-daily-limit'),
		dailyUsage: headerInteger(headers, 'x-rate-limiter-daily-usage'),
		retryAfterSeconds: retryAfterSeconds(headers),
	};
	return Object.fromEntries(
		Object.entries(state).filter(([, value]) => value !== undefined),
	) as RateLimitState;
}

export function isDailyLimitExhausted(state: RateLimitState): boolean {
	return (
		state.dailyLimit !== undefined &&
		state.dailyUsage !== undefined &&
		state.dailyUsage >= state.dailyLimit
	);
}
