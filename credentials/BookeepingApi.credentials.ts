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
			displayName:
				'Create an API key in Bookeeping.ai under Dashboard > Settings > API Access > Create API Key. Choose the Region your account lives in: a key only works in its own region.',
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
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
				// A key pasted with a space or line break around it still works.
				Authorization: '=Bearer {{ String($credentials.apiKey || "").trim() }}',
			},
		},
	};

	/**
	 * The Test request never throws on an HTTP status: n8n 1.x's tester only reads its
	 * `responseCode` rules from the error's `cause`, which n8n-workflow 1.x drops, so users saw
	 * n8n's generic "Authorization failed". Every answer comes back as a body instead, and the
	 * rules below read it the same way on n8n 1.x and 2.x: first match wins.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/v1/invoices',
			qs: { page: 1, limit: 1 },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'UnauthorizedError',
					message:
						"The API key was refused. Check the key, and that Region is your account's region: a key only works in its own region.",
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'TooManyRequestsError',
					message: 'The key works but is rate limited right now. Try again in a minute.',
				},
			},
			{
				// Bookeeping.ai's answers to this request carry `data`; anything else (another
				// error, a proxy's page, a wrong Base URL) is not a working connection.
				type: 'responseSuccessBody',
				properties: {
					key: 'data',
					value: undefined,
					message:
						"Bookeeping.ai did not answer with the invoice list: the API key may be refused, or Region (or Base URL) does not point at Bookeeping.ai's API. Check the key and that Region is your account's region.",
				},
			},
		],
	};
}
