import { createHash } from 'crypto';
import { sleep } from 'n8n-workflow';

import { isDailyLimitExhausted, type RateLimitState } from './rateLimitHeaders';

/** Used only if the API never reports its limit. */
const DOCUMENTED_WRITES_PER_MINUTE = 25;
const FIRST_BACKOFF_MS = 1_000;
const MIN_BACKOFF_MS = 100;
/** How much shorter to wait for the next window after a probe that worked at once. */
const WINDOW_SHRINK = 0.9;
const MAX_BACKOFF_MS = 30_000;
/** A waiter re-checks at least this often, so no long timer outlives the wait it served. */
const MAX_PAUSE_MS = 1_000;

export type OperationKind = 'read' | 'write';

export type Admission =
	| { granted: true }
	| { granted: false; reason: 'dailyQuota' | 'maxWait'; state: RateLimitState };

export interface Answer {
	statusCode: number;
	state: RateLimitState;
}

/**
 * The request budget of one API key at one base URL, shared by every item and every execution
 * in this n8n process. The API's `x-rate-limiter-*` headers are the source of truth, so n8n
 * workers sharing a key correct each other through them.
 *
 * The reset time of a full window comes from `Retry-After` when the API sends it; otherwise
 * the budget learns the window length from when usage starts again, and probes with a single
 * request while it does not know.
 */
export class RateLimitBudget {
	private limit: number | undefined;
	/** The API's count of requests in the current window, as last reported. */
	private usage = 0;
	private inFlight = 0;
	/** No request goes out before this time. */
	private blockedUntil = 0;
	/** When set, the window has been reported to reset at this time. */
	private resetsAt: number | undefined;
	/** Only one request at a time, until an answer says how much room there is. */
	private probing = true;
	/** Set once a full window has been seen, so the next new window tells its length. */
	private probingAfterFullWindow = false;
	private windowStartedAt: number | undefined;
	private windowMs: number | undefined;
	private apiSendsRetryAfter = false;
	/** Probes refused since the last window started. */
	private refusedProbes = 0;
	private backoffMs = FIRST_BACKOFF_MS;
	private readonly waiters = new Set<() => void>();

	/** Waits for room in the budget, never past `deadline`; after it the API decides. */
	async acquire(deadline: number): Promise<Admission> {
		for (;;) {
			const now = Date.now();
			if (now >= deadline) break;
			if (this.resetsAt !== undefined && now >= this.resetsAt) {
				this.usage = 0;
				this.resetsAt = undefined;
			}
			if (now < this.blockedUntil) {
				// Waiting would end past the deadline: let the API's 429 say so at once.
				if (this.blockedUntil > deadline) break;
				await this.pause(this.blockedUntil - now);
				continue;
			}
			if (this.hasRoom()) break;
			if (this.inFlight === 0) {
				this.planNextWindow();
				continue;
			}
			await this.pause(deadline - now);
		}
		this.inFlight++;
		return { granted: true };
	}

	/** Records the answer to a request that `acquire` let through. */
	record({ statusCode, state }: Answer): void {
		const now = Date.now();
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (state.minutelyLimit !== undefined) this.limit = state.minutelyLimit;
		if (statusCode === 429 && !isDailyLimitExhausted(state)) {
			this.onWindowFull(now, state.retryAfterSeconds);
		} else if (state.minutelyUsage !== undefined) {
			this.onUsage(now, state.minutelyUsage);
		} else if (statusCode !== 429) {
			this.limit ??= DOCUMENTED_WRITES_PER_MINUTE;
			this.usage++;
			this.probing = false;
		}
		this.wake();
	}

	/** Gives back the slot of a request that got no answer. */
	release(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		this.wake();
	}

	/** How long a request refused for the per-minute limit should wait before trying again. */
	retryDelayMs(): number {
		return Math.max(0, this.blockedUntil - Date.now());
	}

	private hasRoom(): boolean {
		if (this.probing) return this.inFlight === 0;
		return this.usage + this.inFlight < (this.limit ?? DOCUMENTED_WRITES_PER_MINUTE);
	}

	private onUsage(now: number, reportedUsage: number): void {
		// A count lower than the last one, yet small enough to hold only requests sent since,
		// means a new window (a merely late answer of the same window does not shrink it so).
		const newWindow = reportedUsage < this.usage && reportedUsage <= this.inFlight + 1;
		if (newWindow || this.windowStartedAt === undefined) {
			if (this.windowStartedAt !== undefined && this.probingAfterFullWindow) this.learnWindowLength(now);
			this.windowStartedAt = now;
			this.usage = reportedUsage;
		} else {
			this.usage = Math.max(this.usage, reportedUsage);
		}
		this.probing = false;
		this.probingAfterFullWindow = false;
		this.backoffMs = this.windowMs ? Math.max(MIN_BACKOFF_MS, this.windowMs / 16) : FIRST_BACKOFF_MS;
	}

	/**
	 * Without Retry-After the window's length is only seen from when a new one starts. A probe
	 * that needed retries bounds it from above; one that worked at once may have been late, so
	 * the next wait is a little shorter, until a probe is early again.
	 */
	private learnWindowLength(now: number): void {
		const sinceLastStart = now - (this.windowStartedAt ?? now);
		this.windowMs =
			this.windowMs === undefined || this.refusedProbes > 0
				? sinceLastStart
				: this.windowMs * WINDOW_SHRINK;
		this.refusedProbes = 0;
	}

	private onWindowFull(now: number, retryAfterSeconds: number | undefined): void {
		this.usage = Math.max(this.usage, this.limit ?? this.usage);
		if (retryAfterSeconds !== undefined) {
			this.apiSendsRetryAfter = true;
			const resetsAt = now + retryAfterSeconds * 1000;
			this.blockedUntil = Math.max(this.blockedUntil, resetsAt);
			this.resetsAt = resetsAt;
			this.probing = false;
			return;
		}
		this.blockedUntil = Math.max(this.blockedUntil, now + this.backoffMs);
		this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs * 2);
		this.refusedProbes++;
		this.probing = true;
		this.probingAfterFullWindow = true;
	}

	/**
	 * The window is used up and nothing is in flight. A probe is cheap (a refused request does
	 * not count) and, when the API sends Retry-After, its answer tells the exact reset; without
	 * it, wait for the end of the window as learned, then probe.
	 */
	private planNextWindow(): void {
		this.probing = true;
		this.probingAfterFullWindow = true;
		if (!this.apiSendsRetryAfter && this.windowMs !== undefined && this.windowStartedAt !== undefined) {
			this.blockedUntil = Math.max(this.blockedUntil, this.windowStartedAt + this.windowMs);
		}
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

/** The budget shared by all requests made with this key to this base URL in this process. */
export function budgetFor(apiKey: string, baseUrl: string, kind: OperationKind): RateLimitBudget {
	const id = createHash('sha256').update(`${kind}\n${baseUrl}\n${apiKey}`).digest('hex');
	let budget = budgets.get(id);
	if (!budget) {
		budget = new RateLimitBudget();
		budgets.set(id, budget);
	}
	return budget;
}
