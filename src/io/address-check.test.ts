import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchRefused, guardedFetch, isPrivateAddress } from './address-check.ts';

describe('isPrivateAddress', () => {
  it('spots loopback, private ranges, link-local metadata, unique-local and mapped IPv6 in every notation', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::',
      '::1',
      '[::1]',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '[::ffff:7f00:1]',
      '::ffff:a9fe:a9fe',
      '::127.0.0.1',
      '64:ff9b::7f00:1',
      '2002:7f00:1::',
      '0:0:0:0:0:ffff:7f00:1',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
  });
  it('lets public addresses through', () => {
    for (const ip of ['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:2800:220:1::1', '::ffff:808:808'])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });
});

describe('guardedFetch', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/page') return res.end('<h1>hello</h1>');
      if (req.url === '/hop') {
        res.writeHead(302, { location: `http://127.0.0.1:${port}/page` });
        return res.end();
      }
      res.writeHead(404);
      res.end('nope');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const options = { allowLocalAddresses: false, timeoutMs: 5000, maxBytes: 1000 };
  const refusal = async (url: string, allow = false) => {
    try {
      await guardedFetch(new URL(url), { ...options, allowLocalAddresses: allow });
      return 'fetched';
    } catch (error) {
      return error instanceof FetchRefused ? error.message : `other: ${String(error)}`;
    }
  };

  it('refuses this machine in every notation, before connecting', async () => {
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `[::ffff:7f00:1]:${port}`,
      `[::ffff:127.0.0.1]:${port}`,
      `2130706433:${port}`,
      `0x7f.1:${port}`,
      `0177.0.0.1:${port}`,
      `0.0.0.0:${port}`,
      `[::]:${port}`,
    ]) {
      expect(await refusal(`http://${host}/page`), host).toBe('the page could not be fetched');
    }
  });

  it('checks again at each redirect, and gives one text for a refusal, a 404 and a closed port', async () => {
    const texts = new Set([
      await refusal(`http://127.0.0.1:${port}/hop`),
      await refusal(`http://127.0.0.1:${port}/missing`, true),
      await refusal('http://127.0.0.1:1/page', true),
    ]);
    expect([...texts]).toEqual(['the page could not be fetched']);
  });

  it('fetches local pages, through redirects, only when allowed', async () => {
    const page = await guardedFetch(new URL(`http://localhost:${port}/hop`), {
      ...options,
      allowLocalAddresses: true,
    });
    expect(page.body.toString()).toBe('<h1>hello</h1>');
    expect(page.url.pathname).toBe('/page');
  });
});
