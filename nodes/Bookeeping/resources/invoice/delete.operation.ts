import type { INodeProperties } from 'n8n-workflow';

import { rateLimitOptions } from '../rateLimitOptions';

const showForDelete = { show: { resource: ['invoice'], operation: ['delete'] } };

export const invoiceDeleteFields: INodeProperties[] = [
	{
		displayName: 'Invoice ID',
		name: 'invoiceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 65f1c0ffee0123456789abcd',
		description: 'The 24-character hexadecimal ID of the draft invoice to delete',
		displayOptions: showForDelete,
	},
	rateLimitOptions(showForDelete),
];
