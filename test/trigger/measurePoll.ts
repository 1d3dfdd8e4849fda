/**
 * How long a poll of 10,000 unchanged invoices takes and how many requests it costs, per
 * invoice event, against the in-process sandbox (its sorting of 10,000 records is included).
 * Run: npm run build && npm run build:dev && node .build/test/trigger/measurePoll.js
 */
import { performance } from 'node:perf_hooks';

import { sandboxCredential, startSandbox } from '../engine/fixtures';
import { ActiveTrigger } from './pollHarness';

const INVOICES = 10_000;
const POLLS = 5;

async function measure(event: string): Promise<void> {
	let clock = Date.parse('2026-01-01T00:00:00.000Z');
	const sandbox = await startSandbox({ now: () => clock, readLimits: { perWindow: 100_000, perDay: 1_000_000 } });
	try {
		for (let index = 0; index < INVOICES; index++) {
			clock += 60_000;
			sandbox.addInvoice(index % 3 === 0 ? 'SENT' : 'DRAFT');
		}
		const trigger = new ActiveTrigger({ event }, sandboxCredential(sandbox));
		const reads = () => sandbox.requestsTo('GET', '/v1/invoices').length;
		await trigger.activate();
		// Status changed reads every invoice once for its baseline (1,000 a poll by default).
		let baselinePolls = 1;
		while (trigger.state.cursor !== trigger.state.liveFrom && trigger.state.liveFrom !== null) {
			if (baselinePolls > 100) throw new Error('the baseline did not finish within 100 polls');
			await trigger.poll();
			baselinePolls++;
		}
		const baselineReads = reads();
		const times: number[] = [];
		const costs: number[] = [];
		for (let poll = 0; poll < POLLS; poll++) {
			const before = reads();
			const started = performance.now();
			const { items, error } = await trigger.poll();
			times.push(performance.now() - started);
			costs.push(reads() - before);
			if (items || error) throw new Error(`an unchanged poll returned ${error ? error.message : `${items?.length} items`}`);
		}
		times.sort((a, b) => a - b);
		const stateBytes = JSON.stringify(trigger.state).length;
		console.log(
			`${event}: baseline ${baselineReads} reads over ${baselinePolls} poll(s); unchanged poll of ${INVOICES} invoices: ` +
				`median ${times[Math.floor(POLLS / 2)].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[POLLS - 1].toFixed(1)}), ` +
				`${costs.join('/')} request(s) per poll; static data ${stateBytes} bytes`,
		);
	} finally {
		await sandbox.stop();
	}
}

async function main(): Promise<void> {
	for (const event of ['invoiceCreated', 'invoiceStatusChanged']) await measure(event);
}

void main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
