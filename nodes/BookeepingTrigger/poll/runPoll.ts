import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readState, writeState } from '../cursor/pollState';
import { PageBudget } from '../cursor/recordWindow';
import type { Found, TriggerEvent } from '../events/triggerEvent';
import { ListReader } from '../transport/listReader';
import { rateLimitWaitOf } from './rateLimitWait';
import { warnOfLongWorkflowId } from './workflowIdCheck';

/** The API's largest page. */
const MAX_PAGE_SIZE = 250;
export const DEFAULT_MAX_RECORDS_PER_POLL = 1_000;

/** Static data objects already polled in this process: a new one means the workflow was just activated. */
const polledStates = new WeakSet<object>();

function eventOf(context: IPollFunctions, events: TriggerEvent[]): TriggerEvent {
	const value = context.getNodeParameter('event') as string;
	const event = events.find((candidate) => candidate.option.value === value);
	if (!event) throw new NodeOperationError(context.getNode(), `The trigger has no event "${value}". Pick one of the listed events.`);
	return event;
}

function budgetOf(context: IPollFunctions): PageBudget {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const wanted = Number(options.maxRecordsPerPoll ?? DEFAULT_MAX_RECORDS_PER_POLL);
	const maxRecords = Number.isFinite(wanted) && wanted >= 1 ? Math.floor(wanted) : DEFAULT_MAX_RECORDS_PER_POLL;
	const pageSize = Math.min(MAX_PAGE_SIZE, maxRecords);
	return new PageBudget(pageSize, Math.ceil(maxRecords / pageSize));
}

function toItems(context: IPollFunctions, event: TriggerEvent, found: Found[]): INodeExecutionData[] {
	const simplify = context.getNodeParameter('simplify', true) === true;
	return found.map(({ record, extra }) => ({ json: { ...(simplify ? event.simplify(record) : record), ...(extra ?? {}) } }));
}

/** "Fetch Test Event": the newest record that is an example of the event; the saved state is not touched. */
async function fetchTestEvent(context: IPollFunctions, event: TriggerEvent): Promise<INodeExecutionData[][]> {
	const reader = await ListReader.open(context);
	const { records } = await reader.page(event.list, { page: 1, limit: MAX_PAGE_SIZE, sortKey: event.timestamp, sortOrder: '-1' });
	for (const record of records) {
		const sample = event.sample(record, context);
		if (sample) return [toItems(context, event, [sample])];
	}
	throw new NodeOperationError(context.getNode(), `${event.noSample}, so there is no example to show.`, {
		description: `The ${MAX_PAGE_SIZE} most recent ${event.list.noun} were checked. Create one in Bookeeping.ai (or change the event's settings), then fetch again. An active workflow is not affected.`,
	});
}

/**
 * One poll: waits out a remembered rate limit without a request, reads what changed since the
 * last poll, and saves where it left off. A rate limit is reported once, not at activation,
 * and not again while it lasts.
 */
export async function runPoll(context: IPollFunctions, events: TriggerEvent[]): Promise<INodeExecutionData[][] | null> {
	const event = eventOf(context, events);
	if (context.getMode() === 'manual') return await fetchTestEvent(context, event);

	const staticData = context.getWorkflowStaticData('node');
	const justActivated = !polledStates.has(staticData);
	polledStates.add(staticData);
	if (justActivated) warnOfLongWorkflowId(context);
	const state = readState(staticData, event.option.value);
	if (state.notBefore > Date.now()) {
		context.logger.debug(`Bookeeping Trigger waits for the rate limit until ${new Date(state.notBefore).toISOString()}`);
		return null;
	}

	const reader = await ListReader.open(context);
	let result;
	try {
		result = await event.poll({ context, reader, budget: budgetOf(context), state });
	} catch (error) {
		result = { found: [], error };
	}
	const { found, error } = result;
	const items = toItems(context, event, found);

	const wait = error === undefined ? undefined : rateLimitWaitOf(context.getNode(), error);
	if (wait) {
		const alreadySaid = state.waitReason === wait.kind;
		state.notBefore = wait.until;
		state.waitReason = wait.kind;
		writeState(staticData, state);
		context.logger.warn(wait.error.message);
		if (items.length) return [items];
		if (justActivated || alreadySaid) return null;
		throw wait.error;
	}
	state.notBefore = 0;
	state.waitReason = '';
	writeState(staticData, state);
	if (error !== undefined) {
		// What was read before the failure is reported; the failure itself comes back next poll.
		if (items.length) {
			context.logger.warn(`Bookeeping Trigger: ${(error as Error).message}`);
			return [items];
		}
		throw error;
	}
	context.logger.debug(`Bookeeping Trigger: ${items.length} ${event.option.value} event(s), ${reader.reads} read(s)`);
	return items.length ? [items] : null;
}
