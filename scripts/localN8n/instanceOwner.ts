import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { n8nDir, node24Bin } from './paths';

export interface InstanceOwner {
	email: string;
	password: string;
	/** n8n 2.41's variables that create (or overwrite) the owner account on `n8n start`. */
	env: Record<string, string>;
}

/**
 * An owner account set up from the environment, so nobody has to go through n8n's owner
 * setup screen. n8n wants the password as a bcrypt hash; n8n's own bcryptjs makes it.
 */
export function instanceOwner(email: string, password: string): InstanceOwner {
	const hashing = spawnSync(join(node24Bin, 'node'), ['-e', "process.stdout.write(require('bcryptjs').hashSync(process.env.OWNER_PASSWORD, 10))"], {
		cwd: n8nDir,
		env: { ...process.env, OWNER_PASSWORD: password },
		encoding: 'utf8',
	});
	if (hashing.status !== 0) throw new Error(`Could not hash the owner's password with n8n's bcryptjs: ${hashing.stderr}`);
	return {
		email,
		password,
		env: {
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: email,
			N8N_INSTANCE_OWNER_PASSWORD_HASH: hashing.stdout,
			N8N_INSTANCE_OWNER_FIRST_NAME: 'Local',
			N8N_INSTANCE_OWNER_LAST_NAME: 'Developer',
		},
	};
}
