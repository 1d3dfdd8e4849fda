import { EXAMPLE_FILES } from '../../scripts/localN8n/exampleWorkflows';
import { loadExample, nodeOfType, type WorkflowFile } from '../e2e/workflows';
import { BOOKEEPING_NODE_TYPE } from '../e2e/workflows';

export interface EditorWorkflows {
	/** Only a Manual Trigger: the nodes panel then offers actions ("What happens next?"). */
	scratch: WorkflowFile;
	/** A copy of the batch example, to execute in the editor. */
	batchCopy: WorkflowFile;
	/** The Bookeeping node of the copy and the nodes on its Success and Error outputs. */
	batchNode: { name: string; successTarget: string; errorTarget: string };
}

export function editorWorkflows(examples: WorkflowFile[]): EditorWorkflows {
	const batch = examples.find((example) => example.id === loadExample(EXAMPLE_FILES.batchDelete).id) ?? loadExample(EXAMPLE_FILES.batchDelete);
	const batchCopy: WorkflowFile = { ...(JSON.parse(JSON.stringify(batch)) as WorkflowFile), id: 'BkEditorBatchCopy1', name: `${batch.name} (editor test copy)` };
	const node = nodeOfType(batchCopy, BOOKEEPING_NODE_TYPE);
	const [success, error] = batchCopy.connections[node.name].main;
	const scratch: WorkflowFile = {
		id: 'BkEditorScratch001',
		name: 'Editor test: a node added by hand',
		nodes: [{ id: 'editor-manual', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
		connections: {},
		settings: {},
		active: false,
	};
	return {
		scratch,
		batchCopy,
		batchNode: { name: node.name, successTarget: success?.[0]?.node ?? '', errorTarget: error?.[0]?.node ?? '' },
	};
}
