import assert from 'node:assert/strict';

import type { RecordedRequest, Sandbox, SandboxOptions } from '../../../sandbox/server';
import type { ExecutionOutput } from '../executionOutput';
import type { Report } from '../report';
import type { WorkflowFile } from '../workflows';

/** What one `n8n execute` of a scenario's workflow left behind. */
export interface ScenarioRun {
	exitCode: number | null;
	/** n8n's stdout and stderr. */
	output: string;
	execution: ExecutionOutput | undefined;
	/** Every request the sandbox received during the run, in arrival order. */
	requests: RecordedRequest[];
	/** The sandbox after the run, to look at which invoices are left. */
	sandbox: Sandbox;
}

export interface Scenario {
	title: string;
	workflow: WorkflowFile;
	sandboxOptions?: Pick<SandboxOptions, 'writeLimits'>;
	seed(sandbox: Sandbox): void;
	verify(run: ScenarioRun, report: Report): void;
}

/** The invoice ids of the DELETE requests the sandbox received, in arrival order. */
export function deletedIds(run: ScenarioRun): string[] {
	return run.requests.filter((request) => request.method === 'DELETE').map((request) => decodeURIComponent(request.path.split('/').pop() ?? ''));
}

/** Checks that the run succeeded, and hands back its run data when there is some to look at. */
export function successfulExecution(run: ScenarioRun, report: Report): ExecutionOutput | undefined {
	report.check('the run succeeds (exit code 0, status success)', () => {
		assert.equal(run.exitCode, 0, run.output.slice(-2000));
		assert.ok(run.execution, 'no run JSON in the output');
		assert.equal(run.execution.status, 'success');
	});
	return run.execution;
}
