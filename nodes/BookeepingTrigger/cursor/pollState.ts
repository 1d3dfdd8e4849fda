import type { IDataObject } from 'n8n-workflow';

const STATE_VERSION = 1;

/**
 * What the trigger keeps between polls, in the workflow's static data. Only the API's own
 * timestamps and record ids: never the key, never a record's content.
 */
export interface PollState {
	version: number;
	/** The event this state belongs to: another event starts from a new baseline. */
	event: string;
	/** Whether the first poll has set where to start from. */
	baselined: boolean;
	/** The newest timestamp processed, as the API wrote it; null: from the first record. */
	cursor: string | null;
	/** How many records sorted at or before the cursor at the last poll: where the next poll starts reading. */
	rank: number;
	/** The position (from 1) of the newest record processed, at the last poll. */
	position: number;
	/** `id@timestamp` of the records processed within the overlap margin of the cursor. */
	recent: string[];
	/** Status changed: changes stamped after this time are reported (earlier ones form the baseline). */
	liveFrom: string | null;
	/** Status changed: invoices whose status can still change, id -> status code (see invoiceStatusChanged). */
	tracked: Record<string, string>;
	/** Status changed: the API's time of the last overdue check (epoch ms; 0: none yet), to know how often polls come. */
	overdueCheckedAt: number;
	/** No request before this time (epoch ms), after a rate limit or a used-up day. */
	notBefore: number;
	/** Why the trigger waits, once it was reported. */
	waitReason: string;
}

export function freshState(event: string): PollState {
	return {
		version: STATE_VERSION,
		event,
		baselined: false,
		cursor: null,
		rank: 0,
		position: 0,
		recent: [],
		liveFrom: null,
		tracked: {},
		overdueCheckedAt: 0,
		notBefore: 0,
		waitReason: '',
	};
}

/**
 * The saved state (without keys an earlier release kept), or a fresh one when there is none, it is
 * of another version, or of another event.
 */
export function readState(staticData: IDataObject, event: string): PollState {
	if (staticData.version !== STATE_VERSION || staticData.event !== event) return freshState(event);
	const fresh = freshState(event);
	const saved = staticData as unknown as Partial<PollState>;
	const known = Object.fromEntries(Object.keys(fresh).filter((key) => key in saved).map((key) => [key, saved[key as keyof PollState]]));
	return {
		...fresh,
		...known,
		recent: Array.isArray(saved.recent) ? [...saved.recent] : [],
		tracked: { ...(saved.tracked ?? {}) },
	};
}

/**
 * Writes the state back by reassigning every top-level key: n8n only notices that static data
 * changed when a top-level key is set, not when a nested object is changed in place.
 */
export function writeState(staticData: IDataObject, state: PollState): void {
	for (const key of Object.keys(staticData)) {
		if (!(key in state)) delete staticData[key];
	}
	for (const [key, value] of Object.entries(state)) {
		staticData[key] = Array.isArray(value) ? [...value] : typeof value === 'object' && value !== null ? { ...value } : value;
	}
}
