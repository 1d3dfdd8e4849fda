const OBJECT_ID_PATTERN = /^[0-9a-fA-F]{24}$/;

/** The trimmed id when the value is a 24-character hexadecimal object id, else undefined. */
export function normalizeObjectId(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const id = value.trim();
	return OBJECT_ID_PATTERN.test(id) ? id : undefined;
}

/** A short, printable rendering of a rejected value for an error message. */
export function describeRejectedValue(value: unknown): string {
	if (value === undefined || value === '') return 'an empty value';
	if (value === null) return 'null';
	let text: string;
	try {
		text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
	} catch {
		text = Object.prototype.toString.call(value);
	}
	const kind = Array.isArray(value) ? 'array' : typeof value;
	const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
	return kind === 'string' ? shown : `${kind} ${shown}`;
}

/** The rejected value itself when it is a short scalar, so a workflow can use it; else its rendering. */
export function rejectedValueForDetails(value: unknown): string | number | boolean | null {
	if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
	if (typeof value === 'string' && value.length <= 200) return value;
	return describeRejectedValue(value);
}
