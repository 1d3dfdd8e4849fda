/**
 * What this package assumes where Bookeeping.ai's public documentation is silent. Every guess
 * lives here, is played by the sandbox (sandbox/) and is listed in README.md ("What is a guess").
 */
export const API_GUESSES = {
	/** The docs describe cancelling, but not its method, path or body field. */
	cancelInvoice: { method: 'POST', path: (id: string) => `/v1/invoices/${id}/cancel`, reasonField: 'cancellationReason' },
	/** The docs show `DRAFT` only; the other spellings are assumed. */
	invoiceStatuses: ['DRAFT', 'SENT', 'OVERDUE', 'PAID', 'CANCELLED'],
	/** Which create fields the API requires is not documented. */
	invoiceCreateRequired: ['counterParty', 'invoiceDate', 'dueDate', 'currency', 'lineItems'],
} as const;
