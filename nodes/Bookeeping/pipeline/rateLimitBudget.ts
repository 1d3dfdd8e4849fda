import { createHash } from 'crypto';
import { sleep } from 'n8n-workflow';

import { isDailyLimitExhausted, type RateLimitState } from './rateLimitHeaders';

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
/** Without Retry-After, how often a used-up daily quota is checked again with one request. */
const DAILY_RECHECK_MS = 15 * 60_000;
/** While the window's length is unknown: the first probe after a full window, then doubling. */
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
/** The smallest step by which the learned window length moves: 2% of it, at least 20 ms. */
const MIN_STEP_MS = 20;
const MIN_STEP_SHARE = 0.02;
/** The smallest share of a window a process keeps when others use the key too. */
const MIN_SHARE = 1 / 8;
/** How long requests of others, seen in the API's counts, make this process share windows. */
const OTHERS_MEMORY_MS = 60_000;
/** A waiter re-checks at least this often, so no long timer outlives the wait it served. */
const MAX_PAUSE_MS = 1_000;

export interface Answer {
	statusCode: number;
	state: RateLimitState;
}

export type Admission =
	| { granted: true }
	| { granted: false; reason: 'dailyQuota' | 'maxWait'; state: RateLimitState };

/**
 * What this process has learned of how long the API's windows last, when it sends no
 * Retry-After. Each full window ends with a probe at the estimated end: one that works at once
 * moves the estimate a step earlier, one that was refused first moves it to where a probe
 * worked, so the estimate follows the real end within a step, one refusal a window at most.
 * A single late observation cannot stretch it: it never moves past where a probe was planned.
 */
class WindowLength {
	/** The time from a window's start to its end; undefined until one end was seen. */
	estimate: number | undefined;
	step = 0;
	/** While there is no estimate: how long after its start a window was seen still running. */
	lower = 0;

	/** How long after the window's start to probe, after `refused` refused probes in it. */
	probeOffset(refused: number, now: number, start: number): number {
		if (this.estimate === undefined) {
			let wait = FIRST_BACKOFF_MS;
			while (wait <= this.lower || start + wait <= now) wait *= 2;
			return wait;
		}
		return this.estimate + this.step * (2 ** refused - 1);
	}

	stillRunningAfter(elapsed: number): void {
		if (this.estimate === undefined && elapsed > this.lower) this.lower = elapsed;
	}

	/** A probe `elapsed` ms after the start of a full window found a new one, after `refused` refusals. */
	ended(elapsed: number, refused: number, lastRefused: number, planned: number): void {
		if (!(elapsed > 0) || !Number.isFinite(elapsed)) return;
		const length = Math.min(elapsed, planned);
		if (this.estimate === undefined) {
			this.estimate = length;
			this.step = refused > 0 ? Math.max(this.minStep, (length - lastRefused) / 2) : length / 4;
			return;
		}
		if (refused === 0) {
			// Worked at once: the end may be earlier still.
			if (elapsed <= this.estimate + this.step) this.estimate = Math.max(this.minStep, this.estimate - this.step);
			return;
		}
		this.estimate = length;
		this.step = refused === 1 ? Math.max(this.minStep, this.step / 2) : this.step * 2;
	}

	private get minStep(): number {
		return Math.max(MIN_STEP_MS, (this.estimate ?? 0) * MIN_STEP_SHARE);
	}
}

/** What this process knows of the API's current window. */
interface WindowView {
	/** The highest usage the API reported for it. */
	count: number;
	/** When the answer carrying `count` arrived. */
	countAt: number;
	/** When the window was first seen full (a 429, or usage at the limit); undefined while not. */
	fullAt: number | undefined;
	/** The first answer from this window (Infinity until one came): the window started before it. */
	startedBy: number;
	/** Requests of this process the API counted in it. */
	own: number;
	/** From Retry-After: the window ends then. */
	resetsAt: number | undefined;
	/** Without Retry-After: when to send the one request that finds out whether the window ended. */
	probeAt: number | undefined;
	/** Probes refused in this window, and how long after its start the last one was sent. */
	refusedProbes: number;
	lastRefusedAfter: number;
	/** How long after its start the current probe was planned. */
	plannedAfter: number;
	/** The API's daily usage when the window was seen full: any more means others got into a new window. */
	fullDaily: number | undefined;
	/** Whether its start is only known to lie before `startedBy` (it was found already full). */
	startUnknown: boolean;
}

