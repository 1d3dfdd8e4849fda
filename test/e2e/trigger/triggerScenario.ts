import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { signInAsOwner, type InstanceOwner } from '../../../scripts/localN8n/instanceOwner';
import type { CommandResult } from '../../../scripts/localN8n/n8nProcess';
import { N8nRestClient } from '../../../scripts/localN8n/n8nRestClient';
import { startN8nServer } from '../../../scripts/localN8n/n8nServer';
import { writeSandboxCredentialFile } from '../../../scripts/localN8n/sandboxCredential';
import type { Sandbox } from '../../../sandbox/server';
import type { ExecutionOutput } from '../executionOutput';
import { unflatten } from '../flattedData';
import type { Report } from '../report';
import { CREATED_WORKFLOW, LONG_ID_WORKFLOW, RECEIVER_NODE, STATUS_WORKFLOW, TRIGGER_NODE_TYPE } from './triggerWorkflows';

export interface TriggerScenarioSetup {
	report: Report;
	/** n8n's environment (user folder with the package installed, ports, encryption key). */
	env: NodeJS.ProcessEnv;
	owner: InstanceOwner;
	/** Runs an n8n CLI command (its output is kept for the leak check). */
	n8n: (args: string[]) => Promise<CommandResult>;
	/** The sandbox the credential points at, and its movable clock. */
	sandbox: Sandbox;
	clock: { now: number };
	apiKey: string;
	workspace: string;
	/** Everything n8n printed, for the leak check. */
	outputs: string[];
	/** n8n's major version: 1.x activates with `update:workflow --active=true`, 2.x publishes. */
	n8nMajor: number;
}

interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
}

interface TypeDescription {
	name: string;
	group?: string[];
	polling?: boolean;
	inputs?: unknown;
	usableAsTool?: boolean;
	properties?: Array<{ name: string; default?: unknown }>;
}

const WORKFLOWS = [CREATED_WORKFLOW, STATUS_WORKFLOW, LONG_ID_WORKFLOW];
/** What the trigger logs at each activation of the workflow with the 17-character id. */
const LONG_ID_WARNING = `Bookeeping Trigger in workflow "${LONG_ID_WORKFLOW.name}": its id "${LONG_ID_WORKFLOW.id}" has 17 characters.`;
const MINUTE = 60_000;

async function executionsOf(client: N8nRestClient, workflowId: string): Promise<ExecutionSummary[]> {
	const { data } = await client.get<{ data: { results: ExecutionSummary[] } }>('/rest/executions?limit=100');
	return data.results.filter((execution) => execution.workflowId === workflowId);
}

