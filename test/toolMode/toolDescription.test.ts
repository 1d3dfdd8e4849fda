import type { INode } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { loadBuiltPackage } from '../engine/builtPackage';
import { TOOL_NODE_TYPE, toolNodeOf } from '../engine/toolNode';

/** The description n8n gives the model for a tool node, as n8n-workflow computes it from the saved parameters. */
async function descriptionFor(resource: string, operation: string): Promise<string> {
	const tool = toolNodeOf((await loadBuiltPackage()).node);
	const node: INode = { id: '1', name: 'tool', type: TOOL_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: { resource, operation } };
	node.parameters = NodeHelpers.getNodeParameters(tool.description.properties, node.parameters, true, false, node, tool.description)!;
	return NodeHelpers.getToolDescriptionForNode(node, tool);
}

describe('What a model reads of each tool', () => {
	it("states the rule that most often makes the call fail, and what it returns, instead of '<action> in Bookeeping'", async () => {
		expect(await descriptionFor('invoice', 'delete')).toMatch(/^Delete a DRAFT invoice in Bookeeping\.ai\. Only drafts can be deleted.*Returns \{ id, deleted: true \}\.$/);
		expect(await descriptionFor('invoice', 'cancel')).toMatch(/^Cancel a SENT or OVERDUE invoice/);
		expect(await descriptionFor('invoice', 'send')).toContain('Only drafts can be sent');
		expect(await descriptionFor('invoice', 'markAsPaid')).toContain('a PAID or CANCELLED invoice cannot be marked paid');
		expect(await descriptionFor('invoice', 'create')).toContain('find it with Get Many counterparties, searching by name');
		expect(await descriptionFor('invoice', 'getAll')).toContain('at most 25 invoices a call');
	});

	it('has one for every operation, naming the id format where the operation takes an id', async () => {
		const { node } = await loadBuiltPackage();
		const operations = node.description.properties.filter((property) => property.name === 'operation');
		for (const property of operations) {
			const resource = String(property.displayOptions?.show?.resource?.[0]);
			for (const option of property.options as Array<{ value: string }>) {
				const text = await descriptionFor(resource, option.value);
				expect(text.length).toBeGreaterThan(80);
				expect(text).not.toMatch(/ in Bookeeping$/);
			}
		}
	});

	it('the regular node keeps its action names for the nodes panel, and shows none of the tool-only fields', async () => {
		const { node } = await loadBuiltPackage();
		const regular: INode = { id: '1', name: 'n', type: 'n8n-nodes-bookeeping.bookeeping', typeVersion: 1, position: [0, 0], parameters: { resource: 'invoice', operation: 'getAll' } };
		const parameters = NodeHelpers.getNodeParameters(node.description.properties, regular.parameters, true, false, regular, node.description)!;
		expect(parameters).not.toHaveProperty('toolDescription');
		expect(parameters.limit).toBe(50);
		const tool = toolNodeOf(node);
		const toolParameters = NodeHelpers.getNodeParameters(tool.description.properties, regular.parameters, true, false, regular, tool.description)!;
		expect(toolParameters.limit).toBe(10);
	});
});
