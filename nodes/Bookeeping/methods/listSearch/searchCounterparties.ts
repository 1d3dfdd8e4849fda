import { listSearchMethod } from '../../pipeline/listSearchRequest';

/** Customers and vendors, searched by account name with the API's `query`. */
export const searchCounterparties = listSearchMethod({
	path: '/v1/counterparties',
	key: 'counterparts',
	searchParameter: 'query',
	sortKey: 'name',
	sortOrder: '1',
	toItem: (counterparty) => ({
		name: [counterparty.accountName, counterparty.type].filter(Boolean).join(' · '),
		value: String(counterparty._id),
	}),
});
