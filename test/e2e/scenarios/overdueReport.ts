import assert from 'node:assert/strict';

import { addInvoiceBook } from '../../../sandbox/invoiceBook';
import { itemsOn } from '../executionOutput';
import { loadExample, withTriggerReplacedByItems } from '../workflows';
import { successfulExecution, type Scenario } from './scenario';

export const OVERDUE_REPORT_EXAMPLE = 'daily-overdue-invoices-report.json';
const BOOK_SIZE = 600;

const GET = 'Get overdue invoices';
const REPORT = 'Overdue report';

/** Example "daily overdue invoices report" (the Status filter), its Schedule trigger replaced by one run, over a book of 600 invoices. */
export function overdueReportScenario(): Scenario {
	return {
		title: `Example "daily overdue invoices report" (Status filter; Schedule replaced by one run; ${BOOK_SIZE} invoices)`,
		workflow: withTriggerReplacedByItems(loadExample(OVERDUE_REPORT_EXAMPLE), 'n8n-nodes-base.scheduleTrigger', [{}], 'E2eOverdueReport'),
		seed(sandbox) {
			addInvoiceBook(sandbox.store, BOOK_SIZE);
		},
		verify(run, report) {
			const execution = successfulExecution(run, report);
			if (!execution) return;
			const overdue = [...run.sandbox.invoices.values()].filter((invoice) => invoice.status === 'OVERDUE');
			report.check(`"${GET}" emits exactly the invoices the API says are OVERDUE (${overdue.length} of ${run.sandbox.invoices.size}), simplified`, () => {
				const items = itemsOn(execution, GET);
				assert.ok(overdue.length > 50, `only ${overdue.length} overdue invoices in the book`);
				assert.deepEqual(items.map((item) => item._id).sort(), overdue.map((invoice) => invoice._id).sort());
				assert.ok(items.every((item) => item.status === 'OVERDUE' && typeof item.counterparty === 'string'));
			});
			report.check(`"${REPORT}" counts them and lists each one`, () => {
				const [summary] = itemsOn(execution, REPORT);
				assert.equal(summary.count, overdue.length);
				assert.match(String(summary.text), new RegExp(`^${overdue.length} overdue invoices, [\\d,.]+ USD in all:\\n`));
				assert.equal(String(summary.text).split('\n').length, overdue.length + 1);
			});
			report.check('sandbox: the whole list read once, 250 a page, with no status in the query', () => {
				const reads = run.requests.filter((request) => request.method === 'GET' && request.path.endsWith('/v1/invoices'));
				assert.deepEqual(
					reads.map((request) => [request.query.page, request.query.limit, request.status]),
					Array.from({ length: Math.ceil(run.sandbox.invoices.size / 250) }, (_, index) => [String(index + 1), '250', 200]),
				);
				for (const request of reads) assert.deepEqual(Object.keys(request.query).sort(), ['limit', 'page', 'sortKey', 'sortOrder']);
			});
		},
	};
}
