import type { INodeProperties } from 'n8n-workflow';

import { triggerEvents } from './events';
import { DEFAULT_MAX_RECORDS_PER_POLL } from './poll/runPoll';

/** n8n's Poll Times default is every minute: 1,440 reads a day. This trigger starts at every 15 minutes. */
const POLL_EVERY_15_MINUTES = { item: [{ mode: 'everyX', value: 15, unit: 'minutes' }] };

/**
 * For `polling: true` n8n's loader puts its own Poll Times field in front of the node's
 * properties (`properties.unshift`); this list gives that field this trigger's default.
 */
class TriggerProperties extends Array<INodeProperties> {
	unshift(...properties: INodeProperties[]): number {
		return super.unshift(
			...properties.map((property) => (property.name === 'pollTimes' ? { ...property, default: POLL_EVERY_15_MINUTES } : property)),
		);
	}
}

const properties: INodeProperties[] = [
	{
		displayName:
			'Each poll costs at least one of the 6,000 reads a day of your API key (one more for every 250 changed records, and for the overdue check when a sent invoice is past due). Every 15 minutes uses 96 reads a day; every minute, 1,440.',
		name: 'pollCostNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: triggerEvents.map((event) => event.option),
		default: 'invoiceCreated',
	},
	...triggerEvents.flatMap((event) => event.fields),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of each record instead of the raw data',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Include Previous Status',
				name: 'includePreviousStatus',
				type: 'boolean',
				default: false,
				description: 'Whether to add the status the invoice had before as previousStatus (null when the trigger had not seen the invoice before)',
				displayOptions: { show: { '/event': ['invoiceStatusChanged'] } },
			},
			{
				displayName: 'Max Records per Poll',
				name: 'maxRecordsPerPoll',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_MAX_RECORDS_PER_POLL,
				description:
					'At most this many records are read in one poll (one read per 250); a larger backlog is worked through over the next polls, oldest first',
			},
		],
	},
];

export const triggerProperties: INodeProperties[] = TriggerProperties.from(properties);
