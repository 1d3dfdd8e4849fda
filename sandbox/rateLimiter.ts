export type OperationType = 'read' | 'write';

export interface Limits {
	perWindow: number;
	perDay: number;
}

/**
 * `clock`: windows aligned to the clock (every `windowMs` since the epoch).
 * `firstRequest`: a window opens with the first request after the previous one closed, as
 * limiters that expire a key's counter `windowMs` after its first hit do.
 */
export type WindowMode = 'clock' | 'firstRequest';

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
		private readonly windowMode: WindowMode = 'clock',
		private readonly now: () => number = Date.now,
	) {}

	take(key: string, type: OperationType): RateLimitDecision {
		const now = this.now();
		const id = `${type}:${key}`;
		const previous = this.counters.get(id);
		const windowStart =
			this.windowMode === 'clock'
				? Math.floor(now / this.windowMs) * this.windowMs
				: previous && now < previous.windowStart + this.windowMs
					? previous.windowStart
					: now;
		const dayStart = Math.floor(now / this.dayMs) * this.dayMs;
		const counter = previous ?? { windowStart, windowCount: 0, dayStart, dayCount: 0 };
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
		const resetAt = limit === 'day' ? dayStart + this.dayMs : counter.windowStart + this.windowMs;
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
