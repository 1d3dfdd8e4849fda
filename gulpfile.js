const { parallel, src, dest } = require('gulp');

// tsc emits only JavaScript: the icons and the codex file must sit next to the compiled node.
function copyNodeAssets() {
	return src('nodes/**/*.{svg,png,json}', { encoding: false }).pipe(dest('dist/nodes'));
}

function copyCredentialAssets() {
	return src('credentials/**/*.{svg,png}', { encoding: false, allowEmpty: true }).pipe(
		dest('dist/credentials'),
	);
}

exports['build:assets'] = parallel(copyNodeAssets, copyCredentialAssets);
