import type { INodeParameters } from 'n8n-workflow';

import { SANDBOX_CREDENTIAL } from '../../../scripts/localN8n/sandboxCredential';
import type { WorkflowFile } from '../workflows';

export const TRIGGER_NODE_TYPE = 'n8n-nodes-bookeeping.bookeepingTrigger';
export const TRIGGER_NODE = 'Bookeeping Trigger';
export const RECEIVER_NODE = 'Received';

/** Bookeeping Trigger → No Operation, with the sandbox credential and the trigger's default poll times. */
export function triggerWorkflow(id: string, name: string, parameters: INodeParameters): WorkflowFile {
	const { id: credentialId, name: credentialName } = SANDBOX_CREDENTIAL;
	return {
		id,
		name,
		active: false,
		nodes: [
			{
				id: `${id}-trigger`,
				name: TRIGGER_NODE,
				type: TRIGGER_NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters,
				credentials: { bookeepingApi: { id: credentialId, name: credentialName } },
			},
			{ id: `${id}-noop`, name: RECEIVER_NODE, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [240, 0], parameters: {} },
		],
		connections: { [TRIGGER_NODE]: { main: [[{ node: RECEIVER_NODE, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
	};
}

// Ids of 16 characters, as n8n makes them: n8n 1.x saves static data only for ids of at most 16
// characters (2.x: 21), so only such ids keep the trigger's place across restarts on both.
export const CREATED_WORKFLOW = triggerWorkflow('BkTriggerE2eNew1', 'Bookeeping Trigger e2e: invoice created', { event: 'invoiceCreated' });
export const STATUS_WORKFLOW = triggerWorkflow('BkTriggerE2eSts1', 'Bookeeping Trigger e2e: invoice status changed', {
	event: 'invoiceStatusChanged',
	options: { includePreviousStatus: true },
});
/** As a hand-written file may carry it: 17 characters, too long for n8n 1.x to save its static data. */
export const LONG_ID_WORKFLOW = triggerWorkflow('BkTriggerE2eLong1', 'Bookeeping Trigger e2e: imported with a 17-character id', { event: 'invoiceCreated' });
