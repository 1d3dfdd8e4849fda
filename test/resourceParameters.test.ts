import type { INodeProperties, INodeType } from 'n8n-workflow';

import { loadBuiltPackage } from './engine/builtPackage';

/** The operations of the four directory resources, and the parameter names workflows rely on. */
const CONTRACT: Array<[string, string, string, string[]]> = [
	['counterparty', 'create', 'Create a counterparty', ['accountName', 'accountNumber', 'type', 'additionalFields', 'options']],
	['counterparty', 'get', 'Get a counterparty', ['counterpartyId', 'options']],
	['counterparty', 'getAll', 'Get many counterparties', ['returnAll', 'limit', 'filters', 'sort', 'options']],
	['transaction', 'create', 'Create a transaction', ['transactionDate', 'currency', 'totalAmount', 'entries', 'additionalFields', 'options']],
	['transaction', 'get', 'Get a transaction', ['transactionId', 'options']],
	['transaction', 'update', 'Update a transaction', ['transactionId', 'updateFields', 'options']],
	['transaction', 'getAll', 'Get many transactions', ['returnAll', 'limit', 'filters', 'sort', 'simplify', 'options']],
	['category', 'create', 'Create a category', ['name', 'parentCategory', 'additionalFields', 'options']],
	['category', 'get', 'Get a category', ['categoryId', 'options']],
	['category', 'getAll', 'Get many categories', ['returnAll', 'limit', 'filters', 'options']],
	['account', 'get', 'Get an account', ['accountId', 'options']],
	['account', 'getAll', 'Get many accounts', ['returnAll', 'limit', 'filters', 'options']],
	['account', 'getBalance', "Get an account's balance", ['accountId', 'options']],
];

/** The parameters the regular node shows for an operation (the tool node's own fields aside). */
function shownFor(properties: INodeProperties[], resource: string, operation: string): INodeProperties[] {
	return properties.filter((property) => {
		const show = property.displayOptions?.show;
		return show?.resource?.includes(resource) && show.operation?.includes(operation) && !show['@tool']?.includes(true);
	});
}

const subNames = (property: INodeProperties | undefined) => ((property?.options ?? []) as INodeProperties[]).map((option) => option.name).sort();

describe('counterparty, transaction, category and account operations in the node description', () => {
	let node: INodeType;
	beforeAll(async () => {
		({ node } = await loadBuiltPackage());
	});

	it.each(CONTRACT)('%s › %s: action "%s" and exactly its parameters', (resource, operation, action, parameters) => {
		const properties = node.description.properties;
		const operations = properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource));
		expect(operations?.options).toEqual(expect.arrayContaining([expect.objectContaining({ value: operation, action })]));
		expect(shownFor(properties, resource, operation).map((property) => property.name).sort()).toEqual([...parameters].sort());
	});

	it('offers every id as a resource locator (From List and By ID)', () => {
		const properties = node.description.properties.filter((property) =>
			['counterparty', 'transaction', 'category', 'account'].includes(String(property.displayOptions?.show?.resource?.[0])),
		);
		const nested = properties.flatMap((property) => (property.type === 'collection' ? ((property.options ?? []) as INodeProperties[]) : []));
		const locators = [...properties, ...nested].filter((property) => property.name.endsWith('Id') && property.name !== 'taxId');
		// Get and Update ids (6), and the transaction's Account ID and Counterparty ID on Create and Update (4).
		expect(locators.map((property) => property.name).sort()).toEqual(
			['accountId', 'accountId', 'accountId', 'accountId', 'categoryId', 'counterpartyId', 'counterpartyId', 'counterpartyId', 'transactionId', 'transactionId'],
		);
		for (const locator of locators) {
			expect(locator.type).toBe('resourceLocator');
			expect(locator.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
			expect(Object.keys(node.methods?.listSearch ?? {})).toContain(locator.modes?.[0].typeOptions?.searchListMethod);
		}
	});

	it('names the optional fields and filters as the issue does', () => {
		const properties = node.description.properties;
		const field = (resource: string, operation: string, name: string) => shownFor(properties, resource, operation).find((property) => property.name === name);
		expect(subNames(field('counterparty', 'create', 'additionalFields'))).toEqual(['address', 'email', 'otherEmails', 'phone', 'taxId']);
		expect(subNames(field('counterparty', 'getAll', 'filters'))).toEqual(['search']);
		expect(subNames(field('transaction', 'create', 'additionalFields'))).toEqual(['accountId', 'counterpartyId', 'isReconciled', 'paymentMethod', 'refNo']);
		expect(subNames(field('transaction', 'create', 'options'))).toEqual(['createEvenIfDuplicate', 'includeRateLimitInfo', 'maxWaitSeconds', 'rateLimitHandling']);
		expect(subNames(field('transaction', 'getAll', 'filters'))).toEqual(
			['accountIds', 'categoryIds', 'classIds', 'counterpartyIds', 'endDate', 'excludedCategoryIds', 'excludedMainCategories', 'mainCategories', 'maxAmount', 'minAmount', 'startDate'],
		);
		expect(subNames(field('category', 'create', 'additionalFields'))).toEqual(['emoji', 'group']);
		expect(subNames(field('category', 'getAll', 'filters'))).toEqual(['parentCategories', 'search']);
		expect(subNames(field('account', 'getAll', 'filters'))).toEqual(['search']);
		expect(field('category', 'create', 'parentCategory')?.options).toHaveLength(19);
		expect(field('transaction', 'getAll', 'sort')?.options?.[0]).toMatchObject({
			options: expect.arrayContaining([expect.objectContaining({ value: 'transactionDate' })]),
		});
	});
});
