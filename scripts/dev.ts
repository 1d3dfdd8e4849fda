import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { installAsCommunityPackage, packPackage } from './localN8n/communityPackage';
import { readAllExampleWorkflows } from './localN8n/exampleWorkflows';
import { freePorts, isPortFree } from './localN8n/freePort';
import { instanceOwner, signInAsOwner, type InstanceOwner } from './localN8n/instanceOwner';
import { n8nEnv, runN8n, signal, stopAllN8n } from './localN8n/n8nProcess';
import { N8nRestClient } from './localN8n/n8nRestClient';
import { startN8nServer, type N8nServer } from './localN8n/n8nServer';
import { n8nInstall, selectedN8nVersions } from './localN8n/n8nVersions';
import { cacheDir, repoRoot } from './localN8n/paths';
import { SANDBOX_CREDENTIAL, writeSandboxCredentialFile } from './localN8n/sandboxCredential';
import { startSandboxProcess, type SandboxProcess } from './localN8n/sandboxProcess';
import { ensureToolchain } from './localN8n/toolchain';

const N8N_PORT = 5678;
/** `npm run dev -- --n8n=lts` starts n8n 1.x instead of the newest. */
const install = n8nInstall(selectedN8nVersions()[0]);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4010);
const API_KEY = process.env.SANDBOX_API_KEY ?? 'sk_sandbox_demo';
const OWNER_EMAIL = 'dev@bookeeping.local';
const OWNER_PASSWORD = 'Bookeeping-dev-1';

/** Kept between runs, so workflows made in the editor survive a restart; one per n8n version (their databases differ). */
const devDir = join(cacheDir, 'dev', install.version);
const userFolder = join(devDir, 'n8n-user');
const logFile = join(devDir, 'n8n.log');

async function assertPortsFree(): Promise<void> {
	for (const [port, what] of [[N8N_PORT, 'n8n'], [SANDBOX_PORT, 'the sandbox (set SANDBOX_PORT to use another)']] as const) {
		if (!(await isPortFree(port))) throw new Error(`Port ${port}, needed for ${what}, is in use. Is another \`npm run dev\` or n8n running?`);
	}
}

async function importCredentialAndExamples(env: NodeJS.ProcessEnv, sandboxBaseUrl: string): Promise<void> {
	const credentialFile = join(devDir, 'credentials.json');
	writeSandboxCredentialFile(credentialFile, API_KEY, sandboxBaseUrl);
	const workflowsFile = join(devDir, 'workflows.json');
	writeFileSync(workflowsFile, JSON.stringify(readAllExampleWorkflows()));
	try {
		for (const args of [['import:credentials', `--input=${credentialFile}`], ['import:workflow', `--input=${workflowsFile}`]]) {
			const result = await runN8n(env, args);
			if (result.code !== 0) throw new Error(`n8n ${args[0]} failed:\n${result.output.slice(-3000)}`);
		}
	} finally {
		rmSync(credentialFile, { force: true });
	}
}

async function describeCredentialTest(server: N8nServer, owner: InstanceOwner): Promise<string> {
	try {
		const client = new N8nRestClient(server.url);
		await signInAsOwner(client, owner);
		const stored = (await client.get<{ data: object }>(`/rest/credentials/${SANDBOX_CREDENTIAL.id}?includeData=true`)).data;
		const { data } = await client.post<{ data: { status: string; message: string } }>('/rest/credentials/test', { credentials: stored });
		return `${data.status}: ${data.message}`;
	} catch (error) {
		return `could not be tested (${(error as Error).message})`;
	}
}

function printWelcome(sandbox: SandboxProcess, credentialTest: string): void {
	const url = `http://localhost:${N8N_PORT}`;
	console.log(`
n8n ${install.version} with n8n-nodes-bookeeping from this checkout is running: ${url}

  Sign in with   ${OWNER_EMAIL} / ${OWNER_PASSWORD}   (set up for you; no owner setup screen)
  Credential     "${SANDBOX_CREDENTIAL.name}" → ${sandbox.baseUrl}, key ${API_KEY}; its Test: ${credentialTest}
  Workflows      "Bookeeping: delete a batch of draft invoices"  (Execute workflow)
                 "Bookeeping: delete a draft invoice when a CRM deal is lost"  (Webhook; click Execute workflow, then:)
                   curl -X POST ${url}/webhook-test/bookeeping-crm-deal-lost -H 'content-type: application/json' \\
                     -d '{"dealId":"D-1042","customer":"Acme Corp","invoiceId":"65f1c0ffee0123456789b001"}'
                 (both are re-imported on every start: save your changes under another name)
  Sandbox        draft, sent, overdue and paid invoices from scripts/dev-sandbox-seed.json; restart to reset them
  n8n's log      ${logFile}
  Start over     delete ${devDir}

Press Ctrl-C to stop n8n and the sandbox.`);
}

/** `npm run dev`: the sandbox and a local n8n with this package installed, until Ctrl-C. */
async function main(): Promise<void> {
	await assertPortsFree();
	console.log('Preparing Node 24 and n8n in .cache/ (the first time takes a few minutes)…');
	await ensureToolchain(install);
	mkdirSync(devDir, { recursive: true });
	const packed = await packPackage(devDir);
	await installAsCommunityPackage(packed, userFolder);
	rmSync(packed.tarball);
	console.log(`Installed ${packed.name}@${packed.version} into ${userFolder}/.n8n/nodes`);

	const env = n8nEnv({ install, userFolder, encryptionKey: 'bookeeping-dev-only', port: N8N_PORT, brokerPort: (await freePorts(1))[0] });
	const sandbox = await startSandboxProcess({
		...process.env,
		SANDBOX_PORT: String(SANDBOX_PORT),
		SANDBOX_API_KEY: API_KEY,
		SANDBOX_SEED_FILE: join(repoRoot, 'scripts', 'dev-sandbox-seed.json'),
	});
	let stopping = false;
	const stopAll = async (exitCode: number, reason?: string) => {
		if (stopping) return;
		stopping = true;
		if (reason) console.error(reason);
		console.log('\nStopping n8n and the sandbox…');
		await stopAllN8n();
		if (sandbox.child.pid !== undefined && sandbox.child.exitCode === null) signal(sandbox.child.pid, 'SIGTERM');
		await sandbox.exited;
		console.log('Stopped.');
		process.exit(exitCode);
	};
	process.on('SIGINT', () => void stopAll(0));
	process.on('SIGTERM', () => void stopAll(0));
	void sandbox.exited.then(() => void stopAll(1, 'The sandbox stopped.'));

	let server: N8nServer;
	const owner = instanceOwner(install, OWNER_EMAIL, OWNER_PASSWORD);
	try {
		console.log('Importing the credential and the example workflows…');
		await importCredentialAndExamples(env, sandbox.baseUrl);
		console.log(`Starting n8n on port ${N8N_PORT}…`);
		server = await startN8nServer({ ...env, ...owner.env });
	} catch (error) {
		await stopAll(1, (error as Error).message);
		return;
	}
	const log = createWriteStream(logFile);
	log.write(server.process.output());
	server.process.child.stdout?.pipe(log, { end: false });
	server.process.child.stderr?.pipe(log, { end: false });
	void server.process.exited.then(() => void stopAll(1, `n8n stopped; see ${logFile}`));
	printWelcome(sandbox, await describeCredentialTest(server, owner));
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
