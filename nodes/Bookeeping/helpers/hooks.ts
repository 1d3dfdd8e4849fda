import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import {
	errorFromNetworkFailure,
	errorFromResponse,
	errorFromUnexpectedSuccess,
} from './apiErrors';
import { BookeepingApiError, BookeepingInputError, type BookeepingError } from './errors';
import { credentialProblem } from './credentialCheck';
import { describeRejectedValue, normalizeInvoiceId } from './invoiceId';
import { sendPaced, successRateLimits } from './pacedRequest';
import { readRateLimitHeaders } from './rateLimitHeaders';

function invoiceIdOf(context: IExecuteSingleFunctions): string {
	return normalizeInvoiceId(context.getNodeParameter('invoiceId', '')) ?? '';
}

/**
 * Refuses an id that is not a 24-character hex id. Runs inside the request hook rather than
 * as a preSend so that, under the Continue modes, the refused item keeps its input fields.
 */
function assertValidInvoiceId(context: IExecuteSingleFunctions): void {
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
		{ field: 'invoiceId', rejectedValue: describeRejectedValue(value) },
	);
}

/** Refuses a credential that cannot work, before its key is sent anywhere. */
async function assertUsableCredential(context: IExecuteSingleFunctions): Promise<void> {
	const problem = credentialProblem(await context.getCredentials('bookeepingApi'));
	if (problem === undefined) return;
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

function isEnvelope(body: unknown): boolean {
	return typeof body === 'object' && body !== null && !Array.isArray(body) && !Buffer.isBuffer(body);
}

/** postReceive: a 2xx becomes `{ id, deleted: true }`; anything else becomes a clear error. */
export async function toDeletedInvoice(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const invoiceId = invoiceIdOf(this);
	const itemIndex = this.getItemIndex();
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw errorFromResponse(this.getNode(), itemIndex, invoiceId, response);
	}
	if (!isEnvelope(response.body)) {
		throw errorFromUnexpectedSuccess(this.getNode(), itemIndex, invoiceId, response);
	}
	const rateLimit = readRateLimitHeaders(response.headers);
	const { includeRateLimitInfo } = this.getNodeParameter('options', {}) as { includeRateLimitInfo?: boolean };
	const item: INodeExecutionData = {
		json: { id: invoiceId, deleted: true, ...(includeRateLimitInfo ? { rateLimit: { ...rateLimit } } : {}) },
		pairedItem: { item: itemIndex },
	};
	successRateLimits.set(item, rateLimit);
	return [item];
}

/**
 * Under either Continue mode a failed item must stay one item, paired to its input, with
 * `details` a workflow can branch on. For the error output n8n itself merges the input
 * fields in, but only when the item has no keys besides error/message/details.
 */
function toErrorItem(context: IExecuteSingleFunctions, error: BookeepingError): INodeExecutionData {
	const itemIndex = context.getItemIndex();
	const failure: IDataObject = {
		error: error.message,
		details: { ...error.details, description: error.description ?? '' },
	};
	const json =
		context.getNode().onError === 'continueErrorOutput'
			? failure
			: { ...context.getInputData().json, ...failure };
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * Under Stop Workflow, the first failure of each node run. n8n starts every item's request at
 * once; items still waiting for the rate limit when one fails are then not sent, so a failed
 * run deletes no more than it had to.
 */
const firstFailures = new WeakMap<object, BookeepingError>();

function notSentAfter(context: IExecuteSingleFunctions, first: BookeepingError): BookeepingInputError {
	const itemIndex = context.getItemIndex();
	return new BookeepingInputError(
		context.getNode(),
		`Item ${itemIndex} was not sent: an earlier item failed (${first.message})`,
		{
			itemIndex,
			description:
				'With On Error set to Stop Workflow, items not yet sent when one fails are not sent. To process every item whatever happens, set On Error to Continue (using error output).',
		},
		{ notSent: true },
	);
}

/**
 * The operation's request hook: checks the item, sends its request (paced, see
 * pacedRequest.ts) and turns every failure, with or without an HTTP answer, into a
 * Bookeeping error: thrown under Stop Workflow, an item otherwise.
 */
export async function sendAndSettle(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const toError = (caught: unknown): BookeepingError =>
		caught instanceof BookeepingApiError || caught instanceof BookeepingInputError
			? caught
			: errorFromNetworkFailure(this.getNode(), this.getItemIndex(), invoiceIdOf(this), caught);
	const stopOnFailure = !this.continueOnFail();
	const nodeRun = this.getExecuteData();
	const refusal = () => {
		const first = stopOnFailure ? firstFailures.get(nodeRun) : undefined;
		return first && notSentAfter(this, first);
	};
	let failure: BookeepingError;
	try {
		await assertUsableCredential(this);
		assertValidInvoiceId(this);
		return await sendPaced(this, requestData, toError, refusal);
	} catch (caught) {
		failure = toError(caught);
	}
	if (stopOnFailure) {
		if (!firstFailures.has(nodeRun)) firstFailures.set(nodeRun, failure);
		throw failure;
	}
	return [toErrorItem(this, failure)];
}
