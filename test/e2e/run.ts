import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { installAsCommunityPackage, packPackage } from '../../scripts/localN8n/communityPackage';
import { readAllExampleWorkflows } from '../../scripts/localN8n/exampleWorkflows';
import { freePorts } from '../../scripts/localN8n/freePort';
import { instanceOwner } from '../../scripts/localN8n/instanceOwner';
import { n8nEnv, runN8n, stopAllN8n, type CommandResult } from '../../scripts/localN8n/n8nProcess';
import { n8nInstall, selectedN8nVersions, type N8nInstall } from '../../scripts/localN8n/n8nVersions';
import { NODE_VERSION, cacheDir } from '../../scripts/localN8n/paths';
import { SANDBOX_CREDENTIAL, writeSandboxCredentialFile } from '../../scripts/localN8n/sandboxCredential';
import { ensureToolchain } from '../../scripts/localN8n/toolchain';
import { Sandbox } from '../../sandbox/server';
import { runAiScenarios } from './ai/runAi';
import { Report } from './report';
import { runScenario } from './runScenario';
import { batchDeleteScenario } from './scenarios/batchDelete';
import { crmDealLostScenario } from './scenarios/crmDealLost';
import { crmDealWonScenario } from './scenarios/crmDealWon';
import { dailyCashReportScenario } from './scenarios/dailyCashReport';
import { overdueReportScenario } from './scenarios/overdueReport';
import { dealWonSendScenario } from './scenarios/dealWonSend';
import { paymentArrivedScenario } from './scenarios/paymentArrived';
import type { Scenario } from './scenarios/scenario';
import { stopWorkflowScenario } from './scenarios/stopWorkflow';
import { checkN8nServer } from './serverChecks';
import { runTriggerScenario } from './trigger/triggerScenario';
import { seedWebhookInvoices } from './webhookExample';
import { BOOKEEPING_NODE_TYPE, BOOKEEPING_TOOL_NODE_TYPE, type WorkflowFile } from './workflows';

/** `--only=trigger`: after installing the package, only the Bookeeping Trigger block (and the leak check). */
function onlyTriggerBlock(args: string[] = process.argv.slice(2)): boolean {
	const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
	if (only !== undefined && only !== 'trigger') throw new Error(`Unknown block "${only}" for --only: the one there is is "trigger"`);
	return only === 'trigger';
}
const onlyTrigger = onlyTriggerBlock();

/** Distinctive, so a leak anywhere in n8n's output or run data is easy to find. */
const API_KEY = 'sk_e2e_7c1f0d9a4b3e2a18_MUST_NOT_APPEAR';
/** Left in place after a run (n8n user folder, tarball), one per version, to look into failures. */
const workspaceOf = (install: N8nInstall) => join(cacheDir, 'e2e', install.version);

interface LocalN8n {
	install: N8nInstall;
	workspace: string;
	env: NodeJS.ProcessEnv;
	sandboxPort: number;
	/** The output of every n8n command run, for the leak check. */
	outputs: string[];
	run(args: string[]): Promise<CommandResult>;
}

async function installToolchain(report: Report, install: N8nInstall): Promise<boolean> {
	report.section(`Node ${NODE_VERSION} and n8n ${install.version} (installed once into .cache/, then reused)`);
	try {
		await ensureToolchain(install);
		report.pass(`Node ${NODE_VERSION} and n8n ${install.version} are ready`);
		return true;
	} catch (error) {
		report.fail(`installing Node ${NODE_VERSION} and n8n ${install.version} into .cache/`, (error as Error).message);
		return false;
	}
}

async function installPackage(report: Report, workspace: string, userFolder: string): Promise<boolean> {
	report.section("The package, packed and installed as n8n's Community Nodes installer does");
	try {
		const packed = await packPackage(workspace);
		const installedAt = await installAsCommunityPackage(packed, userFolder);
		report.pass(`${packed.name}@${packed.version} installed into ${installedAt}`);
		return true;
	} catch (error) {
		report.fail('npm pack, then install into the n8n user folder', (error as Error).message);
		return false;
	}
}

function assertImported(result: CommandResult, what: RegExp): void {
	assert.equal(result.code, 0, result.output.slice(-3000));
	assert.match(result.output, what);
}

