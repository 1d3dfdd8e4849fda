import { recordEvent } from './recordEvent';
import { simplifyTransaction } from './simplifyTransaction';

export const transactionUpdated = recordEvent({
	option: { name: 'Transaction Updated', value: 'transactionUpdated', description: 'A ledger transaction was changed after it was recorded' },
	fields: [],
	list: { path: '/v1/transactions', key: 'transactions', noun: 'transactions' },
	timestamp: 'updatedAt',
	simplify: simplifyTransaction,
	// A new transaction carries the same createdAt and updatedAt: that is a creation, not an update.
	matches: (record) => record.updatedAt !== record.createdAt,
	noSample: 'Bookeeping.ai has no transaction that was changed after it was recorded',
});
