import assert from 'node:assert/strict';

import { nodeRan } from '../executionOutput';
import { BOOKEEPING_NODE_TYPE, loadExample, withDefaultOnError } from '../workflows';
import { BATCH_EXAMPLE, BATCH_IDS } from './batchDelete';
import { deletedIds, type Scenario } from './scenario';

const CONFLICT_MESSAGE = `Invoice ${BATCH_IDS.acme} is not a draft, so it cannot be deleted`;

/** Example (b) with the Bookeeping node's On Error back at its default, and the first invoice sent. */
export function stopWorkflowScenario(): Scenario {
	return {
		title: 'Example "delete a batch of draft invoices" with On Error = Stop Workflow (first invoice already sent)',
		workflow: withDefaultOnError(loadExample(BATCH_EXAMPLE), BOOKEEPING_NODE_TYPE, 'E2eStopOnConflict'),
		seed(sandbox) {
			sandbox.addInvoice('SENT', BATCH_IDS.acme);
			sandbox.addInvoice('DRAFT', BATCH_IDS.globex);
		},
		verify(run, report) {
			report.check('the run fails: n8n exits non-zero', () => {
				assert.notEqual(run.exitCode, 0, run.output.slice(-2000));
			});
			report.check(`the failure is the 409: "${CONFLICT_MESSAGE}"`, () => {
				assert.ok(run.output.includes(CONFLICT_MESSAGE), `message not in n8n's output:\n${run.output.slice(-2000)}`);
				if (run.execution) assert.ok(String(run.execution.data.resultData.error?.message).startsWith(CONFLICT_MESSAGE), String(run.execution.data.resultData.error?.message));
			});
			report.check('no node after the Bookeeping node ran', () => {
				assert.ok(run.execution, 'no run JSON in the output');
				for (const node of ['Invoice deleted', 'Why did the delete fail?']) assert.equal(nodeRan(run.execution, node), false, `${node} ran`);
			});
			report.check('the items after the failed one are not sent: one DELETE, the Globex draft is still there', () => {
				assert.deepEqual(deletedIds(run), [BATCH_IDS.acme]);
				assert.ok(run.sandbox.invoices.has(BATCH_IDS.globex.toLowerCase()), 'the Globex draft was deleted');
			});
		},
	};
}
