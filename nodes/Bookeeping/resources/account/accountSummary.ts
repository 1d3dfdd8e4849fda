import type { IDataObject } from 'n8n-workflow';

/** The short form of a bank or card account a model is given. */
export function simplifyAccount(account: IDataObject): IDataObject {
	return {
		_id: account._id,
		accountName: account.accountName,
		nickName: account.nickName ?? null,
		accountNumber: account.accountNumber ?? null,
		accountType: account.accountType ?? null,
	};
}
