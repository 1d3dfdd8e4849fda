import type { RateLimitState } from './rateLimitHeaders';
import type { WindowSpan } from './windowClock';

/** What this process knows of one of the API's windows. */
export interface WindowView {
	span: WindowSpan;
	/**
	 * Daily usage minus the window's usage, the same in every answer from one window (every
	 * request counted counts in both): the requests the API counted today before it began.
	 * Undefined when the API does not send both counts.
	 */
	base: number | undefined;
	/** The highest usage the API reported for it, and when that answer arrived. */
	count: number;
	countAt: number;
	/** Requests of this process the API counted in it. */
	own: number;
	/** The fewest requests of other processes it must have counted, from the usage. */
	others: number;
	/**
	 * How many processes took part in it, as far as seen early in it, when each sends one
	 * request alone: its place among the first requests, or one for each other request then.
	 */
	sharers: number;
	/** The usage reported with this process's first request counted in it: 1 when this process was first. */
	firstUsage: number | undefined;
	/** When it was seen full (a 429, or usage at the limit), and the daily usage then. */
	fullAt: number | undefined;
	fullDaily: number | undefined;
	/** From Retry-After: the window ends then. */
	resetsAt: number | undefined;
	/** When the next request goes alone, to find out whether the window ended. */
	endsAt: number;
}

export function newWindowView(span: WindowSpan, base: number | undefined): WindowView {
	return {
		span,
		base,
		count: 0,
		countAt: span.startHi,
		own: 0,
		others: 0,
		sharers: 1,
		firstUsage: undefined,
		fullAt: undefined,
		fullDaily: undefined,
		resetsAt: undefined,
		endsAt: Infinity,
	};
}

/** The requests the API counted today before the answer's window began (see WindowView.base). */
export function baseOf(state: RateLimitState, refused: boolean, limit: number): number | undefined {
	const { minutelyUsage, dailyUsage } = state;
	if (minutelyUsage === undefined || dailyUsage === undefined) return undefined;
	// A refused request counts in neither; some APIs report the refused ones in the usage too.
	return dailyUsage - (refused ? Math.min(minutelyUsage, limit) : minutelyUsage);
}