function freshWindow(now: number): WindowView {
	return {
		count: 0,
		countAt: now,
		fullAt: undefined,
		startedBy: Infinity,
		own: 0,
		resetsAt: undefined,
		probeAt: undefined,
		refusedProbes: 0,
		lastRefusedAfter: 0,
		plannedAfter: Infinity,
		fullDaily: undefined,
		startUnknown: false,
	};
}

/**
 * The request budget of one API key, base URL and operation kind, shared by every item and
 * every execution in this n8n process. The API's `x-rate-limiter-*` headers are the source of
 * truth, and their usage counts the requests of every process using the key (other n8n
 * workers): so this process takes the share of each window that it sees left to it, tells a
 * new window from the counts alone, and learns how long windows last when the API sends no
 * Retry-After.
 */
export class RateLimitBudget {
	private limit: number | undefined;
	private win: WindowView = freshWindow(Date.now());
	/** The start of the window before this one, in case this one turns out not to be new. */
	private previousStartedBy = Infinity;
	/** Own requests and the API's total usage in the previous window, for the share. */
	private previousOwn = 0;
	private previousTotal = 0;
	/** When each request now in flight was let through, oldest first. */
	private readonly inFlight: number[] = [];
	private apiSendsRetryAfter: boolean | undefined;
	private readonly windowLength = new WindowLength();
	private dailyBlockedUntil = 0;
	/** The answer that showed the daily quota used up. */
	private dailyState: RateLimitState | undefined;
	/** A success used the last of the day's quota: one more request confirms it (and gets Retry-After). */
	private dailyUsedUp = false;
	private lastState: RateLimitState = {};
	/** When the API's counts last showed requests this process did not send. */
	private othersSeenAt = -Infinity;
	private lastActivity = Date.now();
	private readonly waiters = new Set<() => void>();

	constructor(private readonly kind: OperationKind) {}

