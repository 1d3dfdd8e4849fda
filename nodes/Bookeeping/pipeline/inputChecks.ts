import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { BookeepingInputError } from './errors';
import { describeRejectedValue, normalizeObjectId, rejectedValueForDetails } from './objectId';
import type { OperationSpec } from './operationSpec';

/** What the checks let through: the ids named in messages, and converted values for the body. */
export interface CheckedItem {
	ids: Record<string, string>;
	body: Record<string, unknown>;
	query: Record<string, unknown>;
}

const NOT_SENT = 'No request was sent for this item.';

function refuse(
	context: IExecuteSingleFunctions,
	label: string,
	field: string,
	value: unknown,
	problem: string,
	fix: string,
	nextForModel: string,
): never {
	const itemIndex = context.getItemIndex();
	const shown = problem === 'an empty value' ? problem : `${describeRejectedValue(value)} (${problem})`;
	throw new BookeepingInputError(
		context.getNode(),
		`Invalid ${label} in item ${itemIndex}: ${shown}. ${fix}`,
		{
			itemIndex,
			description: `${fix} Check the value or expression that sets it (an expression that finds no field gives an empty value). ${NOT_SENT}`,
			forModel: { what: `Refused before sending: ${label} is ${shown}.`, next: nextForModel },
		},
		{ field, rejectedValue: rejectedValueForDetails(value) },
	);
}

/** The next step for a model that sent a value that cannot be used; for an id, where to find it. */
export function nextForValue(label: string, expected: string | undefined, findWith?: string): string {
	if (!expected) return `correct ${label} and call again.`;
	return findWith ? `give ${label} as ${expected}; find it with ${findWith}.` : `give ${label} as ${expected}, and call again.`;
}

function isUnset(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return true;
	return typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0;
}

/** A parameter's value; null for a field of a collection that is not set (n8n throws for it without a fallback). */
function parameter(context: IExecuteSingleFunctions, name: string): unknown {
	return context.getNodeParameter(name, null, { extractValue: true }) as unknown;
}

/**
 * Checks one item's input against what its operation declares, before anything is sent.
 * Synchronous on purpose: under Stop Workflow an invalid item must be known before any later
 * item's request can go out.
 */
export function checkItem(context: IExecuteSingleFunctions, spec: OperationSpec): CheckedItem {
	const checked: CheckedItem = { ids: {}, body: {}, query: {} };
	for (const input of spec.ids ?? []) {
		const value = parameter(context, input.parameter);
		if (input.optional && isUnset(value)) continue;
		const id = normalizeObjectId(value);
		if (id === undefined) {
			refuse(
				context,
				input.label,
				input.parameter,
				value,
				isUnset(value) || (typeof value === 'string' && value.trim() === '') ? 'an empty value' : 'not an id',
				`${input.label} must be a 24-character hexadecimal id, e.g. 65f1c0ffee0123456789abcd.`,
				nextForValue(input.label, 'a 24-character hexadecimal id, e.g. 65f1c0ffee0123456789abcd', input.findWith),
			);
		}
		checked.ids[input.parameter.split('.').pop()!] = id;
		if (input.sendAt) checked.body[input.sendAt] = id;
	}
	const timeZone = context.getTimezone();
	for (const input of spec.inputs ?? []) {
		const value = parameter(context, input.parameter);
		if (input.optional && isUnset(value)) continue;
		const parsed = input.parse(value, { timeZone });
		if ('problem' in parsed) {
			refuse(context, input.label, input.parameter, value, parsed.problem, `Check ${input.label}.`, nextForValue(input.label, input.expected));
		}
		if (input.sendAt) (input.sendIn === 'query' ? checked.query : checked.body)[input.sendAt] = parsed.value;
	}
	const problem = spec.check?.(context);
	if (problem !== undefined) {
		const itemIndex = context.getItemIndex();
		throw new BookeepingInputError(
			context.getNode(),
			`Item ${itemIndex} cannot be sent: ${problem}`,
			{ itemIndex, description: NOT_SENT, forModel: { what: `Refused before sending: ${problem}`, next: 'correct the arguments and call again.' } },
			{ field: null },
		);
	}
	return checked;
}
