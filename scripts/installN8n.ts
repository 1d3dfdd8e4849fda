import { n8nInstall, selectedN8nVersions } from './localN8n/n8nVersions';
import { ensureToolchain } from './localN8n/toolchain';

/** `npm run n8n:install [-- --n8n=<version>]`: Node 24 and the chosen n8n versions into .cache/. */
async function main(): Promise<void> {
	for (const version of selectedN8nVersions()) {
		const started = Date.now();
		await ensureToolchain(n8nInstall(version));
		console.log(`n8n ${version} ready (${Math.round((Date.now() - started) / 1000)} s)`);
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
