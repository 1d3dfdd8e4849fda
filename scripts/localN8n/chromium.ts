import { existsSync } from 'node:fs';

import { runCommandOrThrow } from './runCommand';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Debian's Chromium, installed with apt when missing. Browser downloads by test tools do not
 * work on a closed network; the distribution's package does.
 */
export async function ensureChromium(): Promise<{ installed: boolean }> {
	if (existsSync(CHROMIUM_PATH)) return { installed: false };
	if (process.getuid?.() !== 0) {
		throw new Error(`${CHROMIUM_PATH} is missing. Install it with \`sudo apt-get install -y chromium\` (Debian's package), then run again.`);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await runCommandOrThrow('apt-get', ['update'], { cwd: '/', env });
	await runCommandOrThrow('apt-get', ['install', '-y', 'chromium'], { cwd: '/', env });
	if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} is missing`);
	return { installed: true };
}
