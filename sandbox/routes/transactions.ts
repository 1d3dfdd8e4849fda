import { randomBytes } from 'node:crypto';

import { API_GUESSES } from '../../nodes/Bookeeping/apiGuesses';
import type { ApiRecord, SandboxStore } from '../store';
import { badRequest, conflict, isObjectId, notFound, ok, page, type Reply, type Route } from './http';

const FIELDS = ['refNo', 'totalAmount', 'transactionDate', 'paymentMethod', 'isReconciled', 'entries', 'currency', 'counterParty', 'account'];
const ENTRY_FIELDS = ['amount', 'type', 'category', 'isMain', 'note'];
const filterNames = API_GUESSES.transactionFilters;

const cents = (amount: unknown) => Math.round(Number(amount) * 100);

function sumOf(entries: Array<Record<string, unknown>>, type: string): number {
	return entries.filter((entry) => entry.type === type).reduce((total, entry) => total + cents(entry.amount), 0);
}

function entriesProblem(store: SandboxStore, entries: unknown): string | undefined {
	if (!Array.isArray(entries) || entries.length === 0) return 'entries must be a non-empty array';
	for (const [index, entry] of (entries as Array<Record<string, unknown>>).entries()) {
		if (typeof entry !== 'object' || entry === null) return `entries[${index}] must be an object`;
		const unknownField = Object.keys(entry).find((key) => !ENTRY_FIELDS.includes(key));
		if (unknownField) return `entries[${index}].${unknownField} is not allowed`;
		if (typeof entry.amount !== 'number' || !(entry.amount > 0)) return `entries[${index}].amount must be a positive number`;
		if (entry.type !== 'DEBIT' && entry.type !== 'CREDIT') return `entries[${index}].type must be DEBIT or CREDIT`;
		if (!isObjectId(entry.category)) return `entries[${index}].category must be a valid object id`;
		if (!store.categories.has(entry.category.toLowerCase())) return `entries[${index}].category not found`;
		if (entry.isMain !== undefined && typeof entry.isMain !== 'boolean') return `entries[${index}].isMain must be a boolean`;
	}
	return undefined;
}

/** Checks a create or update body against what the docs say; returns the problem, if any. */
function invalidBody(store: SandboxStore, body: Record<string, unknown>, existing?: ApiRecord): string | undefined {
	const unknownField = Object.keys(body).find((key) => !FIELDS.includes(key));
	if (unknownField) return `${unknownField} is not allowed`;
	if (!existing) {
		const missing = API_GUESSES.transactionCreateRequired.find((key) => body[key] === undefined || body[key] === '');
		if (missing) return `${missing} is required`;
	}
	if (body.transactionDate !== undefined && Number.isNaN(Date.parse(String(body.transactionDate)))) return 'transactionDate must be an ISO 8601 date';
	if (body.currency !== undefined && !/^[A-Z]{3}$/.test(String(body.currency))) return 'currency must be a three-letter code';
	if (body.totalAmount !== undefined && (typeof body.totalAmount !== 'number' || !(body.totalAmount > 0))) return 'totalAmount must be a positive number';
	if (body.paymentMethod !== undefined && !(API_GUESSES.paymentMethods as readonly string[]).includes(String(body.paymentMethod))) {
		return `paymentMethod must be one of ${API_GUESSES.paymentMethods.join(', ')}`;
	}
	if (body.isReconciled !== undefined && typeof body.isReconciled !== 'boolean') return 'isReconciled must be a boolean';
	for (const [key, collection] of [['counterParty', store.counterparties], ['account', store.accounts]] as const) {
		if (body[key] === undefined || body[key] === null) continue;
		if (!isObjectId(body[key])) return `${key} must be a valid object id`;
		if (!collection.has(String(body[key]).toLowerCase())) return `${key} not found`;
	}
	if (body.entries !== undefined) {
		const problem = entriesProblem(store, body.entries);
		if (problem) return problem;
	}
	const entries = (body.entries ?? existing?.entries) as Array<Record<string, unknown>>;
	const total = body.totalAmount ?? existing?.totalAmount;
	const debits = sumOf(entries, 'DEBIT');
	if (debits !== sumOf(entries, 'CREDIT') || debits !== cents(total)) {
		return 'totalAmount must be the same as the sum of the total credit = total debit';
	}
	return undefined;
}

