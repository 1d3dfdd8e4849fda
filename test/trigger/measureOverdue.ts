/**
 * How late the trigger reports an invoice the API flips to OVERDUE some time after its due date,
 * and what its polls read meanwhile: 5 sent invoices due together among 2,000 others, Invoice
 * Status Changed polled every 15 minutes on the sandbox's clock, for three lags; then the longest
 * delay over a sweep of lags, for several poll intervals.
 * Run: npm run measure:overdue
 */
import { longestDelay, runOverdueScenario, summarize } from './overdueScenario';
import { DAY, MINUTE } from './triggerFixtures';

const LAGS: Array<[string, number]> = [
	['0', 0],
	['20 min', 20 * MINUTE],
	['1 day', DAY],
];

/** e.g. "1 ×93, 2 ×33": how many polls read that many pages. */
function histogram(reads: number[]): string {
	const counts = new Map<number, number>();
	for (const value of reads) counts.set(value, (counts.get(value) ?? 0) + 1);
	return [...counts].sort(([left], [right]) => left - right).map(([value, count]) => `${value} ×${count}`).join(', ') || '–';
}

async function lagTable(): Promise<void> {
	console.log('5 sent invoices due together among 2,000 others, polls every 15 minutes:');
	console.log('| overdue lag | report delay | reads per quiet poll while the API says SENT | reads per poll before the due date / after the report | pages of 250 |');
	console.log('|---|---|---|---|---|');
	for (const [name, lagMs] of LAGS) {
		const run = await runOverdueScenario({ lagMs });
		const summary = summarize(run);
		const delays = [...new Set(summary.delaysMinutes.map((delay) => (delay === undefined ? 'never' : `${delay} min`)))].join(', ');
		const once = summary.reportCounts.every((count) => count === 1) ? 'each once' : `reported ${summary.reportCounts.join('/')} times`;
		const late = summary.quietReadsWhileLate;
		console.log(`| ${name} | ${delays} (${once}) | ${histogram(late)} (${late.length} polls) | ${histogram(summary.readsBeforeDue)} / ${histogram(summary.readsAfterReport)} | ${run.pages} |`);
	}
}

async function sweep(): Promise<void> {
	console.log('\nLongest report delay over lags of 0 to 3 hours (one run per lag, 250 other invoices):');
	console.log('| poll every | lags tried | longest delay | at lag |');
	console.log('|---|---|---|---|');
	for (const [pollMinutes, stepMinutes] of [[5, 7], [15, 1], [30, 7], [60, 7]]) {
		const lags = Array.from({ length: Math.floor(180 / stepMinutes) + 1 }, (_, index) => index * stepMinutes * MINUTE + 1_000);
		const worst = await longestDelay(lags, { otherInvoices: 250, pollEveryMs: pollMinutes * MINUTE, pollAfterFlipMs: 2 * Math.max(60, pollMinutes) * MINUTE });
		console.log(`| ${pollMinutes} min | ${lags.length}, every ${stepMinutes} min | ${worst.minutes.toFixed(1)} min | ${(worst.lagMs / MINUTE).toFixed(2)} min |`);
	}
}

async function main(): Promise<void> {
	await lagTable();
	await sweep();
}

void main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
