import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { installAsCommunityPackage, packPackage } from '../../../scripts/localN8n/communityPackage';
import { freePorts } from '../../../scripts/localN8n/freePort';
import { instanceOwner } from '../../../scripts/localN8n/instanceOwner';
import { n8nEnv, runN8n, stopAllN8n } from '../../../scripts/localN8n/n8nProcess';
import { N8N_VERSION, cacheDir } from '../../../scripts/localN8n/paths';
import { ensureToolchain } from '../../../scripts/localN8n/toolchain';
import { Sandbox } from '../../../sandbox/server';
import { Report } from '../report';
import { runTriggerScenario } from './triggerScenario';

/** Distinctive, so a leak anywhere in n8n's output is easy to find. */
const API_KEY = 'sk_e2e_trigger_5b2c9e71d04a_MUST_NOT_APPEAR';
const workspace = join(cacheDir, 'e2e-trigger');

/**
 * The Bookeeping Trigger end to end in a real n8n, on its own:
 * `npm run build && npm run build:dev && node .build/test/e2e/trigger/run.js`.
 */
async function main(): Promise<void> {
	const started = Date.now();
	const report = new Report();
	process.once('SIGINT', () => void stopAllN8n().then(() => process.exit(130)));
	const outputs: string[] = [];
	let sandbox: Sandbox | undefined;
	try {
		report.section(`n8n ${N8N_VERSION} with the packed package`);
		await ensureToolchain();
		rmSync(workspace, { recursive: true, force: true });
		mkdirSync(workspace, { recursive: true });
		const userFolder = join(workspace, 'n8n-user');
		const packed = await packPackage(workspace);
		await installAsCommunityPackage(packed, userFolder);
		report.pass(`${packed.name}@${packed.version} installed into ${userFolder}`);

		const [sandboxPort, n8nPort, brokerPort] = await freePorts(3);
		const clock = { now: Date.now() };
		sandbox = await new Sandbox({ port: sandboxPort, apiKeys: [API_KEY], now: () => clock.now }).start();
		const env = n8nEnv({ userFolder, encryptionKey: 'bookeeping-e2e-trigger-only', port: n8nPort, brokerPort });
		const n8n = async (args: string[]) => {
			const result = await runN8n(env, args);
			outputs.push(result.output);
			return result;
		};
		const owner = instanceOwner('e2e-trigger@bookeeping.local', 'e2e-Passw0rd');
		await runTriggerScenario({ report, env, owner, n8n, sandbox, clock, apiKey: API_KEY, workspace, outputs });
		report.check(`the API key is in none of the output of the ${outputs.length} n8n commands and servers`, () => {
			assert.equal(outputs.filter((output) => output.includes(API_KEY)).length, 0);
		});
	} catch (error) {
		report.fail('the trigger e2e could not go on', error instanceof Error ? error.message : String(error));
	} finally {
		await stopAllN8n();
		await sandbox?.stop();
	}
	console.log(`\nWorkspace: ${workspace}\nTook ${Math.round((Date.now() - started) / 1000)} s`);
	console.log(report.summary());
	process.exitCode = report.ok ? 0 : 1;
}

void main();
