import type { IDataObject, INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';

import type { RecordedRequest, Sandbox } from '../../sandbox/server';
import { sandboxCredential, startSandbox } from '../engine/fixtures';
import { runBookeeping, type OnError, type RunResult } from '../engine/runWorkflow';

/** A resource locator value as the editor stores it. */
export function byId(value: string): INodeParameterResourceLocator {
	return { __rl: true, mode: 'id', value };
}

export function fromList(value: string): INodeParameterResourceLocator {
	return { __rl: true, mode: 'list', value, cachedResultName: 'picked in the editor' };
}

/** Runs one invoice operation on the given items against the sandbox. */
export async function runInvoice(
	sandbox: Sandbox,
	operation: string,
	parameters: Record<string, unknown>,
	items: IDataObject[] = [{}],
	onError: OnError = 'stopWorkflow',
): Promise<RunResult> {
	return await runBookeeping({
		items,
		parameters: { resource: 'invoice', operation, ...parameters } as INodeParameters,
		credential: sandboxCredential(sandbox),
		onError,
	});
}

/** The requests the node sent to the API, without the list searches and credential tests of other tests. */
export function sentTo(sandbox: Sandbox, method: string, pathPrefix: string): RecordedRequest[] {
	return sandbox.requestsTo(method, pathPrefix);
}

export { startSandbox };
