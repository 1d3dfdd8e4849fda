import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import type { N8nInstall } from './n8nVersions';
import type { N8nRestClient } from './n8nRestClient';
import { node24Bin } from './paths';

export interface InstanceOwner {
	email: string;
	password: string;
	/** n8n 2.x's variables that create (or overwrite) the owner account on `n8n start`; none on 1.x. */
	env: Record<string, string>;
	/** n8n 1.x has no such variables: the owner is set up once through the owner setup call. */
	setUpThroughApi: boolean;
}

const NAME = { firstName: 'Local', lastName: 'Developer' };

/**
 * An owner account nobody has to create on n8n's owner setup screen. On 2.x it comes from the
 * environment, with the password as a bcrypt hash made by n8n's own bcryptjs.
 */
export function instanceOwner(install: N8nInstall, email: string, password: string): InstanceOwner {
	if (install.major < 2) return { email, password, env: {}, setUpThroughApi: true };
	const hashing = spawnSync(join(node24Bin, 'node'), ['-e', "process.stdout.write(require('bcryptjs').hashSync(process.env.OWNER_PASSWORD, 10))"], {
		cwd: install.dir,
		env: { ...process.env, OWNER_PASSWORD: password },
		encoding: 'utf8',
	});
	if (hashing.status !== 0) throw new Error(`Could not hash the owner's password with n8n's bcryptjs: ${hashing.stderr}`);
	return {
		email,
		password,
		setUpThroughApi: false,
		env: {
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: email,
			N8N_INSTANCE_OWNER_PASSWORD_HASH: hashing.stdout,
			N8N_INSTANCE_OWNER_FIRST_NAME: NAME.firstName,
			N8N_INSTANCE_OWNER_LAST_NAME: NAME.lastName,
		},
	};
}

/** Signs in as the owner; on n8n 1.x sets the owner up first if this n8n has none yet. */
export async function signInAsOwner(client: N8nRestClient, owner: InstanceOwner): Promise<void> {
	if (owner.setUpThroughApi) await client.setUpOwner({ email: owner.email, password: owner.password, ...NAME });
	await client.login(owner.email, owner.password);
}
