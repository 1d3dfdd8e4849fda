import type { IDataObject, INodeProperties, INodePropertyOptions, IPollFunctions } from 'n8n-workflow';

import type { PollState } from '../cursor/pollState';
import type { PageBudget, TimestampField } from '../cursor/recordWindow';
import type { ListReader, TriggerList } from '../transport/listReader';

export interface EventPoll {
	context: IPollFunctions;
	reader: ListReader;
	budget: PageBudget;
	state: PollState;
}

/** One record to start the workflow with, and what the event adds to it. */
export interface Found {
	record: IDataObject;
	extra?: IDataObject;
}

export interface EventPollResult {
	found: Found[];
	/** Reading stopped on this error; what was found before it is still reported. */
	error?: unknown;
}

/** One event of the trigger: what it reads, how it tells what happened, and its fields. */
export interface TriggerEvent {
	option: INodePropertyOptions & { value: string };
	fields: INodeProperties[];
	list: TriggerList;
	/** The API timestamp the cursor follows. */
	timestamp: TimestampField;
	/** What Simplify keeps. */
	simplify: (record: IDataObject) => IDataObject;
	/** The first poll sets a baseline and reports nothing; later polls report what happened since. */
	poll: (run: EventPoll) => Promise<EventPollResult>;
	/** Fetch Test Event: whether this record (newest first) is an example of the event, and what it adds. */
	sample: (record: IDataObject, context: IPollFunctions) => Found | undefined;
	/** What "no example" means, for the message of Fetch Test Event. */
	noSample: string;
}

export const eventDisplay = (event: string) => ({ show: { event: [event] } });
