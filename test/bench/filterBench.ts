import '../../scripts/quietN8nLogs';

import { addInvoiceBook } from '../../sandbox/invoiceBook';
import { Sandbox } from '../../sandbox/server';
import { measure, n8nNode, printMedianTable, type Measure } from './benchKit';

/**
 * "Which invoices are overdue?" over N sandbox invoices, side by side in one run (alternating,
 * several rounds): Get Many with the Status filter, against Get Many Return All followed by
 * n8n's Filter node; then "the first 10 overdue invoices" (Limit 10) with the filter.
 * Usage: node .build/test/bench/filterBench.js [N=10000] [rounds=3]
 */
const API_KEY = 'sk_bench_filters';

const overdueCondition = {
	options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
	conditions: [{ id: 'overdue', leftValue: '={{ $json.status }}', rightValue: 'OVERDUE', operator: { type: 'string', operation: 'equals' } }],
	combinator: 'and',
};

async function main(): Promise<void> {
	const n = Number(process.argv[2] ?? 10_000);
	const rounds = Number(process.argv[3] ?? 3);
	const filterNode = await n8nNode('Filter/Filter.node.js', 'Filter');
	const sandbox = await new Sandbox({ apiKeys: [API_KEY], readLimits: { perWindow: 100_000, perDay: 1_000_000 } }).start();
	addInvoiceBook(sandbox.store, n);
	const one = () => 1;
	const scenarios: Array<{ name: string; run: () => Promise<Measure>; runs: Measure[] }> = [
		{
			name: 'Get Many, Status = Overdue, Return All',
			run: () => measure(sandbox, API_KEY, { parameters: { resource: 'invoice', operation: 'getAll', returnAll: true, filters: { status: ['OVERDUE'] } } }, one),
			runs: [],
		},
		{
			name: "Get Many, Return All, then n8n's Filter node",
			run: () =>
				measure(
					sandbox,
					API_KEY,
					{
						parameters: { resource: 'invoice', operation: 'getAll', returnAll: true },
						nodeAfter: { type: filterNode, typeName: 'n8n-nodes-base.filter', typeVersion: 2.2, parameters: { conditions: overdueCondition } },
					},
					one,
				),
			runs: [],
		},
		{
			name: 'Get Many, Status = Overdue, Limit 10',
			run: () => measure(sandbox, API_KEY, { parameters: { resource: 'invoice', operation: 'getAll', limit: 10, filters: { status: ['OVERDUE'] } } }, one),
			runs: [],
		},
	];
	try {
		for (let round = 0; round < rounds; round++) for (const scenario of scenarios) scenario.runs.push(await scenario.run());
	} finally {
		await sandbox.stop();
	}
	console.log(`Overdue invoices over ${n} sandbox invoices, ${rounds} alternating rounds, medians; a full read is ceil(N/250) = ${Math.ceil(n / 250)} requests.\n`);
	printMedianTable(scenarios, 1, { records: 'output items', ratio: 'Get Many + Filter node' });
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
