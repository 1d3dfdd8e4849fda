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
	/** The generic 409 ("Resource already exists") for a counterparty: another one with this account number. */
	counterpartyUniqueField: 'accountNumber',
	/** The generic 409 for a category: another one with this name under the same parent category. */
	categoryUniqueFields: ['name', 'parentCategory'],
	/**
	 * Transactions list filters: the docs describe them, but only `counterparties` was captured by
	 * name (and `startDate` seen in use). Keys are the node's filter names.
	 */
	transactionFilters: {
		accountIds: 'accounts',
		categoryIds: 'categories',
		classIds: 'classes',
		minAmount: 'minAmount',
		maxAmount: 'maxAmount',
		endDate: 'endDate',
		mainCategories: 'mainCategories',
		excludedCategoryIds: 'excludedCategories',
		excludedMainCategories: 'excludedMainCategories',
	},
	/** The docs' payment-method enum is cut off after `CASH`, `CHEQUE`, `NEFT`; the rest is assumed. */
	paymentMethods: ['CASH', 'CHEQUE', 'NEFT', 'RTGS', 'IMPS', 'UPI', 'BANK_TRANSFER', 'CARD', 'ONLINE', 'OTHER'],
	/** Which transaction create fields are required is not documented. */
	transactionCreateRequired: ['transactionDate', 'currency', 'totalAmount', 'entries'],
	/** An entry's `category` in a request is taken to be the category's id (responses show an object). */
	entryCategoryIsId: true,
	/**
	 * A create without `force` is refused as a duplicate (status assumed 409) when a transaction
	 * with the same values of these fields exists.
	 */
	duplicateTransaction: { status: 409, matchedFields: ['transactionDate', 'totalAmount', 'currency', 'account'] },
	/** Update takes any subset of the create fields. */
	transactionUpdateIsPartial: true,
} as const;
