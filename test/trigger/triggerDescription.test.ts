import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeType } from 'n8n-workflow';

import { loadBuiltPackage, packageRoot } from '../engine/builtPackage';

const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));

describe('Bookeeping Trigger as n8n loads it', () => {
	let trigger: INodeType;
	beforeAll(async () => {
		({ trigger } = await loadBuiltPackage());
	});

	it('is the package\'s second node: a polling trigger with no input, not an AI tool, on the same credential', () => {
		expect(manifest.n8n.nodes).toEqual(['dist/nodes/Bookeeping/Bookeeping.node.js', 'dist/nodes/BookeepingTrigger/BookeepingTrigger.node.js']);
		const { description } = trigger;
		expect(description).toMatchObject({ name: 'bookeepingTrigger', displayName: 'Bookeeping Trigger', polling: true, group: ['trigger'], inputs: [] });
		expect(description.usableAsTool).toBeUndefined();
		expect(description.credentials).toEqual([{ name: 'bookeepingApi', required: true }]);
		expect(typeof trigger.poll).toBe('function');
	});

	it('polls every 15 minutes unless told otherwise, and says what a poll costs', () => {
		const [pollTimes, notice] = trigger.description.properties;
		expect(pollTimes.name).toBe('pollTimes');
		expect(pollTimes.default).toEqual({ item: [{ mode: 'everyX', value: 15, unit: 'minutes' }] });
		expect(trigger.description.properties.filter((property) => property.name === 'pollTimes')).toHaveLength(1);
		expect(notice.type).toBe('notice');
		expect(notice.displayName).toMatch(/at least one of the 6,000 reads a day.*every minute, 1,440/);
	});

	it('offers the five events and the statuses to report', () => {
		const event = trigger.description.properties.find((property) => property.name === 'event');
		expect(event?.options?.map((option) => (option as { value: string }).value)).toEqual([
			'invoiceCreated',
			'invoiceStatusChanged',
			'transactionCreated',
			'transactionUpdated',
			'counterpartyCreated',
		]);
		const toStatuses = trigger.description.properties.find((property) => property.name === 'toStatuses');
		expect(toStatuses?.options?.map((option) => (option as { name: string }).name)).toEqual(['Cancelled', 'Overdue', 'Paid', 'Sent']);
	});

	it('shows the Bookeeping icons, shipped in dist, and a Finance & Accounting codex', () => {
		const iconUrl = trigger.description.iconUrl as { light: string; dark: string };
		const fileOf = (url: string) => join(packageRoot, url.replace(`icons/${manifest.name}/`, ''));
		expect(existsSync(fileOf(iconUrl.light))).toBe(true);
		expect(existsSync(fileOf(iconUrl.dark))).toBe(true);
		expect(readFileSync(fileOf(iconUrl.light), 'utf8')).not.toEqual(readFileSync(fileOf(iconUrl.dark), 'utf8'));
		expect(trigger.description.codex?.categories).toEqual(['Finance & Accounting']);
	});
});
