import assert from 'node:assert/strict';

import { SEED_IDS } from '../../../sandbox/seed';
import { itemsOn } from '../executionOutput';
import { loadExample, withTriggerReplacedByItems } from '../workflows';
import { assertValues, errorOf } from './itemExpectations';
import { successfulExecution, type Scenario } from './scenario';

export const PAYMENT_EXAMPLE = 'mark-invoice-paid-when-payment-arrives.json';

const INVOICES = { sent: '65f1c0ffee0123456789f001', overdue: '65f1c0ffee0123456789f002', paid: '65f1c0ffee0123456789f003' };
const payments = [
	{ invoiceId: INVOICES.sent, paymentRef: 'PAY-1' },
	{ invoiceId: INVOICES.paid, paymentRef: 'PAY-2' },
	{ invoiceId: INVOICES.overdue, paymentRef: 'PAY-3' },
	{ invoiceId: 'INV-0042', paymentRef: 'PAY-4' },
];

/** Example "mark an invoice paid when a payment arrives", its Webhook replaced by four payments. */
export function paymentArrivedScenario(): Scenario {
	return {
		title: 'Example "mark an invoice paid when a payment arrives" (Webhook replaced by 4 payments)',
		workflow: withTriggerReplacedByItems(
			loadExample(PAYMENT_EXAMPLE),
			'n8n-nodes-base.webhook',
			payments.map((body) => ({ body, headers: { 'content-type': 'application/json' } })),
			'E2ePaymentArrived',
		),
		seed(sandbox) {
			sandbox.addInvoice('SENT', INVOICES.sent);
			sandbox.addInvoice('OVERDUE', INVOICES.overdue);
			sandbox.addInvoice('PAID', INVOICES.paid);
		},
		verify(run, report) {
			const execution = successfulExecution(run, report);
			if (!execution) return;
			report.check('the sent and the overdue invoice are marked paid', () => {
				assertValues(itemsOn(execution, 'Invoice marked paid'), '_id', [INVOICES.sent, INVOICES.overdue]);
				assertValues(itemsOn(execution, 'Invoice marked paid'), 'status', ['PAID', 'PAID']);
			});
			report.check('the invoice already paid takes the 409 branch, with the payment fields and how to fix it', () => {
				const [conflict] = itemsOn(execution, 'Already paid or cancelled');
				assert.equal(conflict.body && (conflict.body as { paymentRef?: string }).paymentRef, 'PAY-2');
				assert.equal(errorOf(conflict).statusCode, 409);
				assert.match(String(conflict.message), new RegExp(`^Invoice ${INVOICES.paid} cannot be marked as paid`));
			});
			report.check('the malformed id goes to "Other error" without a request', () => {
				assertValues(itemsOn(execution, 'Other error: notify someone'), 'body.paymentRef', ['PAY-4']);
				assert.equal(run.requests.filter((request) => request.path.includes('INV-0042')).length, 0);
			});
			report.check('sandbox: each payment recorded a transaction in the Operating account, credited to Sales', () => {
				const transactions = [...run.sandbox.store.transactions.values()].filter((transaction) => transaction.source === 'INVOICE');
				assert.equal(transactions.length, 2);
				for (const transaction of transactions) {
					assert.equal((transaction.account as { _id: string })._id, SEED_IDS.operatingAccount);
					assert.equal((transaction.entries as Array<{ category: { _id: string } }>)[0].category._id, SEED_IDS.salesCategory);
				}
			});
		},
	};
}