/** The items the No Operation node received in one execution. */
async function receivedItems(client: N8nRestClient, id: string): Promise<IDataObject[]> {
	const { data } = await client.get<{ data: { data: string } }>(`/rest/executions/${id}`);
	const run = unflatten(data.data) as ExecutionOutput['data'];
	return (run.resultData.runData[RECEIVER_NODE]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}

/** Waits until the sandbox has answered `count` more list reads than `before` (the activation polls). */
async function waitForReads(sandbox: Sandbox, before: number, count: number, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (sandbox.requestsTo('GET', '/v1/invoices').length < before + count) {
		if (Date.now() > deadline) throw new Error(`the triggers made ${sandbox.requestsTo('GET', '/v1/invoices').length - before} of ${count} reads within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** Waits until a workflow has `count` finished executions. */
async function waitForExecutions(client: N8nRestClient, workflowId: string, count: number, timeoutMs = 30_000): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const finished = (await executionsOf(client, workflowId)).filter((execution) => !['new', 'running', 'waiting'].includes(execution.status));
		if (finished.length >= count) return finished;
		if (Date.now() > deadline) throw new Error(`${finished.length} of ${count} executions of ${workflowId} within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
}

/** The trigger warned of the 17-character id once in this n8n start's log, and of no other id. */
function assertWarnedOnce(output: string): void {
	assert.equal(output.split(LONG_ID_WARNING).length - 1, 1, `n8n's log does not hold the warning "${LONG_ID_WARNING}" once:\n${output.slice(-3000)}`);
	assert.equal(output.split('Bookeeping Trigger in workflow').length - 1, 1);
}

/**
 * One `n8n start`: every published workflow is activated, and each activation polls the trigger
 * once at once (n8n's shortest poll interval is a minute; a restart polls now). Returns once
 * both triggers have polled and their executions, if any, have finished.
 */
async function startAndPoll(
	setup: TriggerScenarioSetup,
	expected: Record<string, number>,
	check: (client: N8nRestClient, output: string) => Promise<void>,
): Promise<void> {
	const readsBefore = setup.sandbox.requestsTo('GET', '/v1/invoices').length;
	const server = await startN8nServer({ ...setup.env, ...setup.owner.env });
	try {
		await waitForReads(setup.sandbox, readsBefore, WORKFLOWS.length);
		const client = new N8nRestClient(server.url);
		await signInAsOwner(client, setup.owner);
		for (const [workflowId, count] of Object.entries(expected)) await waitForExecutions(client, workflowId, count);
		// A moment for an execution that should not happen to show up.
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		await check(client, server.process.output());
	} finally {
		await server.stop();
		setup.outputs.push(server.process.output());
	}
}

/**
 * The Bookeeping Trigger in real n8n: two workflows (Invoice Created, Invoice Status Changed →
 * No Operation) imported and published with the CLI; n8n started (activation: a baseline, no
 * execution), the sandbox's invoices changed while n8n is down, n8n started again (it polls at
 * once), and the executions read back through n8n's REST API: each change exactly once. A third
 * workflow (Invoice Created) carries a 17-character id: the trigger warns at each activation, and
 * only n8n 2.x (ids up to 21 characters) keeps its place across the restarts.
 */
export async function runTriggerScenario(setup: TriggerScenarioSetup): Promise<void> {
	const { report, sandbox, clock } = setup;
	report.section('Bookeeping Trigger: published workflows polled by n8n start');
	const existing = [sandbox.addInvoice('DRAFT'), sandbox.addInvoice('DRAFT'), sandbox.addInvoice('SENT')];

	const credentialFile = join(setup.workspace, 'trigger-credentials.json');
	writeSandboxCredentialFile(credentialFile, setup.apiKey, sandbox.baseUrl);
	const credentialImport = await setup.n8n(['import:credentials', `--input=${credentialFile}`]);
	rmSync(credentialFile);
	const workflowFile = join(setup.workspace, 'trigger-workflows.json');
	writeFileSync(workflowFile, JSON.stringify(WORKFLOWS, null, 2));
	const workflowImport = await setup.n8n(['import:workflow', `--input=${workflowFile}`]);
	const imported = report.check(`import:credentials and import:workflow (Bookeeping Trigger → No Operation, ${WORKFLOWS.length} times)`, () => {
		assert.equal(credentialImport.code, 0, credentialImport.output.slice(-2000));
		assert.equal(workflowImport.code, 0, workflowImport.output.slice(-2000));
		assert.match(workflowImport.output, new RegExp(`Successfully imported ${WORKFLOWS.length} workflows`));
	});
	if (!imported) return;
	const activate = (id: string) => (setup.n8nMajor >= 2 ? ['publish:workflow', `--id=${id}`] : ['update:workflow', `--id=${id}`, '--active=true']);
	const published: CommandResult[] = [];
	for (const workflow of WORKFLOWS) published.push(await setup.n8n(activate(workflow.id)));
	report.check(`${activate('…').join(' ')} for each, before n8n start`, () => {
		for (const result of published) assert.equal(result.code, 0, result.output.slice(-2000));
	});

	let listed = false;
	await report.checkAsync(`first n8n start: the trigger is listed, the ${WORKFLOWS.length} activations poll, nothing is emitted; the 17-character id is warned of`, async () => {
		await startAndPoll(setup, {}, async (client, output) => {
			const nodes = await client.get<TypeDescription[]>('/types/nodes.json');
			const trigger = nodes.find((type) => type.name === TRIGGER_NODE_TYPE);
			assert.ok(trigger, `${TRIGGER_NODE_TYPE} is not among n8n's ${nodes.length} node types`);
			assert.deepEqual(trigger.group, ['trigger']);
			assert.equal(trigger.polling, true);
			assert.equal(trigger.usableAsTool, undefined);
			assert.deepEqual(trigger.properties?.find((property) => property.name === 'pollTimes')?.default, {
				item: [{ mode: 'everyX', value: 15, unit: 'minutes' }],
			});
			listed = true;
			for (const workflow of WORKFLOWS) assert.deepEqual(await executionsOf(client, workflow.id), [], `${workflow.name} ran at activation`);
			assertWarnedOnce(output);
		});
	});
	if (!listed) return;

	// While n8n is down: two new invoices, a draft sent, a sent invoice paid.
	clock.now += MINUTE;
	const created = [sandbox.addInvoice('DRAFT'), sandbox.addInvoice('DRAFT')];
	clock.now += MINUTE;
	sandbox.store.touch(sandbox.invoices.get(existing[0])!, { status: 'SENT' });
	sandbox.store.touch(sandbox.invoices.get(existing[2])!, { status: 'PAID' });

	// n8n 1.x never saved the 17-character id's place: after a restart it starts from a new baseline.
	const longIdRuns = setup.n8nMajor >= 2 ? 1 : 0;
	const longIdOutcome = longIdRuns ? 'its place kept, 1 execution' : 'a new baseline, no execution';
	await report.checkAsync(`second n8n start: one execution per workflow, each change exactly once; the 17-character id on n8n ${setup.n8nMajor}.x: ${longIdOutcome}`, async () => {
		await startAndPoll(setup, { [CREATED_WORKFLOW.id]: 1, [STATUS_WORKFLOW.id]: 1, [LONG_ID_WORKFLOW.id]: longIdRuns }, async (client, output) => {
			const [createdRun] = await executionsOf(client, CREATED_WORKFLOW.id);
			assert.equal(createdRun.status, 'success');
			assert.deepEqual((await receivedItems(client, createdRun.id)).map((item) => item._id).sort(), [...created].sort());
			const statusRuns = await executionsOf(client, STATUS_WORKFLOW.id);
			assert.equal(statusRuns.length, 1);
			const changes = (await receivedItems(client, statusRuns[0].id)).map((item) => `${item._id} ${item.previousStatus}->${item.status}`);
			assert.deepEqual(changes.sort(), [`${existing[0]} DRAFT->SENT`, `${existing[2]} SENT->PAID`].sort());
			const longIdExecutions = await executionsOf(client, LONG_ID_WORKFLOW.id);
			assert.equal(longIdExecutions.length, longIdRuns);
			for (const run of longIdExecutions) assert.deepEqual((await receivedItems(client, run.id)).map((item) => item._id).sort(), [...created].sort());
			assertWarnedOnce(output);
		});
	});

	clock.now += MINUTE;
	sandbox.store.touch(sandbox.invoices.get(existing[0])!, { status: 'CANCELLED', cancellationReason: 'e2e' });
	await report.checkAsync('third n8n start: only the new change (a cancellation); nothing emitted twice', async () => {
		await startAndPoll(setup, { [CREATED_WORKFLOW.id]: 1, [STATUS_WORKFLOW.id]: 2 }, async (client, output) => {
			assert.equal((await executionsOf(client, CREATED_WORKFLOW.id)).length, 1, 'Invoice Created ran again with nothing new');
			assert.equal((await executionsOf(client, LONG_ID_WORKFLOW.id)).length, longIdRuns, 'the 17-character id ran again with nothing new');
			const [latest] = await executionsOf(client, STATUS_WORKFLOW.id);
			const changes = (await receivedItems(client, latest.id)).map((item) => `${item._id} ${item.previousStatus}->${item.status}`);
			assert.deepEqual(changes, [`${existing[0]} SENT->CANCELLED`]);
			assertWarnedOnce(output);
		});
	});

	report.check(`every request the triggers sent carried the key as "Authorization: Bearer <key>"`, () => {
		const reads = sandbox.requestsTo('GET', '/v1/invoices');
		assert.ok(reads.length >= 3 * WORKFLOWS.length);
		for (const request of reads) assert.equal(request.authorization, `Bearer ${setup.apiKey}`);
	});
}
