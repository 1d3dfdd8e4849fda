import assert from 'node:assert/strict';
import type { IDataObject } from 'n8n-workflow';

import { FAULTS } from '../../../sandbox/faults';
import { EXAMPLE_FILES } from '../../../scripts/localN8n/exampleWorkflows';
import { itemsOn } from '../executionOutput';
import { loadExample, withTriggerReplacedByItems } from '../workflows';
import { assertConflict, assertDailyLimit, assertInvalidId, assertMessageStartsWith, assertValues, errorOf, itemWhere } from './itemExpectations';
import { deletedIds, successfulExecution, type Scenario } from './scenario';

const EXAMPLE = EXAMPLE_FILES.crmDealLost;
const DRAFT = '65f1c0ffee0123456789b001';
const SENT = '65f1c0ffee0123456789b002';
const OUT_OF_QUOTA = '65f1c0ffee0123456789b003';
const UNKNOWN = '65f1c0ffee0123456789b0ff';
/** Its DELETE has the connection reset before any answer. */
const RESET = '65f1c0ffee0123456789b004';
const MALFORMED = 'INV-2024-0042';

/** What the Webhook node emits for one POST from the CRM. */
function webhookCall(body: IDataObject): IDataObject {
	return {
		headers: { 'content-type': 'application/json', 'user-agent': 'crm-webhooks/1.0' },
		params: {},
		query: {},
		body,
		webhookUrl: 'http://localhost:5678/webhook/bookeeping-crm-deal-lost',
		executionMode: 'production',
	};
}

const deals = [
	{ dealId: 'D-1001', customer: 'Acme Corp', invoiceId: DRAFT },
	{ dealId: 'D-1002', customer: 'Globex', invoiceId: SENT },
	{ dealId: 'D-1003', customer: 'Initech', invoiceId: OUT_OF_QUOTA },
	{ dealId: 'D-1004', customer: 'Umbrella', invoiceId: MALFORMED },
	{ dealId: 'D-1005', customer: 'Hooli', invoiceId: UNKNOWN },
	{ dealId: 'D-1006', customer: 'Stark Industries', invoiceId: RESET },
];

const NODE = 'Delete draft invoice';
const SWITCH = 'Why did the delete fail?';

/** Example (a), its Webhook trigger replaced by six "deal lost" calls at once. */
export function crmDealLostScenario(): Scenario {
	return {
		title: 'Example "delete a draft invoice when a CRM deal is lost" (Webhook replaced by 6 deal-lost calls)',
		workflow: withTriggerReplacedByItems(loadExample(EXAMPLE), 'n8n-nodes-base.webhook', deals.map(webhookCall), 'E2eCrmDealLost'),
		seed(sandbox) {
			sandbox.addInvoice('DRAFT', DRAFT);
			sandbox.addInvoice('SENT', SENT);
			sandbox.addInvoice('DRAFT', OUT_OF_QUOTA);
			sandbox.setFault(OUT_OF_QUOTA, FAULTS.dailyLimitReached);
			sandbox.addInvoice('DRAFT', RESET);
			sandbox.setFault(RESET, FAULTS.reset);
		},
		verify(run, report) {
			const execution = successfulExecution(run, report);
			if (!execution) return;
			const errors = () => itemsOn(execution, NODE, 1);
			report.check(`"${NODE}" success output: only the draft, as { id, deleted: true }`, () => {
				assert.deepEqual(itemsOn(execution, NODE, 0), [{ id: DRAFT, deleted: true }]);
			});
			report.check(`"${NODE}" Error output: the 5 other deals, each keeping the webhook's fields`, () => {
				assertValues(errors(), 'body.dealId', ['D-1002', 'D-1003', 'D-1004', 'D-1005', 'D-1006']);
				for (const item of errors()) {
					const deal = deals.find((candidate) => candidate.dealId === (item.body as IDataObject).dealId);
					assert.deepEqual(item.body, deal);
					assert.deepEqual(item.headers, webhookCall({}).headers);
				}
			});
			report.check('409 (sent invoice) on the Error output with error.statusCode 409', () => {
				assertConflict(itemWhere(errors(), 'body.dealId', 'D-1002'), SENT);
			});
			report.check('429 (daily limit) on the Error output at once, with the limit figures', () => {
				assertDailyLimit(itemWhere(errors(), 'body.dealId', 'D-1003'), OUT_OF_QUOTA, 1500);
			});
			report.check('malformed id on the Error output, without statusCode', () => {
				assertInvalidId(itemWhere(errors(), 'body.dealId', 'D-1004'), 3, MALFORMED);
			});
			report.check('unknown id (404) on the Error output with error.statusCode 404', () => {
				assert.equal(errorOf(itemWhere(errors(), 'body.dealId', 'D-1005')).statusCode, 404);
			});
			report.check('reset connection on the Error output with error.statusCode null, error.code ECONNRESET and the message saying so', () => {
				const item = itemWhere(errors(), 'body.dealId', 'D-1006');
				const error = errorOf(item);
				assert.equal(error.statusCode, null);
				assert.equal(error.code, 'ECONNRESET', `message: ${String(item.message)}`);
				assertMessageStartsWith(item, 'The connection to Bookeeping.ai was reset before it answered (ECONNRESET)');
			});
			report.check(`"${SWITCH}": 409 → "Not a draft", 429 → "Rate limited", the rest → "Other error"`, () => {
				assertValues(itemsOn(execution, SWITCH, 0), 'body.dealId', ['D-1002']);
				assertValues(itemsOn(execution, SWITCH, 1), 'body.dealId', ['D-1003']);
				assertValues(itemsOn(execution, SWITCH, 2), 'body.dealId', ['D-1004', 'D-1005', 'D-1006']);
			});
			report.check('each branch node received its items', () => {
				assertValues(itemsOn(execution, 'Invoice deleted'), 'id', [DRAFT]);
				assertValues(itemsOn(execution, 'Not a draft: cancel it instead'), 'body.dealId', ['D-1002']);
				assertValues(itemsOn(execution, 'Rate limited: retry later'), 'body.dealId', ['D-1003']);
				assertValues(itemsOn(execution, 'Other error: notify someone'), 'body.dealId', ['D-1004', 'D-1005', 'D-1006']);
			});
			report.check('sandbox: one DELETE per well-formed id (the reset one not retried), none for the malformed one; the draft is gone', () => {
				assert.deepEqual([...deletedIds(run)].sort(), [DRAFT, SENT, OUT_OF_QUOTA, UNKNOWN, RESET].sort());
				assert.ok(!run.requests.some((request) => request.path.includes('INV-')), 'a request was sent for the malformed id');
				assert.equal(run.sandbox.invoices.has(DRAFT), false, 'the draft invoice still exists');
				assert.equal(run.sandbox.invoices.get(SENT)?.status, 'SENT');
			});
		},
	};
}
