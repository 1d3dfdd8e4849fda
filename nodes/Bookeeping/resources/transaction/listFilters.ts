import type { INodeProperties } from 'n8n-workflow';

import { API_GUESSES } from '../../apiGuesses';
import { finiteNumber, isoDateTime } from '../../pipeline/inputParsers';
import { normalizeObjectId } from '../../pipeline/objectId';
import type { InputParser, ParsedInput } from '../../pipeline/operationSpec';
import { CODE_LIST_VALUE, PARENT_CATEGORY_OPTIONS } from '../category/parentCategories';

const names = API_GUESSES.transactionFilters;

/** Comma-separated 24-hex ids (or an array of them), sent as one comma-separated list. */
const objectIdList: InputParser = (raw) => {
	const parts = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',') : undefined;
	if (!parts) return { problem: 'not a comma-separated list of IDs' };
	const ids = parts.map((part) => part.trim()).filter((part) => part !== '');
	if (ids.length === 0) return { problem: 'an empty value' };
	const wrong = ids.find((id) => normalizeObjectId(id) === undefined);
	if (wrong !== undefined) return { problem: `"${wrong}" is not a 24-character hexadecimal ID` };
	return { value: ids.join(',') };
};

function idListOption(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', default: '', placeholder: 'e.g. 65f1c0ffee0123456789abcd, 65f1c0ffee0123456789abce', description };
}

function codeListOption(name: string, displayName: string, property: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'multiOptions',
		options: PARENT_CATEGORY_OPTIONS,
		default: [],
		description,
		routing: { send: { type: 'query', property, value: CODE_LIST_VALUE } },
	};
}

/** The filters of Transaction > Get Many; the query names other than `counterparties` and `startDate` are guesses. */
export const transactionFilterOptions: INodeProperties[] = [
	idListOption('accountIds', 'Account IDs', 'Only transactions in these bank or card accounts (comma-separated IDs)'),
	idListOption('categoryIds', 'Category IDs', 'Only transactions with an entry in these categories (comma-separated IDs)'),
	idListOption('classIds', 'Class IDs', 'Only transactions of these classes (comma-separated IDs)'),
	idListOption('counterpartyIds', 'Counterparty IDs', 'Only transactions with these customers or vendors (comma-separated IDs)'),
	{ displayName: 'End Date', name: 'endDate', type: 'dateTime', default: '', description: 'Only transactions on or before this date' },
	idListOption('excludedCategoryIds', 'Excluded Category IDs', 'Leave out transactions with an entry in these categories (comma-separated IDs)'),
	codeListOption('excludedMainCategories', 'Excluded Main Categories', names.excludedMainCategories, 'Leave out transactions under these parent categories'),
	codeListOption('mainCategories', 'Main Categories', names.mainCategories, 'Only transactions under these parent categories'),
	{ displayName: 'Maximum Amount', name: 'maxAmount', type: 'number', default: 0, description: 'Only transactions of at most this amount' },
	{ displayName: 'Minimum Amount', name: 'minAmount', type: 'number', default: 0, description: 'Only transactions of at least this amount' },
	{ displayName: 'Start Date', name: 'startDate', type: 'dateTime', default: '', description: 'Only transactions on or after this date' },
];

const filter = (name: string, label: string, parse: InputParser, sendAt: string): ParsedInput => ({
	parameter: `filters.${name}`,
	label,
	parse,
	sendAt,
	sendIn: 'query',
	optional: true,
});

/** The filters whose values are checked (ids, dates, amounts) before they are sent in the query. */
export const transactionFilterInputs: ParsedInput[] = [
	filter('counterpartyIds', 'Counterparty IDs', objectIdList, 'counterparties'),
	filter('accountIds', 'Account IDs', objectIdList, names.accountIds),
	filter('categoryIds', 'Category IDs', objectIdList, names.categoryIds),
	filter('classIds', 'Class IDs', objectIdList, names.classIds),
	filter('excludedCategoryIds', 'Excluded Category IDs', objectIdList, names.excludedCategoryIds),
	filter('startDate', 'Start Date', isoDateTime, 'startDate'),
	filter('endDate', 'End Date', isoDateTime, names.endDate),
	filter('minAmount', 'Minimum Amount', finiteNumber, names.minAmount),
	filter('maxAmount', 'Maximum Amount', finiteNumber, names.maxAmount),
];
