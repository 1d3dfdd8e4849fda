import { FIRST_SEARCH_MS } from './windowClock';
import type { WindowView } from './windowView';

/** Alone, the share of a window after its start until which its last slot is kept for a process not seen yet. */
const KEEP_LAST_SLOT_SHARE = 1 / 8;
/** Shared, the share of a window after its start at which the first process sends the last request of its part (the others at twice that). */
const SETTLE_SHARE = 1 / 16;
/**
 * Shared, the share of a window after its start until which each process keeps to its part:
 * then what the first process left is taken by the others, a little later.
 */
const HAND_BACK_SHARE = 1 / 2;

/** What the split of a window depends on besides the window itself. */
export interface ShareRules {
	limit: number;
	sendsRetryAfter: boolean;
	/** How long windows last, as far as known; whether that is bounded. */
	length: number | undefined;
	lengthBounded: boolean;
}

/** Whether it is still early in the window: processes that take part have sent one request each, no more. */
export function isEarlyIn(win: WindowView, rules: ShareRules, now: number): boolean {
	return now <= win.span.startHi + SETTLE_SHARE * (rules.length ?? FIRST_SEARCH_MS);
}

/** Whether this process's request was the first the API counted in the window. */
function isFirst(win: WindowView): boolean {
	return win.firstUsage === 1;
}

/**
 * This process's part of the window. Shared: an equal part, the remainder to the process
 * that came first. Alone: all but the last slot, which waits a little for a process this one
 * has not seen yet (with Retry-After, whose 429 tells at once when the window ends, all of it).
 */
export function partOf(win: WindowView, sharers: number, rules: ShareRules): number {
	const { limit } = rules;
	if (sharers === 1) return rules.sendsRetryAfter ? limit : Math.max(1, limit - 1);
	const equal = Math.floor(limit / sharers);
	return Math.max(1, isFirst(win) ? limit - (sharers - 1) * equal : equal);
}

/**
 * How many of the window's requests this process may send now, and when that changes. Alone,
 * its part, then the last slot a moment later. Shared, the last request of its part waits a
 * moment (the first process's less than the others'), so that the others' answers show
 * whether the first took its part. If it took less (it went quiet), they take the rest from
 * half the window on; the first takes the rest only if nobody else showed up in the window.
 */
export function claimOf(win: WindowView, sharers: number, rules: ShareRules, now: number): { claim: number; from: number } {
	const { limit } = rules;
	const part = partOf(win, sharers, rules);
	const first = isFirst(win);
	const at = (share: number) => win.span.startHi + share * (rules.length ?? FIRST_SEARCH_MS);
	if (sharers === 1) return now >= at(KEEP_LAST_SLOT_SHARE) ? { claim: limit, from: Infinity } : { claim: part, from: at(KEEP_LAST_SLOT_SHARE) };
	const settle = at(first ? SETTLE_SHARE : 2 * SETTLE_SHARE);
	if (now < settle) return { claim: Math.max(1, part - 1), from: settle };
	// While the window's length is not known, neither is "half the window": no hand-back.
	const othersKeptToTheirPart = !rules.lengthBounded || (first ? win.others > 0 : win.others >= limit - part);
	if (othersKeptToTheirPart) return { claim: part, from: win.endsAt };
	const handBack = at(HAND_BACK_SHARE + (first ? 0 : SETTLE_SHARE));
	return now >= handBack ? { claim: limit, from: Infinity } : { claim: part, from: handBack };
}
