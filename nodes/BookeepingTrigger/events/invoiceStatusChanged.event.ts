import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { simplifyInvoice } from '../../Bookeeping/resources/invoice/getAll.operation';
import { RecordWindow } from '../cursor/recordWindow';
import type { TriggerList } from '../transport/listReader';
import { decodeStatus, track } from './invoiceStatusTracking';
import { findNewlyOverdue } from './overdueCheck';
import { eventDisplay, type Found, type TriggerEvent } from './triggerEvent';

const EVENT = 'invoiceStatusChanged';
const list: TriggerList = { path: '/v1/invoices', key: 'invoices', noun: 'invoices' };
const ALL_STATUSES = ['SENT', 'OVERDUE', 'PAID', 'CANCELLED'];
/** The baseline of an account that had no invoice at all. */
const EPOCH = new Date(0).toISOString();

function toStatusesOf(context: IPollFunctions): string[] {
	const chosen = context.getNodeParameter('toStatuses', ALL_STATUSES) as string[];
	return Array.isArray(chosen) && chosen.length ? chosen : ALL_STATUSES;
}

function withPreviousStatus(context: IPollFunctions, previous: string | null): IDataObject | undefined {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return options.includePreviousStatus === true ? { previousStatus: previous } : undefined;
}

export const invoiceStatusChanged: TriggerEvent = {
	option: {
		name: 'Invoice Status Changed',
		value: EVENT,
		description: 'An invoice was sent, became overdue, was paid or was cancelled',
	},
	fields: [
		{
			displayName: 'To Statuses',
			name: 'toStatuses',
			type: 'multiOptions',
			options: [
				{ name: 'Cancelled', value: 'CANCELLED' },
				{ name: 'Overdue', value: 'OVERDUE' },
				{ name: 'Paid', value: 'PAID' },
				{ name: 'Sent', value: 'SENT' },
			],
			default: [...ALL_STATUSES],
			description: 'Start the workflow when an invoice changes to one of these statuses',
			displayOptions: eventDisplay(EVENT),
		},
	],
	list,
	timestamp: 'updatedAt',
	simplify: simplifyInvoice,
	noSample: 'Bookeeping.ai has no invoice in one of the chosen statuses',

	/**
	 * The first polls read every invoice once, oldest change first, to learn the status of each
	 * one whose status can still change (this baseline reports nothing); afterwards each changed
	 * invoice is compared with the status it had.
	 */
	poll: async ({ context, reader, budget, state }) => {
		const window = new RecordWindow(reader, list, 'updatedAt', budget);
		const firstPoll = !state.baselined;
		if (firstPoll) {
			await window.baseline(state);
			state.liveFrom = state.cursor ?? EPOCH;
			state.cursor = null;
			state.rank = 0;
			state.recent = [];
		}
		const liveFrom = Date.parse(state.liveFrom ?? EPOCH);
		const toStatuses = toStatusesOf(context);
		const found: Found[] = [];
		const report = (invoice: IDataObject, previous: string | null) => {
			if (toStatuses.includes(String(invoice.status))) found.push({ record: invoice, extra: withPreviousStatus(context, previous) });
		};

		const { fresh, caughtUp, error } = await window.readSince(state);
		for (const invoice of fresh) {
			const previous = decodeStatus(state.tracked[String(invoice._id)])?.status ?? null;
			const live = Date.parse(String(invoice.updatedAt)) > liveFrom;
			if (live && previous !== invoice.status) report(invoice, previous);
			track(state, invoice);
		}
		// The first poll reports nothing, not even a change that raced it.
		if (firstPoll) return { found: [], error };
		if (error || !caughtUp) return { found, error };
		try {
			for (const invoice of await findNewlyOverdue(reader, list, budget, state)) {
				report(invoice, 'SENT');
				track(state, invoice);
			}
		} catch (overdueError) {
			return { found, error: overdueError };
		}
		return { found };
	},

	sample: (record, context) =>
		toStatusesOf(context).includes(String(record.status)) ? { record, extra: withPreviousStatus(context, null) } : undefined,
};
