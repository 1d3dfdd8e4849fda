/**
 * n8n verifies only packages whose interface and documentation are in English. A script cannot
 * read English; these two heuristics catch what slips in most often: letters outside A-Z (another
 * script, or the accented Latin of a translated text), and the common little words of other
 * Latin-script languages. Punctuation and symbols (→, …, ·, an emoji in a placeholder) are fine.
 */

// Function words of German, French, Spanish, Italian and Dutch that are not also English words.
const FOREIGN_FUNCTION_WORDS = new Set([
	'und', 'oder', 'nicht', 'ist', 'sind', 'wird', 'werden', 'eine', 'einen', 'das', 'auch',
	'les', 'est', 'pour', 'avec', 'dans', 'une', 'sont', 'mais', 'aussi',
	'los', 'las', 'para', 'una', 'pero', 'tambien',
	'della', 'sono', 'questo',
	'het', 'een', 'niet', 'voor', 'wordt', 'zijn',
]);

export function nonEnglishFindings(text: string): string[] {
	const findings: string[] = [];
	const letters = new Set([...text].filter((char) => char > '\x7f' && /\p{L}/u.test(char)));
	if (letters.size) findings.push(`letters outside A-Z: ${[...letters].join(' ')}`);
	const words = new Set((text.match(/\b[a-z]+\b/g) ?? []).filter((word) => FOREIGN_FUNCTION_WORDS.has(word)));
	if (words.size) findings.push(`words of another language: ${[...words].join(', ')}`);
	return findings;
}

/** The prose of a Markdown file: without code blocks, inline code and links' targets. */
export function proseOf(markdown: string): string {
	return markdown
		.replace(/```[\s\S]*?```/g, '')
		.replace(/`[^`\n]*`/g, '')
		.replace(/\]\([^)]*\)/g, ']')
		.replace(/https?:\/\/\S+/g, '');
}

export interface TextAt {
	path: string;
	text: string;
}

/**
 * Every string a node or credential description holds, with where it sits, e.g.
 * `properties.3.options.0.description`. Expressions (`={{ … }}`) are code, not copy.
 */
export function textsOf(value: unknown, path = '', seen = new Set<object>()): TextAt[] {
	if (typeof value === 'string') return value.startsWith('=') ? [] : [{ path, text: value }];
	if (!value || typeof value !== 'object' || seen.has(value)) return [];
	seen.add(value);
	return Object.entries(value).flatMap(([key, child]) => textsOf(child, path ? `${path}.${key}` : key, seen));
}
