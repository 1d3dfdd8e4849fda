import { createHash } from 'crypto';
import { sleep } from 'n8n-workflow';

import { isDailyLimitExhausted, type RateLimitState } from './rateLimitHeaders';
import { newSpan, WindowClock } from './windowClock';
import { baseOf, newWindowView, type WindowView } from './windowView';
import { claimOf, isEarlyIn, partOf, type ShareRules } from './windowShare';

export type OperationKind = 'read' | 'write';

/** Bookeeping.ai's documented limits, used until the API reports its own. */
export const DOCUMENTED_LIMITS: Record<OperationKind, { perMinute: number; perDay: number }> = {
	read: { perMinute: 100, perDay: 6000 },
	write: { perMinute: 25, perDay: 1500 },
};

/** The shortest wait after a per-minute 429, whatever Retry-After says (0, or a date in the past). */
export const MIN_RETRY_MS = 1_000;
/** How long a lone request (the first with a key, or a probe) may stay unanswered before the others stop waiting for it. */
export const PROBE_PATIENCE_MS = 2_000;
/** A budget nobody used for this long is forgotten (and learned again if the key comes back). */
export const IDLE_BUDGET_MS = 15 * 60_000;
/** What was learned of how long a key's windows last is kept this long after its budget was last used. */
export const LEARNED_CLOCK_MS = 24 * 60 * 60_000;
/** Without Retry-After, how often a used-up daily quota is checked again with one request. */
const DAILY_RECHECK_MS = 15 * 60_000;
/**
 * For how many windows after others' requests were last seen this process keeps to its part
 * (early in the window: what they leave is taken from half the window on).
 */
const OTHERS_MEMORY_WINDOWS = 2;
/** A waiter re-checks at least this often, so no long timer outlives the wait it served. */
const MAX_PAUSE_MS = 1_000;

export interface Answer {
	statusCode: number;
	state: RateLimitState;
}

/** What outlives a budget nobody used for a while: how long its windows last, and when it was last used. */
interface KeptClock {
	clock: WindowClock;
	lastUsed: number;
}

export type Admission =
	| { granted: true }
	| { granted: false; reason: 'dailyQuota' | 'maxWait'; state: RateLimitState };

/**
 * The request budget of one API key, base URL and operation kind, shared by every item and
 * every execution in this n8n process. The API's `x-rate-limiter-*` headers are the source of
 * truth, and their usage counts the requests of every process using the key (other n8n
 * workers), which this process cannot talk to. So it tells each window from the counts alone
 * (windowView.ts), opens each window with one request whose usage says who came first, keeps
 * to its part of the window while others are seen and takes what they left from half the
 * window on (windowShare.ts), and learns how long windows last when the API sends no
 * Retry-After (windowClock.ts).
 */
export class RateLimitBudget {
	private limit: number | undefined;
	/** The window of the last answer, and the one seen before it. */
	private win: WindowView | undefined;
	private previous: WindowView | undefined;
	private windowsSeen = 0;
	/** The last window in which others' requests were seen (its index). */
	private othersSeenIn = -Infinity;
	/** When each request now in flight was let through, oldest first. */
	private readonly inFlight: number[] = [];
	private apiSendsRetryAfter: boolean | undefined;
	private dailyBlockedUntil = 0;
	/** The answer that showed the daily quota used up. */
	private dailyState: RateLimitState | undefined;
	/** A success used the last of the day's quota: one more request confirms it (and gets Retry-After). */
	private dailyUsedUp = false;
	private lastState: RateLimitState = {};
	private lastActivity = Date.now();
	private readonly waiters = new Set<() => void>();

	constructor(
		private readonly kind: OperationKind,
		/** What is known of how long the API's windows last, kept longer than the budget (see budgetFor). */
		private readonly clock = new WindowClock(),
	) {}