	/** Waits for room, never past `deadline`, and never lets through a request it knows will be refused. */
	async acquire(deadline: number): Promise<Admission> {
		for (;;) {
			const now = Date.now();
			this.lastActivity = now;
			if (now < this.dailyBlockedUntil) return this.refuse('dailyQuota', now);
			this.rollOverByTime(now);
			const chance = this.nextChance(now);
			if (chance === 'now') {
				this.grant(now);
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
		} else if (statusCode === 429) {
			this.onWindowLimit(now, sentAfter, state);
		} else {
			this.onCounted(now, sentAfter, state);
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
		const until = this.win.resetsAt ?? this.win.probeAt ?? now;
		return Math.max(MIN_RETRY_MS, until - now);
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
		const newest = this.inFlight[this.inFlight.length - 1];
		const loneIsPending = newest !== undefined && now - newest < PROBE_PATIENCE_MS;
		if (this.dailyUsedUp) return this.inFlight.length === 0 ? 'now' : 'answer';
		if (win.fullAt !== undefined) {
			if (win.resetsAt !== undefined) return win.resetsAt;
			const probeAt = win.probeAt ?? now;
			if (now < probeAt) return probeAt;
			// One request finds out whether the window ended; a slow one does not hold the others for long.
			return loneIsPending ? 'answer' : 'now';
		}
		// The first request with a key, and the first of a window others use too, go alone: the
		// answer says how much room is left. One that stays unanswered holds the others only briefly.
		const alone = this.limit === undefined || (win.startedBy === Infinity && this.share(now) < 1);
		if (alone && this.inFlight.length === 0) return 'now';
		if (alone && loneIsPending) return 'answer';
		const share = this.share(now);
		// Alone on a key whose API sends Retry-After, one request beyond the room goes with the
		// others: its 429 comes at the window's start, so its Retry-After, in whole seconds, is
		// the closest to the real end. (Sent after the window is full, it would end up to a second late.)
		const probe = this.apiSendsRetryAfter === true && share === 1 ? 1 : 0;
		const left = this.windowLimit - win.count;
		if (left + probe - this.inFlight.length > 0) {
			const allowed = Math.max(1, Math.ceil(left * share)) + probe;
			return this.inFlight.length < allowed ? 'now' : 'answer';
		}
		if (this.inFlight.length > 0) return 'answer';
		// Every answer is in and the usage is at the limit, though no request was refused yet.
		this.markFull(now);
		return this.nextChance(now);
	}

	private grant(now: number): void {
		this.inFlight.push(now);
		if (this.win.fullAt !== undefined && this.win.resetsAt === undefined) {
			// The probe is out: the next one waits for its answer, or for its patience to run out.
			this.win.probeAt = now + PROBE_PATIENCE_MS;
		}
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
		const resetsAt = until ?? this.win.resetsAt ?? this.win.probeAt;
		if (resetsAt !== undefined) {
			return { granted: false, reason, state: { ...state, retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now) / 1000)) } };
		}
		return { granted: false, reason, state };
	}

	private onDailyQuotaUsedUp(now: number, state: RateLimitState): void {
		this.dailyState = state;
		const retryMs = state.retryAfterSeconds !== undefined ? state.retryAfterSeconds * 1000 : DAILY_RECHECK_MS;
		this.dailyBlockedUntil = now + Math.max(MIN_RETRY_MS, retryMs);
	}

	private onWindowLimit(now: number, sentAfter: number, state: RateLimitState): void {
		if (this.othersStartedAWindow(state)) {
			this.othersSeenAt = now;
			// Refused, yet the day's count grew since the window was full: a new window began,
			// and others already filled it. Its start is unknown, so it tells nothing of its length.
			this.startWindow(now);
			this.win.startUnknown = true;
			this.win.startedBy = now;
		}
		const win = this.win;
		if (win.startedBy === Infinity && Number.isFinite(this.previousStartedBy) && win.resetsAt === undefined) {
			// The clock said the window had ended, but the API still counts it: it goes on.
			win.startedBy = this.previousStartedBy;
		}
		win.startedBy = Math.min(win.startedBy, now);
		win.count = Math.max(win.count, state.minutelyUsage ?? 0, this.windowLimit);
		win.countAt = now;
		// A refusal that makes the window full is no probe: only later ones tell of its length.
		const probed = win.fullAt !== undefined;
		win.fullAt ??= now;
		win.fullDaily = Math.max(win.fullDaily ?? 0, state.dailyUsage ?? 0);
		if (state.retryAfterSeconds !== undefined) {
			this.apiSendsRetryAfter = true;
			// Retry-After 0, or a date in the past, would otherwise send the retries in a tight loop.
			win.resetsAt = Math.max(win.resetsAt ?? 0, now + Math.max(MIN_RETRY_MS, state.retryAfterSeconds * 1000));
			win.probeAt = undefined;
			return;
		}
		this.apiSendsRetryAfter = false;
		if (!win.startUnknown) this.windowLength.stillRunningAfter(sentAfter - win.startedBy);
		if (probed) {
			win.refusedProbes++;
			win.lastRefusedAfter = sentAfter - win.startedBy;
		}
		win.probeAt = this.planProbe(now);
	}

	private onCounted(now: number, sentAfter: number, state: RateLimitState): void {
		const usage = state.minutelyUsage;
		if (usage === undefined) {
			this.win.count++;
			this.win.own++;
			return;
		}
		const win = this.win;
		// Only a request sent after an answer arrived can tell a new window from a late answer:
		// it succeeded although the window was full, or the API counts fewer than it did.
		const seen = win.startedBy !== Infinity;
		const afterFull = win.fullAt !== undefined && sentAfter > win.fullAt;
		const dropped = usage < win.count && sentAfter > win.countAt;
		if (seen && afterFull && this.apiSendsRetryAfter === false && !win.startUnknown) {
			this.windowLength.ended(now - win.startedBy, win.refusedProbes, win.lastRefusedAfter, win.plannedAfter);
		}
		if (seen && (afterFull || dropped)) this.startWindow(now);
		const current = this.win;
		current.startedBy = Math.min(current.startedBy, now);
		current.own++;
		if (usage >= current.count) {
			current.count = usage;
			current.countAt = now;
		}
		if (state.dailyLimit !== undefined && state.dailyUsage !== undefined && state.dailyUsage >= state.dailyLimit) {
			this.dailyUsedUp = true;
		}
		if (current.count >= this.windowLimit) {
			this.markFull(now);
			current.fullDaily = Math.max(current.fullDaily ?? 0, state.dailyUsage ?? 0);
		}
	}

	/** Whether the API counted requests of others since this process saw the window full. */
	private othersStartedAWindow(state: RateLimitState): boolean {
		const { fullAt, fullDaily } = this.win;
		return fullAt !== undefined && fullDaily !== undefined && state.dailyUsage !== undefined && state.dailyUsage > fullDaily;
	}

	/** The API's current window is over: the next answer tells when the new one started. */
	private startWindow(now: number): void {
		const previous = this.win;
		this.previousStartedBy = previous.startedBy;
		this.previousOwn = previous.own;
		this.previousTotal = Math.max(previous.count, previous.own);
		this.win = freshWindow(now);
	}

	/** Starts the next window once the clock says the current one has ended. */
	private rollOverByTime(now: number): void {
		const win = this.win;
		if (win.resetsAt !== undefined) {
			if (now >= win.resetsAt) this.startWindow(now);
			return;
		}
		const { estimate, step } = this.windowLength;
		if (estimate !== undefined && win.fullAt === undefined && win.startedBy !== Infinity && now >= win.startedBy + estimate + 2 * step) {
			this.startWindow(now);
		}
	}

	private markFull(now: number): void {
		const win = this.win;
		if (win.fullAt !== undefined) return;
		win.fullAt = now;
		// The API's Retry-After, when it sends one, is the cheapest way to learn the reset: probe at once.
		win.probeAt = this.apiSendsRetryAfter === true ? now : this.planProbe(now);
	}

	/** When to send the one request that finds out whether the full window ended (see WindowLength). */
	private planProbe(now: number): number {
		const win = this.win;
		if (!Number.isFinite(win.startedBy)) return now;
		win.plannedAfter = this.windowLength.probeOffset(win.refusedProbes, now, win.startedBy);
		return Math.max(now, Math.min(win.startedBy + win.plannedAfter, now + MAX_BACKOFF_MS));
	}

	/** The part of a window this process may take, from how much of the usage it saw was its own. */
	private share(now: number): number {
		const own = this.previousOwn + this.win.own;
		const total = this.previousTotal + Math.max(this.win.count, this.win.own);
		const seen = total < 2 ? 1 : Math.min(1, Math.max(MIN_SHARE, own / total));
		if (seen < 1) this.othersSeenAt = now;
		// Others filled windows without this process seeing their count: take half, not all.
		return now - this.othersSeenAt < OTHERS_MEMORY_MS ? Math.min(seen, 0.5) : seen;
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
let lastSweep = 0;

/** Drops the budgets of keys nobody used for a while (checked at most once a minute). */
function forgetIdleBudgets(now: number): void {
	if (now - lastSweep < 60_000) return;
	lastSweep = now;
	for (const [id, budget] of budgets) {
		if (budget.isIdle(now)) budgets.delete(id);
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
		budget = new RateLimitBudget(kind);
		budgets.set(id, budget);
	}
	return budget;
}
