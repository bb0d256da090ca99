import net from 'node:net';
import { freePort } from './bot-api-emulator.js';

export interface TcpProxy {
  /** `target` with its host and port replaced by the proxy's. */
  url: string;
  /** The database goes away: open connections are dropped and new ones refused. */
  cut(): Promise<void>;
  /** The database is back on the same address. */
  restore(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A loopback TCP proxy in front of a database URL, so a test can take "the server" away and bring it
 * back under a running process (a restart or failover, as clients see it), for PGlite and a real
 * server alike.
 */
export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const upstream = new URL(target);
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer((client) => {
        const remote = net.connect(Number(upstream.port), upstream.hostname);
        for (const socket of [client, remote]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        client.pipe(remote).pipe(client);
        client.on('close', () => remote.destroy());
        remote.on('close', () => client.destroy());
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
      server = next;
    });
  const close = async () => {
    const closing = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise((resolve) => closing.close(resolve));
  };

  await listen();
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return { url: url.toString(), cut: close, restore: listen, stop: close };
}
