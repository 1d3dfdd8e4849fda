import { runN8n } from '../../scripts/localN8n/n8nProcess';
import { Sandbox } from '../../sandbox/server';
import { parseExecutionOutput } from './executionOutput';
import type { Scenario, ScenarioRun } from './scenarios/scenario';

export interface ScenarioContext {
	n8nEnv: NodeJS.ProcessEnv;
	/** The port the imported credential's Base URL points at. */
	sandboxPort: number;
	apiKey: string;
}

/** A fresh sandbox seeded for the scenario, then `n8n execute` of its workflow (one at a time). */
export async function runScenario(scenario: Scenario, context: ScenarioContext): Promise<ScenarioRun> {
	const sandbox = await new Sandbox({ port: context.sandboxPort, apiKeys: [context.apiKey], ...scenario.sandboxOptions }).start();
	try {
		scenario.seed(sandbox);
		const result = await runN8n(context.n8nEnv, ['execute', `--id=${scenario.workflow.id}`, '--rawOutput']);
		return {
			exitCode: result.code,
			output: result.output,
			execution: parseExecutionOutput(result.stdout),
			requests: [...sandbox.requests],
			sandbox,
		};
	} finally {
		await sandbox.stop();
	}
}