	/** Waits for room, never past `deadline`, and never lets through a request it knows will be refused. */
	async acquire(deadline: number): Promise<Admission> {
		for (;;) {
			const now = Date.now();
			this.lastActivity = now;
			if (now < this.dailyBlockedUntil) return this.refuse('dailyQuota', now);
			const chance = this.nextChance(now);
			if (chance === 'now') {
				this.inFlight.push(now);
				return { granted: true };
			}
			if (chance === 'answer') {
				if (now >= deadline) return this.refuse('maxWait', now);
				await this.pause(deadline - now);
				continue;
			}
			if (chance > deadline) return this.refuse('maxWait', now, chance);
			await this.pause(chance - now);
		}
	}

	/** Records the answer to a request `acquire` let through. */
	record({ statusCode, state }: Answer): void {
		const now = Date.now();
		// Answers come in any order: only the oldest request in flight is sure to be no older than this one.
		const sentAfter = this.inFlight[0] ?? now;
		this.inFlight.pop();
		this.lastActivity = now;
		this.dailyUsedUp = false;
		this.lastState = state;
		if (state.minutelyLimit !== undefined) this.limit = state.minutelyLimit;
		if (statusCode === 429 && isDailyLimitExhausted(state)) {
			this.onDailyQuotaUsedUp(now, state);
		} else {
			this.onWindowAnswer(now, sentAfter, statusCode === 429, state);
		}
		this.wake();
	}

	/** Gives back the slot of a request that got no answer. */
	release(): void {
		this.inFlight.pop();
		this.lastActivity = Date.now();
		this.wake();
	}

	/** After a per-minute 429: how long the refused item waits before it asks for a slot again. */
	retryDelayMs(): number {
		const now = Date.now();
		return Math.max(MIN_RETRY_MS, (this.win?.endsAt ?? now) - now);
	}

	/** What to keep of this budget once it is dropped (see budgetFor). */
	kept(): KeptClock {
		return { clock: this.clock, lastUsed: this.lastActivity };
	}

	/** Whether nothing uses this budget and it holds nothing worth keeping. */
	isIdle(now: number): boolean {
		return (
			this.inFlight.length === 0 &&
			this.waiters.size === 0 &&
			now >= this.dailyBlockedUntil &&
			now - this.lastActivity >= IDLE_BUDGET_MS
		);
	}

	private get windowLimit(): number {
		return this.limit ?? DOCUMENTED_LIMITS[this.kind].perMinute;
	}

	/** `now`, a time to wait for, or `answer`: wait for an answer to a request in flight. */
	private nextChance(now: number): number | 'now' | 'answer' {
		const win = this.win;
		if (this.dailyUsedUp) return this.inFlight.length === 0 ? 'now' : 'answer';
		// The first request with a key, and the first once a window may have ended, go alone:
		// the answer says whose window it is and how much of it is left.
		if (!win || now >= win.endsAt) return this.alone(now);
		if (win.fullAt !== undefined) return win.endsAt;
		const sharers = this.sharers(win);
		// On a key whose API sends Retry-After, one request beyond the room goes with the others
		// of its part: its 429 comes early in the window, so its Retry-After, in whole seconds,
		// is the closest to the real end (sent later, it could end up to a second late).
		const probe = this.apiSendsRetryAfter === true && win.span.refused === 0 ? 1 : 0;
		const room = this.windowLimit - win.count + probe - this.inFlight.length;
		const rules = this.shareRules();
		const { claim, from } = claimOf(win, sharers, rules, now);
		// What others left is taken one request at a time: each answer says whether some is left.
		const handedBack = win.own + this.inFlight.length >= partOf(win, sharers, rules);
		if (room > 0 && claim + probe - win.own - this.inFlight.length > 0 && !(handedBack && this.inFlight.length > 0)) return 'now';
		if (this.inFlight.length > 0) return 'answer';
		if (room <= 0) {
			// Every answer is in and the usage is at the limit, though no request was refused yet.
			this.markFull(win, now);
			return win.endsAt;
		}
		return Math.min(win.endsAt, from);
	}

	/** One request at a time, unless the one out stays unanswered too long. */
	private alone(now: number): 'now' | 'answer' {
		const newest = this.inFlight[this.inFlight.length - 1];
		return newest !== undefined && now - newest < PROBE_PATIENCE_MS ? 'answer' : 'now';
	}

