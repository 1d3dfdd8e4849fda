import assert from 'node:assert/strict';
import type { IDataObject } from 'n8n-workflow';

import { SEED_IDS } from '../../../sandbox/seed';
import { itemsOn } from '../executionOutput';
import { loadExample, withTriggerReplacedByItems } from '../workflows';
import { assertValues, errorOf } from './itemExpectations';
import { successfulExecution, type Scenario } from './scenario';

export const DEAL_WON_SEND_EXAMPLE = 'create-and-send-invoice-when-crm-deal-won.json';
const UNKNOWN_CUSTOMER = 'abcdefabcdefabcdefabcdef';

const deals = [
	{ dealId: 'D-3001', counterpartyId: SEED_IDS.acme, description: 'Onboarding package', amount: 1200, currency: 'USD' },
	{ dealId: 'D-3002', counterpartyId: UNKNOWN_CUSTOMER, description: 'Audit', amount: 300, currency: 'USD' },
	{ dealId: 'D-3003', counterpartyId: 'CRM-42', description: 'Training', amount: 90, currency: 'USD' },
];

/** Example "create and send an invoice when a CRM deal is won", its Webhook replaced by three deals. */
export function dealWonSendScenario(): Scenario {
	return {
		title: 'Example "create and send an invoice when a CRM deal is won" (Webhook replaced by 3 deal-won calls)',
		workflow: withTriggerReplacedByItems(
			loadExample(DEAL_WON_SEND_EXAMPLE),
			'n8n-nodes-base.webhook',
			deals.map((body) => ({ body, headers: { 'content-type': 'application/json' } })),
			'E2eDealWonSend',
		),
		seed() {},
		verify(run, report) {
			const execution = successfulExecution(run, report);
			if (!execution) return;
			report.check('"Invoice sent" gets the one invoice created for a known customer, now SENT', () => {
				const sent = itemsOn(execution, 'Invoice sent');
				assertValues(sent, 'status', ['SENT']);
				assertValues(sent, 'counterParty._id', [SEED_IDS.acme]);
				assertValues(sent, 'note', ['Deal D-3001']);
			});
			report.check('the unknown customer (400) and the malformed id (refused, no request) go to "Other error" with the deal fields', () => {
				const others = itemsOn(execution, 'Other error: notify someone');
				assertValues(others, 'body.dealId', ['D-3002', 'D-3003']);
				assert.equal(errorOf(others[0]).statusCode, 400);
				assert.equal(errorOf(others[1]).statusCode, undefined);
				assert.match(String(others[1].message), /^Invalid Counterparty ID in item 2: "CRM-42"/);
			});
			report.check('sandbox: two creates (one refused), one send, nothing for the malformed id', () => {
				const calls = run.requests.map((request) => `${request.method} ${request.path.replace(/[0-9a-f]{24}/, ':id')} ${request.status}`);
				assert.deepEqual(calls.sort(), ['POST /public-api/v1/invoices 200', 'POST /public-api/v1/invoices 400', 'POST /public-api/v1/invoices/:id/send 200']);
				const [created] = [...run.sandbox.store.invoices.values()] as IDataObject[];
				assert.equal(created.status, 'SENT');
			});
		},
	};
}
