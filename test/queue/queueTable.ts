import type { QueueRow } from './runQueueScenario';

export const TARGET_RATIO = 1.3;

/** The table of issue 13, for this run. */
export function queueTable(rows: QueueRow[]): string {
	const header = '| workers | window | Retry-After | executions × deletes | executions s | first to last delete s | × minimum | 429s | most 429s in a window for one worker | windows | error items | deleted once |';
	const lines = rows.map(
		(row) =>
			`| ${row.workers} | ${row.spec.windowMode} | ${row.spec.sendRetryAfter ? 'yes' : 'no'} | ${row.executions} × ${row.deletes / row.executions} | ${row.seconds.toFixed(1)} | ${row.pacingSeconds.toFixed(1)} | ${row.ratio.toFixed(2)} | ${row.refused} | ${row.most429sPerWindowPerWorker} | ${row.windows} | ${row.errorItems} | ${row.deletedOnce} |`,
	);
	return [header, '|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|', ...lines].join('\n');
}
