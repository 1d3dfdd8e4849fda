/** One tool call as the model (or MCP client) received its result. */
export interface ToolCallRow {
	path: 'agent' | 'MCP';
	label: string;
	tool: string;
	content: string;
	durationMs: number;
}

const cell = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');

/**
 * The measured table: per tool call what the model received (first 200 characters), its size
 * in characters and the call's duration; then the largest result and the AI part's time.
 */
export function aiTable(rows: ToolCallRow[], totalMs: number): string {
	const lines = [
		'| path | case | tool | what the model received (first 200 characters) | characters | duration |',
		'| --- | --- | --- | --- | ---: | ---: |',
		...rows.map((row) =>
			`| ${row.path} | ${cell(row.label)} | ${row.tool} | \`${cell(row.content.slice(0, 200))}\` | ${row.content.length} | ${(row.durationMs / 1000).toFixed(2)} s |`,
		),
	];
	const largest = rows.reduce<ToolCallRow | undefined>((max, row) => (!max || row.content.length > max.content.length ? row : max), undefined);
	if (largest) lines.push('', `Largest tool result of the run: ${largest.content.length} characters (${largest.path}, ${largest.label}, ${largest.tool}).`);
	lines.push(`Time the AI part adds to the e2e: ${(totalMs / 1000).toFixed(1)} s.`);
	return lines.join('\n');
}
