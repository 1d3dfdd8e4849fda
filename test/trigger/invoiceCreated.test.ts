import type { INodeParameters } from 'n8n-workflow';
import type { Sandbox } from '../../sandbox/server';
import { API_KEY } from '../engine/fixtures';
import { addInvoices, idsOf, MINUTE, setUpTrigger, type TriggerSetup } from './triggerFixtures';

const INVOICES = '/v1/invoices';

describe('Bookeeping Trigger: Invoice Created', () => {
	let setup: TriggerSetup;
	let sandbox: Sandbox;
	afterEach(async () => await sandbox.stop());

	async function start(parameters: INodeParameters = {}) {
		setup = await setUpTrigger({ event: 'invoiceCreated', ...parameters });
		sandbox = setup.sandbox;
		return setup;
	}

	it('emits nothing at activation, then each new invoice once, oldest first, one read a poll', async () => {
		const { trigger, readsOf } = await start();
		addInvoices(setup, 3);
		const activation = await trigger.activate();
		expect(activation).toEqual({ items: null });
		expect(readsOf(INVOICES)).toBe(1);

		const created = addInvoices(setup, 2, MINUTE);
		const first = await trigger.poll();
		expect(idsOf(first.items)).toEqual(created);
		expect(first.items?.[0]).toEqual({
			_id: created[0],
			invoiceId: expect.stringMatching(/^INV-/),
			status: 'DRAFT',
			counterparty: 'Acme Corp',
			amount: expect.any(Number),
			currency: 'USD',
			invoiceDate: expect.any(String),
			dueDate: expect.any(String),
		});
		expect(readsOf(INVOICES)).toBe(2);

		expect(await trigger.poll()).toEqual({ items: null });
		expect(readsOf(INVOICES)).toBe(3);
		const query = sandbox.requestsTo('GET', INVOICES).at(-1)?.query;
		expect(query).toMatchObject({ sortKey: 'createdAt', sortOrder: '1', limit: '250' });
	});

	it('invoices stamped with the same time as the last one emitted are neither lost nor repeated', async () => {
		const { trigger, clock } = await start();
		await trigger.activate();
		const [a, b] = addInvoices(setup, 2, 0);
		expect(idsOf((await trigger.poll()).items).sort()).toEqual([a, b].sort());
		// Same millisecond as a and b, after the poll that emitted them.
		const [c] = addInvoices(setup, 1, 0);
		expect(idsOf((await trigger.poll()).items)).toEqual([c]);
		// A few seconds of clock skew: an invoice stamped earlier than the cursor still arrives.
		clock.advance(-20_000);
		const [late] = addInvoices(setup, 1, 0);
		clock.advance(40_000);
		expect(idsOf((await trigger.poll()).items)).toEqual([late]);
		expect(await trigger.poll()).toEqual({ items: null });
	});

	it('works through a 600-invoice backlog over several polls, a bounded number of reads each, nothing skipped or repeated', async () => {
		const { trigger, readsOf } = await start({ options: { maxRecordsPerPoll: 250 } });
		addInvoices(setup, 5);
		await trigger.activate();
		const backlog = addInvoices(setup, 600, 10_000);
		const emitted: string[] = [];
		const readsPerPoll: number[] = [];
		const emittedPerPoll: number[] = [];
		for (let poll = 0; poll < 5; poll++) {
			const before = readsOf(INVOICES);
			const ids = idsOf((await trigger.poll()).items);
			emitted.push(...ids);
			emittedPerPoll.push(ids.length);
			readsPerPoll.push(readsOf(INVOICES) - before);
		}
		expect(emitted).toEqual(backlog);
		// One page of 250 a poll (the first also holds the 5 older invoices); the second read of a poll re-reads the overlap before the cursor.
		expect(emittedPerPoll).toEqual([245, 250, 105, 0, 0]);
		expect(Math.max(...readsPerPoll)).toBeLessThanOrEqual(2);
	});

	it('reads a 600-invoice backlog in one poll of three reads with the default limit of 1,000', async () => {
		const { trigger, readsOf } = await start();
		await trigger.activate();
		const backlog = addInvoices(setup, 600, 0);
		const before = readsOf(INVOICES);
		expect(idsOf((await trigger.poll()).items)).toEqual([...backlog].sort((x, y) => x.localeCompare(y)));
		expect(readsOf(INVOICES) - before).toBe(3);
	});

	it('a bulk import of 2,000 invoices stamped within one second is drained over polls, each invoice once', async () => {
		const { trigger, readsOf } = await start();
		await trigger.activate();
		const imported = addInvoices(setup, 2_000, 0.5);
		const emitted: string[] = [];
		let maxReads = 0;
		for (let poll = 0; poll < 4; poll++) {
			const before = readsOf(INVOICES);
			emitted.push(...idsOf((await trigger.poll()).items));
			maxReads = Math.max(maxReads, readsOf(INVOICES) - before);
		}
		expect(emitted).toHaveLength(2_000);
		expect(new Set(emitted)).toEqual(new Set(imported));
		expect(maxReads).toBeLessThanOrEqual(4 + 3);
	});

	it('after a restart continues from the static data n8n saved (round-tripped through JSON): nothing replayed, nothing lost', async () => {
		const { trigger } = await start();
		addInvoices(setup, 2);
		await trigger.activate();
		const [first] = addInvoices(setup, 1, MINUTE);
		expect(idsOf((await trigger.poll()).items)).toEqual([first]);
		// Nothing new: this poll returns no items, so n8n saves nothing.
		expect((await trigger.poll()).items).toBeNull();
		const [whileDown] = addInvoices(setup, 1, MINUTE);
		const restarted = await trigger.restart();
		expect(idsOf(restarted.items)).toEqual([whileDown]);
		expect(await trigger.poll()).toEqual({ items: null });

		const saved = JSON.stringify(trigger.saved);
		expect(saved).not.toContain(API_KEY);
		expect(saved.length).toBeLessThan(1_000);
	});

	it('Simplify off: the invoice as the API returns it', async () => {
		const { trigger } = await start({ simplify: false });
		await trigger.activate();
		const [id] = addInvoices(setup, 1);
		const { items } = await trigger.poll();
		expect(items).toEqual([sandbox.invoices.get(id)]);
		expect(items?.[0]).toHaveProperty('lineItems');
		expect(items?.[0]).toHaveProperty('createdAt');
	});
});
