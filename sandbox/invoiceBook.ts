import { SEED_IDS } from './seed';
import type { ApiRecord, InvoiceStatus, SandboxStore } from './store';

const DAY = 86_400_000;
const CUSTOMERS = [SEED_IDS.acme, SEED_IDS.globex, SEED_IDS.initech];
/** Most invoices of a real book are paid; every status is there, and sent ones both in and past their terms. */
const STATUS_CYCLE: InvoiceStatus[] = ['PAID', 'SENT', 'PAID', 'DRAFT', 'SENT', 'PAID', 'OVERDUE', 'CANCELLED', 'SENT', 'PAID'];

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
		const status = STATUS_CYCLE[index % STATUS_CYCLE.length];
		const counterParty = counterparties[index % counterparties.length] ?? null;
		const issued = now - Math.floor(((count - index) / count) * 180 * DAY) - (index % 7) * 3_600_000;
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