/** The transaction as the API answers it: entries with their category, counterparty and account embedded. */
function expand(store: SandboxStore, body: Record<string, unknown>, existing?: ApiRecord): Record<string, unknown> {
	const fields: Record<string, unknown> = { ...body };
	if (body.entries !== undefined) {
		fields.entries = (body.entries as Array<Record<string, unknown>>).map((entry) => {
			const category = store.categories.get(String(entry.category).toLowerCase())!;
			return {
				id: randomBytes(12).toString('hex'),
				amount: entry.amount,
				type: entry.type,
				parentCategory: category.parentCategory,
				category: { _id: category._id, name: category.name, emoji: category.emoji, parentCategory: category.parentCategory },
				isMain: entry.isMain ?? false,
				note: entry.note ?? '',
			};
		});
	}
	if (body.totalAmount !== undefined) fields.originalAmount = body.totalAmount;
	if (body.currency !== undefined) fields.originalCurrency = body.currency;
	if (body.transactionDate !== undefined) fields.transactionDate = new Date(String(body.transactionDate)).toISOString();
	if (body.counterParty !== undefined) {
		fields.counterParty = body.counterParty === null ? null : store.counterparties.get(String(body.counterParty).toLowerCase());
	}
	if (body.account !== undefined) {
		const account = body.account === null ? undefined : store.accounts.get(String(body.account).toLowerCase());
		fields.account = account
			? { _id: account._id, accountType: account.accountType, accountName: account.accountName, accountNumber: account.accountNumber }
			: null;
	}
	if (existing) return fields;
	return {
		paymentMethod: null,
		source: 'API',
		isReconciled: false,
		classes: [],
		attachmentsIds: [],
		refNo: null,
		counterParty: null,
		account: null,
		nonProfitAllocations: [],
		...fields,
	};
}

/** Records a transaction as POST /v1/transactions would (no checks): for the seed and tests. */
export function bookTransaction(store: SandboxStore, body: Record<string, unknown>, id?: string): ApiRecord {
	return store.insert(store.transactions, expand(store, body), id);
}

const idOf = (value: unknown) => String((value as { _id?: unknown } | null | undefined)?._id ?? '').toLowerCase();

function sameValue(field: string, left: unknown, right: unknown): boolean {
	if (field === 'account' || field === 'counterParty') return idOf(left) === String(right ?? '').toLowerCase();
	if (field === 'transactionDate') return Date.parse(String(left)) === Date.parse(String(right));
	if (field === 'totalAmount') return cents(left) === cents(right);
	return left === right;
}

/** The existing transaction the body duplicates, by the fields the guess says the API compares. */
function duplicateOf(store: SandboxStore, body: Record<string, unknown>): ApiRecord | undefined {
	const fields = API_GUESSES.duplicateTransaction.matchedFields;
	return [...store.transactions.values()].find((transaction) => fields.every((field) => sameValue(field, transaction[field], body[field])));
}

