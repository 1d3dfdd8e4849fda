import '../../scripts/quietN8nLogs';

import { Sandbox } from '../../sandbox/server';
import { measure, n8nNode, printMedianTable, type Measure } from './benchKit';

/**
 * Get Many with Return All over N invoices, against n8n's HTTP Request node fetching the same
 * pages with its own pagination settings, side by side in one run (alternating, several rounds).
 * Usage: node .build/test/bench/getManyBench.js [N=10000] [rounds=3]
 */
const API_KEY = 'sk_bench';
const PAGE = 250;

async function main(): Promise<void> {
	const n = Number(process.argv[2] ?? 10_000);
	const rounds = Number(process.argv[3] ?? 3);
	const http = await n8nNode('HttpRequest/HttpRequest.node.js', 'HttpRequest');
	const sandbox = await new Sandbox({ apiKeys: [API_KEY], readLimits: { perWindow: 100_000, perDay: 1_000_000 } }).start();
	for (let index = 0; index < n; index++) sandbox.addInvoice('DRAFT');
	const bookeeping = () =>
		measure(sandbox, API_KEY, { parameters: { resource: 'invoice', operation: 'getAll', returnAll: true, simplify: false } }, () => 1);
	const httpRequest = () =>
		measure(
			sandbox,
			API_KEY,
			{
				nodeInstead: { type: http, typeName: 'n8n-nodes-base.httpRequest', typeVersion: 4.2 },
				parameters: {
					url: `${sandbox.baseUrl}/v1/invoices`,
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'limit', value: String(PAGE) }, { name: 'sortKey', value: '_id' }, { name: 'sortOrder', value: '1' }] },
					sendHeaders: true,
					headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${API_KEY}` }] },
					options: {
						pagination: {
							pagination: {
								paginationMode: 'updateAParameterInEachRequest',
								parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
								paginationCompleteWhen: 'other',
								completeExpression: `={{ $response.body.data.invoices.length < ${PAGE} || $pageCount * ${PAGE} >= $response.body.data.count }}`,
							},
						},
					},
				},
			},
			(json) => ((json.data as { invoices?: unknown[] } | undefined)?.invoices ?? []).length,
		);
	const rows: Array<{ name: string; runs: Measure[] }> = [
		{ name: 'Bookeeping Get Many, Return All', runs: [] },
		{ name: "n8n's HTTP Request node, pagination settings", runs: [] },
	];
	try {
		for (let round = 0; round < rounds; round++) {
			rows[0].runs.push(await bookeeping());
			rows[1].runs.push(await httpRequest());
		}
	} finally {
		await sandbox.stop();
	}
	console.log(`Get Many over ${n} invoices, ${rounds} alternating rounds, medians; requests expected ceil(N/${PAGE}) = ${Math.ceil(n / PAGE)}.\n`);
	printMedianTable(rows, 1, { records: 'records', ratio: 'HTTP Request' });
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
