import { randomBytes } from 'node:crypto';

import { API_GUESSES } from '../nodes/Bookeeping/apiGuesses';

export type InvoiceStatus = (typeof API_GUESSES.invoiceStatuses)[number];
export type ApiRecord = Record<string, unknown> & { _id: string; createdAt: string; updatedAt: string };

export function newObjectId(): string {
	return randomBytes(12).toString('hex');
}

export interface OpeningBalance {
	currency: string;
	/** The month (YYYY-MM) the books start in, and their balance at its start. */
	month: string;
	startingBalance: number;
	institutionBalance: number | null;
}

export const PROJECT_ID = '65f1c0ffee00000000000001';

/**
 * The sandbox's records, keyed by lower-case id, with a clock that tests can move
 * (createdAt and updatedAt come from it).
 */
export class SandboxStore {
	readonly invoices = new Map<string, ApiRecord>();
	readonly counterparties = new Map<string, ApiRecord>();
	readonly categories = new Map<string, ApiRecord>();
	readonly accounts = new Map<string, ApiRecord>();
	readonly transactions = new Map<string, ApiRecord>();
	/** Per account id: the balance the books open with, and what the bank reports (null: not reported). */
	readonly openingBalances = new Map<string, OpeningBalance>();
	private invoiceNumber = 1000;

	/**
	 * @param overdueLagMs How long after its due date a sent invoice reads as OVERDUE (the API's
	 * timing is not documented: at the due date, or later by a nightly job).
	 */
	constructor(
		readonly now: () => number = Date.now,
		readonly overdueLagMs = 0,
	) {}

	/** An ISO time from the clock. Distinct records may share one: the API's timestamps are not unique either. */
	stamp(): string {
		return new Date(this.now()).toISOString();
	}

	nextInvoiceNumber(): string {
		return `INV-${++this.invoiceNumber}`;
	}

	insert(collection: Map<string, ApiRecord>, fields: Record<string, unknown>, id = newObjectId()): ApiRecord {
		const at = this.stamp();
		const record = { projectId: PROJECT_ID, ...fields, _id: id, createdAt: at, updatedAt: at } as ApiRecord;
		collection.set(id.toLowerCase(), record);
		return record;
	}

	touch(record: ApiRecord, changes: Record<string, unknown>): ApiRecord {
		Object.assign(record, changes, { updatedAt: this.stamp() });
		return record;
	}
}
