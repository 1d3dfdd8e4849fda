import { SEED_IDS } from './seed';
import type { ApiRecord, InvoiceStatus, SandboxStore } from './store';

const DAY = 86_400_000;
const CUSTOMERS = [SEED_IDS.acme, SEED_IDS.globex, SEED_IDS.initech];
/**
 * Statuses by age, as a real book holds them: recent invoices are drafts, sent or paid; those just
 * past their 30 days' terms are mostly paid, some still sent (the API turns them OVERDUE when it
 * looks); older ones are paid or cancelled, a few long overdue.
 */
const RECENT: InvoiceStatus[] = ['SENT', 'SENT', 'PAID', 'DRAFT', 'SENT', 'PAID', 'SENT', 'DRAFT', 'SENT', 'PAID'];
const JUST_DUE: InvoiceStatus[] = ['PAID', 'SENT', 'PAID', 'PAID', 'SENT', 'PAID', 'CANCELLED', 'PAID', 'PAID', 'PAID'];
const OLDER: InvoiceStatus[] = ['PAID', 'PAID', 'PAID', 'OVERDUE', 'PAID', 'PAID', 'CANCELLED', 'PAID', 'PAID', 'PAID'];

function statusFor(index: number, ageDays: number): InvoiceStatus {
	const cycle = ageDays < 30 ? RECENT : ageDays < 45 ? JUST_DUE : OLDER;
	return cycle[index % cycle.length];
}

export interface InvoiceBookEntry {
	id: string;
	status: InvoiceStatus;
	counterpartyId: string;
	invoiceNumber: string;
	invoiceDate: string;
	dueDate: string;
}

/**
 * Adds `count` invoices as a small business's book holds them: three customers, spread over the
 * six months before the clock (a few a day, 30 days' terms), in every status; some sent
 * invoices are past their due date, and the API says OVERDUE for them once it looks (when read).
 * Deterministic: the same count gives the same book for the same clock.
 */
export function addInvoiceBook(store: SandboxStore, count: number): InvoiceBookEntry[] {
	const entries: InvoiceBookEntry[] = [];
	const counterparties = CUSTOMERS.map((id) => store.counterparties.get(id.toLowerCase())).filter(
		(record): record is ApiRecord => record !== undefined,
	);
	const now = store.now();
	for (let index = 0; index < count; index++) {
		const counterParty = counterparties[index % counterparties.length] ?? null;
		const issued = now - Math.floor(((count - index) / count) * 180 * DAY) - (index % 7) * 3_600_000;
		const status = statusFor(index, (now - issued) / DAY);
		const due = status === 'OVERDUE' ? Math.min(issued + 30 * DAY, now - DAY) : issued + 30 * DAY;
		const amount = 50 + ((index * 37) % 2000);
		const invoiceNumber = store.nextInvoiceNumber();
		const record = store.insert(store.invoices, {
			status,
			invoiceId: invoiceNumber,
			amount,
			currency: 'USD',
			discount: null,
			calculated: { grandTotal: amount, tax: 0, discount: 0, subTotal: amount },
			invoiceDate: new Date(issued).toISOString(),
			dueDate: new Date(due).toISOString(),
			lineItems: [{ name: 'Consulting', quantity: 1, price: amount }],
			note: '',
			attachments: [],
			purchaseOrderId: null,
			counterParty,
			...(status === 'SENT' || status === 'OVERDUE' ? { sendDate: new Date(issued).toISOString() } : {}),
		});
		entries.push({
			id: record._id,
			status,
			counterpartyId: String(counterParty?._id ?? ''),
			invoiceNumber,
			invoiceDate: String(record.invoiceDate),
			dueDate: String(record.dueDate),
		});
	}
	return entries;
}
