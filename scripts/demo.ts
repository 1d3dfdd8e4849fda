import './quietN8nLogs';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Sandbox } from '../sandbox/server';
import { addInvoiceBook } from '../sandbox/invoiceBook';
import { SEED_IDS } from '../sandbox/seed';
import { runBookeeping } from '../test/engine/runWorkflow';

const API_KEY = 'sk_sandbox_demo';
type Column = [string, (item: INodeExecutionData) => unknown];

function table(title: string, items: INodeExecutionData[], columns: Column[]): string {
	const rows = items.map((item) => columns.map(([, read]) => String(read(item) ?? '')));
	const widths = columns.map(([name], index) => Math.max(name.length, ...rows.map((row) => Math.min(row[index].length, 110))));
	const line = (cells: string[]) => cells.map((cell, index) => cell.slice(0, 110).padEnd(widths[index])).join(' | ');
	return [
		`${title} (${items.length} item${items.length === 1 ? '' : 's'})`,
		line(columns.map(([name]) => name)),
		widths.map((width) => '-'.repeat(width)).join('-|-'),
		...(rows.length ? rows.map(line) : ['(none)']),
	].join('\n');
}

const invoiceColumns: Column[] = [
	['_id', (item) => item.json._id],
	['invoiceId', (item) => item.json.invoiceId],
	['status', (item) => item.json.status],
	['amount', (item) => item.json.amount],
];
const errorColumns: Column[] = [
	['customer', (item) => item.json.customer],
	['error.statusCode', (item) => (item.json.error as { statusCode?: unknown } | undefined)?.statusCode ?? '-'],
	['message', (item) => item.json.message],
];

/**
 * `npm run demo`: an invoice's whole life through n8n's workflow engine against the local
 * sandbox, printing what lands on each output of the Bookeeping node.
 */
async function main(): Promise<void> {
	// A daily quota of 8 writes, so the last delete meets a 429 that cannot be waited out.
	const sandbox = await new Sandbox({ apiKeys: [API_KEY], writeLimits: { perWindow: 25, perDay: 8 } }).start();
	const credential = { apiKey: API_KEY, region: 'custom', baseUrl: sandbox.baseUrl };
	const step = async (title: string, operation: string, parameters: INodeParameters, items: Array<Record<string, unknown>> = [{}]) => {
		const result = await runBookeeping({
			items: items as INodeParameters[],
			// One request at a time, so the tables are the same on every run.
			parameters: { resource: 'invoice', operation, requestOptions: { batching: { batch: { batchSize: 1, batchInterval: 20 } } }, ...parameters },
			credential,
			onError: 'continueErrorOutput',
		});
		if (result.error) throw result.error;
		console.log(`\n== ${title}`);
		if (result.success.length) console.log(table('Success output', result.success, operation === 'delete' ? [['id', (item) => item.json.id], ['deleted', (item) => item.json.deleted]] : invoiceColumns));
		if (result.errorOutput.length) console.log(table('Error output', result.errorOutput, errorColumns));
		return result;
	};
	try {
		console.log(`Bookeeping.ai sandbox on ${sandbox.url}: an invoice's life through n8n's workflow engine.`);
		const created = await step('Invoice > Create (a deal is won)', 'create', {
			counterpartyId: { __rl: true, mode: 'id', value: SEED_IDS.acme },
			invoiceDate: '2026-12-01T00:00:00',
			dueDate: '2026-12-31T00:00:00',
			currency: 'USD',
			lineItems: JSON.stringify([{ name: 'Consulting', quantity: 4, price: 150 }]),
		});
		const id = String(created.success[0].json._id);
		await step('Invoice > Send (the customer gets an email)', 'send', { invoiceId: id });
		await step('Invoice > Send again: 409, only drafts can be sent', 'send', { invoiceId: '={{ $json.invoiceId }}' }, [{ customer: 'Acme Corp', invoiceId: id }]);
		await step('Invoice > Mark as Paid (the payment arrived)', 'markAsPaid', {
			invoiceId: id,
			categoryId: SEED_IDS.salesCategory,
			accountId: SEED_IDS.operatingAccount,
			additionalFields: { transactionRefNo: 'PAY-0001' },
		});
		await step('Invoice > Cancel a sent invoice (the deal fell through)', 'cancel', { invoiceId: sandbox.addInvoice('SENT'), reason: 'Deal lost' });
		await step('Invoice > Delete: a draft, a paid invoice (409), a malformed id, and a used-up daily quota (429)', 'delete', { invoiceId: '={{ $json.invoiceId }}' }, [
			{ customer: 'Globex', invoiceId: sandbox.addInvoice('DRAFT') },
			{ customer: 'Acme Corp', invoiceId: id },
			{ customer: 'Umbrella', invoiceId: 'INV-2024-0042' },
			{ customer: 'Initech', invoiceId: sandbox.addInvoice('DRAFT') },
			{ customer: 'Hooli', invoiceId: sandbox.addInvoice('DRAFT') },
		]);
		await step('Invoice > Get Many (Return All, simplified)', 'getAll', { returnAll: true });
		addInvoiceBook(sandbox.store, 300);
		await step("Invoice > Get Many with filters: Acme Corp's overdue invoices among 300 more (the node filters while it reads)", 'getAll', {
			returnAll: true,
			filters: { status: ['OVERDUE'], counterpartyId: { __rl: true, mode: 'id', value: SEED_IDS.acme } },
		});
		console.log('\nA Switch on {{ $json.error.statusCode }} after the Error output routes 409 and 429 to their own branches.');
		console.log(`Requests the sandbox received: ${sandbox.requests.length}, ${sandbox.requests.filter((request) => request.status === 429).length} of them answered 429.`);
	} finally {
		await sandbox.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
