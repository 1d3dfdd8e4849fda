import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { counterpartyId } from './counterpartyId';
import { ID_FORMAT } from '../shared/recordId';
import { simplifyCounterparty } from './counterpartySummary';

const displayOptions = showFor('counterparty', 'get');

export const counterpartyGet: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a counterparty',
		description: 'Get a customer or vendor by ID',
		routing: { request: { method: 'GET', url: counterpartyId.path } },
	},
	fields: [counterpartyId.field(displayOptions, 'The customer or vendor to get'), rateLimitOptions(displayOptions)],
	spec: {
		kind: 'read',
		action: (ids) => `get counterparty ${ids.counterpartyId}`,
		subject: counterpartyId.subject,
		ids: [counterpartyId.input],
		simplify: simplifyCounterparty,
	},
	toolDescription:
		`Get one customer or vendor of Bookeeping.ai by its _id (${ID_FORMAT}). To find one by name, use Get Many counterparties instead. Returns _id, name, number, type and email.`,
};
