import type { InputParser } from './operationSpec';

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(value: unknown): { value: unknown } | { problem: string } {
	if (typeof value !== 'string') return { value };
	if (value.trim() === '') return { problem: 'an empty value' };
	try {
		return { value: JSON.parse(value) };
	} catch {
		return { problem: 'text that is not valid JSON' };
	}
}

/** A JSON array of one or more objects, given as JSON text or as an array. */
export const jsonArrayOfObjects: InputParser = (raw) => {
	const parsed = parseJson(raw);
	if ('problem' in parsed) return parsed;
	const value = parsed.value;
	if (!Array.isArray(value)) return { problem: 'not a JSON array' };
	if (value.length === 0) return { problem: 'an empty array' };
	const notObject = value.findIndex((entry) => !isPlainObject(entry));
	if (notObject !== -1) return { problem: `an array whose entry ${notObject} is not an object` };
	return { value };
};

/** How far ahead of UTC `timeZone` is at `time`, in milliseconds. */
function zoneOffsetMs(time: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(time));
	const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
	const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return asUtc - Math.floor(time / 1000) * 1000;
}

/** A local date-time without a zone, read in `timeZone`. */
function localTime(text: string, timeZone: string): number {
	const asUtc = Date.parse(`${text}Z`);
	let time = asUtc - zoneOffsetMs(asUtc, timeZone);
	time = asUtc - zoneOffsetMs(time, timeZone);
	return time;
}

/**
 * A date, sent as ISO 8601. The editor's date picker gives a local date-time without a zone,
 * which is read in the workflow's time zone.
 */
export const isoDateTime: InputParser = (raw, { timeZone }) => {
	let text: string | undefined;
	if (raw instanceof Date) text = raw.toISOString();
	else if (typeof raw === 'string') text = raw.trim();
	else if (isPlainObject(raw) && typeof (raw as { toISO?: unknown }).toISO === 'function') {
		text = String((raw as { toISO: () => string }).toISO());
	}
	if (!text) return { problem: raw === undefined || raw === '' || raw === null ? 'an empty value' : 'not a date' };
	if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return { problem: 'not an ISO 8601 date' };
	const local = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(text);
	let time: number;
	try {
		time = local ? localTime(text.length === 10 ? `${text}T00:00:00` : text, timeZone) : Date.parse(text);
	} catch {
		time = Date.parse(`${text}Z`);
	}
	if (Number.isNaN(time)) return { problem: 'not a valid date' };
	return { value: new Date(time).toISOString() };
};

/** A finite number, given as a number or numeric text. */
export const finiteNumber: InputParser = (raw) => {
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isFinite(value)) return { problem: 'not a number' };
	return { value };
};

/** Non-empty text, trimmed. */
export const requiredText: InputParser = (raw) => {
	if (typeof raw === 'number') return { value: String(raw) };
	if (typeof raw !== 'string' || raw.trim() === '') return { problem: 'an empty value' };
	return { value: raw.trim() };
};

/** Comma-separated text (or an array) as an array of trimmed, non-empty strings. */
export const commaSeparatedList: InputParser = (raw) => {
	const parts = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',') : undefined;
	if (!parts) return { problem: 'not a comma-separated list' };
	return { value: parts.map((part) => part.trim()).filter((part) => part !== '') };
};
