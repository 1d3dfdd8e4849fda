import { API_GUESSES } from '../../nodes/Bookeeping/apiGuesses';
import type { ApiRecord, InvoiceStatus, SandboxStore } from '../store';
import { badRequest, conflict, isObjectId, notFound, ok, page, type Reply, type Route, type RouteRequest } from './http';

const CREATE_FIELDS = ['counterParty', 'invoiceId', 'invoiceDate', 'dueDate', 'lineItems', 'discount', 'note', 'currency', 'purchaseOrderId', 'payViaStripeAccountConnectionId'];

function lineTotal(line: Record<string, unknown>): number {
	const quantity = Number(line.quantity ?? 1);
	const price = Number(line.price ?? line.unitPrice ?? line.amount ?? 0);
	return Number.isFinite(quantity * price) ? quantity * price : 0;
}

/** Grand total of the lines after the discount, as the API's `calculated` block shows it. */
function totals(lineItems: unknown, discount: unknown) {
	const subTotal = Array.isArray(lineItems) ? lineItems.reduce((sum: number, line) => sum + lineTotal(line as Record<string, unknown>), 0) : 0;
	const { type, value } = (discount ?? {}) as { type?: string; value?: number };
	const off = type === 'PERCENTAGE' ? (subTotal * Number(value ?? 0)) / 100 : type === 'FIXED' ? Number(value ?? 0) : 0;
	const grandTotal = Math.max(0, subTotal - off);
	return { amount: grandTotal, calculated: { grandTotal, tax: 0, discount: off, subTotal } };
}

/** Checks a create or update body; returns the problem, if any. */
function invalidBody(store: SandboxStore, body: Record<string, unknown>, partial: boolean): string | undefined {
	const unknownField = Object.keys(body).find((key) => !CREATE_FIELDS.includes(key));
	if (unknownField) return `${unknownField} is not allowed`;
	if (!partial) {
		const missing = API_GUESSES.invoiceCreateRequired.find((key) => body[key] === undefined || body[key] === '');
		if (missing) return `${missing} is required`;
	}
	if (body.counterParty !== undefined) {
		if (!isObjectId(body.counterParty)) return 'counterParty must be a valid object id';
		if (!store.counterparties.has(body.counterParty.toLowerCase())) return 'counterParty not found';
	}
	for (const key of ['invoiceDate', 'dueDate']) {
		if (body[key] !== undefined && Number.isNaN(Date.parse(String(body[key])))) return `${key} must be an ISO 8601 date`;
	}
	if (body.lineItems !== undefined && !Array.isArray(body.lineItems)) return 'lineItems must be an array';
	if (body.discount !== undefined) {
		const discount = body.discount as Record<string, unknown>;
		const keys = Object.keys(discount ?? {}).sort().join(',');
		if (keys !== 'type,value' || !['PERCENTAGE', 'FIXED'].includes(String(discount.type)) || typeof discount.value !== 'number') {
			return 'discount must be { type: PERCENTAGE | FIXED, value: number }';
		}
	}
	if (body.payViaStripeAccountConnectionId !== undefined && !isObjectId(body.payViaStripeAccountConnectionId)) {
		return 'payViaStripeAccountConnectionId must be a valid object id';
	}
	return undefined;
}

/**
 * The invoice plays the status its due date gives it, the store's overdue lag after the due date:
 * the API's own `updatedAt` does not move.
 */
function withCurrentStatus(store: SandboxStore, invoice: ApiRecord): ApiRecord {
	if (invoice.status === 'SENT' && Date.parse(String(invoice.dueDate)) + store.overdueLagMs < store.now()) invoice.status = 'OVERDUE';
	return invoice;
}

