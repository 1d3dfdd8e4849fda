import type { INodeParameters } from 'n8n-workflow';
import type { Sandbox } from '../../sandbox/server';
import { addInvoices, changeInvoice, DAY, idsOf, invoice, MINUTE, setUpTrigger, type TriggerSetup } from './triggerFixtures';

const INVOICES = '/v1/invoices';
/** At most 1,000 keys of recently processed invoices, about 52 bytes each. */
const RECENT_KEYS_BYTES = 1_000 * 52;

describe('Bookeeping Trigger: Invoice Status Changed', () => {
	let setup: TriggerSetup;
	let sandbox: Sandbox;
	afterEach(async () => await sandbox.stop());

	async function start(parameters: INodeParameters = {}) {
		setup = await setUpTrigger({ event: 'invoiceStatusChanged', options: { includePreviousStatus: true }, ...parameters });
		sandbox = setup.sandbox;
		return setup;
	}

	it('emits nothing at activation and keeps only invoices whose status can still change', async () => {
		const { trigger } = await start();
		const [draft] = addInvoices(setup, 1);
		const [sent] = addInvoices(setup, 1, 1_000, 'SENT');
		const [paid] = addInvoices(setup, 1, 1_000, 'SENT');
		changeInvoice(setup, paid, { status: 'PAID' });
		expect(await trigger.activate()).toEqual({ items: null });
		const tracked = trigger.state.tracked as Record<string, string>;
		expect(Object.keys(tracked).sort()).toEqual([draft, sent].sort());
		expect(tracked[draft]).toBe('D');
		expect(tracked[sent]).toMatch(/^S[0-9a-z]+$/);
	});

	it('reports each status change once, with the previous status, and forgets invoices that are paid or cancelled', async () => {
		const { trigger } = await start();
		const [a, b] = addInvoices(setup, 2);
		await trigger.activate();

		changeInvoice(setup, a, { status: 'SENT' });
		const sent = await trigger.poll();
		expect(sent.items).toEqual([expect.objectContaining({ _id: a, status: 'SENT', previousStatus: 'DRAFT' })]);

		changeInvoice(setup, a, { status: 'PAID' });
		changeInvoice(setup, b, { status: 'SENT' }, 0);
		const next = await trigger.poll();
		expect(next.items?.map((item) => [item._id, item.previousStatus, item.status])).toEqual(
			expect.arrayContaining([
				[a, 'SENT', 'PAID'],
				[b, 'DRAFT', 'SENT'],
			]),
		);
		expect(next.items).toHaveLength(2);
		expect(Object.keys(trigger.state.tracked as object)).toEqual([b]);

		// A draft edited without a status change is no event.
		expect(await trigger.poll()).toEqual({ items: null });
	});

	it('To Statuses: only changes to the chosen statuses start the workflow; the others are still followed', async () => {
		const { trigger } = await start({ toStatuses: ['PAID'] });
		const [id] = addInvoices(setup, 1);
		await trigger.activate();
		changeInvoice(setup, id, { status: 'SENT' });
		expect(await trigger.poll()).toEqual({ items: null });
		changeInvoice(setup, id, { status: 'PAID' });
		expect((await trigger.poll()).items).toEqual([expect.objectContaining({ _id: id, status: 'PAID', previousStatus: 'SENT' })]);
	});

	it('reports OVERDUE for a tracked sent invoice whose due date passed although its updatedAt did not move, without rescanning every poll', async () => {
		const { trigger, clock, readsOf } = await start();
		addInvoices(setup, 300, MINUTE);
		const [id] = addInvoices(setup, 1);
		await trigger.activate();
		changeInvoice(setup, id, { status: 'SENT', dueDate: new Date(clock.now + 3 * DAY).toISOString() });
		expect((await trigger.poll()).items).toEqual([expect.objectContaining({ _id: id, status: 'SENT' })]);
		const updatedAt = invoice(setup, id).updatedAt;

		// Not due yet: one read a poll.
		clock.advance(DAY);
		let before = readsOf(INVOICES);
		expect(await trigger.poll()).toEqual({ items: null });
		expect(readsOf(INVOICES) - before).toBe(1);

		clock.advance(3 * DAY);
		before = readsOf(INVOICES);
		const overdue = await trigger.poll();
		expect(overdue.items).toEqual([expect.objectContaining({ _id: id, status: 'OVERDUE', previousStatus: 'SENT' })]);
		expect(invoice(setup, id).updatedAt).toBe(updatedAt);
		// The cursor's read, and the invoice found in the list sorted by _id (2 pages) by halving it.
		const pages = Math.ceil(sandbox.invoices.size / 250);
		expect(pages).toBe(2);
		expect(readsOf(INVOICES) - before).toBeLessThanOrEqual(1 + pages);
		expect(trigger.state.tracked).toMatchObject({ [id]: 'O' });

		clock.advance(MINUTE);
		before = readsOf(INVOICES);
		expect(await trigger.poll()).toEqual({ items: null });
		expect(readsOf(INVOICES) - before).toBe(1);
	});

	it('builds the baseline of a large account over several polls, reporting nothing of it, yet a change made meanwhile', async () => {
		const { trigger } = await start({ options: { includePreviousStatus: true, maxRecordsPerPoll: 250 } });
		const ids = addInvoices(setup, 600);
		expect((await trigger.activate()).items).toBeNull();
		changeInvoice(setup, ids[10], { status: 'SENT' });
		const reported: string[] = [];
		for (let poll = 0; poll < 4; poll++) reported.push(...idsOf((await trigger.poll()).items));
		expect(reported).toEqual([ids[10]]);
		expect(Object.keys(trigger.state.tracked as object)).toHaveLength(600);
	});

	it('keeps the saved state small: 5,000 tracked invoices take under 40 bytes each (2 MB for 50,000)', async () => {
		const { trigger } = await start();
		addInvoices(setup, 2_500, 10);
		addInvoices(setup, 2_500, 10, 'SENT');
		await trigger.activate();
		for (let poll = 0; poll < 5; poll++) await trigger.poll();
		expect(Object.keys(trigger.state.tracked as object)).toHaveLength(5_000);
		expect(JSON.stringify(trigger.state.tracked).length / 5_000).toBeLessThan(40);
		expect(JSON.stringify(trigger.state).length).toBeLessThan(5_000 * 40 + RECENT_KEYS_BYTES);
	});
});
