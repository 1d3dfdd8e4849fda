import { simplifyCounterparty } from '../../Bookeeping/resources/counterparty/counterpartySummary';
import { recordEvent } from './recordEvent';

export const counterpartyCreated = recordEvent({
	option: { name: 'Counterparty Created', value: 'counterpartyCreated', description: 'A customer or vendor was added' },
	fields: [],
	list: { path: '/v1/counterparties', key: 'counterparts', noun: 'counterparties' },
	timestamp: 'createdAt',
	simplify: simplifyCounterparty,
	noSample: 'Bookeeping.ai has no counterparty yet',
});
