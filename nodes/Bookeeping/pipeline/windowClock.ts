/** While nothing bounds the window's length: the lengths tried, shortest first (the API documents a minute). */
const SEARCH_LENGTHS_MS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];
export const FIRST_SEARCH_MS = SEARCH_LENGTHS_MS[0];
/** How late a probe goes past where a window of a given length would end, as a share of it (clocks and networks differ). */
const MARGIN_SHARE = 1 / 50;
/** No probe of the search waits longer than this after the last thing known. */
const MAX_SEARCH_STEP_MS = 30_000;
/** Once the end is known to within this share of a window, the probe goes where the window has surely ended. */
const PRECISION_SHARE = 1 / 25;
const MIN_PRECISION_MS = 20;
/** How many windows back a window's start is compared with, to bound the length over several windows. */
const KEPT_SPANS = 8;
/** When one of the API's windows began, as far as this process can tell, and what it saw in it. */
export interface WindowSpan {
	/** The window began after this (-Infinity: not known)… */
	startLo: number;
	/** …and at or before this: the first answer from it. */
	startHi: number;
	/** The latest time a request this process sent was still counted (or refused) in it. */
	lastSent: number;
	/** This process's requests the API refused in it. */
	refused: number;
	/** How many windows this process saw before it. */
	index: number;
	/** When the request of this process that the API counted first in it (usage 1) was sent. */
	openedAt?: number;
	/** Set when a probe went where the window ends if windows open with the first request. */
	probedWithin?: true;
}

export function newSpan(startLo: number, startHi: number, index: number): WindowSpan {
	return { startLo, startHi, lastSent: -Infinity, refused: 0, index };
}

/**
 * What one process learns of how long the API's windows last when it sends no Retry-After,
 * from where its requests fell. Whether the windows run on the clock or open with the first
 * request after the last one closed, a window starts no sooner than one length after the one
 * before it, and a request counted in a window was sent less than one length after its start:
 * so every window seen narrows the length from above, every request from below. Until both
 * bounds exist, the probe (the one request that finds out whether a full window ended) tries
 * likely lengths in turn. Then it goes where the end is still in doubt, halving the doubt each
 * window, and after a refusal where the window has ended: surely, or, while the guess that
 * windows open with the first request holds, where such a window has ended. A second refusal
 * there disproves the guess for good, so a process is refused twice in one window at most once.
 */
export class WindowClock {
	/** The length is more than this… */
	lower = 0;
	/** …and at most this (Infinity until two windows were seen with a known start). */
	upper = Infinity;
	/**
	 * At most this if windows open with the first request after the last one closed: then a
	 * window this process opened began when its request got there. Not a bound for windows on
	 * the clock, where a window may have begun well before this process's first request in it.
	 */
	private upperIfOpened = Infinity;
	/** Shown that windows here do not open with the first request (see `refused` and `checkBounds`). */
	private onTheClock = false;
	private readonly spans: WindowSpan[] = [];

	/** Whether the length is known to lie between two bounds. */
	get bounded(): boolean {
		return Number.isFinite(this.upper);
	}

	/** The length as far as known, for waits that scale with it; undefined while nothing bounds it. */
	get length(): number | undefined {
		if (Number.isFinite(this.upper)) return this.upper;
		return this.lower > 0 ? 2 * this.lower : undefined;
	}

	/** For a new budget of the same key: what is known of the length stays, the windows seen go. */
	resumed(): this {
		this.spans.length = 0;
		return this;
	}

	/** A request sent no earlier than `sentAfter` was counted or refused in `span`. */
	placed(span: WindowSpan, sentAfter: number): void {
		if (!Number.isFinite(sentAfter)) return;
		span.lastSent = Math.max(span.lastSent, sentAfter);
		this.raiseLower(sentAfter - span.startHi);
	}

	/** A request this process sent in `span` was refused. */
	refused(span: WindowSpan): void {
		span.refused++;
		// Only the probe after a refusal can be a second one, and it goes where the window has ended if windows open with the first request.
		if (span.refused > 1 && span.probedWithin !== undefined) this.onTheClock = true;
	}

	/** A window this process had not seen before; `previous` is the one it saw last, if any. */
	seen(next: WindowSpan, previous: WindowSpan | undefined): void {
		// It began after everything counted in the one before, and at least a length after that one began.
		if (previous) next.startLo = Math.max(next.startLo, previous.lastSent, previous.startLo + this.lower);
		if (previous?.openedAt !== undefined) this.upperIfOpened = Math.min(this.upperIfOpened, next.startHi - previous.openedAt);
		for (const earlier of this.spans) {
			// At least as many windows passed between them as this process saw.
			const windows = next.index - earlier.index;
			if (windows > 0 && Number.isFinite(earlier.startLo)) this.upper = Math.min(this.upper, (next.startHi - earlier.startLo) / windows);
		}
		this.spans.push(next);
		if (this.spans.length > KEPT_SPANS) this.spans.shift();
		// Windows shorter than the requests seen before allowed (the API's limit changed): learn the length from below again.
		if (this.lower >= this.upper) this.lower = 0;
		this.checkBounds();
	}

	/** When to send the request that finds out whether `span` has ended. */
	probeAt(span: WindowSpan, now: number): number {
		// The window ends after `after`.
		const after = Math.max(span.lastSent, span.startLo + this.lower, now);
		if (!Number.isFinite(this.upper)) return this.searchAt(span, after);
		const by = Math.max(now, span.startHi + this.upper);
		// Where it ends if windows open with the first request: no sooner than a length after this process opened it.
		const opened = !this.onTheClock && Number.isFinite(this.upperIfOpened) && span.openedAt !== undefined;
		const likelyAfter = opened ? Math.max(after, span.openedAt! + this.lower) : after;
		const likelyBy = opened ? Math.max(likelyAfter, Math.min(by, span.startHi + this.upperIfOpened * (1 + MARGIN_SHARE))) : by;
		// After a refusal in this window, only where it has ended (if windows open with the first request:
		// a second refusal there shows they do not, once).
		if (span.refused > 0) {
			if (likelyBy < by) span.probedWithin = true;
			return likelyBy;
		}
		const precision = Math.max(MIN_PRECISION_MS, this.upper * PRECISION_SHARE);
		return likelyBy - likelyAfter <= precision ? likelyBy : (likelyAfter + likelyBy) / 2;
	}

	/**
	 * While nothing bounds the length: the end of the window if it lasts the next likely length
	 * (a second, 2, 5, 10, 30 s, a minute, then doubling) after it was first seen, a little late
	 * rather than early.
	 */
	private searchAt(span: WindowSpan, after: number): number {
		const endFor = (length: number) => span.startHi + length * (1 + MARGIN_SHARE);
		let length = SEARCH_LENGTHS_MS.find((candidate) => candidate > this.lower && endFor(candidate) > after);
		if (length === undefined) {
			length = SEARCH_LENGTHS_MS[SEARCH_LENGTHS_MS.length - 1];
			while (length <= this.lower || endFor(length) <= after) length *= 2;
		}
		return Math.min(endFor(length), after + MAX_SEARCH_STEP_MS);
	}

	private raiseLower(length: number): void {
		if (length > this.lower) this.lower = length;
		// Windows longer than the ones seen before allowed: learn the length from above again.
		if (this.lower >= this.upper) this.upper = Infinity;
		this.checkBounds();
	}

	private checkBounds(): void {
		// A window went on longer after this process opened it than windows opened by the first request can.
		if (this.lower >= this.upperIfOpened) this.onTheClock = true;
	}
}
