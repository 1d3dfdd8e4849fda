import { API_GUESSES } from '../../nodes/Bookeeping/apiGuesses';
import type { ApiRecord, SandboxStore } from '../store';
import { accountBalance } from './accountBalance';
import { badRequest, conflict, notFound, ok, page, search, type Reply, type Route } from './http';

/** The documented level-two codes of the chart of accounts. */
export const PARENT_CATEGORIES = [
	'INCOME', 'OTHER_INCOME', 'SALES', 'EXPENSE', 'DEPRECIATION', 'COST_OF_GOODS_SOLD', 'OTHER_EXPENSE', 'OVERHEAD',
	'CURRENT_ASSET', 'FIXED_ASSET', 'INVENTORY', 'NON_CURRENT_ASSET', 'PREPAYMENT', 'LIABILITY', 'CURRENT_LIABILITY',
	'NON_CURRENT_LIABILITY', 'TAX_PAYABLE', 'TAX', 'EQUITY',
];

const COUNTERPARTY_TYPES = ['customer', 'vendor', 'both'];

/** The fields a create takes, which of them are required, and the problem with a field's value, if any. */
interface CreateShape {
	fields: Record<string, (value: unknown) => string | undefined>;
	required: string[];
}

const text = (name: string) => (value: unknown) => (typeof value === 'string' ? undefined : `${name} must be a string`);
const nullableText = (name: string) => (value: unknown) => (value === null ? undefined : text(name)(value));

function invalidCreate(shape: CreateShape, body: Record<string, unknown>): string | undefined {
	const unknownField = Object.keys(body).find((key) => !(key in shape.fields));
	if (unknownField) return `${unknownField} is not allowed`;
	const missing = shape.required.find((key) => body[key] === undefined || body[key] === null || body[key] === '');
	if (missing) return `${missing} is required`;
	for (const [key, value] of Object.entries(body)) {
		const problem = shape.fields[key](value);
		if (problem) return problem;
	}
	return undefined;
}

const COUNTERPARTY: CreateShape = {
	required: ['accountName', 'accountNumber', 'type'],
	fields: {
		accountName: text('accountName'),
		accountNumber: text('accountNumber'),
		type: (value) => (COUNTERPARTY_TYPES.includes(String(value)) ? undefined : `type must be one of ${COUNTERPARTY_TYPES.join(', ')}`),
		email: nullableText('email'),
		phone: nullableText('phone'),
		taxId: nullableText('taxId'),
		otherEmails: (value) =>
			value === null || (Array.isArray(value) && value.every((email) => typeof email === 'string')) ? undefined : 'otherEmails must be an array of strings',
		address: (value) => {
			if (value === null) return undefined;
			if (typeof value !== 'object' || Array.isArray(value)) return 'address must be an object';
			const wrong = Object.entries(value as Record<string, unknown>).find(([key, part]) => !['city', 'country', 'state'].includes(key) || typeof part !== 'string');
			return wrong ? `address.${wrong[0]} is not allowed` : undefined;
		},
	},
};

const CATEGORY: CreateShape = {
	required: ['name', 'parentCategory'],
	fields: {
		name: text('name'),
		parentCategory: (value) => (PARENT_CATEGORIES.includes(String(value)) ? undefined : `parentCategory must be one of ${PARENT_CATEGORIES.join(', ')}`),
		emoji: nullableText('emoji'),
		group: nullableText('group'),
	},
};

const sameText = (left: unknown, right: unknown) => String(left ?? '').trim().toLowerCase() === String(right ?? '').trim().toLowerCase();

/** A list with the API's `query` name search, and a get by id. */
function listAndGet(
	pattern: string,
	collection: Map<string, ApiRecord>,
	key: string,
	noun: string,
	nameField: string,
	filter: (records: ApiRecord[], query: URLSearchParams) => ApiRecord[] = (records) => records,
): Route[] {
	return [
		{
			method: 'GET',
			pattern,
			operationType: 'read',
			handle: ({ query }) =>
				page(query, filter(search([...collection.values()], query, nameField), query), key, `${noun}s fetched successfully`, (record, sortKey) =>
					sortKey === 'name' ? record[nameField] : record[sortKey],
				),
		},
		{
			method: 'GET',
			pattern: `${pattern}/:id`,
			operationType: 'read',
			handle: ({ id }) => {
				const record = collection.get(id!.toLowerCase());
				return record ? ok(`${noun} fetched successfully`, record) : notFound(noun);
			},
		},
	];
}

/** Counterparties, categories and accounts: the records invoices and payments point at. */
export function directoryRoutes(store: SandboxStore): Route[] {
	return [
		...listAndGet('/v1/counterparties', store.counterparties, 'counterparts', 'Counterparty', 'accountName'),
		...listAndGet('/v1/categories', store.categories, 'categories', 'Category', 'name', (records, query) => {
			const codes = query.get('accounts')?.split(',').map((code) => code.trim()).filter(Boolean);
			return codes?.length ? records.filter((record) => codes.includes(String(record.parentCategory))) : records;
		}),
		...listAndGet('/v1/accounts', store.accounts, 'accounts', 'Account', 'accountName'),
		{
			method: 'POST',
			pattern: '/v1/counterparties',
			operationType: 'write',
			handle: ({ body }): Reply => {
				const problem = invalidCreate(COUNTERPARTY, body);
				if (problem) return badRequest(problem);
				const unique = API_GUESSES.counterpartyUniqueField;
				if ([...store.counterparties.values()].some((counterparty) => sameText(counterparty[unique], body[unique]))) {
					return conflict('Resource already exists');
				}
				const counterparty = store.insert(store.counterparties, { email: null, phone: null, otherEmails: [], taxId: null, address: null, ...body });
				return ok('Counterparty created successfully', counterparty);
			},
		},
		{
			method: 'POST',
			pattern: '/v1/categories',
			operationType: 'write',
			handle: ({ body }): Reply => {
				const problem = invalidCreate(CATEGORY, body);
				if (problem) return badRequest(problem);
				const existing = [...store.categories.values()];
				if (existing.some((category) => API_GUESSES.categoryUniqueFields.every((field) => sameText(category[field], body[field])))) {
					return conflict('Resource already exists');
				}
				const number = Math.max(0, ...existing.map((category) => Number(category.number) || 0)) + 1;
				const category = store.insert(store.categories, { emoji: null, group: null, isArchived: false, number, createdBy: 'USER', ...body });
				return ok('Category created successfully', category);
			},
		},
		{
			method: 'GET',
			pattern: '/v1/accounts/:id/balance',
			operationType: 'read',
			handle: ({ id }): Reply => {
				const account = store.accounts.get(id!.toLowerCase());
				return account ? ok('Account balance fetched successfully', accountBalance(store, account)) : notFound('Account');
			},
		},
	];
}
