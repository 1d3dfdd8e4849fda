import { recordEvent } from './recordEvent';
import { simplifyTransaction } from './simplifyTransaction';

export const transactionCreated = recordEvent({
	option: { name: 'Transaction Created', value: 'transactionCreated', description: 'A ledger transaction was recorded' },
	fields: [],
	list: { path: '/v1/transactions', key: 'transactions', noun: 'transactions' },
	timestamp: 'createdAt',
	simplify: simplifyTransaction,
	noSample: 'Bookeeping.ai has no transaction yet',
});
