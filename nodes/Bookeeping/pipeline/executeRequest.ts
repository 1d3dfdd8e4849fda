import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import type { FailedRequest } from './apiErrors';
import { BookeepingApiError, BookeepingInputError, type BookeepingError } from './errors';
import { toErrorItem } from './errorItem';
import { checkItem } from './inputChecks';
import { listLimitsOf } from './listLimits';
import { nodeRunOf } from './nodeRun';
import type { OperationSpec, OperationSpecs } from './operationSpec';
import { pageThrough } from './pageThrough';
import { sendPaced, type PacedRequest } from './pacedSend';
import { budgetFor } from './rateLimitBudget';
import { recordPredicateOf } from './recordFilters';
import { requestSettingsOf } from './requestSettings';
import { errorForModel, isToolMode, listNoteForModel, TOOL_MAX_RECORDS } from './toolMode';
import { usableApiKey } from './usableCredential';

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
	const keys = path.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) {
		if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
		node = node[key] as Record<string, unknown>;
	}
	node[keys[keys.length - 1]] = value;
}

function specOf(context: IExecutePaginationFunctions, specs: OperationSpecs): OperationSpec {
	const resource = context.getNodeParameter('resource', '') as string;
	const operation = context.getNodeParameter('operation', '') as string;
	const spec = specs[resource]?.[operation];
	if (!spec) throw new Error(`The node has no ${resource} ${operation} operation`);
	return spec;
}

function asBookeepingError(context: IExecutePaginationFunctions, caught: unknown): BookeepingError {
	if (caught instanceof BookeepingApiError || caught instanceof BookeepingInputError) return caught;
	const itemIndex = context.getItemIndex();
	const message = caught instanceof Error ? caught.message : String(caught);
	return new BookeepingInputError(
		context.getNode(),
		`Item ${itemIndex} cannot be sent: ${message}`,
		{
			itemIndex,
			description: 'Check the parameters and expressions of this item. No request was sent for this item.',
			forModel: { what: `Refused before sending: ${message}.`, next: 'correct the arguments and call again.' },
		},
		{ field: null },
	);
}

function outputItems(spec: OperationSpec, data: unknown, ids: Record<string, string>): IDataObject[] {
	const shaped = spec.output ? spec.output(data, ids) : ((data ?? {}) as IDataObject);
	return Array.isArray(shaped) ? shaped : [shaped];
}

/**
 * The node's one request executor (n8n's routing `pagination` hook, declared once for the
 * whole node): every item of every operation goes through it. It checks the item against what
 * its operation declares, sends the request paced under the key's read or write budget, reads
 * a list page by page, and turns every failure into a Bookeeping error: thrown under Stop
 * Workflow, an error item under the Continue modes. As an AI tool (pipeline/toolMode.ts) the
 * same, but worded for a model and compact.
 */
export function createRequestExecutor(specs: OperationSpecs) {
	return async function executeRequest(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const run = nodeRunOf(this);
		const itemIndex = this.getItemIndex();
		const stopOnFailure = !this.continueOnFail();
		const asTool = isToolMode(this);
		try {
			const spec = specOf(this, specs);
			const settings = requestSettingsOf(this, asTool);
			const checked = checkItem(this, spec);
			const limits = spec.list ? listLimitsOf(this, asTool ? TOOL_MAX_RECORDS : Infinity) : undefined;
			const matches = spec.list ? recordPredicateOf(this, spec.list) : undefined;
			const before = stopOnFailure ? run.failureBefore(itemIndex) : undefined;
			if (before) throw before;

			const apiKey = await usableApiKey(this, run);
			const body = { ...((requestData.options.body as Record<string, unknown>) ?? {}) };
			for (const [path, value] of Object.entries(checked.body)) setPath(body, path, value);
			const request: FailedRequest = {
				node: this.getNode(),
				itemIndex,
				action: spec.action(checked.ids),
				subject: spec.subject?.(checked.ids),
				ids: checked.ids,
				conflict: spec.conflict,
				writes: spec.kind === 'write',
				findWith: spec.ids?.[0]?.findWith,
			};
			const paced: PacedRequest = {
				context: this,
				requestData: { ...requestData, options: { ...requestData.options, body, qs: { ...requestData.options.qs, ...(checked.query as IDataObject) } } },
				request,
				settings,
				budget: budgetFor(apiKey, String(requestData.options.baseURL), spec.kind),
				run,
				stopped: () => (stopOnFailure ? run.failureBefore(itemIndex) : undefined),
			};

			// Simplify: Get Many's own short form; as a tool, every operation's, unless turned off.
			const simplify = this.getNodeParameter('simplify', true) === true;
			const shorten = simplify ? (spec.list?.simplify ?? (asTool ? spec.simplify : undefined)) : undefined;
			let records: IDataObject[];
			let rateLimit: Record<string, unknown>;
			if (spec.list && limits) {
				const read = await pageThrough(paced, spec.list, limits, matches);
				rateLimit = read.rateLimit;
				records = shorten ? read.records.map(shorten) : read.records;
				if (asTool) records = [...records, ...listNoteForModel(spec.list, records.length, read.more)];
			} else {
				const answer = await sendPaced(paced);
				rateLimit = answer.rateLimit;
				records = outputItems(spec, answer.data, checked.ids);
				if (shorten) records = records.map(shorten);
			}
			return records.map((json) => ({
				json: settings.includeRateLimitInfo ? { ...json, rateLimit } : json,
				pairedItem: { item: itemIndex },
			}));
		} catch (caught) {
			const caughtError = asBookeepingError(this, caught);
			const failure = asTool ? errorForModel(caughtError) : caughtError;
			if (!stopOnFailure) return [toErrorItem(this, failure, asTool)];
			run.recordFailure(itemIndex, failure);
			throw failure;
		}
	};
}
