import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

/**
 * The one outbound fetch guard, for every mode. Before a connection is made, every address the
 * name resolves to is checked (in the socket's own lookup, so a name cannot resolve to a public
 * address for the check and a private one for the connection), and again at every redirect.
 * Loopback, private, link-local, carrier-grade NAT, unique-local, multicast, reserved and
 * unspecified addresses are refused, in every notation: the URL parser first turns
 * `0x7f.1`, `2130706433` and `0177.0.0.1` into `127.0.0.1`, and IPv6 forms that carry an IPv4
 * address (`::ffff:7f00:1`, `::127.0.0.1`, NAT64, 6to4) are checked by the address they carry.
 */

/** True for addresses that reach this machine or a private network (see the module note). */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').toLowerCase();
  const kind = isIP(ip);
  if (kind === 4) return isPrivateIPv4(ip.split('.').map(Number));
  if (kind === 6) return isPrivateIPv6(ip);
  return true; // not an address at all: refuse rather than guess
}

function isPrivateIPv4([a = 0, b = 0, c = 0]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && c === 0) ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

function isPrivateIPv6(ip: string): boolean {
  const groups = expandIPv6(ip);
  if (!groups) return true;
  const v4 = (hi: number, lo: number) => [hi >> 8, hi & 255, lo >> 8, lo & 255];
  const zeros = (n: number) => groups.slice(0, n).every((g) => g === 0);
  if (zeros(8)) return true; // ::
  if (zeros(7) && groups[7] === 1) return true; // ::1
  if (zeros(5) && groups[5] === 0xffff) return isPrivateIPv4(v4(groups[6]!, groups[7]!)); // ::ffff:a.b.c.d
  if (zeros(6)) return isPrivateIPv4(v4(groups[6]!, groups[7]!)); // ::a.b.c.d (IPv4-compatible)
  if (groups[0] === 0x64 && groups[1] === 0xff9b) return isPrivateIPv4(v4(groups[6]!, groups[7]!)); // NAT64
  if (groups[0] === 0x2002) return isPrivateIPv4(v4(groups[1]!, groups[2]!)); // 6to4
  const first = groups[0]!;
  return (
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xffc0) === 0xfec0 || // site-local fec0::/10
    (first & 0xff00) === 0xff00 || // multicast
    (first === 0x2001 && groups[1] === 0xdb8) // documentation
  );
}

/** `::ffff:7f00:1` → eight 16-bit numbers; an embedded dotted IPv4 tail is read too. */
function expandIPv6(ip: string): number[] | null {
  let text = ip.split('%')[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const h = part(head);
  const t = part(tail);
  const groups = tail === undefined ? h : [...h, ...new Array(8 - h.length - t.length).fill(0), ...t];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff)
    ? groups
    : null;
}

/** Why a fetch did not give a page. The reason is for logs and tests; people see one text. */
export class FetchRefused extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super('the page could not be fetched');
    this.name = 'FetchRefused';
    this.reason = reason;
  }
}

/** The page is larger than the caller reads. */
export class FetchTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`larger than ${maxBytes} bytes`);
    this.name = 'FetchTooLarge';
  }
}

export interface GuardedFetchOptions {
  /** Let addresses on this machine or its network through: local mode, when the user turns it on. */
  allowLocalAddresses: boolean;
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
  maxRedirects?: number;
}

/** A lookup for sockets that refuses private addresses before any connection is made. */
function guardedLookup(allowLocal: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      if (!allowLocal && (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address)))) {
        return callback(new FetchRefused(`${hostname} resolves to a private address`), '', 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/**
 * GETs `url` through the guard, following up to 5 redirects (each checked again), and returns
 * the body when the final answer is 2xx. Every other outcome (refused address, unreachable,
 * timeout, any non-2xx status, too many redirects) is the same `FetchRefused`, so the answer
 * cannot be used to tell which ports of a private network are open.
 */
export async function guardedFetch(
  start: URL,
  options: GuardedFetchOptions,
): Promise<{ url: URL; body: Buffer; contentType: string | null }> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = start;
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefused('not http(s)');
    if (url.username || url.password) throw new FetchRefused('credentials in the URL');
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal) && !options.allowLocalAddresses && isPrivateAddress(literal)) {
      throw new FetchRefused(`${literal} is a private address`);
    }
    const response = await get(url, options, signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location) {
      response.resume();
      try {
        url = new URL(location, url);
      } catch {
        throw new FetchRefused('bad redirect');
      }
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new FetchRefused(`status ${status}`);
    }
    const declared = Number(response.headers['content-length'] ?? 0);
    if (declared > options.maxBytes) {
      response.destroy();
      throw new FetchTooLarge(options.maxBytes);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response as AsyncIterable<Buffer>) {
        size += chunk.byteLength;
        if (size > options.maxBytes) {
          response.destroy();
          throw new FetchTooLarge(options.maxBytes);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof FetchTooLarge) throw error;
      throw new FetchRefused(`read failed: ${(error as Error).message}`);
    }
    return { url, body: Buffer.concat(chunks), contentType: response.headers['content-type'] ?? null };
  }
  throw new FetchRefused('too many redirects');
}

function get(url: URL, options: GuardedFetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        headers: options.headers ?? {},
        lookup: guardedLookup(options.allowLocalAddresses),
        signal,
        agent: false,
      },
      resolve,
    );
    req.on('error', (error) =>
      reject(error instanceof FetchRefused ? error : new FetchRefused(error.message)),
    );
    req.end();
  });
}
