import type { Sandbox } from '../../sandbox/server';
import { AGENT_ITEM, runTool, startToolSandbox } from './toolKit';

describe("As an AI tool, an error item never carries the agent's input item", () => {
	let sandbox: Sandbox;
	beforeAll(async () => (sandbox = await startToolSandbox()));
	afterAll(async () => await sandbox.stop());

	it('Continue (regular output): only message and error, no chat, session or headers', async () => {
		const paid = sandbox.addInvoice('PAID');
		const result = await runTool(sandbox, { resource: 'invoice', operation: 'send', invoiceId: paid }, { onError: 'continueRegularOutput' });

		expect(result.success).toHaveLength(1);
		const json = result.success[0].json;
		expect(Object.keys(json).sort()).toEqual(['error', 'message']);
		expect(json.message).toMatch(/^409 Conflict: Invoice [0-9a-f]{24} is not a DRAFT, so it cannot be sent/);
		expect(json.error).toMatchObject({ statusCode: 409, invoiceId: paid });
		const serialized = JSON.stringify(result.success);
		for (const secret of [AGENT_ITEM.chatInput, AGENT_ITEM.sessionId, AGENT_ITEM.headers.cookie, AGENT_ITEM.headers.authorization]) {
			expect(serialized).not.toContain(secret);
		}
	});

	it('outside tool mode, Continue (regular output) keeps the input fields as before', async () => {
		const { runBookeeping } = await import('../engine/runWorkflow');
		const { sandboxCredential } = await import('../engine/fixtures');
		const paid = sandbox.addInvoice('PAID');
		const result = await runBookeeping({
			items: [{ crmDeal: 'D-17' }],
			parameters: { resource: 'invoice', operation: 'send', invoiceId: paid },
			credential: sandboxCredential(sandbox),
			onError: 'continueRegularOutput',
		});

		expect(result.success[0].json).toMatchObject({ crmDeal: 'D-17', error: { statusCode: 409 } });
	});
});
