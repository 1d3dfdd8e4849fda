import type { IDataObject } from 'n8n-workflow';

import type { PollState } from '../cursor/pollState';

/** Statuses an invoice never leaves: such invoices are no longer tracked. */
const FINAL_STATUSES = ['PAID', 'CANCELLED'];

const CODES: Record<string, string> = { DRAFT: 'D', OVERDUE: 'O' };

/**
 * An invoice's tracked status, kept short so 50,000 tracked invoices stay small: `D` draft,
 * `O` overdue, `S<due>[:<looked>[:<place>]]` sent, with its due date and, once it is past due, when
 * the trigger last looked whether it became overdue (epoch seconds) and its place in the list
 * sorted by `_id`, all base 36; any other status as its own name.
 */
export interface TrackedStatus {
	status: string;
	dueAt?: number;
	lookedAt?: number;
	place?: number;
}

const base36 = (text: string | undefined) => (text ? parseInt(text, 36) : undefined);
/** A time kept as epoch seconds in base 36, as epoch ms. */
const secondsBase36 = (text: string | undefined) => {
	const seconds = base36(text);
	return seconds === undefined ? undefined : seconds * 1000;
};

export function decodeStatus(code: string | undefined): TrackedStatus | undefined {
	if (code === undefined) return undefined;
	if (code === 'D') return { status: 'DRAFT' };
	if (code === 'O') return { status: 'OVERDUE' };
	const sent = /^S([0-9a-z]*)(?::([0-9a-z]*))?(?::([0-9a-z]+))?$/.exec(code);
	if (sent) {
		return { status: 'SENT', dueAt: secondsBase36(sent[1]), lookedAt: secondsBase36(sent[2]), place: base36(sent[3]) };
	}
	return { status: code };
}

export function encodeSent(dueAt: number | undefined, lookedAt?: number, place?: number): string {
	const seconds = (time: number) => Math.floor(time / 1000).toString(36);
	const due = dueAt === undefined || Number.isNaN(dueAt) ? '' : seconds(dueAt);
	const looked = lookedAt === undefined ? '' : seconds(lookedAt);
	if (place !== undefined) return `S${due}:${looked}:${place.toString(36)}`;
	return looked ? `S${due}:${looked}` : `S${due}`;
}

/** Keeps the status an invoice now has, or forgets the invoice once its status is final. */
export function track(state: PollState, invoice: IDataObject): void {
	const id = String(invoice._id);
	const status = String(invoice.status ?? '');
	if (FINAL_STATUSES.includes(status) || status === '') {
		delete state.tracked[id];
	} else if (status === 'SENT') {
		state.tracked[id] = encodeSent(Date.parse(String(invoice.dueDate ?? '')));
	} else {
		state.tracked[id] = CODES[status] ?? status;
	}
}
