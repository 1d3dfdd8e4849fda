import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { API_GUESSES } from '../../apiGuesses';
import { isoDateTime } from '../../pipeline/inputParsers';
import { normalizeObjectId } from '../../pipeline/objectId';
import type { InputParser, RecordFilter } from '../../pipeline/operationSpec';
import { counterpartyId } from '../counterparty/counterpartyId';
import { idLocator } from '../shared/idLocator';

const STATUSES: readonly string[] = API_GUESSES.invoiceStatuses;
const DATE_ONLY = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;
const DATE_EXAMPLE = 'an ISO 8601 date, e.g. 2026-01-31 or 2026-01-31T17:00:00Z';

const statusList: InputParser = (raw) => {
	const parts = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',') : undefined;
	if (!parts) return { problem: 'not a list of statuses' };
	const statuses = parts.map((part) => part.trim().toUpperCase()).filter((part) => part !== '');
	const unknown = statuses.find((status) => !STATUSES.includes(status));
	if (unknown !== undefined) return { problem: `"${unknown}" is not one of ${STATUSES.join(', ')}` };
	return { value: statuses };
};

const objectId: InputParser = (raw) => {
	const id = normalizeObjectId(raw);
	return id === undefined ? { problem: 'not an id' } : { value: id };
};

const trimmedText: InputParser = (raw) => {
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	return text === '' ? { problem: 'not text' } : { value: text };
};

/** The end of a range: a date without a time includes that whole day, in the workflow's time zone. */
const endOfRange: InputParser = (raw, context) => {
	const day = typeof raw === 'string' ? DATE_ONLY.exec(raw) : null;
	if (!day) return isoDateTime(raw, context);
	const next = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + 1)).toISOString().slice(0, 10);
	const start = isoDateTime(next, context);
	if ('problem' in start) return start;
	return { value: new Date(Date.parse(String(start.value)) - 1).toISOString() };
};

function timeOf(record: IDataObject, field: string): number {
	return Date.parse(String(record[field] ?? ''));
}

function counterpartyOf(record: IDataObject): unknown {
	const counterParty = record.counterParty;
	return typeof counterParty === 'object' && counterParty !== null ? (counterParty as IDataObject)._id : counterParty;
}

function dateRange(field: 'invoiceDate' | 'dueDate', label: string): RecordFilter[] {
	const from = `filters.${field}From`;
	const to = `filters.${field}To`;
	return [
		{
			parameter: from,
			label: `${label} From`,
			parse: isoDateTime,
			notAfter: to,
			expected: DATE_EXAMPLE,
			keeps: (record, value) => timeOf(record, field) >= Date.parse(String(value)),
		},
		{
			parameter: to,
			label: `${label} To`,
			parse: endOfRange,
			expected: DATE_EXAMPLE,
			keeps: (record, value) => timeOf(record, field) <= Date.parse(String(value)),
		},
	];
}

/** The filters the node applies to each page of Invoice > Get Many (the API filters by Minimum Amount only). */
export const invoiceRecordFilters: RecordFilter[] = [
	{
		parameter: 'filters.status',
		label: 'Status',
		parse: statusList,
		expected: `one or more of ${STATUSES.join(', ')}`,
		keeps: (record, value) => (value as string[]).includes(String(record.status)),
	},
	{
		parameter: 'filters.counterpartyId',
		label: 'Counterparty ID',
		parse: objectId,
		expected: 'a 24-character hexadecimal id, e.g. 65f1c0ffee0123456789abcd',
		findWith: counterpartyId.input.findWith,
		keeps: (record, value) => counterpartyOf(record) === value,
	},
	{
		parameter: 'filters.invoiceNumber',
		label: 'Invoice Number',
		parse: trimmedText,
		expected: 'the invoice number as text, e.g. INV-0042',
		keeps: (record, value) => String(record.invoiceId ?? '').trim().toLowerCase() === String(value).toLowerCase(),
	},
	...dateRange('invoiceDate', 'Invoice Date'),
	...dateRange('dueDate', 'Due Date'),
];

function dateOption(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'dateTime', default: '', description };
}

/** The Filters of Invoice > Get Many, sorted by name as n8n lists them. */
export const invoiceFilterOptions: INodeProperties[] = [
	{
		...idLocator({
			name: 'counterpartyId',
			displayName: 'Counterparty ID',
			searchMethod: 'searchCounterparties',
			description: "Only this customer's invoices (applied by the node)",
			required: false,
		}),
	},
	dateOption('dueDateFrom', 'Due Date From', 'Only invoices due on or after this date (applied by the node)'),
	dateOption('dueDateTo', 'Due Date To', 'Only invoices due on or before this date; a date without a time includes the whole day (applied by the node)'),
	dateOption('invoiceDateFrom', 'Invoice Date From', 'Only invoices dated on or after this date (applied by the node)'),
	dateOption('invoiceDateTo', 'Invoice Date To', 'Only invoices dated on or before this date; a date without a time includes the whole day (applied by the node)'),
	{
		displayName: 'Invoice Number',
		name: 'invoiceNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. INV-0042',
		description: 'Only the invoice with this number, ignoring case and surrounding spaces (applied by the node)',
	},
	{
		displayName: 'Minimum Amount',
		name: 'minAmount',
		type: 'number',
		default: 0,
		description: 'Only invoices of at least this amount (applied by Bookeeping.ai)',
		routing: { send: { type: 'query', property: 'minAmount', value: '={{ String($value) }}' } },
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'multiOptions',
		options: STATUSES.map((status) => ({ name: status.charAt(0) + status.slice(1).toLowerCase(), value: status })),
		default: [],
		description:
			'Only invoices in these statuses, as Bookeeping.ai reports them: a sent invoice past its due date counts as overdue only once Bookeeping.ai says OVERDUE (applied by the node)',
	},
];