	/**
	 * How many processes share the key, counting this one: 1 unless others' requests were seen
	 * in this window or the last ones, else as many as took part early in this window or the
	 * one before (at least two).
	 */
	private sharers(win: WindowView): number {
		if (this.othersSeenIn < win.span.index - OTHERS_MEMORY_WINDOWS) return 1;
		const previous = this.previous?.span.index === win.span.index - 1 ? this.previous.sharers : 1;
		return Math.min(this.windowLimit, Math.max(2, win.sharers, previous));
	}

	private shareRules(): ShareRules {
		return { limit: this.windowLimit, sendsRetryAfter: this.apiSendsRetryAfter === true, length: this.clock.length, lengthBounded: this.clock.bounded };
	}

	private refuse(reason: 'dailyQuota' | 'maxWait', now: number, until?: number): Admission {
		if (reason === 'dailyQuota') {
			const state: RateLimitState = { ...this.dailyState };
			if (state.retryAfterSeconds !== undefined) {
				state.retryAfterSeconds = Math.max(0, Math.ceil((this.dailyBlockedUntil - now) / 1000));
			}
			return { granted: false, reason, state };
		}
		const state: RateLimitState = { ...this.lastState };
		delete state.retryAfterSeconds;
		const endsAt = until ?? this.win?.endsAt;
		if (endsAt !== undefined && Number.isFinite(endsAt)) {
			return { granted: false, reason, state: { ...state, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now) / 1000)) } };
		}
		return { granted: false, reason, state };
	}

	private onDailyQuotaUsedUp(now: number, state: RateLimitState): void {
		this.dailyState = state;
		const retryMs = state.retryAfterSeconds !== undefined ? state.retryAfterSeconds * 1000 : DAILY_RECHECK_MS;
		this.dailyBlockedUntil = now + Math.max(MIN_RETRY_MS, retryMs);
	}

	private onWindowAnswer(now: number, sentAfter: number, refused: boolean, state: RateLimitState): void {
		const win = this.windowOf(now, sentAfter, refused, state);
		if (!win) return;
		const limit = this.windowLimit;
		this.clock.placed(win.span, sentAfter);
		if (refused) {
			this.clock.refused(win.span);
			win.count = Math.max(win.count, state.minutelyUsage ?? 0, limit);
			win.countAt = now;
			win.others = Math.max(win.others, limit - win.own - this.inFlight.length);
			this.markFull(win, now);
			win.fullDaily = Math.max(win.fullDaily ?? 0, state.dailyUsage ?? 0);
			this.apiSendsRetryAfter = state.retryAfterSeconds !== undefined;
			if (state.retryAfterSeconds !== undefined) {
				// Retry-After 0, or a date in the past, would otherwise send the retries in a tight loop.
				win.resetsAt = Math.max(win.resetsAt ?? 0, now + Math.max(MIN_RETRY_MS, state.retryAfterSeconds * 1000));
			}
		} else {
			win.own++;
			const usage = state.minutelyUsage ?? win.count + 1;
			win.firstUsage ??= usage;
			if (usage === 1) win.span.openedAt = sentAfter;
			if (usage >= win.count) {
				win.count = usage;
				win.countAt = now;
			}
			win.others = Math.max(win.others, win.count - win.own - this.inFlight.length);
			if (state.dailyLimit !== undefined && state.dailyUsage !== undefined && state.dailyUsage >= state.dailyLimit) this.dailyUsedUp = true;
			if (win.count >= limit) {
				this.markFull(win, now);
				win.fullDaily = Math.max(win.fullDaily ?? 0, state.dailyUsage ?? 0);
			}
		}
		if (win.others > 0) this.othersSeenIn = Math.max(this.othersSeenIn, win.span.index);
		if (isEarlyIn(win, this.shareRules(), now)) win.sharers = Math.max(win.sharers, win.firstUsage ?? 1, 1 + win.others);
		this.plan(win, now);
	}

	/**
	 * The window an answer came from: the current one, a new one (which becomes current), or
	 * undefined for an earlier one. The base tells them apart whatever order answers come in;
	 * without it, only a request sent after an answer arrived can show a new window: it
	 * succeeded although the window was full, or the API counts fewer than it did.
	 */
	private windowOf(now: number, sentAfter: number, refused: boolean, state: RateLimitState): WindowView | undefined {
		const win = this.win;
		const base = baseOf(state, refused, this.windowLimit);
		if (!win) return this.startWindow(now, base);
		let isNew: boolean;
		if (base !== undefined && win.base !== undefined) {
			if (base === win.base) return win;
			// A lower base: an answer from an earlier window, or a new day.
			isNew = base > win.base || sentAfter > win.span.startHi;
			if (!isNew && base === this.previous?.base) {
				this.clock.placed(this.previous.span, sentAfter);
				win.span.startLo = Math.max(win.span.startLo, sentAfter);
			}
		} else if (refused) {
			// Refused, yet the day's count grew since the window was full: others got into a new window.
			isNew = win.fullDaily !== undefined && state.dailyUsage !== undefined && state.dailyUsage > win.fullDaily;
		} else {
			const usage = state.minutelyUsage;
			const afterFull = win.fullAt !== undefined && sentAfter > win.fullAt;
			const dropped = usage !== undefined && usage < win.count && sentAfter > win.countAt;
			isNew = afterFull || dropped;
		}
		return isNew ? this.startWindow(now, base) : base === undefined || win.base === undefined ? win : undefined;
	}

	private startWindow(now: number, base: number | undefined): WindowView {
		const span = newSpan(-Infinity, now, this.windowsSeen++);
		this.clock.seen(span, this.win?.span);
		this.previous = this.win;
		this.win = newWindowView(span, base);
		return this.win;
	}

	private markFull(win: WindowView, now: number): void {
		if (win.fullAt !== undefined) return;
		win.fullAt = now;
		this.plan(win, now);
	}

	/** When the next request goes alone to find out whether the window ended. */
	private plan(win: WindowView, now: number): void {
		if (win.resetsAt !== undefined) win.endsAt = win.resetsAt;
		// The API's Retry-After, when it sends one, is the cheapest way to learn the reset: probe at once.
		else if (this.apiSendsRetryAfter === true && win.fullAt !== undefined) win.endsAt = now;
		else win.endsAt = this.clock.probeAt(win.span, now);
	}

	private async pause(ms: number): Promise<void> {
		await new Promise<void>((resolve) => {
			const done = () => {
				this.waiters.delete(done);
				resolve();
			};
			this.waiters.add(done);
			void sleep(Math.max(1, Math.min(ms, MAX_PAUSE_MS))).then(done);
		});
	}

	private wake(): void {
		for (const waiter of [...this.waiters]) waiter();
	}
}

