import { requiredText } from '../../pipeline/inputParsers';
import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { addressValue, emailAddress, emailList } from './contactParsers';
import { simplifyCounterparty } from './counterpartySummary';

const displayOptions = showFor('counterparty', 'create');

export const counterpartyCreate: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a counterparty',
		description: 'Create a customer or vendor',
		routing: { request: { method: 'POST', url: '/v1/counterparties' } },
	},
	fields: [
		{
			displayName: 'Account Name',
			name: 'accountName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Acme Corp',
			description: 'The name of the customer or vendor',
			displayOptions,
		},
		{
			displayName: 'Account Number',
			name: 'accountNumber',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. CUST-0042',
			description: 'Your own reference for the counterparty, e.g. the customer number in your CRM',
			displayOptions,
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			required: true,
			options: [
				{ name: 'Both', value: 'both', description: 'Buys from you and sells to you' },
				{ name: 'Customer', value: 'customer' },
				{ name: 'Vendor', value: 'vendor' },
			],
			default: 'customer',
			displayOptions,
			routing: { send: { type: 'body', property: 'type' } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions,
			options: [
				{
					displayName: 'Address',
					name: 'address',
					type: 'fixedCollection',
					default: {},
					placeholder: 'Add address',
					options: [
						{
							displayName: 'Address',
							name: 'values',
							values: [
								{ displayName: 'City', name: 'city', type: 'string', default: '' },
								{ displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'e.g. US' },
								{ displayName: 'State', name: 'state', type: 'string', default: '', placeholder: 'e.g. CA' },
							],
						},
					],
				},
				{
					displayName: 'Email',
					name: 'email',
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
					description: 'Where invoices are sent',
				},
				{
					displayName: 'Other Emails',
					name: 'otherEmails',
					type: 'string',
					default: '',
					placeholder: 'e.g. ap@acme.example, cfo@acme.example',
					description: 'More email addresses, comma-separated',
				},
				{
					displayName: 'Phone',
					name: 'phone',
					type: 'string',
					default: '',
					placeholder: 'e.g. +1 555 0100',
					routing: { send: { type: 'body', property: 'phone' } },
				},
				{
					displayName: 'Tax ID',
					name: 'taxId',
					type: 'string',
					default: '',
					routing: { send: { type: 'body', property: 'taxId' } },
				},
			],
		},
		rateLimitOptions(displayOptions),
	],
	spec: {
		kind: 'write',
		action: () => 'create the counterparty',
		inputs: [
			{ parameter: 'accountName', label: 'Account Name', parse: requiredText, sendAt: 'accountName' },
			{ parameter: 'accountNumber', label: 'Account Number', parse: requiredText, sendAt: 'accountNumber' },
			{ parameter: 'additionalFields.email', label: 'Email', parse: emailAddress, sendAt: 'email', optional: true },
			{ parameter: 'additionalFields.otherEmails', label: 'Other Emails', parse: emailList, sendAt: 'otherEmails', optional: true },
			{ parameter: 'additionalFields.address', label: 'Address', parse: addressValue, sendAt: 'address', optional: true },
		],
		conflict: {
			message: () =>
				'Bookeeping.ai refused to create the counterparty: it already exists (409), a counterparty with this Account Number is already there. Use the existing one (Counterparty > Get Many, Search by name), or another Account Number.',
			description: 'A counterparty with the same Account Number already exists. Look it up with Counterparty > Get Many instead of creating it again.',
			forModel: {
				what: () => 'a counterparty with this Account Number already exists.',
				next: 'use the existing one: find its _id with Get Many counterparties, searching by name; or give another Account Number.',
			},
		},
		simplify: simplifyCounterparty,
	},
	toolDescription:
		`Create a customer or vendor in Bookeeping.ai. Account Number must be unique: search first with Get Many counterparties (by name) so it is not created twice. Returns the counterparty: _id (the Counterparty ID an invoice needs), name, number, type and email.`,
};
