import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { BookeepingInputError } from './errors';
import { describeRejectedValue, rejectedValueForDetails } from './objectId';
import { TOOL_MAX_WAIT_SECONDS } from './toolMode';

/** The rate-limit options every operation has (resources/shared/rateLimitOptions.ts). */
export interface RequestSettings {
	paced: boolean;
	maxWaitMs: number;
	includeRateLimitInfo: boolean;
}

const DEFAULT_MAX_WAIT_SECONDS = 600;

function refuse(context: IExecuteSingleFunctions, label: string, field: string, value: unknown, expected: string): never {
	const itemIndex = context.getItemIndex();
	throw new BookeepingInputError(
		context.getNode(),
		`Invalid option ${label} in item ${itemIndex}: ${describeRejectedValue(value)}. ${expected}`,
		{
			itemIndex,
			description: `${expected} Check the value or expression that sets it. No request was sent for this item.`,
			forModel: {
				what: `Refused before sending: the tool's option ${label} is ${describeRejectedValue(value)}. ${expected}`,
				next: "this is a setting of the tool, not an argument: tell the user to correct the tool's Options.",
			},
		},
		{ field: `options.${field}`, rejectedValue: rejectedValueForDetails(value) },
	);
}

function booleanOption(context: IExecuteSingleFunctions, value: unknown, label: string, field: string): boolean {
	if (value === undefined || typeof value === 'boolean') return value === true;
	if (typeof value === 'string' && /^\s*(true|false)\s*$/i.test(value)) return /true/i.test(value);
	return refuse(context, label, field, value, `${label} must be true or false.`);
}

/**
 * Reads and checks the options collection: values from expressions arrive untyped. As an AI
 * tool, Max Wait defaults to a minute: a person is waiting in the chat.
 */
export function requestSettingsOf(context: IExecuteSingleFunctions, asTool = false): RequestSettings {
	const options = context.getNodeParameter('options', {}) as Record<string, unknown>;
	const handling = options.rateLimitHandling ?? 'waitAndRetry';
	if (handling !== 'waitAndRetry' && handling !== 'failImmediately') {
		refuse(context, 'Rate Limit Handling', 'rateLimitHandling', handling, 'Rate Limit Handling must be waitAndRetry or failImmediately.');
	}
	const rawWait = options.maxWaitSeconds ?? (asTool ? TOOL_MAX_WAIT_SECONDS : DEFAULT_MAX_WAIT_SECONDS);
	const wait = typeof rawWait === 'string' && rawWait.trim() !== '' ? Number(rawWait) : rawWait;
	if (typeof wait !== 'number' || !Number.isFinite(wait) || wait < 0) {
		refuse(context, 'Max Wait (Seconds)', 'maxWaitSeconds', rawWait, 'Max Wait (Seconds) must be a number of seconds, 0 or more.');
	}
	return {
		paced: handling === 'waitAndRetry',
		maxWaitMs: wait * 1000,
		includeRateLimitInfo: booleanOption(context, options.includeRateLimitInfo, 'Include Rate Limit Info', 'includeRateLimitInfo'),
	};
}
