import type { IDataObject } from 'n8n-workflow';

interface NodeRun {
	executionStatus?: string;
	data?: { main?: Array<Array<{ json: IDataObject }> | null> };
	error?: { message?: string };
}

/** The part of the IRun JSON that `n8n execute --rawOutput` prints which the checks read. */
export interface ExecutionOutput {
	status?: string;
	finished?: boolean;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message?: string; description?: string; node?: { name?: string } };
			lastNodeExecuted?: string;
		};
	};
}

/**
 * n8n prints log lines first, then the run as pretty-printed JSON starting at the first line
 * that begins with `{` and ending at the first line that is just `}`.
 */
export function parseExecutionOutput(stdout: string): ExecutionOutput | undefined {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	if (start < 0) return undefined;
	const end = lines.findIndex((line, index) => index > start && line === '}');
	try {
		return JSON.parse(lines.slice(start, end < 0 ? undefined : end + 1).join('\n')) as ExecutionOutput;
	} catch {
		return undefined;
	}
}

export function nodeRan(execution: ExecutionOutput, node: string): boolean {
	return (execution.data.resultData.runData[node]?.length ?? 0) > 0;
}

/** The json of the items a node put on one of its outputs (0 = main, 1 = Error when present). */
export function itemsOn(execution: ExecutionOutput, node: string, output = 0): IDataObject[] {
	const runs = execution.data.resultData.runData[node];
	if (!runs?.length) throw new Error(`node "${node}" did not run`);
	return (runs[0].data?.main?.[output] ?? []).map((item) => item.json);
}
