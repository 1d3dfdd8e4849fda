import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { addInvoiceBook, type InvoiceBookEntry } from '../../../sandbox/invoiceBook';
import type { ApiRecord, InvoiceStatus } from '../../../sandbox/store';
import type { Sandbox } from '../../../sandbox/server';
import { runInvoice, sentTo, startSandbox } from '../invoiceTestKit';

export const BOOK_SIZE = 1_200;

/** A sandbox holding a book of invoices over three customers and six months, with room for many reads. */
export async function startBook(): Promise<{ sandbox: Sandbox; book: InvoiceBookEntry[] }> {
	const sandbox = await startSandbox({ readLimits: { perWindow: 10_000, perDay: 100_000 } });
	const book = addInvoiceBook(sandbox.store, BOOK_SIZE);
	return { sandbox, book };
}

/** Invoice > Get Many with these filters. */
export async function getMany(sandbox: Sandbox, filters: IDataObject, extra: IDataObject = {}, onError?: 'continueErrorOutput') {
	const before = sentTo(sandbox, 'GET', '/v1/invoices').length;
	const result = await runInvoice(sandbox, 'getAll', { filters, ...extra }, [{}], onError);
	const requests = sentTo(sandbox, 'GET', '/v1/invoices').slice(before);
	return { ...result, requests };
}

/** The invoices as the API holds them now (a sent invoice past its due date flips to OVERDUE when read). */
export function invoicesNow(sandbox: Sandbox): ApiRecord[] {
	return [...sandbox.invoices.values()];
}

export function idsOf(items: INodeExecutionData[]): string[] {
	return items.map((item) => String(item.json._id)).sort();
}

export function idsWhere(sandbox: Sandbox, keep: (invoice: ApiRecord) => boolean): string[] {
	return invoicesNow(sandbox).filter(keep).map((invoice) => invoice._id).sort();
}

export const hasStatus = (...statuses: InvoiceStatus[]) => (invoice: ApiRecord) => statuses.includes(invoice.status as InvoiceStatus);

export function counterpartyIdOf(invoice: ApiRecord): string {
	return String((invoice.counterParty as IDataObject | null)?._id ?? '');
}

/** The page and page size of each list request, to assert how the node read. */
export function pagesOf(requests: Array<{ query: Record<string, string> }>): Array<[string, string]> {
	return requests.map((request) => [request.query.page, request.query.limit]);
}
