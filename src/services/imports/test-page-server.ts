import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const page = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/job-pages/${name}`, import.meta.url));

/** For tests: a local web server (127.0.0.1) serving the fixtures: no outside network in tests. */
export async function startPageServer(): Promise<{ base: string; server: Server }> {
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    if (name === 'big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(Buffer.alloc(6 * 1024 * 1024, 'a'));
      return;
    }
    try {
      const body = page(name);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
