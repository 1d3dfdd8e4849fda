import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { credentialProblem } from './credentialCheck';
import { BookeepingInputError } from './errors';
import { describeRejectedValue, normalizeInvoiceId, rejectedValueForDetails } from './invoiceId';

export function invoiceIdOf(context: IExecuteSingleFunctions): string {
	return normalizeInvoiceId(context.getNodeParameter('invoiceId', '')) ?? '';
}

/**
 * Refuses an id that is not a 24-character hex id. Runs inside the request hook rather than
 * as a preSend so that, under the Continue modes, the refused item keeps its input fields.
 */
export function assertValidInvoiceId(context: IExecuteSingleFunctions): void {
	const value = context.getNodeParameter('invoiceId', '') as unknown;
	if (normalizeInvoiceId(value) !== undefined) return;
	const itemIndex = context.getItemIndex();
	throw new BookeepingInputError(
		context.getNode(),
		`Invalid Invoice ID in item ${itemIndex}: ${describeRejectedValue(value)}`,
		{
			itemIndex,
			description:
				"Invoice ID must be the invoice's 24-character hexadecimal id, e.g. 65f1c0ffee0123456789abcd. Check the value or expression that sets it (an expression that finds no field gives an empty value). No request was sent for this item.",
		},
		{ field: 'invoiceId', rejectedValue: rejectedValueForDetails(value) },
	);
}

/** Refuses a credential that cannot work, before its key is sent anywhere; else returns its key. */
export async function usableApiKey(context: IExecuteSingleFunctions): Promise<string> {
	const credentials = await context.getCredentials<{ apiKey?: unknown }>('bookeepingApi');
	const problem = credentialProblem(credentials);
	if (problem === undefined) return String(credentials.apiKey);
	const itemIndex = context.getItemIndex();
	throw new BookeepingInputError(
		context.getNode(),
		problem,
		{
			itemIndex,
			description:
				'Open the Bookeeping credential: paste the API key from Bookeeping.ai (Dashboard > Settings > API Access), and pick your region, or for Custom Base URL enter an http(s) address with no user name, password, query or fragment, e.g. http://127.0.0.1:4010/public-api. No request was sent.',
		},
		{ field: 'credential' },
	);
}
