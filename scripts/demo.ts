import './quietN8nLogs';

import type { INodeExecutionData } from 'n8n-workflow';

import { Sandbox } from '../sandbox/server';
import { runBookeeping } from '../test/engine/runWorkflow';

const API_KEY = 'sk_sandbox_demo';

function table(title: string, items: INodeExecutionData[], columns: Array<[string, (item: INodeExecutionData) => unknown]>): string {
	const rows = items.map((item) => columns.map(([, read]) => String(read(item) ?? '')));
	const widths = columns.map(([name], index) => Math.max(name.length, ...rows.map((row) => Math.min(row[index].length, 130))));
	const line = (cells: string[]) => cells.map((cell, index) => cell.slice(0, 130).padEnd(widths[index])).join(' | ');
	return [
		`${title} (${items.length} item${items.length === 1 ? '' : 's'})`,
		line(columns.map(([name]) => name)),
		widths.map((width) => '-'.repeat(width)).join('-|-'),
		...(rows.length ? rows.map(line) : ['(none)']),
	].join('\n');
}

/**
 * `npm run demo`: deletes four invoices through n8n's engine against the local sandbox and
 * prints what lands on each output of the Bookeeping node.
 */
async function main(): Promise<void> {
	// A daily quota of 2 writes, so the third delete meets a 429 that cannot be waited out.
	const sandbox = await new Sandbox({ apiKeys: [API_KEY], writeLimits: { perWindow: 25, perDay: 2 } }).start();
	try {
		const items = [
			{ customer: 'Acme Corp', invoiceId: sandbox.addInvoice('DRAFT') },
			{ customer: 'Globex', invoiceId: sandbox.addInvoice('SENT') },
			{ customer: 'Initech', invoiceId: sandbox.addInvoice('DRAFT') },
			{ customer: 'Umbrella', invoiceId: 'INV-2024-0042' },
		];
		console.log(`Bookeeping.ai sandbox on ${sandbox.url}; deleting ${items.length} invoices through n8n's workflow engine.\n`);
		console.log(table('Input', items.map((json) => ({ json })), [
			['customer', (item) => item.json.customer],
			['invoiceId', (item) => item.json.invoiceId],
		]));

		const result = await runBookeeping({
			items,
			parameters: {
				resource: 'invoice',
				operation: 'delete',
				invoiceId: '={{ $json.invoiceId }}',
				// One request at a time, so the table is the same on every run.
				requestOptions: { batching: { batch: { batchSize: 1, batchInterval: 50 } } },
			},
			credential: { apiKey: API_KEY, region: 'custom', baseUrl: sandbox.baseUrl },
			onError: 'continueErrorOutput',
		});
		if (result.error) throw result.error;

		console.log(`\n${table('Success output', result.success, [
			['id', (item) => item.json.id],
			['deleted', (item) => item.json.deleted],
		])}`);
		const error = (item: INodeExecutionData) => (item.json.error ?? {}) as Record<string, unknown>;
		console.log(`\n${table('Error output (On Error = "Continue (using error output)")', result.errorOutput, [
			['customer', (item) => item.json.customer],
			['error.statusCode', (item) => error(item).statusCode ?? '-'],
			['message', (item) => item.json.message],
		])}`);
		console.log('\nA Switch on {{ $json.error.statusCode }} after the Error output routes 409 (not a draft) and 429 (rate limited) to their own branches.');
		console.log(`Requests the sandbox received: ${sandbox.requests.map((request) => `${request.method} → ${request.status}`).join(', ')}`);
	} finally {
		await sandbox.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