async function importCredentialAndWorkflows(report: Report, n8n: LocalN8n, scenarios: Scenario[]): Promise<void> {
	report.section('Credential and workflows imported with the n8n CLI');
	const credentialFile = join(n8n.workspace, 'credentials.json');
	writeSandboxCredentialFile(credentialFile, API_KEY, `http://127.0.0.1:${n8n.sandboxPort}/public-api`);
	const credentialImport = await n8n.run(['import:credentials', `--input=${credentialFile}`]);
	rmSync(credentialFile);
	report.check(`import:credentials "${SANDBOX_CREDENTIAL.name}" (${SANDBOX_CREDENTIAL.type})`, () =>
		assertImported(credentialImport, /Successfully imported 1 credential/),
	);

	const examples = readAllExampleWorkflows<WorkflowFile>();
	report.check('every Bookeeping node and tool of the example workflows uses the "Bookeeping sandbox" credential', () => {
		const { id, name } = SANDBOX_CREDENTIAL;
		for (const example of examples) {
			const nodes = example.nodes.filter((node) => [BOOKEEPING_NODE_TYPE, BOOKEEPING_TOOL_NODE_TYPE].includes(node.type));
			assert.ok(nodes.length > 0, `${example.name} has no Bookeeping node`);
			for (const node of nodes) assert.deepEqual(node.credentials?.bookeepingApi, { id, name }, `${example.name} > ${node.name}`);
		}
	});
	const copies = scenarios.map((scenario) => scenario.workflow).filter((workflow) => !examples.some((example) => example.id === workflow.id));
	const workflowFile = join(n8n.workspace, 'workflows.json');
	writeFileSync(workflowFile, JSON.stringify([...examples, ...copies], null, 2));
	const workflowImport = await n8n.run(['import:workflow', `--input=${workflowFile}`]);
	report.check(`import:workflow: the ${examples.length} examples as shipped and ${copies.length} runnable copies`, () =>
		assertImported(workflowImport, new RegExp(`Successfully imported ${examples.length + copies.length} workflows`)),
	);
}

async function checkServer(report: Report, n8n: LocalN8n): Promise<boolean> {
	report.section('n8n start: what the editor sees');
	const owner = instanceOwner(n8n.install, 'e2e@bookeeping.local', 'e2e-Passw0rd');
	// Answers the credential test's GET /v1/invoices and the webhook example's deletes.
	const sandbox = await new Sandbox({ port: n8n.sandboxPort, apiKeys: [API_KEY] }).start();
	seedWebhookInvoices(sandbox);
	try {
		const server = await checkN8nServer(report, n8n.install, n8n.env, owner, sandbox, API_KEY);
		n8n.outputs.push(server.output);
		return server.nodeLoaded;
	} finally {
		await sandbox.stop();
	}
}

async function runScenarios(report: Report, n8n: LocalN8n, scenarios: Scenario[], nodeLoaded: boolean): Promise<void> {
	for (const scenario of scenarios) {
		report.section(`n8n execute: ${scenario.title}`);
		if (!nodeLoaded) {
			report.fail('run skipped', 'n8n did not load the node (see above)');
			continue;
		}
		const run = await runScenario(scenario, { n8nEnv: n8n.env, sandboxPort: n8n.sandboxPort, apiKey: API_KEY });
		n8n.outputs.push(run.output);
		scenario.verify(run, report);
		report.check('every request carried the credential as "Authorization: Bearer <key>"', () => {
			assert.ok(run.requests.length > 0, 'the sandbox received no request');
			for (const request of run.requests) assert.equal(request.authorization, `Bearer ${API_KEY}`);
		});
		report.check('the API key is not in the run data', () => {
			assert.ok(!JSON.stringify(run.execution ?? {}).includes(API_KEY));
		});
	}
}

/** The Bookeeping Trigger published and polled by a real n8n, with the sandbox's records changing between polls. */
async function runTrigger(report: Report, n8n: LocalN8n): Promise<void> {
	const clock = { now: Date.now() };
	// The port the imported credential points at, so the same credential serves the trigger.
	const sandbox = await new Sandbox({ port: n8n.sandboxPort, apiKeys: [API_KEY], now: () => clock.now }).start();
	try {
		await runTriggerScenario({
			report,
			env: n8n.env,
			owner: instanceOwner(n8n.install, 'e2e@bookeeping.local', 'e2e-Passw0rd'),
			n8n: n8n.run,
			sandbox,
			clock,
			apiKey: API_KEY,
			workspace: n8n.workspace,
			outputs: n8n.outputs,
			n8nMajor: n8n.install.major,
		});
	} finally {
		await sandbox.stop();
	}
}

