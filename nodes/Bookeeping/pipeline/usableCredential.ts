import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { credentialProblem, type BookeepingCredential } from './credentialCheck';
import { BookeepingInputError } from './errors';
import type { NodeRun } from './nodeRun';

/** Refuses a credential that cannot work, before its key is sent anywhere; else returns its key. */
export async function usableApiKey(context: IExecuteSingleFunctions, run: NodeRun): Promise<string> {
	const credentials = await run.credentialOf<BookeepingCredential>(context, 'bookeepingApi');
	const problem = credentialProblem(credentials);
	if (problem === undefined) return String(credentials.apiKey).trim();
	const itemIndex = context.getItemIndex();
	const fix =
		'Open the Bookeeping credential: paste the API key from Bookeeping.ai (Dashboard > Settings > API Access), and pick your region, or for Custom Base URL enter an http(s) address with no user name, password, query or fragment, e.g. http://127.0.0.1:4010/public-api.';
	throw new BookeepingInputError(
		context.getNode(),
		`${problem}. ${fix}`,
		{
			itemIndex,
			description: `${fix} No request was sent.`,
			forModel: {
				what: `Refused before sending: the tool's Bookeeping credential cannot work (${problem.charAt(0).toLowerCase()}${problem.slice(1)}).`,
				next: "no call can fix this: tell the user to open the tool's Bookeeping credential and correct it.",
			},
		},
		{ field: 'credential' },
	);
}
