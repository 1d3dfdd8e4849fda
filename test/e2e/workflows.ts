import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { readExampleWorkflow } from '../../scripts/localN8n/exampleWorkflows';

export interface WorkflowFile {
	id: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
	[key: string]: unknown;
}

export const BOOKEEPING_NODE_TYPE = 'n8n-nodes-bookeeping.bookeeping';
/** The clone n8n registers for a `usableAsTool` node, which AI Agents and the MCP Server Trigger use. */
export const BOOKEEPING_TOOL_NODE_TYPE = `${BOOKEEPING_NODE_TYPE}Tool`;

export function loadExample(fileName: string): WorkflowFile {
	return readExampleWorkflow<WorkflowFile>(fileName);
}

export function nodeOfType(workflow: WorkflowFile, type: string): INode {
	const nodes = workflow.nodes.filter((node) => node.type === type);
	if (nodes.length !== 1) throw new Error(`"${workflow.name}" has ${nodes.length} nodes of type ${type}, expected one`);
	return nodes[0];
}

function copyOf(workflow: WorkflowFile, id: string, name: string): WorkflowFile {
	return { ...(JSON.parse(JSON.stringify(workflow)) as WorkflowFile), id, name };
}

/**
 * `n8n execute` only starts at a Manual Trigger (or an Execute Workflow Trigger), so a copy of a
 * workflow with another trigger gets a Manual Trigger feeding a Code node that takes the
 * trigger's place, name and position, and emits `items` as the trigger would have. Every other
 * node stays exactly as in the example.
 */
export function withTriggerReplacedByItems(workflow: WorkflowFile, triggerType: string, items: IDataObject[], id: string): WorkflowFile {
	const copy = copyOf(workflow, id, `${workflow.name} (e2e: ${triggerType.split('.').pop()} replaced by fixed items)`);
	const trigger = nodeOfType(copy, triggerType);
	const start: INode = {
		id: 'e2e-manual-start',
		name: 'Start (e2e)',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [trigger.position[0] - 220, trigger.position[1]],
		parameters: {},
	};
	const replacement: INode = {
		id: trigger.id,
		name: trigger.name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: trigger.position,
		parameters: { jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));` },
	};
	copy.nodes = [start, ...copy.nodes.map((node) => (node === trigger ? replacement : node))];
	copy.connections[start.name] = { main: [[{ node: trigger.name, type: 'main', index: 0 }]] };
	return copy;
}

/** A copy whose node of `nodeType` has the default On Error setting, Stop Workflow. */
export function withDefaultOnError(workflow: WorkflowFile, nodeType: string, id: string): WorkflowFile {
	const copy = copyOf(workflow, id, `${workflow.name} (e2e: On Error = Stop Workflow)`);
	delete nodeOfType(copy, nodeType).onError;
	return copy;
}