export function invoiceRoutes(store: SandboxStore): Route[] {
	const find = (request: RouteRequest): ApiRecord | undefined => {
		const invoice = store.invoices.get(request.id!.toLowerCase());
		return invoice && withCurrentStatus(store, invoice);
	};
	const transition = (
		request: RouteRequest,
		from: InvoiceStatus[],
		refusal: string,
		change: (invoice: ApiRecord) => Record<string, unknown>,
		message: string,
	): Reply => {
		const invoice = find(request);
		if (!invoice) return notFound('Invoice');
		if (!from.includes(invoice.status as InvoiceStatus)) return conflict(refusal);
		store.touch(invoice, change(invoice));
		return ok(message, invoice);
	};
	const cancel = API_GUESSES.cancelInvoice;

	return [
		{
			method: 'GET',
			pattern: '/v1/invoices',
			operationType: 'read',
			handle: ({ query }) => {
				const minAmount = query.get('minAmount');
				if (minAmount !== null && !Number.isFinite(Number(minAmount))) return badRequest('minAmount must be a number');
				const invoices = [...store.invoices.values()]
					.map((invoice) => withCurrentStatus(store, invoice))
					.filter((invoice) => minAmount === null || Number(invoice.amount) >= Number(minAmount));
				return page(query, invoices, 'invoices', 'Invoices fetched successfully');
			},
		},
		{
			method: 'POST',
			pattern: '/v1/invoices',
			operationType: 'write',
			handle: ({ body }) => {
				const problem = invalidBody(store, body, false);
				if (problem) return badRequest(problem);
				const wanted = body.invoiceId === undefined || body.invoiceId === 'INCREMENTAL' ? undefined : String(body.invoiceId);
				if (wanted && [...store.invoices.values()].some((invoice) => invoice.invoiceId === wanted)) {
					return conflict('Resource already exists');
				}
				const counterParty = store.counterparties.get(String(body.counterParty).toLowerCase());
				const invoice = store.insert(store.invoices, {
					status: 'DRAFT',
					discount: null,
					note: '',
					attachments: [],
					purchaseOrderId: null,
					...body,
					invoiceId: wanted ?? store.nextInvoiceNumber(),
					counterParty,
					...totals(body.lineItems, body.discount),
				});
				return ok('Invoice created successfully', invoice);
			},
		},
		{
			method: 'PATCH',
			pattern: '/v1/invoices/:id',
			operationType: 'write',
			handle: (request) => {
				const problem = invalidBody(store, request.body, true);
				if (problem) return badRequest(problem);
				return transition(request, ['DRAFT'], 'Only invoices in draft status can be updated', (invoice) => {
					const next = { ...invoice, ...request.body };
					const counterParty = request.body.counterParty
						? store.counterparties.get(String(request.body.counterParty).toLowerCase())
						: invoice.counterParty;
					return { ...request.body, counterParty, ...totals(next.lineItems, next.discount) };
				}, 'Invoice updated successfully');
			},
		},
		{
			method: 'DELETE',
			pattern: '/v1/invoices/:id',
			operationType: 'write',
			handle: (request) => {
				const invoice = find(request);
				if (!invoice) return notFound('Invoice');
				if (invoice.status !== 'DRAFT') return conflict('Only invoices in draft status can be deleted');
				store.invoices.delete(request.id!.toLowerCase());
				return ok('Invoice deleted successfully', {});
			},
		},
		{
			method: 'POST',
			pattern: '/v1/invoices/:id/send',
			operationType: 'write',
			handle: (request) =>
				transition(request, ['DRAFT'], 'Only invoices in draft status can be sent', () => ({ status: 'SENT', sendDate: store.stamp(), sendBy: 'api' }), 'Invoice sent successfully'),
		},
		{
			method: cancel.method,
			pattern: cancel.path(':id'),
			operationType: 'write',
			handle: (request) => {
				const reason = request.body[cancel.reasonField];
				if (typeof reason !== 'string' || reason.trim() === '') return badRequest(`${cancel.reasonField} is required`);
				return transition(request, ['SENT', 'OVERDUE'], 'Only invoices in sent/overdue status can be cancelled', () => ({
					status: 'CANCELLED',
					cancellationReason: reason,
					cancellationDate: store.stamp(),
					cancellationBy: 'api',
				}), 'Invoice cancelled successfully');
			},
		},
		{
			method: 'POST',
			pattern: '/v1/invoices/:id/mark-as-paid',
			operationType: 'write',
			handle: (request) => {
				const strategy = request.body.strategyData as { strategy?: unknown; data?: Record<string, unknown> } | undefined;
				if (strategy?.strategy !== 'CREATE_TRANSACTION') return badRequest('strategyData.strategy must be CREATE_TRANSACTION');
				const data = strategy.data ?? {};
				for (const key of ['category', 'account']) {
					if (!isObjectId(data[key])) return badRequest(`strategyData.data.${key} must be a valid object id`);
				}
				if (!store.categories.has(String(data.category).toLowerCase())) return badRequest('category not found');
				const account = store.accounts.get(String(data.account).toLowerCase());
				if (!account) return badRequest('account not found');
				if (data.counterParty !== undefined && !isObjectId(data.counterParty)) return badRequest('strategyData.data.counterParty must be a valid object id');
				return transition(request, ['SENT', 'OVERDUE'], 'Only invoices in sent/overdue status can be marked as paid', (invoice) => {
					const transaction = store.insert(store.transactions, {
						transactionDate: store.stamp(),
						currency: invoice.currency,
						totalAmount: invoice.amount,
						paymentMethod: 'BANK_TRANSFER',
						source: 'INVOICE',
						isReconciled: false,
						refNo: data.transactionRefNo ?? null,
						entries: [
							{ amount: invoice.amount, type: 'DEBIT', category: { _id: data.category }, isMain: true, note: data.transactionNote ?? '' },
							{ amount: invoice.amount, type: 'CREDIT', category: { _id: data.category }, isMain: false, note: '' },
						],
						counterParty: (invoice.counterParty as ApiRecord | undefined) ?? null,
						account: { _id: account._id, accountType: account.accountType, accountName: account.accountName, accountNumber: account.accountNumber },
					});
					return { status: 'PAID', paidMarkedBy: 'api', paidMarkedDate: store.stamp(), attachedTransactionId: transaction._id };
				}, 'Invoice marked as paid successfully');
			},
		},
	];
}
