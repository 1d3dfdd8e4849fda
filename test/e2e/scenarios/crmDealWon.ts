import assert from 'node:assert/strict';
import type { IDataObject } from 'n8n-workflow';

import { itemsOn } from '../executionOutput';
import { loadExample, withTriggerReplacedByItems } from '../workflows';
import { assertValues } from './itemExpectations';
import { successfulExecution, type Scenario } from './scenario';

export const DEAL_WON_EXAMPLE = 'create-customer-then-invoice-when-crm-deal-won.json';

const CUSTOMER = 'Create customer';
const INVOICE = 'Create draft invoice';

const deals = [
	{ dealId: 'D-2001', company: 'Hooli', crmCustomerId: 'CRM-7001', email: 'ap@hooli.example', description: 'Annual support', amount: 4800, currency: 'USD' },
	{ dealId: 'D-2002', company: 'Pied Piper', crmCustomerId: 'CRM-7002', email: 'billing@piedpiper.example', description: 'Compression audit', amount: 1250, currency: 'EUR' },
];

/** What the Webhook node emits for one POST from the CRM. */
function webhookCall(body: IDataObject): IDataObject {
	return {
		headers: { 'content-type': 'application/json', 'user-agent': 'crm-webhooks/1.0' },
		params: {},
		query: {},
		body,
		webhookUrl: 'http://localhost:5678/webhook/bookeeping-crm-deal-won',
		executionMode: 'production',
	};
}

/** Example "create the customer, then the invoice", its Webhook replaced by two won deals of new customers. */
export function crmDealWonScenario(): Scenario {
	return {
		title: 'Example "create the customer, then the invoice, when a CRM deal is won" (Webhook replaced by 2 deal-won calls)',
		workflow: withTriggerReplacedByItems(loadExample(DEAL_WON_EXAMPLE), 'n8n-nodes-base.webhook', deals.map(webhookCall), 'E2eCrmDealWon'),
		seed() {
			// The customers are new: the sandbox's seed has neither of them.
		},
		verify(run, report) {
			const execution = successfulExecution(run, report);
			if (!execution) return;
			const customers = () => itemsOn(execution, CUSTOMER);
			report.check(`"${CUSTOMER}" emits the two new customers, each with the id Bookeeping.ai gave it`, () => {
				assertValues(customers(), 'accountName', ['Hooli', 'Pied Piper']);
				assertValues(customers(), 'accountNumber', ['CRM-7001', 'CRM-7002']);
				assertValues(customers(), 'type', ['customer', 'customer']);
				for (const customer of customers()) assert.match(String(customer._id), /^[0-9a-f]{24}$/);
			});
			report.check(`"${INVOICE}" emits one draft per deal, for the customer just created, with the deal's line and currency`, () => {
				const invoices = itemsOn(execution, INVOICE);
				assertValues(invoices, 'status', ['DRAFT', 'DRAFT']);
				assertValues(invoices, 'counterParty._id', customers().map((customer) => customer._id));
				assertValues(invoices, 'currency', ['USD', 'EUR']);
				assertValues(invoices, 'amount', [4800, 1250]);
				assertValues(invoices, 'note', ['CRM deal D-2001', 'CRM deal D-2002']);
				assert.deepEqual(invoices.map((invoice) => invoice.lineItems), deals.map((deal) => [{ name: deal.description, quantity: 1, price: deal.amount }]));
				for (const invoice of invoices) {
					const days = (Date.parse(String(invoice.dueDate)) - Date.parse(String(invoice.invoiceDate))) / 86_400_000;
					assert.equal(Math.round(days), 30, 'due 30 days after the invoice date');
				}
			});
			report.check('sandbox: each customer is created before its invoice, and the invoice names it', () => {
				const posts = run.requests.map((request) => ({ path: request.path.replace('/public-api', ''), status: request.status, body: request.body as IDataObject }));
				assert.deepEqual(posts.map((post) => `POST ${post.path} ${post.status}`).sort(), [
					'POST /v1/counterparties 200',
					'POST /v1/counterparties 200',
					'POST /v1/invoices 200',
					'POST /v1/invoices 200',
				]);
				for (const customer of customers()) {
					const created = posts.findIndex((post) => post.path === '/v1/counterparties' && post.body.accountNumber === customer.accountNumber);
					const invoiced = posts.findIndex((post) => post.path === '/v1/invoices' && post.body.counterParty === customer._id);
					assert.ok(created >= 0 && invoiced > created, `${String(customer.accountName)}: created at ${created}, invoiced at ${invoiced}`);
					assert.equal(posts[created].body.email, deals.find((deal) => deal.crmCustomerId === customer.accountNumber)!.email);
					assert.equal(posts[invoiced].body.invoiceId, 'INCREMENTAL');
				}
				assert.equal([...run.sandbox.store.invoices.values()].filter((invoice) => invoice.status === 'DRAFT').length, 2);
			});
		},
	};
}
