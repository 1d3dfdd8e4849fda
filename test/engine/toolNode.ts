import type { INodeType } from 'n8n-workflow';
import { NodeConnectionTypes, deepCopy } from 'n8n-workflow';

export const TOOL_NODE_TYPE = 'n8n-nodes-bookeeping.bookeepingTool';

/**
 * The node as n8n registers it for AI agents and the MCP Server Trigger: a copy of its
 * description named `<name>Tool` with one `ai_tool` output (n8n's `convertNodeToAiTool`, in
 * the n8n package; the e2e runs the real one). Inputs stay `main` here so the test workflow can
 * hand it an item the way an agent does.
 */
export function toolNodeOf(node: INodeType): INodeType {
	const description = deepCopy(node.description);
	description.name += 'Tool';
	description.displayName += ' Tool';
	description.outputs = [NodeConnectionTypes.AiTool];
	delete description.usableAsTool;
	return { description, methods: node.methods } as INodeType;
}
