import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from '../nodes/Bookeeping/pipeline/baseUrl';

export class BookeepingApi implements ICredentialType {
	name = 'bookeepingApi';

	displayName = 'Bookeeping API';

	icon = {
		light: 'file:../nodes/Bookeeping/bookeeping.svg',
		dark: 'file:../nodes/Bookeeping/bookeeping.dark.svg',
	} as const;

	documentationUrl = 'https://docs.bookeeping.ai/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Create a key in Bookeeping.ai under Dashboard > Settings > API Access > Create API Key',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'Canada (Toronto)', value: 'ca' },
				{ name: 'Custom Base URL', value: 'custom' },
				{ name: 'Europe (Belgium)', value: 'eu' },
				{ name: 'US East (N. Virginia)', value: 'us' },
			],
			default: 'us',
			description:
				'The region your Bookeeping.ai account lives in. A key only works in its own region.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. http://127.0.0.1:4010/public-api',
			description: 'The API root to call instead of a region, such as a local sandbox or a proxy',
			displayOptions: { show: { region: ['custom'] } },
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/v1/invoices',
			qs: { page: 1, limit: 1 },
			ignoreHttpStatusErrors: false,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						"The API key was refused. Check the key, and that Region is your account's region: a key only works in its own region.",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 429,
					message: 'The key works but is rate limited right now. Try again in a minute.',
				},
			},
		],
	};
}