const budgets = new Map<string, RateLimitBudget>();
/**
 * How long windows last, per key, base URL and kind, for the budgets that were dropped: a worker
 * learns it once, not again each time a workflow comes back to the key.
 */
const keptClocks = new Map<string, KeptClock>();
let lastSweep = 0;

/** Drops the budgets of keys nobody used for a while, and what was learned of their windows a day after their last use (checked at most once a minute). */
function forgetIdleBudgets(now: number): void {
	if (now - lastSweep < 60_000) return;
	lastSweep = now;
	for (const [id, budget] of budgets) {
		if (!budget.isIdle(now)) continue;
		budgets.delete(id);
		keptClocks.set(id, budget.kept());
	}
	for (const [id, kept] of keptClocks) {
		if (now - kept.lastUsed >= LEARNED_CLOCK_MS) keptClocks.delete(id);
	}
}

/** How many budgets this process holds right now. */
export function budgetCount(): number {
	return budgets.size;
}

/**
 * The budget shared by all requests of one kind made with this key to this base URL in this
 * process. Reads and writes are limited separately.
 */
export function budgetFor(apiKey: string, baseUrl: string, kind: OperationKind): RateLimitBudget {
	forgetIdleBudgets(Date.now());
	const id = createHash('sha256').update(`${kind}\n${baseUrl}\n${apiKey}`).digest('hex');
	let budget = budgets.get(id);
	if (!budget) {
		budget = new RateLimitBudget(kind, keptClocks.get(id)?.clock.resumed());
		keptClocks.delete(id);
		budgets.set(id, budget);
	}
	return budget;
}
