import type { IDataObject } from 'n8n-workflow';

import { RecordWindow } from '../cursor/recordWindow';
import type { EventPollResult, TriggerEvent } from './triggerEvent';

type RecordEventParts = Omit<TriggerEvent, 'poll' | 'sample'> & {
	/** Which records of the window are the event (default: all). */
	matches?: (record: IDataObject) => boolean;
};

/** An event that reports each record newly stamped with its timestamp: created, or updated. */
export function recordEvent(parts: RecordEventParts): TriggerEvent {
	const matches = parts.matches ?? (() => true);
	return {
		...parts,
		poll: async ({ reader, budget, state }): Promise<EventPollResult> => {
			const window = new RecordWindow(reader, parts.list, parts.timestamp, budget);
			if (!state.baselined) {
				await window.baseline(state);
				return { found: [] };
			}
			const { fresh, error } = await window.readSince(state);
			return { found: fresh.filter(matches).map((record) => ({ record })), error };
		},
		sample: (record) => (matches(record) ? { record } : undefined),
	};
}
