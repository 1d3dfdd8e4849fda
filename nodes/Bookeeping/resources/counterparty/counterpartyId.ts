import { recordId } from '../shared/recordId';

export const counterpartyId = recordId({
	parameter: 'counterpartyId',
	label: 'Counterparty ID',
	noun: 'Counterparty',
	collectionPath: '/v1/counterparties',
	searchMethod: 'searchCounterparties',
	findWith: 'the Get Many counterparties operation, searching by name',
});