/** The list filters: `counterparties` and `startDate` as documented, the others by their guessed names. */
function filtered(records: ApiRecord[], query: URLSearchParams): ApiRecord[] | Reply {
	const idList = (name: string): string[] | undefined | Reply => {
		const raw = query.get(name);
		if (raw === null) return undefined;
		const ids = raw.split(',').map((id) => id.trim().toLowerCase()).filter(Boolean);
		return ids.every(isObjectId) ? ids : badRequest(`${name} must be comma-separated object ids`);
	};
	const codeList = (name: string) => query.get(name)?.split(',').map((code) => code.trim()).filter(Boolean);
	const date = (name: string): number | undefined | Reply => {
		const raw = query.get(name);
		if (raw === null) return undefined;
		const time = Date.parse(raw);
		return Number.isNaN(time) ? badRequest(`${name} must be an ISO 8601 date`) : time;
	};
	const amount = (name: string): number | undefined | Reply => {
		const raw = query.get(name);
		if (raw === null) return undefined;
		return Number.isFinite(Number(raw)) ? Number(raw) : badRequest(`${name} must be a number`);
	};
	const values = {
		counterparties: idList('counterparties'),
		accounts: idList(filterNames.accountIds),
		categories: idList(filterNames.categoryIds),
		classes: idList(filterNames.classIds),
		excludedCategories: idList(filterNames.excludedCategoryIds),
		startDate: date('startDate'),
		endDate: date(filterNames.endDate),
		minAmount: amount(filterNames.minAmount),
		maxAmount: amount(filterNames.maxAmount),
	};
	const refused = Object.values(values).find((value): value is Reply => typeof value === 'object' && value !== null && 'status' in value);
	if (refused) return refused;
	const v = values as { [K in keyof typeof values]: Exclude<(typeof values)[K], Reply> };
	const mainCategories = codeList(filterNames.mainCategories);
	const excludedMain = codeList(filterNames.excludedMainCategories);
	return records.filter((transaction) => {
		const entries = (transaction.entries as Array<Record<string, unknown>> | undefined) ?? [];
		const categoryIds = entries.map((entry) => idOf(entry.category));
		const parents = entries.map((entry) => String(entry.parentCategory ?? ''));
		const time = Date.parse(String(transaction.transactionDate));
		const total = Number(transaction.totalAmount);
		return (
			(!v.counterparties || v.counterparties.includes(idOf(transaction.counterParty))) &&
			(!v.accounts || v.accounts.includes(idOf(transaction.account))) &&
			(!v.categories || categoryIds.some((id) => v.categories!.includes(id))) &&
			(!v.classes || ((transaction.classes as unknown[] | undefined) ?? []).some((id) => v.classes!.includes(idOf(id) || String(id).toLowerCase()))) &&
			(!v.excludedCategories || !categoryIds.some((id) => v.excludedCategories!.includes(id))) &&
			(!mainCategories?.length || parents.some((code) => mainCategories.includes(code))) &&
			(!excludedMain?.length || !parents.some((code) => excludedMain.includes(code))) &&
			(v.startDate === undefined || time >= v.startDate) &&
			(v.endDate === undefined || time <= v.endDate) &&
			(v.minAmount === undefined || total >= v.minAmount) &&
			(v.maxAmount === undefined || total <= v.maxAmount)
		);
	});
}

export function transactionRoutes(store: SandboxStore): Route[] {
	return [
		{
			method: 'GET',
			pattern: '/v1/transactions',
			operationType: 'read',
			handle: ({ query }) => {
				const records = filtered([...store.transactions.values()], query);
				return Array.isArray(records) ? page(query, records, 'transactions', 'Transactions fetched successfully') : records;
			},
		},
		{
			method: 'GET',
			pattern: '/v1/transactions/:id',
			operationType: 'read',
			handle: ({ id }) => {
				const transaction = store.transactions.get(id!.toLowerCase());
				return transaction ? ok('Transaction fetched successfully', transaction) : notFound('Transaction');
			},
		},
		{
			method: 'POST',
			pattern: '/v1/transactions',
			operationType: 'write',
			handle: ({ body, query }) => {
				const problem = invalidBody(store, body);
				if (problem) return badRequest(problem);
				if (query.get('force') !== 'true' && duplicateOf(store, body)) {
					return conflict(`A transaction with the same ${API_GUESSES.duplicateTransaction.matchedFields.join(', ')} already exists`);
				}
				return ok('Transaction created successfully', { transaction: bookTransaction(store, body) });
			},
		},
		{
			method: 'PATCH',
			pattern: '/v1/transactions/:id',
			operationType: 'write',
			handle: ({ id, body }) => {
				const transaction = store.transactions.get(id!.toLowerCase());
				if (!transaction) return notFound('Transaction');
				const problem = invalidBody(store, body, transaction);
				if (problem) return badRequest(problem);
				store.touch(transaction, expand(store, body, transaction));
				return ok('Transaction updated successfully', { transaction });
			},
		},
	];
}