/** The AI examples: the assistant driven through a scripted model, the MCP server through the MCP SDK client. */
async function runAi(report: Report, n8n: LocalN8n): Promise<void> {
	await runAiScenarios({
		report,
		env: n8n.env,
		owner: instanceOwner(n8n.install, 'e2e@bookeeping.local', 'e2e-Passw0rd'),
		n8n: n8n.run,
		workspace: n8n.workspace,
		outputs: n8n.outputs,
		sandboxPort: n8n.sandboxPort,
		apiKey: API_KEY,
		n8nMajor: n8n.install.major,
	});
}

function checkNoLeaks(report: Report, n8n: LocalN8n): void {
	report.section('Secrets');
	report.check(`the API key is in none of the output of the ${n8n.outputs.length} n8n commands`, () => {
		const leaks = n8n.outputs.filter((output) => output.includes(API_KEY));
		const around = (output: string) => output.slice(Math.max(0, output.indexOf(API_KEY) - 300), output.indexOf(API_KEY) + 100);
		assert.equal(leaks.length, 0, `found in:\n${leaks.map(around).join('\n---\n')}`);
	});
}

/** Runs every check on one n8n version; resolves to the seconds spent installing Node 24 and n8n. */
async function e2e(report: Report, install: N8nInstall): Promise<number> {
	const installStarted = Date.now();
	const installed = await installToolchain(report, install);
	const installSeconds = Math.round((Date.now() - installStarted) / 1000);
	if (!installed) return installSeconds;
	const workspace = workspaceOf(install);
	rmSync(workspace, { recursive: true, force: true });
	const userFolder = join(workspace, 'n8n-user');
	if (!(await installPackage(report, workspace, userFolder))) return installSeconds;

	const [sandboxPort, n8nPort, brokerPort] = await freePorts(3);
	const env = n8nEnv({ install, userFolder, encryptionKey: 'bookeeping-e2e-only', port: n8nPort, brokerPort });
	const outputs: string[] = [];
	const n8n: LocalN8n = {
		install,
		workspace,
		env,
		sandboxPort,
		outputs,
		run: async (args) => {
			const result = await runN8n(env, args);
			outputs.push(result.output);
			return result;
		},
	};
	const scenarios = [
		crmDealLostScenario(),
		batchDeleteScenario(),
		stopWorkflowScenario(),
		dealWonSendScenario(),
		paymentArrivedScenario(),
		crmDealWonScenario(),
		dailyCashReportScenario(),
		overdueReportScenario(),
	];
	let nodeLoaded = true;
	if (!onlyTrigger) {
		await importCredentialAndWorkflows(report, n8n, scenarios);
		nodeLoaded = await checkServer(report, n8n);
		await runScenarios(report, n8n, scenarios, nodeLoaded);
		if (nodeLoaded) await runAi(report, n8n);
	}
	if (nodeLoaded) await runTrigger(report, n8n);
	checkNoLeaks(report, n8n);
	return installSeconds;
}

interface VersionResult {
	report: Report;
	/** e.g. "(75 s, of which 0 s installing)": a cold install of a version takes minutes. */
	timing: string;
}

async function e2eOn(install: N8nInstall): Promise<VersionResult> {
	console.log(`\n=== n8n ${install.version} ===`);
	const started = Date.now();
	const report = new Report(`n8n ${install.version}`);
	let installSeconds = 0;
	try {
		installSeconds = await e2e(report, install);
	} catch (error) {
		report.fail('the e2e test could not go on', error instanceof Error ? error.message : String(error));
	} finally {
		await stopAllN8n();
	}
	const timing = `(${Math.round((Date.now() - started) / 1000)} s, of which ${installSeconds} s installing)`;
	console.log(`\nWorkspace (n8n user folder, packed tarball): ${workspaceOf(install)}`);
	console.log(`${report.summary()} ${timing}`);
	return { report, timing };
}

/**
 * `npm run test:e2e`: the package in a real n8n, installed as users install it, on each
 * supported end of the range one after the other (`-- --n8n=lts` or `--n8n=2.41.1` for one;
 * `-- --only=trigger` for the Bookeeping Trigger block alone).
 */
async function main(): Promise<void> {
	mkdirSync(cacheDir, { recursive: true });
	process.once('SIGINT', () => void stopAllN8n().then(() => process.exit(130)));
	const results: VersionResult[] = [];
	for (const version of selectedN8nVersions()) results.push(await e2eOn(n8nInstall(version)));
	console.log('');
	for (const { report, timing } of results) console.log(`${report.summary()} ${timing}`);
	process.exitCode = results.every(({ report }) => report.ok) ? 0 : 1;
}

void main();
