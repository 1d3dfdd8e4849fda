import type { INodeParameters } from 'n8n-workflow';
import type { Sandbox } from '../../sandbox/server';
import { addInvoices, changeInvoice, MINUTE, setUpTrigger, type TriggerSetup } from './triggerFixtures';

describe('Bookeeping Trigger: Fetch Test Event (manual mode)', () => {
	let setup: TriggerSetup;
	let sandbox: Sandbox;
	afterEach(async () => await sandbox.stop());

	async function start(parameters: INodeParameters) {
		setup = await setUpTrigger(parameters);
		sandbox = setup.sandbox;
		return setup;
	}

	it('returns the newest invoice and leaves the saved state as it was', async () => {
		const { trigger } = await start({ event: 'invoiceCreated' });
		addInvoices(setup, 3, MINUTE);
		await trigger.activate();
		const stateBefore = trigger.state;
		const savedBefore = JSON.stringify(trigger.saved);
		const [newest] = addInvoices(setup, 1, MINUTE);

		const sample = await trigger.fetchTestEvent();
		expect(sample.items).toEqual([expect.objectContaining({ _id: newest, status: 'DRAFT' })]);
		expect(trigger.state).toEqual(stateBefore);
		expect(JSON.stringify(trigger.saved)).toBe(savedBefore);
		// The active workflow still reports the invoice the test event showed.
		expect((await trigger.poll()).items).toEqual([expect.objectContaining({ _id: newest })]);
	});


	it('says clearly when there is nothing to show', async () => {
		const { trigger } = await start({ event: 'invoiceStatusChanged', toStatuses: ['PAID'] });
		const [id] = addInvoices(setup, 1);
		await trigger.activate();
		changeInvoice(setup, id, { status: 'SENT' });
		const none = await trigger.fetchTestEvent();
		expect(none.items).toBeNull();
		expect(none.error?.message).toBe('Bookeeping.ai has no invoice in one of the chosen statuses, so there is no example to show.');
		expect(none.error?.description).toMatch(/Create one in Bookeeping\.ai .*then fetch again/);
	});

	it('Invoice Status Changed: the most recently changed invoice in a chosen status', async () => {
		const { trigger } = await start({ event: 'invoiceStatusChanged', toStatuses: ['SENT'], options: { includePreviousStatus: true } });
		const [a, b] = addInvoices(setup, 2);
		await trigger.activate();
		changeInvoice(setup, a, { status: 'SENT' });
		changeInvoice(setup, b, { status: 'SENT' });
		const sample = await trigger.fetchTestEvent();
		expect(sample.items).toEqual([expect.objectContaining({ _id: b, status: 'SENT', previousStatus: null })]);
	});
});
