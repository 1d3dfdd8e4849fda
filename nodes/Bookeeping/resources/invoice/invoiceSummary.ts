import type { IDataObject } from 'n8n-workflow';

/** The short form of an invoice: Get Many's Simplify, and what a model is given. */
export function simplifyInvoice(invoice: IDataObject): IDataObject {
	const counterParty = invoice.counterParty as IDataObject | undefined;
	return {
		_id: invoice._id,
		invoiceId: invoice.invoiceId,
		status: invoice.status,
		counterparty: counterParty?.accountName ?? null,
		amount: invoice.amount,
		currency: invoice.currency,
		invoiceDate: invoice.invoiceDate,
		dueDate: invoice.dueDate,
	};
}

/** The short form plus the fields an operation changed, for a model. */
export function simplifyInvoiceWith(...changed: string[]): (invoice: IDataObject) => IDataObject {
	return (invoice) => ({
		...simplifyInvoice(invoice),
		...Object.fromEntries(changed.map((field) => [field, invoice[field] ?? null])),
	});
}
