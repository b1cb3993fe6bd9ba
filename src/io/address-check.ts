import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * True for addresses that reach this machine or a private network: loopback, RFC 1918,
 * link-local (cloud metadata), carrier-grade NAT, unique-local IPv6, and unspecified ones.
 */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(ip) === 4) {
    const [a = 0, b = 0] = ip.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (isIP(ip) === 6) {
    if (ip === '::' || ip === '::1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
    if (mapped) return isPrivateAddress(mapped[1]!);
    return /^(fc|fd|fe8|fe9|fea|feb)/.test(ip);
  }
  return false;
}

/** Resolves `hostname` and says whether any of its addresses is private (see isPrivateAddress). */
export async function resolvesToPrivateAddress(hostname: string): Promise<boolean> {
  if (isIP(hostname.replace(/^\[|\]$/g, ''))) return isPrivateAddress(hostname);
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true;
  const addresses = await lookup(hostname, { all: true });
  return addresses.some((a) => isPrivateAddress(a.address));
}
