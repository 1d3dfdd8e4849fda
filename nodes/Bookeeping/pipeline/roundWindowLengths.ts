/**
 * Window lengths a limiter on the clock is likely to use. Such a limiter starts its windows at
 * whole multiples of their length (a clock minute starts at :00), so once that is known, a
 * request sent just after such a time is the first of the new window, not a guess somewhere
 * in the doubt.
 */
const ROUND_LENGTHS_MS = [1_000, 2_000, 5_000, 10_000, 15_000, 20_000, 30_000, 60_000];
/** How far this process's clock may be from the API's, as a share of the length. */
const CLOCK_DIFFERENCE_SHARE = 1 / 50;
/** How close to a round end a window must be seen to start, and how far before it a test request goes, as a share of the length. */
const CLOSE_SHARE = 1 / 8;
/** How many window starts must have been seen tightly around round ends before they are counted on. */
const CONFIRMATIONS = 2;

const margin = (length: number) => length * CLOCK_DIFFERENCE_SHARE;

/** The first multiple of `length` after `time`. */
const nextMultiple = (time: number, length: number) => Math.floor(time / length + 1) * length;

/** The last multiple of `length` at or before `time`. */
const lastMultiple = (time: number, length: number) => Math.floor(time / length) * length;

/** The next round time a window may end at, and what is known of ends there. */
export interface RoundEnd {
	/** When to send the request that would be the first of the next window: just after the end. */
	at: number;
	/** Just before the end: a request there is refused if the windows do end there. */
	testAt: number;
	/**
	 * `untried`: no window was seen to start just after such an end; `seen`: one was, but a
	 * window opened by the first request after the last one closed also starts where the
	 * request went, so it wants a test; `confirmed`: a request just before was refused and
	 * one just after let through, twice.
	 */
	known: 'untried' | 'seen' | 'confirmed';
}

/**
 * The round lengths the API's windows may still have, given where this process saw windows
 * go on and where it saw them change. Once no length is left (windows opened by the first
 * request, a length off the list, clocks far apart), it has nothing to say.
 */
export class RoundWindowLengths {
	private possible = [...ROUND_LENGTHS_MS];
	private readonly seen = new Map<number, number>();

	/** A window seen at `since` still ran when a request sent at `until` got there: no round end in between. */
	wentOn(since: number, until: number): void {
		this.possible = this.possible.filter((length) => nextMultiple(since, length) > until - margin(length));
	}

	/** A window began after `after` and no later than `by`: only lengths with a multiple in between remain. */
	began(after: number, by: number): void {
		if (!Number.isFinite(after)) return;
		this.possible = this.possible.filter((length) => nextMultiple(after - margin(length), length) <= by + margin(length));
		// Seen just after a round end: it counts for the longest length ending there (the shorter ones
		// end there too, and in between); closely before it too, when the window before still ran just before it.
		const length = Math.max(0, ...this.possible.filter((candidate) => by - lastMultiple(by, candidate) <= candidate * CLOSE_SHARE));
		if (!length) return;
		const closely = by - after <= 2 * length * CLOSE_SHARE;
		this.seen.set(length, (this.seen.get(length) ?? 0) + (closely ? 1 : 0));
	}

	/** The earliest end after `after` of a window with one of the remaining lengths (the longest of those ending there). */
	nextEndAfter(after: number): RoundEnd | undefined {
		if (!this.possible.length) return undefined;
		const end = Math.min(...this.possible.map((length) => nextMultiple(after, length)));
		const length = Math.max(...this.possible.filter((candidate) => end % candidate === 0));
		const seen = this.seen.get(length);
		const known = seen === undefined ? 'untried' : seen >= CONFIRMATIONS ? 'confirmed' : 'seen';
		return { at: end + margin(length), testAt: end - length * CLOSE_SHARE, known };
	}
}
