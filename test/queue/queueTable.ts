import type { QueueRow } from './runQueueScenario';

export const TARGET_RATIO = 1.3;

/** The queue-mode table, for this run. */
export function queueTable(rows: QueueRow[]): string {
	const header =
		'| workers | window | window s | Retry-After | deletes per execution | executions s | first to last delete s | × minimum | 429s | most 429s in a window for one worker | the same after its first 2 windows | windows with two after those | windows | empty windows | error items | deleted once |';
	const lines = rows.map(
		(row) =>
			`| ${row.workers}${row.freshWorkers ? ' fresh' : ''} | ${row.spec.windowMode} | ${row.spec.windowMs / 1000} | ${row.spec.sendRetryAfter ? 'yes' : 'no'} | ${row.sizes.join(' + ')} | ${row.seconds.toFixed(1)} | ${row.pacingSeconds.toFixed(1)} | ${row.ratio.toFixed(2)} | ${row.refused} | ${row.most429sPerWindowPerWorker} | ${row.most429sAfterSearch} | ${row.windowsRefusedTwiceAfterSearch} | ${row.windows} | ${row.emptyWindows} | ${row.errorItems} | ${row.deletedOnce} |`,
	);
	return [header, '|---|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|', ...lines].join('\n');
}
