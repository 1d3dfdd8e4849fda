import type { INode, INodeType, NodeHint } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox/server';
import { loadBuiltPackage } from '../engine/builtPackage';
import { sandboxCredential } from '../engine/fixtures';
import { nodeTypesOf } from '../engine/runWorkflow';
import { ActiveTrigger, TRIGGER_TYPE } from './pollHarness';
import { addInvoices, MINUTE, setUpTrigger } from './triggerFixtures';

/** An id as a hand-written or imported workflow file may carry: n8n 1.x never saves its static data. */
const IMPORTED_ID = 'BkTriggerImport17';
/** An id as n8n makes them. */
const N8N_ID = 'Xb3kP0qLm9TzR2sA';

describe('Bookeeping Trigger: a workflow id too long for n8n 1.x to save the trigger\'s place', () => {
	const sandboxes: Sandbox[] = [];
	afterEach(async () => {
		for (const sandbox of sandboxes.splice(0)) await sandbox.stop();
	});

	async function triggerIn(workflowId: string) {
		const setup = await setUpTrigger({ event: 'invoiceCreated' });
		sandboxes.push(setup.sandbox);
		return { ...setup, trigger: new ActiveTrigger({ event: 'invoiceCreated' }, sandboxCredential(setup.sandbox), workflowId) };
	}
	const warningsOf = (trigger: ActiveTrigger) => trigger.logs.filter((entry) => entry.level === 'warn').map((entry) => entry.message);

	it('warns in n8n\'s log at each activation, saying what to do, and activates all the same', async () => {
		const setup = await triggerIn(IMPORTED_ID);
		const { trigger } = setup;
		expect(await trigger.activate()).toEqual({ items: null });
		expect(warningsOf(trigger)).toEqual([
			`Bookeeping Trigger in workflow "trigger test": its id "${IMPORTED_ID}" has 17 characters. n8n saves where the trigger left off only for workflow ids of at most 16 characters on n8n 1.x (21 on n8n 2.x); where it is not saved, the trigger starts again from now after every restart and never reports what changed while n8n was down. Duplicate the workflow (n8n gives the copy an id of 16 characters) and publish the copy instead, or import it again with an id of at most 16 characters.`,
		]);

		// Scheduled polls work and do not repeat it; n8n loading the workflow again does.
		const [created] = addInvoices(setup, 1, MINUTE);
		expect((await trigger.poll()).items).toEqual([expect.objectContaining({ _id: created })]);
		expect(warningsOf(trigger)).toHaveLength(1);
		expect(await trigger.restart()).toEqual({ items: null });
		expect(warningsOf(trigger)).toHaveLength(2);
	});

	it('says nothing for an id n8n made (16 characters), nor in Fetch Test Event', async () => {
		const setup = await triggerIn(N8N_ID);
		addInvoices(setup, 1, MINUTE);
		await setup.trigger.activate();
		await setup.trigger.poll();
		const long = await triggerIn(IMPORTED_ID);
		addInvoices(long, 1, MINUTE);
		expect((await long.trigger.activate()).error).toBeUndefined();
		long.trigger.logs.length = 0;
		expect((await long.trigger.fetchTestEvent()).items).toHaveLength(1);
		expect([...warningsOf(setup.trigger), ...warningsOf(long.trigger)]).toEqual([]);
	});

	it('shows a warning on the node in the editor when the open workflow\'s id is longer than 16 characters', async () => {
		const { trigger } = await loadBuiltPackage();
		const hints = trigger.description.hints ?? [];
		expect(hints).toEqual([expect.objectContaining({ type: 'warning', location: 'ndv', whenToDisplay: 'always' })]);
		const [hint] = hints as [NodeHint];
		expect(hint.message).toMatch(/longer than 16 characters: n8n 1\.x will not save where the trigger left off.*Duplicate the workflow/);
		// As n8n's editor decides whether to show a hint: the condition evaluated on the open workflow;
		// a condition that cannot be evaluated hides the hint.
		const shown = (id: string | undefined) => {
			const node: INode = { id: 'trigger', name: 'Bookeeping Trigger', type: TRIGGER_TYPE, typeVersion: 1, position: [0, 0], parameters: { event: 'invoiceCreated' } };
			const workflow = new Workflow({ id, nodes: [node], connections: {}, active: false, nodeTypes: nodeTypesOf({ [TRIGGER_TYPE]: trigger as INodeType }) });
			try {
				return workflow.expression.getSimpleParameterValue(node, hint.displayCondition, 'internal', {}) === true;
			} catch {
				return false;
			}
		};
		expect(shown(IMPORTED_ID)).toBe(true);
		expect(shown(N8N_ID)).toBe(false);
		// A new workflow that was never saved has no id yet ($workflow.id throws "save workflow to view").
		expect(shown(undefined)).toBe(false);
	});
});
