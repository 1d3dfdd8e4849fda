import assert from 'node:assert/strict';

import { EXAMPLE_FILES } from '../../../scripts/localN8n/exampleWorkflows';
import { itemsOn } from '../executionOutput';
import { loadExample } from '../workflows';
import { assertConflict, assertDailyLimit, assertInvalidId, assertValues, itemWhere } from './itemExpectations';
import { deletedIds, successfulExecution, type Scenario } from './scenario';

export const BATCH_EXAMPLE = EXAMPLE_FILES.batchDelete;

/** The ids the example's "Invoices to delete" node lists. */
export const BATCH_IDS = {
	acme: '65f1c0ffee0123456789a001',
	globex: '65f1c0ffee0123456789a002',
	initech: '65f1c0ffee0123456789a003',
	umbrella: 'INV-2024-0042',
	hooli: '65f1c0ffee0123456789a004',
};
const DAILY_WRITES = 3;

const NODE = 'Delete draft invoice';
const SWITCH = 'Why did the delete fail?';

/**
 * Example (b) exactly as shipped, against a sandbox that allows 3 writes a day: Acme and
 * Initech are deleted, Globex's invoice is sent (409), Umbrella's id is malformed, and Hooli's
 * delete meets the used-up daily quota (429). The example sends one request at a time, so the
 * outcome does not depend on timing.
 */
export function batchDeleteScenario(): Scenario {
	const workflow = loadExample(BATCH_EXAMPLE);
	return {
		title: 'Example "delete a batch of draft invoices" as shipped (sandbox allows 3 writes a day)',
		workflow,
		sandboxOptions: { writeLimits: { perWindow: 25, perDay: DAILY_WRITES } },
		seed(sandbox) {
			sandbox.addInvoice('DRAFT', BATCH_IDS.acme);
			sandbox.addInvoice('SENT', BATCH_IDS.globex);
			sandbox.addInvoice('DRAFT', BATCH_IDS.initech);
			sandbox.addInvoice('DRAFT', BATCH_IDS.hooli);
		},
		verify(run, report) {
			const execution = successfulExecution(run, report);
			if (!execution) return;
			const errors = () => itemsOn(execution, NODE, 1);
			report.check('"Invoices to delete" emits the 5 invoices', () => {
				assertValues(itemsOn(execution, 'Invoices to delete'), 'invoiceId', Object.values(BATCH_IDS));
			});
			report.check(`"${NODE}" success output: Acme and Initech as { id, deleted: true }`, () => {
				assert.deepEqual(itemsOn(execution, NODE, 0), [
					{ id: BATCH_IDS.acme, deleted: true },
					{ id: BATCH_IDS.initech, deleted: true },
				]);
			});
			report.check(`"${NODE}" Error output: Globex, Umbrella, Hooli with their input fields kept`, () => {
				assertValues(errors(), 'customer', ['Globex', 'Umbrella', 'Hooli']);
				assertValues(errors(), 'invoiceId', [BATCH_IDS.globex, BATCH_IDS.umbrella, BATCH_IDS.hooli]);
			});
			report.check('409 for the sent invoice, with error.statusCode', () => {
				assertConflict(itemWhere(errors(), 'customer', 'Globex'), BATCH_IDS.globex);
			});
			report.check('429 once the daily quota is used up, not waited out, with the limit figures', () => {
				assertDailyLimit(itemWhere(errors(), 'customer', 'Hooli'), BATCH_IDS.hooli, DAILY_WRITES);
			});
			report.check('malformed id refused before any request (no statusCode)', () => {
				assertInvalidId(itemWhere(errors(), 'customer', 'Umbrella'), 3, BATCH_IDS.umbrella);
			});
			report.check(`"${SWITCH}": 409 → "Not a draft", 429 → "Rate limited", malformed → "Other error"`, () => {
				assertValues(itemsOn(execution, SWITCH, 0), 'customer', ['Globex']);
				assertValues(itemsOn(execution, SWITCH, 1), 'customer', ['Hooli']);
				assertValues(itemsOn(execution, SWITCH, 2), 'customer', ['Umbrella']);
				assertValues(itemsOn(execution, 'Rate limited: run again later'), 'customer', ['Hooli']);
			});
			report.check('sandbox: DELETEs one at a time in item order (200, 409, 200, 429), none for the malformed id', () => {
				assert.deepEqual(deletedIds(run), [BATCH_IDS.acme, BATCH_IDS.globex, BATCH_IDS.initech, BATCH_IDS.hooli]);
				assert.deepEqual(run.requests.map((request) => request.status), [200, 409, 200, 429]);
			});
		},
	};
}
