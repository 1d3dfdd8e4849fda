import assert from 'node:assert/strict';
import type { IDataObject } from 'n8n-workflow';

import { EXAMPLE_FILES, readExampleWorkflow } from '../../scripts/localN8n/exampleWorkflows';
import type { N8nRestClient } from '../../scripts/localN8n/n8nRestClient';
import type { Sandbox } from '../../sandbox/server';
import { itemsOn, type ExecutionOutput } from './executionOutput';
import { unflatten } from './flattedData';
import type { Report } from './report';
import { errorOf } from './scenarios/itemExpectations';
import { nodeOfType, type WorkflowFile } from './workflows';

interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
}

const DRAFT = '65f1c0ffee0123456789c001';
const SENT = '65f1c0ffee0123456789c002';

export function seedWebhookInvoices(sandbox: Sandbox): void {
	sandbox.addInvoice('DRAFT', DRAFT);
	sandbox.addInvoice('SENT', SENT);
}

async function finishedExecutions(client: N8nRestClient, workflowId: string, count: number): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const { data } = await client.get<{ data: { results: ExecutionSummary[] } }>('/rest/executions?limit=20');
		const finished = data.results.filter((execution) => execution.workflowId === workflowId && !['new', 'running', 'waiting'].includes(execution.status));
		if (finished.length >= count) return finished;
		if (Date.now() > deadline) throw new Error(`only ${finished.length} of ${count} webhook executions finished within 30 s`);
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
}

/** Publishing registers the webhook a moment after the call returns: a 404 is retried for a while. */
async function callWebhook(url: string, body: IDataObject): Promise<void> {
	const deadline = Date.now() + 15_000;
	for (;;) {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		if (response.status === 200) return;
		const text = await response.text();
		if (response.status !== 404 || Date.now() > deadline) throw new Error(`POST ${url}: HTTP ${response.status} ${text.slice(0, 300)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

async function executionOutput(client: N8nRestClient, id: string): Promise<ExecutionOutput> {
	const { data } = await client.get<{ data: { status: string; data: string } }>(`/rest/executions/${id}`);
	return { status: data.status, data: unflatten(data.data) as ExecutionOutput['data'] };
}

/**
 * Example (a) exactly as shipped, published so its production webhook listens, called the way
 * a CRM would: a draft is deleted, a sent invoice goes down the "Not a draft" branch.
 */
export async function checkWebhookExample(report: Report, client: N8nRestClient, sandbox: Sandbox): Promise<void> {
	const example = readExampleWorkflow<WorkflowFile>(EXAMPLE_FILES.crmDealLost);
	const path = nodeOfType(example, 'n8n-nodes-base.webhook').parameters.path as string;
	const deals = [
		{ dealId: 'D-2001', customer: 'Acme Corp', invoiceId: DRAFT },
		{ dealId: 'D-2002', customer: 'Globex', invoiceId: SENT },
	];
	let executions: ExecutionOutput[] = [];
	try {
		const delivered = await report.checkAsync(`the webhook example as shipped, published: two CRM calls to /webhook/${path} are accepted and run`, async () => {
			const stored = await client.get<{ data: { versionId: string } }>(`/rest/workflows/${example.id}`);
			await client.post(`/rest/workflows/${example.id}/activate`, { versionId: stored.data.versionId });
			for (const deal of deals) await callWebhook(`${client.url}/webhook/${path}`, deal);
			const finished = await finishedExecutions(client, example.id, deals.length);
			executions = await Promise.all(finished.map(async (summary) => await executionOutput(client, summary.id)));
		});
		if (!delivered) return;
	} finally {
		await client.post(`/rest/workflows/${example.id}/deactivate`, {}).catch(() => undefined);
	}
	const byDeal = (dealId: string) => {
		const execution = executions.find((candidate) => (itemsOn(candidate, 'CRM deal lost')[0]?.body as IDataObject | undefined)?.dealId === dealId);
		assert.ok(execution, `no execution for deal ${dealId}`);
		return execution;
	};
	report.check('  a draft: the run succeeds and "Invoice deleted" gets { id, deleted: true }', () => {
		const execution = byDeal('D-2001');
		assert.equal(execution.status, 'success');
		assert.deepEqual(itemsOn(execution, 'Invoice deleted'), [{ id: DRAFT, deleted: true }]);
	});
	report.check('  a sent invoice: "Not a draft: cancel it instead" gets the deal with error.statusCode 409', () => {
		const [item] = itemsOn(byDeal('D-2002'), 'Not a draft: cancel it instead');
		assert.deepEqual(item.body, deals[1]);
		assert.equal(errorOf(item).statusCode, 409);
	});
	// The webhook answers on receipt, so the two executions may run their DELETEs in either order.
	report.check('  the sandbox received one DELETE for each, answered 200 and 409', () => {
		const deletes = sandbox.requests.filter((request) => request.method === 'DELETE');
		const answered = deletes.map((request) => [request.path.split('/').pop(), request.status]);
		assert.deepEqual(answered.sort(), [[DRAFT, 200], [SENT, 409]]);
	});
}
