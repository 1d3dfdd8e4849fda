import { createServer, type Server } from 'node:net';

async function listen(port: number): Promise<Server | undefined> {
	return await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(undefined));
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}

async function close(server: Server): Promise<void> {
	await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** `count` distinct TCP ports on 127.0.0.1 that nothing listens on right now. */
export async function freePorts(count: number): Promise<number[]> {
	const servers: Server[] = [];
	try {
		for (let index = 0; index < count; index++) {
			const server = await listen(0);
			if (!server) throw new Error('No free TCP port on 127.0.0.1');
			servers.push(server);
		}
		return servers.map((server) => {
			const address = server.address();
			return typeof address === 'object' && address ? address.port : 0;
		});
	} finally {
		await Promise.all(servers.map(close));
	}
}

export async function isPortFree(port: number): Promise<boolean> {
	const server = await listen(port);
	if (server) await close(server);
	return server !== undefined;
}
