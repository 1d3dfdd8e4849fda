import type {
	DeclarativeRestApiSettings,
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
import { firstFailures, notSentAfter, toErrorItem } from './failedItems';
import { assertValidInvoiceId, invoiceIdOf, usableApiKey } from './itemChecks';
import { sendPaced, successRateLimits } from './pacedRequest';
import { readRateLimitHeaders } from './rateLimitHeaders';

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
		const apiKey = await usableApiKey(this);
		assertValidInvoiceId(this);
		return await sendPaced(this, requestData, apiKey, toError, refusal);
	} catch (caught) {
		failure = toError(caught);
	}
	if (stopOnFailure) {
		if (!firstFailures.has(nodeRun)) firstFailures.set(nodeRun, failure);
		throw failure;
	}
	return [toErrorItem(this, failure)];
}
