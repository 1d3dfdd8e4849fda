export type OperationType = 'read' | 'write';

export interface Limits {
	perWindow: number;
	perDay: number;
}

export interface RateLimitDecision {
	allowed: boolean;
	headers: Record<string, string>;
	/** Whole seconds until the current window ends (for Retry-After). */
	retryAfterSeconds: number;
	limit: 'minute' | 'day' | undefined;
}

interface Counter {
	windowStart: number;
	windowCount: number;
	dayStart: number;
	dayCount: number;
}

/** Fixed-window counters per key and operation type, as Bookeeping.ai documents them. */
export class RateLimiter {
	private readonly counters = new Map<string, Counter>();

	constructor(
		private readonly limits: Record<OperationType, Limits>,
		private readonly windowMs: number,
		private readonly dayMs: number,
		private readonly now: () => number = Date.now,
	) {}

	take(key: string, type: OperationType): RateLimitDecision {
		const now = this.now();
		const windowStart = Math.floor(now / this.windowMs) * this.windowMs;
		const dayStart = Math.floor(now / this.dayMs) * this.dayMs;
		const id = `${type}:${key}`;
		const counter = this.counters.get(id) ?? { windowStart, windowCount: 0, dayStart, dayCount: 0 };
		if (counter.windowStart !== windowStart) Object.assign(counter, { windowStart, windowCount: 0 });
		if (counter.dayStart !== dayStart) Object.assign(counter, { dayStart, dayCount: 0 });
		this.counters.set(id, counter);

		const limits = this.limits[type];
		const limit =
			counter.dayCount >= limits.perDay
				? 'day'
				: counter.windowCount >= limits.perWindow
					? 'minute'
					: undefined;
		if (!limit) {
			counter.windowCount++;
			counter.dayCount++;
		}
		const resetAt = limit === 'day' ? dayStart + this.dayMs : windowStart + this.windowMs;
		return {
			allowed: !limit,
			limit,
			retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
			headers: {
				'x-rate-limiter-daily-limit': String(limits.perDay),
				'x-rate-limiter-minutely-limit': String(limits.perWindow),
				'x-rate-limiter-daily-usage': String(counter.dayCount),
				'x-rate-limiter-minutely-usage': String(counter.windowCount),
				'x-rate-limiter-operation-type': type,
			},
		};
	}

	/** Uses up the day's quota of a key, to play a workflow that runs out late in the day. */
	exhaustDay(key: string, type: OperationType): void {
		this.take(key, type);
		const counter = this.counters.get(`${type}:${key}`)!;
		counter.dayCount = this.limits[type].perDay;
	}
}
