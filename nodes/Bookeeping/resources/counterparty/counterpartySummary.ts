import type { IDataObject } from 'n8n-workflow';

/** The short form of a counterparty a model is given: its id first, the one thing other tools need. */
export function simplifyCounterparty(counterparty: IDataObject): IDataObject {
	return {
		_id: counterparty._id,
		accountName: counterparty.accountName,
		accountNumber: counterparty.accountNumber,
		type: counterparty.type,
		email: counterparty.email ?? null,
	};
}
