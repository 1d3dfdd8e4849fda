import type { SandboxStore } from '../store';
import { page, type Route } from './http';

/** The transaction list (the minimum the trigger reads): pages and sorting as every list. */
export function transactionRoutes(store: SandboxStore): Route[] {
	return [
		{
			method: 'GET',
			pattern: '/v1/transactions',
			operationType: 'read',
			handle: ({ query }) => page(query, [...store.transactions.values()], 'transactions', 'Transactions fetched successfully'),
		},
	];
}
