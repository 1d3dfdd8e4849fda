import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { BookeepingInputError } from './errors';
import { nextForValue } from './inputChecks';
import { describeRejectedValue, rejectedValueForDetails } from './objectId';
import type { ListShape, RecordFilter } from './operationSpec';

export type RecordPredicate = (record: IDataObject) => boolean;

const NOT_SENT = 'No request was sent for this item.';

function isUnset(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return true;
	if (Array.isArray(value)) return value.length === 0;
	return typeof value === 'object' && Object.keys(value as object).length === 0;
}

function refuse(context: IExecuteSingleFunctions, filter: RecordFilter, value: unknown, problem: string, fix: string, next: string): never {
	const itemIndex = context.getItemIndex();
	const shown = `${describeRejectedValue(value)} (${problem})`;
	throw new BookeepingInputError(
		context.getNode(),
		`Invalid ${filter.label} in item ${itemIndex}: ${shown}. ${fix}`,
		{
			itemIndex,
			description: `${fix} Check the filter's value or the expression that sets it. ${NOT_SENT}`,
			forModel: { what: `Refused before sending: the filter ${filter.label} is ${shown}.`, next },
		},
		{ field: filter.parameter, rejectedValue: rejectedValueForDetails(value) },
	);
}

function fixFor(filter: RecordFilter): string {
	return filter.expected ? `${filter.label} must be ${filter.expected}.` : `Check ${filter.label}.`;
}

/**
 * The node-side filters of a Get Many that are set for this item, checked before any request
 * (a value that cannot be used, or a range whose start is after its end, is refused), as one
 * predicate; undefined when none is set and the list is read as the API serves it.
 */
export function recordPredicateOf(context: IExecuteSingleFunctions, shape: ListShape): RecordPredicate | undefined {
	const timeZone = context.getTimezone();
	const active: Array<{ filter: RecordFilter; raw: unknown; value: unknown }> = [];
	for (const filter of shape.filters ?? []) {
		const raw = context.getNodeParameter(filter.parameter, null, { extractValue: true }) as unknown;
		if (isUnset(raw)) continue;
		const parsed = filter.parse(raw, { timeZone });
		if ('problem' in parsed) refuse(context, filter, raw, parsed.problem, fixFor(filter), nextForValue(filter.label, filter.expected, filter.findWith));
		active.push({ filter, raw, value: parsed.value });
	}
	for (const { filter, raw, value } of active) {
		const end = active.find((other) => other.filter.parameter === filter.notAfter);
		if (end && Date.parse(String(value)) > Date.parse(String(end.value))) {
			const fix = `${filter.label} must not be after ${end.filter.label} (${describeRejectedValue(end.raw)}).`;
			refuse(context, filter, raw, `after ${end.filter.label}`, fix, `give ${filter.label} on or before ${end.filter.label}, and call again.`);
		}
	}
	if (active.length === 0) return undefined;
	return (record) => active.every(({ filter, value }) => filter.keeps(record, value));
}
