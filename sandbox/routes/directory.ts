import type { ApiRecord, SandboxStore } from '../store';
import { notFound, ok, page, search, type Route } from './http';

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
	];
}
