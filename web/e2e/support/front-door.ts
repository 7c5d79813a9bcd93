import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface FrontDoor {
  url: string;
  /** While blocked, requests under the prefix fail as if its instance were down. */
  block(prefix: string): void;
  unblock(prefix: string): void;
  close(): Promise<void>;
}

/**
 * One origin in front of both instances, as a load balancer with path routing would be: `/a/...` goes to A,
 * `/b/...` to B, anything else (the page) to `fallback`. The page then reaches both instances same-origin,
 * without CORS, and the test can take one away.
 */
export async function startFrontDoor(routes: Record<string, string>, fallback: string): Promise<FrontDoor> {
  const blocked = new Set<string>();
  const sockets = new Set<net.Socket>();

  const target = (url: string) => {
    for (const [prefix, base] of Object.entries(routes))
      if (url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`))
        return { prefix, base: new URL(base), path: url.slice(prefix.length) || '/' };
    return { prefix: '', base: new URL(fallback), path: url };
  };

  const server = http.createServer((req, res) => {
    const { prefix, base, path } = target(req.url ?? '/');
    if (blocked.has(prefix)) return void res.writeHead(502).end();
    const upstream = http.request(
      { host: base.hostname, port: base.port, method: req.method, path, headers: { ...req.headers, host: base.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    req.pipe(upstream);
  });

  // WebSockets: replay the upgrade request to the instance and splice the two sockets together.
  server.on('upgrade', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const { prefix, base, path } = target(req.url ?? '/');
    if (blocked.has(prefix)) return void client.destroy();
    const upstream = net.connect(Number(base.port), base.hostname, () => {
      const headers = Object.entries({ ...req.headers, host: base.host }).map(([k, v]) => `${k}: ${String(v)}`);
      upstream.write(`${req.method} ${path} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
      s.on('error', () => s.destroy());
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    block: (prefix) => blocked.add(prefix),
    unblock: (prefix) => blocked.delete(prefix),
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
