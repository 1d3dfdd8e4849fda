import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { counterpartyId } from './counterpartyId';

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
	},
};
