import assert from 'node:assert/strict';
import { nodeNameToToolName, traverseNodeParameters, type FromAIArgument } from 'n8n-workflow';

import type { WorkflowFile } from '../workflows';
import { toolNodes } from './aiWorkflows';

/** A tool as a client was offered it: its name, description and JSON schema of arguments. */
export interface OfferedTool {
	name: string;
	description?: string;
	schema?: { type?: string; properties?: Record<string, { type?: string; description?: string; default?: unknown }>; required?: string[] };
}

/** Every tool node of an example, with the `$fromAI()` arguments its parameters declare. */
function declaredTools(example: WorkflowFile): Array<{ name: string; description: string; args: FromAIArgument[] }> {
	return toolNodes(example).map((node) => {
		const args: FromAIArgument[] = [];
		traverseNodeParameters(node.parameters, args);
		return { name: nodeNameToToolName(node), description: String(node.parameters.toolDescription), args };
	});
}

/**
 * The tools offered are exactly the example's: one per tool node, named after it, described by
 * its written description, with one argument per `$fromAI()` of its type and description;
 * required unless it has a default.
 */
export function assertToolsAsDeclared(offered: OfferedTool[], example: WorkflowFile): void {
	const declared = declaredTools(example);
	assert.deepEqual(offered.map((tool) => tool.name).sort(), declared.map((tool) => tool.name).sort(), 'tool names');
	for (const tool of declared) {
		const got = offered.find((candidate) => candidate.name === tool.name)!;
		assert.equal(got.description, tool.description, `${tool.name}: description`);
		const properties = got.schema?.properties ?? {};
		assert.deepEqual(Object.keys(properties).sort(), tool.args.map((arg) => arg.key).sort(), `${tool.name}: arguments`);
		for (const arg of tool.args) {
			const property = properties[arg.key];
			assert.equal(property.type, arg.type, `${tool.name}.${arg.key}: type`);
			assert.equal(property.description, arg.description, `${tool.name}.${arg.key}: description`);
			assert.ok(arg.description && arg.description.length > 20, `${tool.name}.${arg.key} has no real description`);
		}
		const required = tool.args.filter((arg) => arg.defaultValue === undefined).map((arg) => arg.key);
		assert.deepEqual([...(got.schema?.required ?? [])].sort(), required.sort(), `${tool.name}: required arguments`);
	}
}
