import type { INodeProperties } from 'n8n-workflow';

/**
 * The options of every operation: how to deal with Bookeeping.ai's rate limits (writes 25 a
 * minute and 1,500 a day; reads 100 and 6,000). Read by pipeline/requestSettings.ts.
 */
export function rateLimitOptions(displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions,
		options: [
			{
				displayName: 'Include Rate Limit Info',
				name: 'includeRateLimitInfo',
				type: 'boolean',
				default: false,
				description:
					"Whether to add the API's rate-limit figures (usage and limits for the minute and the day) to each output item as `rateLimit`",
			},
			{
				displayName: 'Max Wait (Seconds)',
				name: 'maxWaitSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 600,
				description:
					'With Wait and Retry: the longest an item may wait for the rate limit, counted from when the node starts. An item that would wait longer goes to the 429 error path without a request. At 25 writes a minute, 600 seconds covers about 250 items. As an AI tool, without this option, 60 seconds.',
			},
			{
				displayName: 'Rate Limit Handling',
				name: 'rateLimitHandling',
				type: 'options',
				options: [
					{
						name: 'Fail Immediately',
						value: 'failImmediately',
						description: 'Send every request at once; an item refused with 429 goes straight to the error path',
					},
					{
						name: 'Wait and Retry',
						value: 'waitAndRetry',
						description:
							'Pace requests to stay under the limit, and retry an item refused for the per-minute limit once the minute is over',
					},
				],
				default: 'waitAndRetry',
				description: 'What to do about Bookeeping.ai rate limits. A used-up daily quota is never waited out.',
			},
		],
	};
}
