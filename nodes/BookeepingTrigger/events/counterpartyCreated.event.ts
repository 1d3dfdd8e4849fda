import type { IDataObject } from 'n8n-workflow';

import { recordEvent } from './recordEvent';

function simplifyCounterparty(counterparty: IDataObject): IDataObject {
	return {
		_id: counterparty._id,
		accountName: counterparty.accountName,
		accountNumber: counterparty.accountNumber,
		type: counterparty.type,
		email: counterparty.email ?? null,
	};
}

export const counterpartyCreated = recordEvent({
	option: { name: 'Counterparty Created', value: 'counterpartyCreated', description: 'A customer or vendor was added' },
	fields: [],
	list: { path: '/v1/counterparties', key: 'counterparts', noun: 'counterparties' },
	timestamp: 'createdAt',
	simplify: simplifyCounterparty,
	noSample: 'Bookeeping.ai has no counterparty yet',
});
