import { jsonArrayOfObjects } from '../../pipeline/inputParsers';
import { normalizeObjectId } from '../../pipeline/objectId';
import type { InputParser } from '../../pipeline/operationSpec';

export interface Entry {
	amount: number;
	type: 'DEBIT' | 'CREDIT';
	category: string;
	isMain?: boolean;
	note?: string;
}

const ENTRY_KEYS = ['amount', 'type', 'category', 'isMain', 'note'];

export const ENTRIES_DESCRIPTION =
	'The double-entry lines as a JSON array: each {"amount": 120, "type": "DEBIT" or "CREDIT", "category": "<category ID>", "isMain": true, "note": "…"}. Debits must add up to the credits, and both to Total Amount. The entry with isMain is the money side (the bank account).';

function entryProblem(entry: Record<string, unknown>, index: number): string | undefined {
	const unknownKey = Object.keys(entry).find((key) => !ENTRY_KEYS.includes(key));
	if (unknownKey) return `entry ${index} has "${unknownKey}", which is not one of ${ENTRY_KEYS.join(', ')}`;
	if (typeof entry.amount !== 'number' || !Number.isFinite(entry.amount) || entry.amount <= 0) {
		return `entry ${index} has an amount that is not a number over 0`;
	}
	if (typeof entry.type !== 'string' || !['DEBIT', 'CREDIT'].includes(entry.type.toUpperCase())) {
		return `entry ${index} has a type that is not DEBIT or CREDIT`;
	}
	if (normalizeObjectId(entry.category) === undefined) return `entry ${index} has a category that is not a 24-character hexadecimal category ID`;
	if (entry.isMain !== undefined && typeof entry.isMain !== 'boolean') return `entry ${index} has an isMain that is not true or false`;
	if (entry.note !== undefined && entry.note !== null && typeof entry.note !== 'string') return `entry ${index} has a note that is not text`;
	return undefined;
}

/** Entries as the API's `entries[]`: checked one by one, type upper-cased, category id trimmed. */
export const transactionEntries: InputParser = (raw, context) => {
	const parsed = jsonArrayOfObjects(raw, context);
	if ('problem' in parsed) return parsed;
	const entries = parsed.value as Array<Record<string, unknown>>;
	for (const [index, entry] of entries.entries()) {
		const problem = entryProblem(entry, index);
		if (problem) return { problem };
	}
	const value: Entry[] = entries.map((entry) => ({
		...entry,
		amount: entry.amount as number,
		type: String(entry.type).toUpperCase() as Entry['type'],
		category: normalizeObjectId(entry.category)!,
	}));
	return { value };
};

const cents = (amount: number) => Math.round(amount * 100);
const shown = (amountInCents: number) => String(amountInCents / 100);

/**
 * Why the entries cannot be booked: debits must equal credits, and, when a total is given,
 * equal it too. Compared in cents, so 0.1 + 0.2 balances 0.3.
 */
export function unbalancedEntries(entries: Entry[], totalAmount: number | undefined): string | undefined {
	const sum = (type: Entry['type']) => entries.filter((entry) => entry.type === type).reduce((total, entry) => total + cents(entry.amount), 0);
	const debits = sum('DEBIT');
	const credits = sum('CREDIT');
	const total = totalAmount === undefined ? undefined : cents(totalAmount);
	if (debits === credits && (total === undefined || debits === total)) return undefined;
	const totals = `debits add up to ${shown(debits)} and credits to ${shown(credits)}`;
	return total === undefined
		? `Entries do not balance: ${totals}. Debits must equal credits.`
		: `Entries do not balance with Total Amount ${shown(total)}: ${totals}. Debits must equal credits, and both must equal Total Amount.`;
}
